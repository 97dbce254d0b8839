import { randomUUID } from 'node:crypto';
import { configureLog } from '../../src/log';
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

const cardText = (card: unknown) => JSON.stringify(card);

describe('errors never leak, redeliveries are handled once (issue 7)', () => {
  let tb: TestBot;
  const lines: string[] = [];
  const teacher = person('mentor', 0);
  const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
  const submit = (submissionId = randomUUID()) => ({
    submissionId,
    pupil: `demo-school|pupil:${pupil.number}`,
    categories: 'verzuim',
    level: '2',
    observation: 'Komt al een week te laat binnen.',
    knowsPupil: 'false',
    knowsParents: 'false',
    knowsMentor: 'false',
    urgency: 'normal',
  });
  const signalsOfTeacher = async () => (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).length;

  beforeAll(async () => {
    tb = await startTestBot();
    configureLog('debug', (line) => lines.push(line));
    expect((await tb.post(installation(tb, teacher))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.sentTo(personalConversationId(teacher)).length > 0);
  });
  afterAll(async () => {
    configureLog('silent');
    await tb.close();
  });
  beforeEach(() => {
    tb.connector.reset();
    lines.length = 0;
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers a card submit whose handler throws with 500, a correlation id and no message or stack, and logs the id with the error code', async () => {
    const secret = `database exploded near ${pupil.firstName} ${pupil.lastName}`;
    jest
      .spyOn(tb.repos.signals, 'create')
      .mockRejectedValueOnce(Object.assign(new TypeError(secret), { code: 'E_TEST' }));
    const activity = invokeAction(tb, teacher, 'signal.submit', submit());
    const res = await tb.post(activity);
    expect(res.status).toBe(500);
    // the turn's one correlation id: the activity id (issue 15)
    expect(res.body).toEqual({ error: 'internal', correlationId: activity.id });
    const log = lines.join('\n');
    expect(log).not.toContain('exploded');
    expect(log).not.toContain(pupil.lastName);
    const turnError = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'turn.error');
    expect(turnError).toMatchObject({ correlationId: res.body.correlationId, error: 'TypeError', code: 'E_TEST' });
    expect(lines.some((l) => l.includes('turn.failed') && l.includes(res.body.correlationId))).toBe(true);
  });

  it('answers a command whose handler throws with a Dutch apology and 200, without internals', async () => {
    jest.spyOn(tb.repos.directory, 'listPupils').mockRejectedValue(new Error('boom: stack and secrets'));
    const res = await tb.post(message(tb, teacher, '/signaal'));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body ?? '')).not.toContain('boom');
    await tb.connector.waitFor(() =>
      tb.connector.texts(personalConversationId(teacher)).some((t) => t.includes('Er ging iets mis')),
    );
    expect(tb.connector.calls.every((c) => !JSON.stringify(c.body).includes('boom'))).toBe(true);
  });

  it('never puts an error message in the body of a 4xx either', async () => {
    const res = await fetch(`${tb.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/Unexpected|JSON|at /);
  });

  it('handles the same /signaal message activity once when Teams delivers it twice', async () => {
    const activity = message(tb, teacher, '/signaal');
    const first = await tb.post(activity);
    const again = await tb.post(activity);
    expect([first.status, again.status]).toEqual([200, 200]);
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(tb.connector.cards(personalConversationId(teacher))).toHaveLength(1);
  });

  it('handles a message once when both deliveries arrive at the same moment', async () => {
    const activity = message(tb, teacher, '/signaal');
    const results = await Promise.all([tb.post(activity), tb.post(activity), tb.post(activity)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(tb.connector.cards(personalConversationId(teacher))).toHaveLength(1);
  });

  it('still handles two different messages with the same text', async () => {
    await tb.post(message(tb, teacher, '/signaal'));
    await tb.post(message(tb, teacher, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length === 2);
  });

  it('stores one signal when the same card submit is redelivered with a new activity id', async () => {
    const before = await signalsOfTeacher();
    const data = submit();
    const a = await tb.post(invokeAction(tb, teacher, 'signal.submit', data));
    const b = await tb.post(invokeAction(tb, teacher, 'signal.submit', data));
    expect([a.status, b.status]).toEqual([200, 200]);
    const ref = (r: { body: any }) => /S-\d{4}-\d{4}/.exec(cardText(r.body.value))![0];
    expect(ref(b)).toBe(ref(a));
    expect(await signalsOfTeacher()).toBe(before + 1);
  });

  it('stores one signal when the same submit activity is redelivered with the same activity id', async () => {
    const before = await signalsOfTeacher();
    const activity = invokeAction(tb, teacher, 'signal.submit', submit());
    const [a, b] = await Promise.all([tb.post(activity), tb.post(activity)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await signalsOfTeacher()).toBe(before + 1);
  });
});
