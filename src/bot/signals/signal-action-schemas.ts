import { z } from 'zod';

/** The fields every signal card action carries; checked before anything is loaded. */
export const SignalRefSchema = z.object({
  signalId: z.string().regex(/^signal:[A-Za-z0-9-]{1,64}$/),
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  v: z.string().max(40).optional(),
});
export type SignalRef = z.infer<typeof SignalRefSchema>;
