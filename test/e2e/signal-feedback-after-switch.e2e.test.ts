import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { demoPupils } from '../support/demo-people';
import {
  installation,
  invokeAction,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/**
 * What the reporter hears when they come back after a while (found by the issue 3 walk-through in
 * the Agents Playground): status messages that waited each tell their own step, in order, and
 * messages that failed on an old conversation reference go out as soon as there is a new one.
 */
const SCHOOL = 'demo-school';
const teacher = person('mentor', 0);
const worker = person('preventiewerker', 0);
const text = (c: unknown) => JSON.stringify(c);

async function raise(tb: TestBot): Promise<Signal> {
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
  const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
  return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((s) => s.reference === reference)!;
}

async function act(tb: TestBot, s: Signal, verb: string, extra: object = {}): Promise<void> {
  const fresh = (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
  tb.clock.advance(60_000);
  expect(
    (await tb.post(invokeAction(tb, worker, verb, { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt, ...extra })))
      .status,
  ).toBe(200);
}

const updates = (tb: TestBot, s: Signal) =>
  tb.connector
    .cards(personalConversationId(teacher))
    .map(text)
    .filter((c) => c.includes(`Nieuws over je signaal ${s.reference}`));

describe('feedback to a reporter who was away', () => {
  let tb: TestBot;
  beforeAll(async () => {
    // A long backoff: a message that failed once would otherwise wait a minute.
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000', OUTBOX_BACKOFF_BASE_MS: '60000' } });
    await tb.post(installation(tb, worker));
  });
  afterAll(async () => tb?.close());

  it('tells each waiting status change as its own step, in order, not the current state several times', async () => {
    // the teacher reached Waakvlam once through a client that is gone now
    await tb.post({ ...installation(tb, teacher), serviceUrl: 'http://127.0.0.1:9' });
    const s = await raise(tb);
    await act(tb, s, 'signal.claim');
    await act(tb, s, 'signal.score', { level: '2' });
    await act(tb, s, 'signal.watch', { checkInDate: '2026-12-01' });
    await act(tb, s, 'signal.close', { outcome: 'resolved' });
    // the first status message failed on the old reference and waits out a long backoff; the others wait behind it
    const pending = async (failed: boolean) => {
      const rows = await (
        tb.repos.outbox as unknown as { store: { queryValues<T>(q: string, p: object, s: string): Promise<T[]> } }
      ).store.queryValues<number>(
        `SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.payload.kind = 'reporterStatus' AND c.status = 'pending'${failed ? ' AND IS_DEFINED(c.lastError)' : ''}`,
        {},
        SCHOOL,
      );
      return rows[0] ?? 0;
    };
    for (let i = 0; i < 300 && (await pending(true)) < 1; i++) await new Promise((r) => setTimeout(r, 50));
    expect([await pending(true), await pending(false)]).toEqual([1, 4]);
    expect(updates(tb, s)).toEqual([]);

    // the teacher opens Waakvlam again (a new reference): the messages go now, not in a minute
    await tb.post(installation(tb, teacher));
    await tb.connector.waitFor(() => updates(tb, s).length === 4, 15_000);
    const got = updates(tb, s);
    expect(got[0]).toContain(`is opgepakt door ${worker.name}`);
    expect(got[1]).toContain('is in behandeling');
    expect(got[2]).toContain('in de gaten gehouden');
    expect(got[2]).not.toContain('weer bij de preventiewerker');
    expect(got[3]).toContain('is afgerond');
  });
});
