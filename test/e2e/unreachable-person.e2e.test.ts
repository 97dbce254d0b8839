import { randomUUID } from 'node:crypto';
import { demoPupils, staffWith } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const cardText = (c: unknown) => JSON.stringify(c);
const SCHOOL = 'demo-school';

/**
 * S4 "a signal never silently goes nowhere", for a person Teams refuses (403/404: the app was
 * removed, the chat is gone; in the Agents Playground: not the current user). Their messages wait
 * in the outbox instead of being given up, the coordinator hears it once per person per school day
 * (but about every new signal card by name), and everything is delivered — once, in order — when
 * the person opens the bot again, even with an unchanged conversation reference (a reinstall in
 * Teams keeps the conversation id). Jobs are driven by hand: `drain()` runs the outbox, the
 * TestClock only moves when a test moves it (so a retry's backoff never runs out by itself).
 */
describe('a person Teams refuses (403/404) gets their messages when they open the bot again', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const [pw1, pw2] = staffWith('preventiewerker');
  const coordinator = person('zorgcoordinator');
  const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;

  const drain = async () => {
    for (let i = 0; i < 6; i++) await tb.bot.outbox.runOnce();
  };
  /** A plain notice for `who`, created one second after the previous one (their order is their creation). */
  const notice = async (who: typeof pw1, title: string) => {
    tb.clock.advance(1000);
    await tb.bot.deps.outbox.enqueue(
      SCHOOL,
      [
        {
          key: `test:${randomUUID()}`,
          target: { kind: 'user', userId: who.entraId },
          payload: { kind: 'notice', params: { title, text: `${title}.` } },
        },
      ],
      tb.clock.now(),
    );
  };
  const raiseSignal = async () => {
    tb.clock.advance(1000);
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'pesten',
        level: '2',
        observation: 'Wordt buitengesloten in de pauze.',
        urgency: 'soon',
      }),
    );
    return /S-\d{4}-\d{4}/.exec(cardText(res.body.value))![0];
  };
  const outboxTo = async (who: typeof pw1) =>
    await tb.repos.cases.queryValues<{
      id: string;
      status: string;
      lastError?: string;
      dueAt: string;
      payload: { kind: string };
    }>("SELECT * FROM c WHERE c.type = 'outbox' AND c.target.userId = @u", { u: who.entraId }, SCHOOL);
  const coordinatorNotices = () =>
    tb.connector
      .cards(personalConversationId(coordinator))
      .map(cardText)
      .filter((t) => t.includes(pw2.name));
  /** What pw2's chat received, in order: a signal reference for a signal card, else the notice's title. */
  const pw2Received = () =>
    tb.connector
      .sentTo(personalConversationId(pw2))
      .filter((c) => c.method === 'POST' && c.body?.attachments?.length)
      .map((c) => {
        const t = cardText(c.body);
        return t.includes('signal.claim')
          ? /S-\d{4}-\d{4}/.exec(t)![0]
          : (/"text":"(Test [^"]+?)"/.exec(t)?.[1] ?? 'other');
      });

  beforeAll(async () => {
    tb = await startTestBot({
      startJobs: false,
      env: { CONNECTOR_SDK_RETRIES: 'off', OUTBOX_BACKOFF_BASE_MS: '60000', OUTBOX_TEAMS_LIMITS: 'off' },
    });
    // this test runs the outbox itself: a turn's kick would race the scripted connector faults
    tb.bot.deps.kickOutbox = () => undefined;
    for (const who of [teacher, pw1, pw2, coordinator]) await tb.post(installation(tb, who));
    await drain();
    tb.connector.reset();
  });
  afterAll(async () => tb.close());

  it('parks a message Teams answers 404 for, instead of giving it up, and delivers it after the person’s installationUpdate with the same reference', async () => {
    await notice(pw2, 'Test één');
    tb.connector.failNext({ status: 404 });
    await drain();
    const parked = (await outboxTo(pw2)).find((d) => d.payload.kind === 'notice')!;
    expect(parked).toMatchObject({ status: 'waiting', lastError: 'unreachable:404' });
    expect(pw2Received()).toEqual([]);
    const told = coordinatorNotices();
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`Berichten voor ${pw2.name} wachten`);
    expect(told[0]).toContain(`Teams laat Waakvlam ${pw2.name} op dit moment niet bereiken`);
    expect(told[0]).toContain(`zodra ${pw2.name} Waakvlam weer opent`);

    // nothing of it goes out on a later pass, nor on an ordinary message of the person
    await drain();
    await tb.post(message(tb, pw2, '/help'));
    await drain();
    expect(pw2Received()).toEqual([]);

    await tb.post(installation(tb, pw2)); // reinstalled: Teams keeps the conversation id
    await drain();
    expect(pw2Received()).toEqual(['Test één']);
    expect((await outboxTo(pw2)).find((d) => d.id === parked.id)?.status).toBe('sent');
  });

  it('tells the coordinator once per person per school day, but names every new signal card the worker does not get', async () => {
    tb.clock.advance(24 * 3600_000); // Tuesday: the coordinator heard about pw2 on Monday
    tb.connector.reset();
    tb.connector.refuse(personalConversationId(pw2), 403);
    const first = await raiseSignal();
    await notice(pw2, 'Test twee');
    await drain();
    const second = await raiseSignal();
    await notice(pw2, 'Test drie');
    await drain();

    // pw1 got both signals; pw2 nothing, and everything for pw2 waits
    expect(
      tb.connector
        .cards(personalConversationId(pw1))
        .map(cardText)
        .filter((t) => t.includes('signal.claim')),
    ).toHaveLength(2);
    expect(pw2Received()).toEqual([]);
    expect((await outboxTo(pw2)).filter((d) => d.status === 'waiting').map((d) => d.lastError)).toEqual([
      'unreachable:403',
      'unreachable:403',
      'unreachable:403',
      'unreachable:403',
    ]);

    const told = coordinatorNotices();
    // one per new signal card (naming it) + one for the person today: not one per message
    expect(
      told.filter((t) => t.includes(`Het nieuwe signaal ${first} kon niet worden bezorgd bij ${pw2.name}`)),
    ).toHaveLength(1);
    expect(
      told.filter((t) => t.includes(`Het nieuwe signaal ${second} kon niet worden bezorgd bij ${pw2.name}`)),
    ).toHaveLength(1);
    expect(told.filter((t) => t.includes(`Berichten voor ${pw2.name} wachten`))).toHaveLength(1);
    expect(told).toHaveLength(3);
    expect(told.join(' ')).toContain('Let erop dat het intussen door iemand anders wordt opgepakt.');

    // the next school day (Wednesday) the coordinator hears it once more
    tb.clock.advance(24 * 3600_000);
    await notice(pw2, 'Test vier');
    await notice(pw2, 'Test vijf');
    await drain();
    expect(coordinatorNotices().filter((t) => t.includes(`Berichten voor ${pw2.name} wachten`))).toHaveLength(2);
    expect(coordinatorNotices()).toHaveLength(4);
  });

  it('delivers all parked messages once and in their original order when the bot is added to the person’s chat again', async () => {
    const signals = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId))
      .sort((a, b) => a.reference.localeCompare(b.reference))
      .map((s) => s.reference);
    tb.connector.accept(personalConversationId(pw2));
    // Teams (and the Playground) send a conversationUpdate with the bot among membersAdded as well
    await tb.post({
      ...installation(tb, pw2),
      type: 'conversationUpdate',
      action: undefined,
      membersAdded: [{ id: '28:waakvlam-bot' }],
    });
    await drain();
    expect(pw2Received()).toEqual([signals[0], 'Test twee', signals[1], 'Test drie', 'Test vier', 'Test vijf']);
    expect((await outboxTo(pw2)).filter((d) => d.status !== 'sent')).toEqual([]);

    // a second installation and more passes deliver nothing twice
    await tb.post(installation(tb, pw2));
    await drain();
    expect(pw2Received()).toHaveLength(6);
  });

  it('drops an update in place whose copy is gone (404) without parking it or alarming the coordinator', async () => {
    tb.connector.reset();
    const signal = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).sort((a, b) =>
      a.reference.localeCompare(b.reference),
    )[0];
    tb.connector.refuse(personalConversationId(pw1), 404); // pw1's copy of the card was deleted
    expect(
      (
        await tb.post(
          invokeAction(tb, pw2, 'signal.claim', { signalId: signal.id, schoolId: SCHOOL, v: signal.updatedAt }),
        )
      ).status,
    ).toBe(200);
    await drain();
    tb.connector.accept(personalConversationId(pw1));
    const update = (await outboxTo(pw1)).find((d) => d.payload.kind === 'signalCard' && d.id.includes(':card'))!;
    expect(
      tb.connector.calls.filter(
        (c) => c.method === 'PUT' && c.status === 404 && c.conversationId === personalConversationId(pw1),
      ),
    ).toHaveLength(1);
    expect(update).toMatchObject({ status: 'sent', lastError: 'skipped' });
    expect((await outboxTo(pw1)).filter((d) => d.status === 'waiting')).toEqual([]);
    expect(
      tb.connector
        .cards(personalConversationId(coordinator))
        .map(cardText)
        .filter((t) => t.includes(pw1.name)),
    ).toEqual([]);
  });

  it('sends a message waiting out a retry at once when a new conversation reference arrives (the Playground moved to another port)', async () => {
    tb.connector.reset();
    await notice(pw1, 'Test zes');
    tb.connector.failNext({ status: 502 }); // the old endpoint fails: retried after a backoff
    await drain();
    const retrying = (await outboxTo(pw1)).find((d) => d.status === 'pending')!;
    expect(retrying.lastError).toBeDefined();
    expect(retrying.dueAt > tb.clock.now().toISOString()).toBe(true);
    await drain();
    expect(tb.connector.cards(personalConversationId(pw1))).toHaveLength(0);

    // same connector, another address: a changed serviceUrl, as a restarted Playground gives
    const moved = tb.connector.url.replace('127.0.0.1', 'localhost');
    await tb.post(message(tb, pw1, '/help', { serviceUrl: moved }));
    await drain(); // the clock did not move: only the new reference makes it due
    const sent = tb.connector
      .cards(personalConversationId(pw1))
      .map(cardText)
      .filter((t) => t.includes('Test zes'));
    expect(sent).toHaveLength(1);
    expect((await outboxTo(pw1)).find((d) => d.id === retrying.id)?.status).toBe('sent');
  });
});
