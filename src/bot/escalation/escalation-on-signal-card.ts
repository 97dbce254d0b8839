import type { StaffRecord } from '../../app/core/ports';
import type { Signal } from '../../domain/signal';
import type { RoleNames } from '../../domain/role-labels';
import { ESCALATION_REASON_LABELS, ET } from './escalation-texts';
import { URGENCY_LABELS, formatDate } from '../core/texts';
import { escalationStatus } from './escalation-views';
import { literal } from '../core/literal-text';

/** The escalation block of the prevention worker's signal card (S6): what was asked of the OT and where it stands. */
export interface EscalationSection {
  show: boolean;
  heading: string;
  facts: { title: string; value: string }[];
  questionHeading: string;
  question: string;
  summaryHeading: string;
  summary: string;
}

const HIDDEN: EscalationSection = {
  show: false,
  heading: '',
  facts: [],
  questionHeading: '',
  question: '',
  summaryHeading: '',
  summary: '',
};

export const escalationReasonLabel = (code: string): string => ESCALATION_REASON_LABELS[code] ?? code;

/**
 * The current (or last) escalation of a signal, for viewers who see care information: status
 * (open / picked up by whom / handed back), reason, urgency, parents, the question for the OT
 * and, once handed back, the OT's summary. Hidden for everyone else and for signals never escalated.
 */
export function escalationSection(
  signal: Signal,
  staff: StaffRecord[],
  showCareNotes: boolean,
  names?: RoleNames,
): EscalationSection {
  const esc = signal.escalation;
  if (!esc || !showCareNotes) return HIDDEN;
  const name = (id?: string) =>
    literal((id ? staff.find((s) => s.userId === id)?.displayName : undefined) ?? ET.someone);
  return {
    show: true,
    heading: esc.status === 'returned' ? ET.workerCardReturnedHeading : ET.workerCardEscalatedHeading,
    facts: [
      { title: ET.factStatus, value: escalationStatus(esc, staff, names).status },
      { title: ET.factReason, value: escalationReasonLabel(esc.reason) },
      { title: ET.factUrgency, value: URGENCY_LABELS[esc.urgency] ?? esc.urgency },
      { title: ET.workerCardRequested, value: `${formatDate(esc.requestedAt)}, ${name(esc.requestedBy)}` },
      { title: ET.factParentsInformed, value: ET.yesNo(esc.parentsInformed) },
      { title: ET.factParentsConsented, value: ET.yesNo(esc.parentsConsented) },
      ...(esc.noConsentReason ? [{ title: ET.factNoConsentReason, value: literal(esc.noConsentReason) }] : []),
    ],
    questionHeading: ET.questionHeading,
    question: literal(esc.question),
    summaryHeading: ET.summaryHeading,
    summary: esc.status === 'returned' ? literal(esc.summary ?? '') : '',
  };
}
