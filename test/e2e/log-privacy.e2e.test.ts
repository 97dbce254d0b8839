import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
import { configureLog } from '../../src/log';
import { demoPupils, pupilFullName, staffWith } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  searchInvoke,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const cardText = (card: unknown) => JSON.stringify(card);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Logs never hold pupil names or notes (S9): a representative run of the bot — intake, search,
 * invalid and forged submits, a failing handler, claims, deliveries with a throttled connector —
 * with every log line and every console call captured, then scanned for every demo pupil's
 * first and last name and for the observation texts used.
 */
describe('logs hold no pupil names or notes (issue 7)', () => {
  let tb: TestBot;
  const captured: string[] = [];
  const teacher = person('mentor', 0);
  const [pw1, pw2] = staffWith('preventiewerker');
  const mine = demoPupils.filter((p) => teacher.classes.includes(p.className));
  const own = Array.from({ length: 12 }, (_, i) => mine[i % mine.length]);
  const observations: string[] = [];
  const submit = (
    pupil = own[0],
    observation = `${pupil.firstName} ${pupil.lastName} oogt al dagen somber en zegt dat thuis alles misgaat.`,
  ) => {
    observations.push(observation);
    return {
      submissionId: randomUUID(),
      pupil: `demo-school|pupil:${pupil.number}`,
      categories: 'sociaal-emotioneel,thuissituatie',
      level: '3',
      observation,
      knowsPupil: 'true',
      knowsParents: 'false',
      knowsMentor: 'true',
      urgency: 'soon',
    };
  };

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      jest
        .spyOn(console, method)
        .mockImplementation((...args: unknown[]) => void captured.push(`console.${method} ${format(...args)}`));
    }
    tb = await startTestBot();
    configureLog('debug', (line) => captured.push(line));
  });
  afterAll(async () => {
    configureLog('silent');
    await tb.close();
    jest.restoreAllMocks();
  });

  it('runs intake, search, invalid and forged submits, a failing handler, claims and deliveries', async () => {
    for (const who of [teacher, pw1, pw2]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.post(message(tb, teacher, '/signaal'));
    await tb.post(message(tb, teacher, `/signaal ${own[1].lastName}`));
    await tb.post(message(tb, teacher, `/mijn`));
    await tb.post(message(tb, teacher, `${own[2].firstName} ${own[2].lastName} is weer ziek`));
    await tb.post(searchInvoke(tb, teacher, own[3].firstName));
    // invalid and forged submits
    await tb.post(invokeAction(tb, teacher, 'signal.submit', { ...submit(own[4]), observation: '   ' }));
    await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        ...submit(own[5], `${own[5].firstName} ${own[5].lastName} ${'x'.repeat(5000)}`),
      }),
    );
    await tb.post(invokeAction(tb, teacher, 'signal.submit', { ...submit(own[6]), pupil: 'other-school|pupil:1' }));
    await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        ...submit(own[7]),
        categories: 'bestaat-niet',
        submissionId: 'geen-uuid',
      }),
    );
    // a handler that fails with pupil data in the error message
    const failing = jest
      .spyOn(tb.repos.signals, 'create')
      .mockRejectedValueOnce(new Error(`write failed for ${pupilFullName(own[8])}: ${observations[0]}`));
    expect((await tb.post(invokeAction(tb, teacher, 'signal.submit', submit(own[8])))).status).toBe(500);
    failing.mockRestore();
    // valid submits, one delivered through a throttled connector, then claims (one refused)
    tb.connector.failNext({ status: 429, retryAfter: 0 }, { status: 502 });
    const done = await tb.post(invokeAction(tb, teacher, 'signal.submit', submit(own[9])));
    const reference = /S-\d{4}-\d{4}/.exec(cardText(done.body.value))![0];
    await tb.connector.waitFor(
      () =>
        [pw1, pw2].every((pw) =>
          tb.connector.cards(personalConversationId(pw)).some((c) => cardText(c).includes(reference)),
        ),
      15_000,
    );
    const signal = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).find(
      (s) => s.reference === reference,
    )!;
    await tb.post(
      invokeAction(tb, teacher, 'signal.claim', { signalId: signal.id, schoolId: 'demo-school', v: signal.updatedAt }),
    );
    const claimed = await tb.post(
      invokeAction(tb, pw1, 'signal.claim', { signalId: signal.id, schoolId: 'demo-school', v: signal.updatedAt }),
    );
    expect(cardText(claimed.body.value)).toContain('opgepakt');
    await tb.post(
      invokeAction(tb, pw2, 'signal.claim', { signalId: signal.id, schoolId: 'demo-school', v: signal.updatedAt }),
    );
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(teacher)).some((c) => cardText(c).includes('is opgepakt door')),
    );
    await tb.bot.scheduler.runOnce?.();
    await tb.bot.outbox.runOnce?.();
  });

  it('logged something to scan, with ids and codes', () => {
    expect(captured.length).toBeGreaterThanOrEqual(3);
    expect(captured.some((l) => l.includes('turn.error') && l.includes('correlationId'))).toBe(true);
    expect(captured.some((l) => l.includes('outbox.'))).toBe(true);
  });

  it.each(demoPupils.map((p) => [pupilFullName(p), p] as const))('holds no trace of %s', (_name, pupil) => {
    const text = captured.join('\n');
    for (const part of [pupil.firstName, pupil.lastName]) {
      expect(text).not.toMatch(new RegExp(`(^|[^\\p{L}])${escape(part)}([^\\p{L}]|$)`, 'u'));
    }
  });

  it('holds none of the observation texts', () => {
    const text = captured.join('\n');
    for (const o of observations) expect(text).not.toContain(o.slice(0, 40).trim().split(' ').slice(2).join(' '));
    expect(text).not.toContain('somber');
    expect(text).not.toContain('thuis alles misgaat');
    expect(text).not.toContain('is weer ziek');
  });
});
