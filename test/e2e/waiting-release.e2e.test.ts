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

/**
 * Messages for a person without a conversation reference wait in the outbox and are released when
 * the reference is saved — not on every message the person writes (issue 9: that query ran on
 * every turn). These tests hold the cases where a release must still happen.
 */
describe('releasing messages that waited for a conversation reference', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const workers = staffWith('preventiewerker');
  const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;

  const submit = async () => {
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `demo-school|pupil:${pupil.number}`,
        categories: 'pesten',
        level: '2',
        observation: 'Wordt buitengesloten in de pauze.',
        urgency: 'soon',
      }),
    );
    return /S-\d{4}-\d{4}/.exec(cardText(res.body.value))![0];
  };
  const drain = async () => {
    for (let i = 0; i < 5; i++) await tb.bot.outbox.runOnce();
  };

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    await tb.post(installation(tb, teacher));
    await tb.post(installation(tb, workers[0]));
  });
  afterAll(async () => tb.close());

  it('asks the outbox for waiting messages on a person’s first message and when the reference changes, not on every message', async () => {
    const releaseWaiting = jest.spyOn(tb.bot.deps.outbox, 'releaseWaiting');
    const worker = workers[0];
    await tb.post(message(tb, worker, '/help'));
    await tb.post(message(tb, worker, '/help'));
    await tb.post(message(tb, worker, '/help'));
    expect(releaseWaiting).toHaveBeenCalledTimes(0); // the installation already released, in this process
    await tb.post(message(tb, worker, '/help', { serviceUrl: `${tb.connector.url}/moved/` }));
    expect(releaseWaiting).toHaveBeenCalledTimes(1);
    releaseWaiting.mockRestore();
  });

  it('releases on the first message after a restart, even with an unchanged reference (a turn may have died between saving and releasing)', async () => {
    const worker = workers[0];
    await tb.restart();
    const releaseWaiting = jest.spyOn(tb.bot.deps.outbox, 'releaseWaiting');
    await tb.post(message(tb, worker, '/help'));
    await tb.post(message(tb, worker, '/help'));
    expect(releaseWaiting).toHaveBeenCalledTimes(1);
    releaseWaiting.mockRestore();
  });

  it('delivers a card that was parked while the worker’s first message saved the reference and released before the parking', async () => {
    const late = workers[1];
    const conversations = tb.bot.deps.conversations;
    const realGet = conversations.getConversation;
    // The sender looks up the reference just before the worker's turn saves it, and the turn's
    // release runs just before the runner parks the message.
    conversations.getConversation = async (schoolId, userId) => {
      if (userId !== late.entraId) return realGet(schoolId, userId);
      conversations.getConversation = realGet;
      await tb.post(message(tb, late, 'hallo'));
      return undefined;
    };
    try {
      const reference = await submit();
      await drain();
      await tb.connector.waitFor(() =>
        tb.connector
          .cards(personalConversationId(late))
          .some((c) => cardText(c).includes(reference) && cardText(c).includes('signal.claim')),
      );
    } finally {
      conversations.getConversation = realGet;
    }
  });
});
