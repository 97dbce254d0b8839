import type { PupilExport } from '../../app/privacy/pupil-export';
import { AUDIT_OUTCOME_LABELS, XT, auditActionLabel } from './privacy-texts';
import {
  CATEGORY_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  ROLE_LABELS,
  STATE_LABELS,
  URGENCY_LABELS,
  formatDateTime,
} from '../core/texts';
import { ESCALATION_REASON_LABELS } from '../escalation/escalation-texts';
import { HISTORY_LABELS } from '../signals/signal-handling-texts';
import { pupilName } from '../core/pupil-label';
import { escapeMarkdown, plainOf } from '../core/literal-text';

const yesNo = (b: boolean | undefined) => (b ? XT.yes : XT.no);
/** Text shown literally (no link, image or formatting; literal-text.ts), on one line, table syntax intact. */
const line = (s: unknown) => escapeMarkdown(plainOf(String(s ?? '')).replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
const block = (s: unknown) =>
  plainOf(String(s ?? ''))
    .split(/\r?\n/)
    .map((l) => `> ${escapeMarkdown(l)}`)
    .join('\n');
const when = (iso?: string) => (iso ? `${formatDateTime(iso)} ${iso.slice(0, 4)}` : '—');
/** Codes as the reader knows them; an unknown code is shown as it is rather than hidden. */
const reasonLabel = (code: string) => ESCALATION_REASON_LABELS[code] ?? code;
const actionLabel = (code: string) => HISTORY_LABELS[code] ?? code;

/**
 * The inzage file (AVG art. 15): everything Waakvlam holds about one pupil, as readable Markdown
 * with Dutch headings. Technical ids are listed so the privacy officer can match them to the store.
 */
export function pupilExportMarkdown(x: PupilExport): string {
  const who = (id?: string) => {
    if (!id) return '—';
    const s = x.staff.find((m) => m.userId === id);
    return s
      ? `${s.displayName} (${s.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')})`
      : id.startsWith('waakvlam:')
        ? XT.botActor
        : XT.staffId(id);
  };
  const p = x.pupil;
  const out: string[] = [];
  out.push(XT.title(line(pupilName(p))), '');
  out.push(XT.school(line(x.schoolName)), XT.generatedAt(when(x.generatedAt)), XT.intro, '');
  out.push(XT.pupilHeading, '');
  out.push(
    XT.pupilName(line(pupilName(p))),
    XT.pupilNumber(line(p.pupilNumber)),
    XT.pupilClass(line(p.className)),
    XT.pupilMentor(line(who(p.mentorId))),
    XT.pupilLeft(p.leftAt ? when(p.leftAt) : XT.no),
    XT.technicalId(line(p.id)),
    '',
  );

  out.push(XT.signalsHeading(x.signals.length), '');
  if (x.signals.length === 0) out.push(XT.noSignals, '');
  for (const { signal: s, deliveries } of x.signals) {
    out.push(`### ${line(s.reference)}`, '');
    out.push(
      XT.raised(when(s.createdAt), line(who(s.reporterId))),
      XT.categories(s.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ')),
      XT.reporterLevel(LEVEL_LABELS[s.reporterLevel] ?? String(s.reporterLevel)),
      XT.workerLevel(s.workerLevel ? LEVEL_LABELS[s.workerLevel] : '—'),
      XT.urgency(URGENCY_LABELS[s.urgency] ?? s.urgency),
      XT.alreadyKnown(yesNo(s.alreadyKnown.pupil), yesNo(s.alreadyKnown.parents), yesNo(s.alreadyKnown.mentor)),
      XT.status(
        `${STATE_LABELS[s.state] ?? s.state}${s.outcome ? ` (${OUTCOME_LABELS[s.outcome] ?? s.outcome})` : ''}`,
      ),
      XT.owner(line(who(s.ownerId))),
      XT.closedAt(when(s.closedAt)),
      XT.watchCheckIn(s.watch?.checkInDate ?? '—'),
      '',
      XT.observation,
      '',
      block(s.observation),
      '',
    );
    const escalations = [...(s.previousEscalations ?? []), ...(s.escalation ? [s.escalation] : [])];
    if (escalations.length) {
      out.push(XT.escalationsHeading, '');
      for (const e of escalations) {
        out.push(
          XT.escalation(
            when(e.requestedAt),
            line(who(e.requestedBy)),
            XT.escalationStatus[e.status] ?? e.status,
            URGENCY_LABELS[e.urgency] ?? e.urgency,
          ),
          XT.escalationReason(line(reasonLabel(e.reason))),
          XT.escalationQuestion(line(e.question)),
          XT.escalationParents(
            yesNo(e.parentsInformed),
            yesNo(e.parentsConsented),
            e.noConsentReason ? ` (${line(e.noConsentReason)})` : '',
          ),
          XT.escalationClaimed(e.claimedBy ? `${line(who(e.claimedBy))}, ${when(e.claimedAt)}` : '—'),
          XT.escalationSummary(`${e.summary ? line(e.summary) : '—'}${e.returnedAt ? ` (${when(e.returnedAt)})` : ''}`),
        );
      }
      out.push('');
    }
    if (s.questions.length) {
      out.push(XT.questionsHeading, '');
      for (const q of s.questions)
        out.push(
          `- ${when(q.askedAt)} ${line(who(q.askedBy))}: ${line(q.question)}`,
          XT.answer(q.answer !== undefined ? `${line(q.answer)} (${when(q.answeredAt)})` : '—'),
        );
      out.push('');
    }
    out.push(XT.historyHeading, '');
    for (const h of s.history) {
      const parts = [`${when(h.at)} — ${line(who(h.actorId))}: ${line(actionLabel(h.action))}`];
      if (h.fromState || h.toState)
        parts.push(
          `(${STATE_LABELS[h.fromState ?? ''] ?? h.fromState ?? '—'} → ${STATE_LABELS[h.toState ?? ''] ?? h.toState ?? '—'})`,
        );
      if (h.level) parts.push(XT.historyLevel(h.level));
      if (h.outcome) parts.push(XT.historyOutcome(OUTCOME_LABELS[h.outcome] ?? h.outcome));
      if (h.checkInDate) parts.push(XT.historyCheckIn(h.checkInDate));
      if (h.action === 'escalate' && h.note) parts.push(XT.historyReason(reasonLabel(h.note)));
      const note = h.note && h.action !== 'escalate' ? XT.historyNote(h.visibility === 'care', line(h.note)) : '';
      out.push(`- ${parts.join(' ')}${note}`);
    }
    out.push('', XT.deliveriesHeading, '');
    if (deliveries.length === 0) out.push(XT.noDeliveries);
    for (const d of deliveries)
      out.push(
        XT.delivery(
          when(d.at),
          d.target.kind === 'user' ? line(who(d.target.userId)) : XT.channel(d.target.channel),
          line(d.conversationId),
          line(d.activityId),
        ),
      );
    out.push('');
  }

  out.push(XT.scoresHeading(x.scores.length), '');
  if (x.scores.length === 0) out.push(XT.noScores);
  for (const s of x.scores) {
    const { id, type, schoolId: _s, ...rest } = s;
    if (type === 'score' && typeof rest.level === 'number') {
      out.push(
        XT.score(
          line(rest.roundId),
          LEVEL_LABELS[rest.level] ?? String(rest.level),
          when(typeof rest.savedAt === 'string' ? rest.savedAt : undefined),
          line(id),
        ),
      );
    } else {
      out.push(`- ${line(type)} ${line(id)}: ${line(JSON.stringify(rest))}`);
    }
  }
  out.push('');

  out.push(XT.auditHeading(x.audit.length), '', XT.auditIntro, '');
  out.push(...XT.auditTableHead);
  for (const a of x.audit)
    out.push(
      `| ${when(a.at)} | ${line(who(a.actorId))} | ${line(auditActionLabel(a.action))} | ${AUDIT_OUTCOME_LABELS[a.outcome] ?? a.outcome}${a.code ? ` (${line(a.code)})` : ''} |`,
    );
  out.push('');
  return out.join('\n');
}
