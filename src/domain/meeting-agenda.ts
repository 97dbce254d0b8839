import { atLocalTime, localDate } from './amsterdam-time';
import { addDays } from './calendar-date';
import { DEFAULT_DIGEST_LIMITS, openItem, toDigestSignal, type DigestLimits, type DigestSignal } from './digest';
import { schoolDaysBetween } from './school-days';
import { effectiveLevel, type Level, type OpenState, type Signal } from './signal';
import { watchReminderDue } from './signal-reminders';

/**
 * The bespreeklijst: the agenda of the weekly care overleg (issue 16), as pure arithmetic over
 * what the store hands in: the open signals, the closed ones created since `since`, and the
 * scores of the last round. Cost grows with open items, not with history (S12).
 */

/** The agenda's sections, in the order they are discussed. */
export const AGENDA_SECTIONS = [
  'newSince',
  'level3',
  'unclaimedOrOverdue',
  'escalatedOpen',
  'backFromOt',
  'watchDue',
  'scoredThreeWithoutSignal',
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

/** One signal on the agenda: ids and facts, never text; the view adds names. */
export interface AgendaSignalItem {
  signalId: string;
  reference: string;
  pupilId: string;
  state: Signal['state'];
  level: Level;
  /** whose level it is: the worker's score, else the reporter's estimate (inschatting) */
  levelBy: 'worker' | 'reporter';
  ownerId?: string;
  createdAt: string;
  /** school days since it was raised (up to today) */
  ageSchoolDays: number;
  /** unclaimed longer than the school's limit, or an escalation the OT did not claim in time */
  overdue?: 'unclaimed' | 'escalationUnclaimed';
  /** escalatedOpen: the OT's side of it */
  escalationStatus?: 'open' | 'claimed';
  /** backFromOt: when the OT handed it back */
  returnedAt?: string;
  /** watchDue: the check-in date that passed */
  checkInDate?: string;
}

/** A pupil scored 3 in the last round about whom no signal is open. */
export interface AgendaPupilItem {
  pupilId: string;
  roundId: string;
}

export interface MeetingAgenda {
  generatedAt: string;
  /** signals raised from here on count as new (start of the day a week ago) */
  since: string;
  sections: Record<Exclude<AgendaSection, 'scoredThreeWithoutSignal'>, AgendaSignalItem[]> & {
    scoredThreeWithoutSignal: AgendaPupilItem[];
  };
  /** every pupil the agenda names (each listing is a read of that pupil, audited) */
  pupilIds: string[];
}

export interface MeetingAgendaInput {
  now: Date;
  since: Date;
  /** the open signals and the closed ones created since `since` (others are ignored) */
  signals: readonly Signal[];
  /** the school's closed days (schoolClosedDays) */
  holidays: readonly string[];
  limits?: Partial<DigestLimits>;
  /** the scores of the last round (undefined: no round yet) */
  lastRound?: { roundId: string; scores: ReadonlyArray<{ pupilId: string; level: Level }> };
}

/** "Since last week": Amsterdam midnight at the start of the day one week before `now`. */
export const agendaSince = (now: Date): Date => atLocalTime(addDays(localDate(now), -7), 0);

const byAge = (a: AgendaSignalItem, b: AgendaSignalItem) =>
  Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.reference < b.reference ? -1 : 1);

export function meetingAgenda(input: MeetingAgendaInput): MeetingAgenda {
  const { now, since, holidays } = input;
  const limits = { ...DEFAULT_DIGEST_LIMITS, ...input.limits };
  const age = (iso: string) => schoolDaysBetween(new Date(iso), now, holidays);
  const open = input.signals.filter((s): s is Signal & { state: OpenState } => s.state !== 'closed');
  // a closed signal (new since last week) is never overdue: openItem only flags 'new' and 'escalated'
  const item = (s: Signal): AgendaSignalItem => {
    const { ageSchoolDays, overdueReason } = openItem(
      toDigestSignal(s) as DigestSignal & { state: OpenState },
      age,
      limits,
    );
    return {
      signalId: s.id,
      reference: s.reference,
      pupilId: s.pupilId,
      state: s.state,
      level: effectiveLevel(s),
      levelBy: s.workerLevel === undefined ? 'reporter' : 'worker',
      ...(s.ownerId ? { ownerId: s.ownerId } : {}),
      createdAt: s.createdAt,
      ageSchoolDays,
      ...(overdueReason ? { overdue: overdueReason } : {}),
    };
  };

  const created = (s: Signal) => Date.parse(s.createdAt);
  const newSince = input.signals
    .filter((s) => created(s) >= since.getTime() && created(s) <= now.getTime())
    .map(item)
    .sort(byAge);
  const level3 = open
    .filter((s) => effectiveLevel(s) === 3)
    .map(item)
    .sort(byAge);
  const unclaimedOrOverdue = open
    .map(item)
    .filter((i) => i.state === 'new' || i.overdue)
    .sort(byAge);
  const escalatedOpen = open
    .filter((s) => s.state === 'escalated' && (s.escalation?.status === 'open' || s.escalation?.status === 'claimed'))
    .map((s) => ({ ...item(s), escalationStatus: s.escalation!.status as 'open' | 'claimed' }))
    .sort(byAge);
  const backFromOt = open
    .filter(
      (s) =>
        s.escalation?.status === 'returned' &&
        !!s.escalation.returnedAt &&
        Date.parse(s.escalation.returnedAt) >= since.getTime(),
    )
    .map((s) => ({ ...item(s), returnedAt: s.escalation!.returnedAt! }))
    .sort((a, b) => Date.parse(a.returnedAt) - Date.parse(b.returnedAt));
  const watchDue = open
    .filter((s) => watchReminderDue(s, now) !== undefined)
    .map((s) => ({ ...item(s), checkInDate: s.watch!.checkInDate }))
    .sort((a, b) => (a.checkInDate < b.checkInDate ? -1 : a.checkInDate > b.checkInDate ? 1 : byAge(a, b)));

  const withOpenSignal = new Set(open.map((s) => s.pupilId));
  const round = input.lastRound;
  const scoredThreeWithoutSignal = round
    ? [...new Set(round.scores.filter((s) => s.level === 3).map((s) => s.pupilId))]
        .filter((pupilId) => !withOpenSignal.has(pupilId))
        .map((pupilId) => ({ pupilId, roundId: round.roundId }))
    : [];

  const sections = {
    newSince,
    level3,
    unclaimedOrOverdue,
    escalatedOpen,
    backFromOt,
    watchDue,
    scoredThreeWithoutSignal,
  };
  const pupilIds = [
    ...new Set(
      AGENDA_SECTIONS.flatMap((k) => (sections[k] as ReadonlyArray<{ pupilId: string }>).map((i) => i.pupilId)),
    ),
  ];
  return { generatedAt: now.toISOString(), since: since.toISOString(), sections, pupilIds };
}
