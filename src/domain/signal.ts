import { isStaff, hasAnyRole, type Actor, type Role } from './roles';
import { ok, refuse, type Result } from './result';
import { checkText } from './text';
import type { RefusalCode } from './refusal-codes';

export const CATEGORIES = [
  'verzuim',
  'leerprestaties',
  'gedrag',
  'sociaal-emotioneel',
  'thuissituatie',
  'pesten',
  'middelengebruik',
  'veiligheid',
  'anders',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 1-2-3 method: 1 geen signaal, 2 signaal, 3 crisis/nood. A reporter only raises 2 or 3. */
export type Level = 1 | 2 | 3;
export type ReporterLevel = 2 | 3;
export const LEVELS: readonly Level[] = [1, 2, 3];

export const URGENCIES = ['normal', 'soon', 'today'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SIGNAL_STATES = ['new', 'claimed', 'inProgress', 'escalated', 'watch', 'aftercare', 'closed'] as const;
export type SignalState = (typeof SIGNAL_STATES)[number];
export type OpenState = Exclude<SignalState, 'closed'>;
export const OPEN_STATES: readonly OpenState[] = ['new', 'claimed', 'inProgress', 'escalated', 'watch', 'aftercare'];

export const OUTCOMES = ['resolved', 'referred', 'noActionNeeded', 'careTeamMeeting'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface HistoryEntry {
  at: string;
  actorId: string;
  action: string;
  fromState?: SignalState;
  toState?: SignalState;
  level?: Level;
  /** Free text only for note / question / answer / escalation / summary. */
  note?: string;
  /** 'care' = prevention workers, coordinators, and the OT once escalated. */
  visibility: 'all' | 'care';
  // Added: structured facts of some actions (never free text).
  questionId?: string;
  checkInDate?: string;
  outcome?: Outcome;
  targetUserId?: string;
  /** addObservation: the intake card it came from (the same card adds once) */
  submissionId?: string;
}

export interface Escalation {
  status: 'open' | 'claimed' | 'returned';
  reason: string;
  question: string;
  urgency: Urgency;
  parentsInformed: boolean;
  parentsConsented: boolean;
  noConsentReason?: string;
  requestedBy: string;
  requestedAt: string;
  claimedBy?: string;
  claimedAt?: string;
  summary?: string;
  returnedAt?: string;
  reannouncedAt?: string;
}

export interface OpenQuestion {
  id: string;
  question: string;
  askedBy: string;
  askedAt: string;
  answer?: string;
  answeredAt?: string;
}

export interface Signal {
  id: string;
  schoolId: string;
  reference: string;
  pupilId: string;
  reporterId: string;
  categories: Category[];
  reporterLevel: ReporterLevel;
  workerLevel?: Level;
  observation: string;
  alreadyKnown: { pupil: boolean; parents: boolean; mentor: boolean };
  urgency: Urgency;
  state: SignalState;
  ownerId?: string;
  createdAt: string;
  updatedAt: string;
  lastChangeBy: string;
  watch?: { checkInDate: string };
  outcome?: Outcome;
  closedAt?: string;
  escalation?: Escalation;
  questions: OpenQuestion[];
  history: HistoryEntry[];
  reannouncedAt?: string;
  /** Added: earlier escalations, kept when the case is escalated again after a return. */
  previousEscalations?: Escalation[];
  /** The intake card it was raised from (stored with it on create): a resubmit of that card is no duplicate. */
  submissionId?: string;
}

export interface NewSignalInput {
  pupilId: string;
  categories: Category[];
  reporterLevel: ReporterLevel;
  observation: string;
  alreadyKnown: { pupil: boolean; parents: boolean; mentor: boolean };
  urgency: Urgency;
}

export interface PupilRef {
  id: string;
  schoolId: string;
  classId: string;
  mentorId?: string;
  leftAt?: string;
}

export const OBSERVATION_MAX = 2000;

export const CREATE_SIGNAL_REFUSALS = [
  'not-staff',
  'pupil-unknown',
  'pupil-other-school',
  'pupil-left',
  'no-category',
  'observation-empty',
  'observation-too-long',
  'invalid-input',
] as const satisfies readonly RefusalCode[];
export type CreateSignalRefusal = (typeof CREATE_SIGNAL_REFUSALS)[number];

/**
 * Who may raise a signal: anyone working at the school. Not the project lead, who sees
 * region-wide figures and never pupil names (GLOSSARY), so never picks a pupil.
 */
export const RAISER_ROLES: readonly Role[] = [
  'teacher',
  'mentor',
  'preventionWorker',
  'coordinator',
  'supportTeam',
  'attendanceOfficer',
  'admin',
];

export const mayRaiseSignal = (actor: Actor | undefined): actor is Actor =>
  !!actor && isStaff(actor) && hasAnyRole(actor, RAISER_ROLES);

/** The level that counts now: the prevention worker's score once given, else the reporter's estimate. */
export const effectiveLevel = (signal: Pick<Signal, 'workerLevel' | 'reporterLevel'>): Level =>
  signal.workerLevel ?? signal.reporterLevel;

/** A pupil counts as left once `leftAt` has passed; an unreadable date counts as left. */
export const hasLeft = (pupil: PupilRef, now: Date): boolean => {
  if (pupil.leftAt === undefined) return false;
  const at = Date.parse(pupil.leftAt);
  return Number.isNaN(at) || at <= now.getTime();
};

const isOneOf = <T extends string | number>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/**
 * Raises a signal (S3). The pupil must be on the reporter's school roster and not have left.
 * Categories are de-duplicated and kept in catalogue order. Level-3 alerts come from
 * `creationEvents` in signal-lifecycle.
 */
export function createSignal(args: {
  id: string;
  reference: string;
  input: NewSignalInput;
  reporter: Actor;
  pupil: PupilRef | undefined;
  now: Date;
}): Result<Signal, CreateSignalRefusal> {
  const { id, reference, input, reporter, pupil, now } = args;
  if (!mayRaiseSignal(reporter)) return refuse('not-staff');
  if (!pupil || pupil.id !== input.pupilId) return refuse('pupil-unknown');
  if (pupil.schoolId !== reporter.schoolId) return refuse('pupil-other-school');
  if (hasLeft(pupil, now)) return refuse('pupil-left');

  const categories = input.categories ?? [];
  const unknown = categories.find((c) => !isOneOf(CATEGORIES, c));
  if (unknown !== undefined) return refuse('invalid-input', { field: 'categories' });
  if (categories.length === 0) return refuse('no-category');
  if (!isOneOf<number>([2, 3], input.reporterLevel)) return refuse('invalid-input', { field: 'reporterLevel' });
  if (!isOneOf(URGENCIES, input.urgency)) return refuse('invalid-input', { field: 'urgency' });

  const observation = checkText(input.observation, OBSERVATION_MAX, 'observation');
  if (!observation.ok) {
    return observation.code === 'text-empty'
      ? refuse('observation-empty')
      : refuse('observation-too-long', { max: OBSERVATION_MAX, length: observation.detail?.length ?? 0 });
  }

  const at = now.toISOString();
  return ok({
    id,
    schoolId: reporter.schoolId,
    reference,
    pupilId: pupil.id,
    reporterId: reporter.userId,
    categories: CATEGORIES.filter((c) => categories.includes(c)),
    reporterLevel: input.reporterLevel,
    observation: observation.value,
    alreadyKnown: {
      pupil: input.alreadyKnown?.pupil === true,
      parents: input.alreadyKnown?.parents === true,
      mentor: input.alreadyKnown?.mentor === true,
    },
    urgency: input.urgency,
    state: 'new',
    createdAt: at,
    updatedAt: at,
    lastChangeBy: reporter.userId,
    questions: [],
    history: [{ at, actorId: reporter.userId, action: 'created', toState: 'new', visibility: 'all' }],
  });
}
