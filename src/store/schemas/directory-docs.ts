import { z } from 'zod';
import type { StoredReference } from '../../app/core/ports';
import { ROLES } from '../../domain/roles';

/** Documents of the `directory` container, checked when read back. */
export const ConversationReferenceSchema = z
  .object({
    serviceUrl: z.string().url(),
    channelId: z.string(),
    conversation: z
      .object({
        id: z.string(),
        conversationType: z.string().optional(),
        tenantId: z.string().optional(),
        isGroup: z.boolean().optional(),
      })
      .passthrough(),
    bot: z.object({ id: z.string(), name: z.string().optional() }).passthrough(),
    user: z
      .object({ id: z.string(), aadObjectId: z.string().optional(), name: z.string().optional() })
      .passthrough()
      .optional(),
    activityId: z.string().optional(),
    locale: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<StoredReference, z.ZodTypeDef, unknown>;

export const ChannelLinkSchema = z.object({
  reference: ConversationReferenceSchema,
  teamId: z.string().optional(),
  channelId: z.string(),
  linkedBy: z.string(),
  linkedAt: z.string(),
});
export type ChannelLink = z.infer<typeof ChannelLinkSchema>;

export const RoundWindowSchema = z.object({
  roundNo: z.number().int().min(1).max(4),
  opensOn: z.string(),
  deadline: z.string(),
});

export const SchoolDocSchema = z.object({
  id: z.literal('school'),
  type: z.literal('school'),
  schoolId: z.string(),
  name: z.string(),
  region: z.string(),
  tenantId: z.string(),
  roleLabels: z.record(z.string()).default({}),
  limits: z
    .object({
      unclaimedSchoolDays: z.number().int().min(1).default(2),
      escalationUnclaimedSchoolDays: z.number().int().min(1).default(3),
      /** an urgent signal unclaimed after this many working hours: the coordinators are told (issue 16) */
      urgentUnclaimedWorkingHours: z.number().int().min(1).default(3),
    })
    .default({}),
  notifyAttendanceOfficer: z.boolean().default(false),
  /** The pupil's mentor follows the status of signals about her mentor group (issue 16). */
  mentorFollowsSignals: z.boolean().default(true),
  channelPostDetail: z.enum(['minimal', 'initialsAndClass']).default('minimal'),
  /** Legacy name of `closedDays` (still read; see schoolClosedDays). */
  holidays: z.array(z.string()).default([]),
  /** The official school-holiday region (Rijksoverheid: noord, midden, zuid); its holidays are closed days. */
  holidayRegion: z.enum(['noord', 'midden', 'zuid']).optional(),
  /** The school's own closed days ('YYYY-MM-DD'), on top of its region's holidays. */
  closedDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  roundWindows: z.record(z.array(RoundWindowSchema)).default({}),
  digest: z
    .object({
      weekday: z.number().int().min(0).max(6).default(1),
      time: z
        .string()
        .regex(/^\d\d:\d\d$/)
        .default('08:00'),
    })
    .default({}),
  retention: z
    .object({
      closedSignalMonths: z.number().int().min(1).default(24),
      scoreMonthsAfterLeaving: z.number().int().min(1).default(24),
      auditMonths: z.number().int().min(1).default(60),
    })
    .default({}),
  channels: z.object({ ot: ChannelLinkSchema.optional(), coordinators: ChannelLinkSchema.optional() }).default({}),
});
export type SchoolDoc = z.infer<typeof SchoolDocSchema>;

export const StaffDocSchema = z.object({
  id: z.string(),
  type: z.literal('staff'),
  schoolId: z.string(),
  userId: z.string(),
  upn: z.string().optional(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  classIds: z.array(z.string()).default([]),
  leftAt: z.string().optional(),
  /** away up to and including `until` (issue 16: vervanging / afwezig); set by herself */
  leave: z
    .object({
      until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      since: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      setBy: z.string(),
    })
    .optional(),
});
export type StaffDoc = z.infer<typeof StaffDocSchema>;

export const PupilDocSchema = z.object({
  id: z.string(),
  type: z.literal('pupil'),
  schoolId: z.string(),
  pupilNumber: z.string(),
  firstName: z.string(),
  lastNamePrefix: z.string().optional(),
  lastName: z.string(),
  classId: z.string(),
  className: z.string(),
  mentorId: z.string().optional(),
  leftAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type PupilDoc = z.infer<typeof PupilDocSchema>;

export const ConversationDocSchema = z.object({
  id: z.string(),
  type: z.literal('conversation'),
  schoolId: z.string(),
  userId: z.string(),
  reference: ConversationReferenceSchema,
  updatedAt: z.string(),
});
export type ConversationDoc = z.infer<typeof ConversationDocSchema>;

export const staffDocId = (userId: string) => `staff:${userId}`;
export const pupilDocId = (pupilNumber: string) => `pupil:${pupilNumber}`;
export const conversationDocId = (userId: string) => `conversation:${userId}`;
