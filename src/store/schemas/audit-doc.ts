import { z } from 'zod';

/** One audit entry: who did or saw what, about which pupil or signal, when, and the outcome. */
export const AuditDocSchema = z.object({
  id: z.string(),
  type: z.literal('audit'),
  schoolId: z.string(),
  at: z.string(),
  actorId: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  code: z.string().optional(),
  pupilId: z.string().optional(),
  signalId: z.string().optional(),
  subject: z.string().optional(),
  correlationId: z.string().optional(),
  /** a settings change: each field's old and new value (no pupil data) */
  changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })).optional(),
  /** a handover of cases: the coordinator's reason (issue 16) */
  reason: z.string().max(1000).optional(),
  ttl: z.number().int().optional(),
});
export type AuditDoc = z.infer<typeof AuditDocSchema>;
