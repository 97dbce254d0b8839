import type { PupilExport } from '../../app/privacy/pupil-export';
import { AUDIT_OUTCOME_LABELS, auditActionLabel } from './privacy-texts';
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

const yesNo = (b: boolean | undefined) => (b ? 'ja' : 'nee');
/** Text shown literally (no link, image or formatting; literal-text.ts), on one line, table syntax intact. */
const line = (s: unknown) => escapeMarkdown(plainOf(String(s ?? '')).replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
const block = (s: unknown) =>
  plainOf(String(s ?? ''))
    .split(/\r?\n/)
    .map((l) => `> ${escapeMarkdown(l)}`)
    .join('\n');
const when = (iso?: string) => (iso ? `${formatDateTime(iso)} ${iso.slice(0, 4)}` : '—');
/** Codes as the reader knows them; an unknown code is shown as it is rather than hidden. */
const ESCALATION_STATUS_LABELS: Record<string, string> = {
  open: 'aangevraagd, nog niet opgepakt',
  claimed: 'opgepakt door het OT',
  returned: 'teruggegeven aan de preventiewerker',
};
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
        ? 'Waakvlam (automatisch)'
        : `medewerker ${id}`;
  };
  const p = x.pupil;
  const out: string[] = [];
  out.push(`# Inzage Waakvlam — ${line(pupilName(p))}`, '');
  out.push(
    `School: ${line(x.schoolName)}  `,
    `Gemaakt op: ${when(x.generatedAt)}  `,
    'Dit bestand bevat alle gegevens die Waakvlam over deze leerling bewaart.',
    '',
  );
  out.push('## Leerling', '');
  out.push(
    `- Naam: ${line(pupilName(p))}`,
    `- Leerlingnummer: ${line(p.pupilNumber)}`,
    `- Klas: ${line(p.className)}`,
    `- Mentor: ${line(who(p.mentorId))}`,
    `- Vertrokken: ${p.leftAt ? when(p.leftAt) : 'nee'}`,
    `- Technisch id: ${line(p.id)}`,
    '',
  );

  out.push(`## Signalen (${x.signals.length})`, '');
  if (x.signals.length === 0) out.push('Geen signalen.', '');
  for (const { signal: s, deliveries } of x.signals) {
    out.push(`### ${line(s.reference)}`, '');
    out.push(
      `- Gedaan op: ${when(s.createdAt)} door ${line(who(s.reporterId))}`,
      `- Categorieën: ${s.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ')}`,
      `- Inschatting melder: ${LEVEL_LABELS[s.reporterLevel] ?? s.reporterLevel}`,
      `- Niveau preventiewerker: ${s.workerLevel ? LEVEL_LABELS[s.workerLevel] : '—'}`,
      `- Urgentie: ${URGENCY_LABELS[s.urgency] ?? s.urgency}`,
      `- Al op de hoogte: leerling ${yesNo(s.alreadyKnown.pupil)}, ouders ${yesNo(s.alreadyKnown.parents)}, mentor ${yesNo(s.alreadyKnown.mentor)}`,
      `- Status: ${STATE_LABELS[s.state] ?? s.state}${s.outcome ? ` (${OUTCOME_LABELS[s.outcome] ?? s.outcome})` : ''}`,
      `- Behandelaar: ${line(who(s.ownerId))}`,
      `- Afgesloten op: ${when(s.closedAt)}`,
      `- Waakvlam check-in: ${s.watch?.checkInDate ?? '—'}`,
      '',
      'Wat is waargenomen:',
      '',
      block(s.observation),
      '',
    );
    const escalations = [...(s.previousEscalations ?? []), ...(s.escalation ? [s.escalation] : [])];
    if (escalations.length) {
      out.push('#### Opschalingen naar het OT', '');
      for (const e of escalations) {
        out.push(
          `- ${when(e.requestedAt)} door ${line(who(e.requestedBy))} — status: ${ESCALATION_STATUS_LABELS[e.status] ?? e.status}, urgentie ${URGENCY_LABELS[e.urgency] ?? e.urgency}`,
          `  - Reden: ${line(reasonLabel(e.reason))}`,
          `  - Vraag aan het OT: ${line(e.question)}`,
          `  - Ouders geïnformeerd: ${yesNo(e.parentsInformed)}; toestemming: ${yesNo(e.parentsConsented)}${e.noConsentReason ? ` (${line(e.noConsentReason)})` : ''}`,
          `  - Opgepakt: ${e.claimedBy ? `${line(who(e.claimedBy))}, ${when(e.claimedAt)}` : '—'}`,
          `  - Terugkoppeling OT: ${e.summary ? line(e.summary) : '—'}${e.returnedAt ? ` (${when(e.returnedAt)})` : ''}`,
        );
      }
      out.push('');
    }
    if (s.questions.length) {
      out.push('#### Vragen aan de melder', '');
      for (const q of s.questions)
        out.push(
          `- ${when(q.askedAt)} ${line(who(q.askedBy))}: ${line(q.question)}`,
          `  - Antwoord: ${q.answer !== undefined ? `${line(q.answer)} (${when(q.answeredAt)})` : '—'}`,
        );
      out.push('');
    }
    out.push('#### Geschiedenis en notities', '');
    for (const h of s.history) {
      const parts = [`${when(h.at)} — ${line(who(h.actorId))}: ${line(actionLabel(h.action))}`];
      if (h.fromState || h.toState)
        parts.push(
          `(${STATE_LABELS[h.fromState ?? ''] ?? h.fromState ?? '—'} → ${STATE_LABELS[h.toState ?? ''] ?? h.toState ?? '—'})`,
        );
      if (h.level) parts.push(`niveau ${h.level}`);
      if (h.outcome) parts.push(`uitkomst ${OUTCOME_LABELS[h.outcome] ?? h.outcome}`);
      if (h.checkInDate) parts.push(`check-in ${h.checkInDate}`);
      if (h.action === 'escalate' && h.note) parts.push(`reden: ${reasonLabel(h.note)}`);
      const note =
        h.note && h.action !== 'escalate'
          ? `\n  - Notitie${h.visibility === 'care' ? ' (alleen zorg)' : ''}: ${line(h.note)}`
          : '';
      out.push(`- ${parts.join(' ')}${note}`);
    }
    out.push('', '#### Berichten van Waakvlam in Teams', '');
    if (deliveries.length === 0) out.push('Geen vastgelegde kaarten.');
    for (const d of deliveries)
      out.push(
        `- ${when(d.at)} aan ${d.target.kind === 'user' ? line(who(d.target.userId)) : `kanaal ${d.target.channel}`} (gesprek ${line(d.conversationId)}, bericht ${line(d.activityId)})`,
      );
    out.push('');
  }

  out.push(`## Scores 1-2-3 meting (${x.scores.length})`, '');
  if (x.scores.length === 0) out.push('Geen scores.');
  for (const s of x.scores) {
    const { id, type, schoolId: _s, ...rest } = s;
    if (type === 'score' && typeof rest.level === 'number') {
      out.push(
        `- Ronde ${line(rest.roundId)}: ${LEVEL_LABELS[rest.level] ?? rest.level} (opgeslagen ${when(typeof rest.savedAt === 'string' ? rest.savedAt : undefined)}; technisch id ${line(id)})`,
      );
    } else {
      out.push(`- ${line(type)} ${line(id)}: ${line(JSON.stringify(rest))}`);
    }
  }
  out.push('');

  out.push(
    `## Audittrail (${x.audit.length})`,
    '',
    'Wie heeft wat met de gegevens van deze leerling gedaan of bekeken, nieuwste eerst.',
    '',
  );
  out.push('| Wanneer | Wie | Wat | Uitkomst |', '|---|---|---|---|');
  for (const a of x.audit)
    out.push(
      `| ${when(a.at)} | ${line(who(a.actorId))} | ${line(auditActionLabel(a.action))} | ${AUDIT_OUTCOME_LABELS[a.outcome] ?? a.outcome}${a.code ? ` (${line(a.code)})` : ''} |`,
    );
  out.push('');
  return out.join('\n');
}
