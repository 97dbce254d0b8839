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

describe('a prevention worker who never opened the bot (issue 2)', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const [pw1, pw2] = staffWith('preventiewerker');
  const coordinator = person('zorgcoordinator');

  beforeAll(async () => {
    tb = await startTestBot();
    for (const who of [teacher, pw1, coordinator]) await tb.post(installation(tb, who)); // pw2 has no conversation yet
  });
  afterAll(async () => tb.close());

  it('parks the card, tells the coordinator, and delivers it the moment the worker first writes to the bot', async () => {
    const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
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
    const reference = /S-\d{4}-\d{4}/.exec(cardText(res.body.value))![0];
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(pw1)).some((c) => cardText(c).includes(reference)),
    );
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(personalConversationId(coordinator))
        .some((c) => cardText(c).includes('kon niet worden bezorgd') && cardText(c).includes(pw2.name)),
    );
    expect(tb.connector.cards(personalConversationId(pw2))).toHaveLength(0);

    await tb.post(message(tb, pw2, 'hallo'));
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(personalConversationId(pw2))
        .some((c) => cardText(c).includes(reference) && cardText(c).includes('signal.claim')),
    );
    // the coordinator was told once, not on every retry
    await new Promise((r) => setTimeout(r, 300));
    expect(
      tb.connector.cards(personalConversationId(coordinator)).filter((c) => cardText(c).includes(pw2.name)),
    ).toHaveLength(1);
  });

  it('answers an unknown command with a short Dutch hint and /help with the commands for the person’s roles', async () => {
    tb.connector.reset();
    await tb.post(message(tb, teacher, 'wat kun je'));
    await tb.post(message(tb, pw1, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts().length >= 2);
    expect(tb.connector.texts(personalConversationId(teacher))[0]).toContain('/help');
    const help = tb.connector.texts(personalConversationId(pw1))[0];
    expect(help).toContain('/signaal');
    expect(help).toContain('/ronde');
    expect(help).toContain('preventiewerker');
  });
});
