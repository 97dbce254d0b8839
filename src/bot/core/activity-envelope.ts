import { z } from 'zod';

/**
 * The shape every activity Teams sends has, checked at the HTTP edge before the adapter sees it.
 * botbuilder trusts these fields (it calls string methods on them): an activity without them is
 * the caller's error (400), not a reason for a 500 or a turn that half runs. Unknown fields pass.
 */
const id = z.string().min(1).max(1024);
const account = z
  .object({
    id,
    name: z.string().max(1024).optional().nullable(),
    aadObjectId: z.string().max(128).optional().nullable(),
  })
  .passthrough();
const httpUrl = z
  .string()
  .max(2048)
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  });
const plainObject = z.record(z.unknown()).refine((v) => !Array.isArray(v));
const dateString = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)));

export const ActivityEnvelopeSchema = z
  .object({
    type: z.string().min(1).max(64),
    id: id.optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl: httpUrl,
    from: account,
    recipient: account,
    conversation: z
      .object({
        id,
        conversationType: z.string().max(64).optional().nullable(),
        tenantId: z.string().max(128).optional().nullable(),
        isGroup: z.boolean().optional().nullable(),
      })
      .passthrough(),
    channelData: plainObject.optional().nullable(),
    text: z.string().optional().nullable(),
    name: z.string().max(256).optional().nullable(),
    replyToId: z.string().max(1024).optional().nullable(),
    locale: z.string().max(64).optional().nullable(),
    timestamp: dateString.optional().nullable(),
    localTimestamp: dateString.optional().nullable(),
    expiration: dateString.optional().nullable(),
    membersAdded: z.array(account).optional().nullable(),
    membersRemoved: z.array(account).optional().nullable(),
    entities: z.array(z.unknown()).optional().nullable(),
    attachments: z.array(z.unknown()).optional().nullable(),
    deliveryMode: z.string().max(32).optional().nullable(),
  })
  .passthrough();

/** true when the body is shaped like an activity botbuilder can process safely. */
export const isActivityEnvelope = (body: unknown): boolean => ActivityEnvelopeSchema.safeParse(body).success;
