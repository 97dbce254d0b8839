import { randomUUID } from 'node:crypto';
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

/**
 * What a turn costs in store requests (issue 9): a person who keeps writing from the same client
 * costs no store round trip for a read-only command; a command that changes something still marks
 * the activity in the store, so a redelivery to another instance does not run it twice.
 */
describe('store requests per message turn', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const coordinator = person('zorgcoordinator', 0);
  const worker = person('preventiewerker', 0);
  const meter = () => tb.repos.cosmos.meter;
  const answers = (who = teacher) => tb.connector.sentTo(personalConversationId(who)).length;

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    await tb.post(installation(tb, teacher));
    await tb.post(installation(tb, coordinator));
    await tb.post(installation(tb, worker));
  });
  afterAll(async () => tb.close());

  /** Raises a signal about the teacher's first pupil; returns the reference fields of its card. */
  async function raise(): Promise<{ signalId: string; schoolId: string; v: string }> {
    const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `demo-school|pupil:${pupil.number}`,
        categories: 'gedrag',
        level: '2',
        observation: 'Trekt zich terug in de les.',
        urgency: 'normal',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(JSON.stringify(res.body.value))![0];
    const s = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).find(
      (x) => x.reference === reference,
    )!;
    return { signalId: s.id, schoolId: 'demo-school', v: s.updatedAt };
  }

  it('claims a signal in at most three store requests: read the signal, one batch, the audit entry', async () => {
    await tb.post(invokeAction(tb, worker, 'signal.claim', await raise())); // the pupil's card was drawn once
    const ref = await raise();
    meter().reset();
    const res = await tb.post(invokeAction(tb, worker, 'signal.claim', ref));
    expect(JSON.stringify(res.body.value)).toContain('Je hebt dit signaal opgepakt');
    const { requests, byKind } = meter().snapshot();
    expect(requests).toBeLessThanOrEqual(3);
    expect(byKind['docs:batch']).toBe(1);
  });

  it('answers /help from a known chat without a single store request', async () => {
    await tb.post(message(tb, teacher, '/help'));
    meter().reset();
    const before = answers();
    expect((await tb.post(message(tb, teacher, '/help'))).status).toBe(200);
    await tb.connector.waitFor(() => answers() === before + 1);
    expect(meter().snapshot().requests).toBe(0);
  });

  it('builds no new connector client per turn: one for the service URL, one user-token client', async () => {
    await tb.post(message(tb, teacher, '/help'));
    const kept = tb.bot.reusedClients();
    const before = answers();
    for (let i = 0; i < 5; i++) await tb.post(message(tb, teacher, '/help'));
    await tb.post(invokeAction(tb, worker, 'signal.claim', await raise()));
    await tb.connector.waitFor(() => answers() === before + 5);
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThanOrEqual(2);
    expect(tb.bot.reusedClients()).toBe(kept);
  });

  it('reads the stored reference again once the confirmed one is ten minutes old', async () => {
    tb.clock.advance(10 * 60_000);
    meter().reset();
    await tb.post(message(tb, teacher, '/help'));
    expect(meter().snapshot().byKind['docs:read']).toBe(1);
    meter().reset();
    await tb.post(message(tb, teacher, '/help'));
    expect(meter().snapshot().requests).toBe(0);
  });

  it('stores a new reference at once when the same person writes from another conversation', async () => {
    const moved = `${tb.connector.url}/elsewhere/`;
    await tb.post(message(tb, teacher, '/help', { serviceUrl: moved }));
    const stored = await tb.repos.directory.getConversation('demo-school', teacher.entraId);
    expect(stored?.reference.serviceUrl).toBe(moved);
  });

  it('handles a redelivered /help once within the process', async () => {
    const activity = message(tb, teacher, '/help');
    const before = answers();
    await Promise.all([tb.post(activity), tb.post(activity)]);
    await tb.connector.waitFor(() => answers() >= before + 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(answers()).toBe(before + 1);
  });

  it('marks a command that changes something in the store, so a redelivery after a restart is not run again', async () => {
    const activity = message(tb, coordinator, '/ronde');
    meter().reset();
    await tb.post(activity);
    expect(meter().snapshot().byKind['docs:create'] ?? 0).toBeGreaterThanOrEqual(1);
    await tb.connector.waitFor(() => answers(coordinator) > 0);
    const before = answers(coordinator);
    await tb.restart();
    await tb.post(activity);
    await new Promise((r) => setTimeout(r, 300));
    expect(answers(coordinator)).toBe(before);
    // a new activity with the same text is handled
    await tb.post(message(tb, coordinator, '/ronde'));
    await tb.connector.waitFor(() => answers(coordinator) > before);
  });
});
