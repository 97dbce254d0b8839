import type { StaffRecord } from '../../app/core/ports';
import { SYSTEM_USER_ID } from '../../domain/roles';
import type { HistoryEntry } from '../../domain/signal';
import type { RoleNames } from '../../domain/role-labels';
import { ESCALATION_REASON_LABELS } from '../escalation/escalation-texts';
import { HISTORY_LABELS, HT } from './signal-handling-texts';
import { LEVEL_LABELS, OUTCOME_LABELS, formatDate, formatDateTime } from '../core/texts';
import { literal } from '../core/literal-text';

/**
 * One line of a signal's history (Verloop) as a person reads it: when, who, what in Dutch, and
 * the structured facts of the step (score, reason, check-in date, outcome, new owner) as labels,
 * never as codes. Free text (notes, questions, answers, summaries) only when `showCareNotes`.
 */
export function historyLine(h: HistoryEntry, staff: StaffRecord[], showCareNotes: boolean, names?: RoleNames): string {
  const who = (id?: string) =>
    id === SYSTEM_USER_ID ? HT.historyBot : literal(staff.find((s) => s.userId === id)?.displayName ?? 'onbekend');
  const facts: string[] = [];
  if (h.level && showCareNotes) facts.push(LEVEL_LABELS[h.level] ?? String(h.level));
  if (h.action === 'escalate' && h.note && showCareNotes)
    facts.push(HT.historyReason(ESCALATION_REASON_LABELS[h.note] ?? ESCALATION_REASON_LABELS.anders));
  if (h.checkInDate) facts.push(HT.historyCheckIn(formatDate(h.checkInDate)));
  if (h.outcome) facts.push(OUTCOME_LABELS[h.outcome] ?? '');
  if (h.targetUserId) facts.push(HT.historyTo(who(h.targetUserId)));
  const freeText = h.note && showCareNotes && h.action !== 'escalate' ? `: ${literal(h.note)}` : '';
  const label = h.action === 'reannounce' ? HT.historyReannounce(names) : HISTORY_LABELS[h.action];
  const what = `${label ?? HT.historyUnknownAction}${facts.filter(Boolean).length ? ` — ${facts.filter(Boolean).join(', ')}` : ''}`;
  return `${formatDateTime(h.at)} — ${who(h.actorId)}: ${what}${freeText}`;
}
