import type { PupilExport } from '../../app/privacy/pupil-export';
import { parseRoundId } from '../../domain/round-windows';
import { renderPdf } from '../core/pdf-document';
import { pupilName } from '../core/pupil-label';
import {
  CATEGORY_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  ROLE_LABELS,
  STATE_LABELS,
  URGENCY_LABELS,
  formatDate,
} from '../core/texts';
import { ESCALATION_REASON_LABELS } from '../escalation/escalation-texts';
import { HISTORY_LABELS } from '../signals/signal-handling-texts';
import { AUDIT_ACTION_LABELS, AUDIT_OUTCOME_LABELS } from './privacy-texts';
import { IT } from './pupil-export-texts';

const TIME_NL = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
/** A moment as people write it: "5 december 2026, 10:15". */
const when = (iso?: string) => (iso ? `${formatDate(iso)}, ${TIME_NL.format(new Date(iso))}` : IT.none);
const yesNo = (b: boolean | undefined) => (b ? IT.yes : IT.no);
/** A label for a stored code; a code this version has no word for is not shown as a code. */
const label = (labels: Record<string, string>, code: string | undefined, fallback: string = IT.none) =>
  (code !== undefined && labels[code]) || fallback;
const roundLabel = (roundId: unknown) => {
  const r = typeof roundId === 'string' ? parseRoundId(roundId) : undefined;
  return r ? IT.round(r.roundNo, r.schoolYearStart) : IT.someRound;
};

/**
 * The inzage document (AVG art. 15) as a PDF laid out for a parent or pupil: everything Waakvlam
 * holds about one pupil, Dutch headings, dates as people write them, no codes and no technical ids.
 */
export function pupilExportPdf(x: PupilExport): Promise<Buffer> {
  const who = (id?: string) => {
    if (!id) return IT.none;
    const s = x.staff.find((m) => m.userId === id);
    if (s) return `${s.displayName} (${s.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')})`;
    return id.startsWith('waakvlam:') ? IT.botActor : IT.someStaff;
  };
  const p = x.pupil;
  const name = pupilName(p);
  return renderPdf(IT.title(name), (w) => {
    w.title(IT.title(name));
    w.subtitle(IT.made(x.schoolName, formatDate(x.generatedAt)));
    w.paragraph(IT.intro);

    w.heading(IT.pupilHeading);
    w.facts([
      [IT.name, name],
      [IT.pupilNumber, p.pupilNumber],
      [IT.className, p.className],
      [IT.mentor, who(p.mentorId)],
      [IT.left, p.leftAt ? formatDate(p.leftAt) : IT.no],
    ]);

    w.heading(IT.signalsHeading(x.signals.length));
    if (x.signals.length === 0) w.paragraph(IT.noSignals);
    for (const { signal: s, deliveries } of x.signals) {
      w.subheading(IT.signal(s.reference, formatDate(s.createdAt)));
      w.facts([
        [IT.raisedBy, who(s.reporterId)],
        [IT.categories, s.categories.map((c) => label(CATEGORY_LABELS, c)).join(', ')],
        [IT.reporterLevel, label(LEVEL_LABELS, String(s.reporterLevel))],
        [IT.workerLevel, s.workerLevel ? label(LEVEL_LABELS, String(s.workerLevel)) : IT.none],
        [IT.urgency, label(URGENCY_LABELS, s.urgency)],
        [
          IT.alreadyKnown,
          IT.alreadyKnownValue(
            yesNo(s.alreadyKnown.pupil),
            yesNo(s.alreadyKnown.parents),
            yesNo(s.alreadyKnown.mentor),
          ),
        ],
        [IT.status, `${label(STATE_LABELS, s.state)}${s.outcome ? ` (${label(OUTCOME_LABELS, s.outcome)})` : ''}`],
        [IT.owner, who(s.ownerId)],
        ...(s.closedAt ? [[IT.closedAt, when(s.closedAt)] as const] : []),
        ...(s.watch ? [[IT.watchCheckIn, formatDate(s.watch.checkInDate)] as const] : []),
      ]);
      w.note(IT.observation);
      w.quote(s.observation);

      for (const e of [...(s.previousEscalations ?? []), ...(s.escalation ? [s.escalation] : [])]) {
        w.subheading(IT.escalation(when(e.requestedAt)));
        w.facts([
          [IT.askedBy, who(e.requestedBy)],
          [IT.status, label(IT.escalationStatus, e.status)],
          [IT.urgency, label(URGENCY_LABELS, e.urgency)],
          [IT.reason, label(ESCALATION_REASON_LABELS, e.reason, e.reason)],
          [IT.question, e.question],
          [IT.parentsInformed, yesNo(e.parentsInformed)],
          [IT.parentsConsented, `${yesNo(e.parentsConsented)}${e.noConsentReason ? ` (${e.noConsentReason})` : ''}`],
          [IT.claimedBy, e.claimedBy ? `${who(e.claimedBy)}, ${when(e.claimedAt)}` : IT.none],
          [IT.otSummary, e.summary ? `${e.summary}${e.returnedAt ? ` (${when(e.returnedAt)})` : ''}` : IT.none],
        ]);
      }

      if (s.questions.length) {
        w.subheading(IT.questionsHeading);
        for (const q of s.questions)
          w.bullet(
            IT.questionLine(when(q.askedAt), who(q.askedBy), q.question),
            q.answer !== undefined ? `${IT.answer(q.answer)} (${when(q.answeredAt)})` : IT.noAnswer,
          );
      }

      w.subheading(IT.historyHeading);
      for (const h of s.history) {
        const parts = [label(HISTORY_LABELS, h.action, IT.otherAction)];
        if (h.fromState && h.toState)
          parts.push(IT.stateChange(label(STATE_LABELS, h.fromState), label(STATE_LABELS, h.toState)));
        if (h.level) parts.push(IT.historyLevel(h.level));
        if (h.outcome) parts.push(IT.historyOutcome(label(OUTCOME_LABELS, h.outcome)));
        if (h.checkInDate) parts.push(IT.historyCheckIn(formatDate(h.checkInDate)));
        if (h.action === 'escalate' && h.note)
          parts.push(IT.historyReason(label(ESCALATION_REASON_LABELS, h.note, h.note)));
        const note = h.note && h.action !== 'escalate' ? `${IT.note(h.visibility === 'care')}: ${h.note}` : undefined;
        w.bullet(IT.historyLine(when(h.at), who(h.actorId), parts.join(', ')), note);
      }

      w.subheading(IT.deliveriesHeading);
      if (deliveries.length === 0) w.note(IT.noDeliveries);
      for (const d of deliveries)
        w.bullet(
          IT.deliveryTo(
            when(d.at),
            d.target.kind === 'user' ? who(d.target.userId) : label(IT.channel, d.target.channel),
          ),
        );
    }

    w.heading(IT.scoresHeading(x.scores.length));
    if (x.scores.length === 0) w.paragraph(IT.noScores);
    for (const s of x.scores) {
      const saved = typeof s.savedAt === 'string' ? when(s.savedAt) : '';
      if (s.type === 'score' && typeof s.level === 'number')
        w.bullet(IT.score(roundLabel(s.roundId), label(LEVEL_LABELS, String(s.level)), saved));
      else w.bullet(IT.otherScoreData(saved));
    }

    w.heading(IT.auditHeading(x.audit.length));
    w.note(IT.auditIntro);
    for (const a of x.audit)
      w.bullet(
        IT.auditLine(
          when(a.at),
          who(a.actorId),
          label(AUDIT_ACTION_LABELS, a.action, IT.otherAction),
          label(AUDIT_OUTCOME_LABELS, a.outcome),
        ),
      );
  });
}
