import { randomUUID } from 'node:crypto';
import { parseShift } from '../../src/bot/demo/demo-clock-command';
import { shiftableClock, fixedClock } from '../../src/domain/clock';
import { demoPupils } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const teacher = person('mentor', 0);
const worker = person('preventiewerker', 0);

describe('the demo clock', () => {
  it('parses forward shifts in days or hours and refuses anything else', () => {
    expect(parseShift('+3')).toBe(72);
    expect(parseShift('3 dagen')).toBe(72);
    expect(parseShift('+5u')).toBe(5);
    expect(parseShift('12 uur')).toBe(12);
    for (const bad of ['', '-3', '+0', 'morgen', '+121', '3w', '+3; drop']) expect(parseShift(bad)).toBeUndefined();
  });

  it('only moves forward', () => {
    const c = shiftableClock(fixedClock('2026-11-23T08:00:00Z'));
    c.shift(-5_000);
    c.shift(Number.NaN);
    expect(c.now().toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(c.shift(3_600_000).toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(c.offsetMs()).toBe(3_600_000);
  });
});

describe('/demo tijd over HTTP', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    for (const who of [teacher, worker]) await tb.post(installation(tb, who));
  });
  afterAll(async () => tb?.close());

  const say = async (who: typeof teacher, text: string): Promise<string> => {
    const before = tb.connector.texts(personalConversationId(who)).length;
    expect((await tb.post(message(tb, who, text))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(who)).length > before);
    return tb.connector.texts(personalConversationId(who)).slice(before).join('\n');
  };

  it('moves the bot clock forward, runs the jobs at once, and a watch reminder arrives', async () => {
    const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'gedrag',
        level: '2',
        observation: 'Oogt moe.',
        urgency: 'normal',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(JSON.stringify(res.body.value))![0];
    const signal = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find(
      (s) => s.reference === reference,
    )!;
    const act = async (verb: string, extra: object = {}) => {
      const fresh = (await tb.repos.signals.get(SCHOOL, signal.id))!.doc;
      return tb.post(
        invokeAction(tb, worker, verb, { signalId: fresh.id, schoolId: SCHOOL, v: fresh.updatedAt, ...extra }),
      );
    };
    await act('signal.claim');
    await act('signal.watch', { checkInDate: '2026-11-26' });

    expect(await say(worker, '/demo tijd')).toContain('de klok loopt gelijk');
    const reminderCount = () =>
      tb.connector.calls.filter(
        (c) =>
          c.conversationId === personalConversationId(worker) &&
          JSON.stringify(c.body).includes('Waakvlam: tijd om te kijken'),
      ).length;
    expect(reminderCount()).toBe(0);
    const answer = await say(worker, '/demo tijd +3');
    expect(answer).toContain('3 dagen verder');
    expect(answer).toContain('donderdag 26 november 2026');
    await tb.connector.waitFor(() => reminderCount() === 1);
    expect(await say(worker, '/demo tijd')).toContain('3 dagen vooruitgezet');
    const audits = await tb.repos.audit.forSchool(SCHOOL, 'demo.clock.shift');
    expect(audits.map((a) => [a.actorId, a.subject])).toEqual([[worker.entraId, '+72h']]);
  });

  it('answers wrong use with Dutch help and leaves the clock alone', async () => {
    const before = tb.bot.deps.demo!.clock.offsetMs();
    expect(await say(teacher, '/demo tijd -2')).toContain('Zet de klok vooruit');
    expect(await say(teacher, '/demo')).toContain('/demo tijd +3');
    expect(tb.bot.deps.demo!.clock.offsetMs()).toBe(before);
  });

  it('does not exist outside the demo', async () => {
    const plain = await startTestBot({ env: { DEMO_DATA: 'off' } });
    try {
      expect(plain.bot.deps.demo).toBeUndefined();
      await plain.post(message(plain, teacher, '/demo tijd +3'));
      await plain.connector.waitFor(() => plain.connector.texts().length > 0);
      expect(plain.connector.texts().join('\n')).toContain('Dat commando ken ik niet');
    } finally {
      await plain.close();
    }
  });
});
