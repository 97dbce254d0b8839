/**
 * Reason categories of an escalation to the OT (S6). The code is all a channel post carries;
 * the free-text question for the OT stays with the case, visible to care roles only.
 */
export const ESCALATION_REASONS = [
  'thuissituatie',
  'veiligheid',
  'verzuim',
  'gedrag',
  'sociaal-emotioneel',
  'middelengebruik',
  'meervoudig',
  'anders',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const isEscalationReason = (v: unknown): v is EscalationReason =>
  (ESCALATION_REASONS as readonly unknown[]).includes(v);
