import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { demoPupils, staffWith, type DemoStaff } from './demo-people';
import { installation, invokeAction, person, startTestBot, type TestBot } from './test-bot';

export const SCHOOL = 'demo-school';
export const teacher = person('mentor', 0);
export const [pw1] = staffWith('preventiewerker');
export const ot = person('ot');
/** A pupil in the teacher's class. */
export const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;

/** The signal as stored now. */
export const current = async (tb: TestBot, s: Signal): Promise<Signal> =>
  (await tb.repos.signals.get(SCHOOL, s.id))!.doc;

/** A new signal the teacher raises about her pupil (a card to each prevention worker), as stored. */
export async function raiseSignal(tb: TestBot): Promise<Signal> {
  const res = await tb.post(
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: 'gedrag',
      level: '2',
      observation: 'Trekt zich terug.',
      urgency: 'normal',
    }),
  );
  const reference = /S-\d{4}-\d{4}/.exec(JSON.stringify(res.body.value))![0];
  return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((x) => x.reference === reference)!;
}

/**
 * A bot with the teacher, prevention worker 1 and an OT member installed, and one signal the
 * teacher raised and prevention worker 1 claimed.
 */
export async function startWithClaimedSignal(
  env: Record<string, string> = {},
  people: DemoStaff[] = [teacher, pw1, ot],
): Promise<{ tb: TestBot; claimed: Signal }> {
  const tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000', ...env } });
  for (const who of people) {
    const res = await tb.post(installation(tb, who));
    if (res.status !== 200) throw new Error(`installation answered ${res.status}`);
  }
  const raised = await raiseSignal(tb);
  const claim = await tb.post(
    invokeAction(tb, pw1, 'signal.claim', { signalId: raised.id, schoolId: SCHOOL, v: raised.updatedAt }),
  );
  if (claim.status !== 200) throw new Error(`claim answered ${claim.status}`);
  return { tb, claimed: await current(tb, raised) };
}

/** Escalates the claimed signal as prevention worker 1 (the OT channel need not be linked). */
export async function escalateAsWorker(tb: TestBot, s: Signal): Promise<Signal> {
  const fresh = await current(tb, s);
  const res = await tb.post(
    invokeAction(tb, pw1, 'signal.escalate', {
      signalId: s.id,
      schoolId: SCHOOL,
      v: fresh.updatedAt,
      reason: 'thuissituatie',
      question: 'Kan het OT helpen?',
      urgency: 'soon',
      parentsInformed: 'ja',
      parentsConsented: 'ja',
    }),
  );
  if (res.status !== 200) throw new Error(`escalate answered ${res.status}`);
  return current(tb, s);
}

interface Row {
  id: string;
  type?: string;
  _etag?: string;
}

/** Every field any verb reads, filled for signal `s`: a click that got through would act on it. */
export const fullData = (s: Signal) => ({
  signalId: s.id,
  schoolId: SCHOOL,
  v: s.updatedAt,
  n: 0,
  note: 'Notitie',
  level: '2',
  question: 'Vraag?',
  questionId: 'q-0000',
  answer: 'Antwoord',
  checkInDate: '2026-12-10',
  outcome: 'resolved',
  toUserId: pw1.entraId,
  summary: 'Samenvatting',
  submissionId: randomUUID(),
  pupil: `${SCHOOL}|pupil:${pupil.number}`,
  categories: 'gedrag',
  observation: 'Observatie',
  urgency: 'normal',
  reason: 'thuissituatie',
  parentsInformed: 'ja',
  parentsConsented: 'ja',
  list: 'mine',
  page: 0,
  roundId: '2026-1',
  classId: 'x',
  pupilId: `pupil:${pupil.number}`,
  mode: 'signal',
  confirmNumber: pupil.number,
});

/**
 * A snapshot of what a turn could change: every case document of the school with its ETag
 * (messages in the outbox by id only: the runner marks them sent beside the test), and the pupils.
 */
export const storeState = async (tb: TestBot) => {
  const { resources: cases } = await tb.repos.cosmos.containers.cases.items
    .query({ query: 'SELECT c.id, c.type, c._etag FROM c' }, { partitionKey: SCHOOL })
    .fetchAll();
  const { resources: pupils } = await tb.repos.cosmos.containers.directory.items
    .query({ query: "SELECT c.id FROM c WHERE c.type = 'pupil'" }, { partitionKey: SCHOOL })
    .fetchAll();
  // what the jobs write beside the test: digest state, deliveries, notices of undeliverable messages,
  // and the round the scheduler opens when its first tick lands during a test
  const byJobs = (r: Row) =>
    ['digestState', 'digestSnapshot', 'delivery', 'round'].includes(r.type ?? '') ||
    r.id.startsWith('outbox:undeliverable:') ||
    r.id.includes(':undeliverable:') || // the notice about one message (src/jobs/undeliverable-notices.ts)
    r.id.startsWith('outbox:round:');
  return [
    ...cases.filter((r: Row) => !byJobs(r)).map((r: Row) => (r.type === 'outbox' ? r.id : `${r.id}@${r._etag}`)),
    ...pupils.map((r: Row) => r.id),
  ].sort();
};

/**
 * startWithClaimedSignal around a describe block (beforeAll / afterAll). The returned object is
 * filled before the first test runs: read `bot.tb` and `bot.claimed` inside the tests.
 */
export function useClaimedSignal(env: Record<string, string> = {}): { tb: TestBot; claimed: Signal } {
  const bot = {} as { tb: TestBot; claimed: Signal };
  beforeAll(async () => {
    Object.assign(bot, await startWithClaimedSignal(env));
  }, 60_000);
  afterAll(async () => bot.tb?.close());
  return bot;
}
