/**
 * The digest as a new user tries it (issue 6 "Done when"): demo data, the coordinator links the
 * coordinators' channel in the Agents Playground with `@Waakvlam /koppel overzicht`, triggers
 * the digest with `/overzicht kanaal`, looks at it in the channel, and runs `/overzicht` in the
 * personal chat. Screenshots go to docs/screenshots/digest-*.png. The Playground renders cards
 * with the adaptivecards JS renderer, which has no chart elements: what it shows is the fallback
 * (bars made of card elements) that every client without chart support shows.
 *
 * Needs Debian's `chromium`; skipped with a message without it (see playground.browser.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { demoPupils } from '../support/demo-people';
import { PlaygroundSession, describeWithChromium } from '../support/playground-session';
import { TestClock, invokeAction, person, startTestBot, type TestBot } from '../support/test-bot';

jest.setTimeout(180_000);

const CHANNEL_ITEM = 'Demo College De Linde - Zorgcoördinatoren';

describeWithChromium()('the digest in the Agents Playground', () => {
  let tb: TestBot;
  let s: PlaygroundSession;

  /** A week of demo signals: some a week old and never picked up (flagged), some new. */
  async function demoWeek(): Promise<void> {
    const mentor = person('mentor', 0);
    const pupils = demoPupils.filter((p) => mentor.classes.includes(p.className));
    const raise = (i: number, categories: string, level: string) =>
      tb.post(
        invokeAction(tb, mentor, 'signal.submit', {
          submissionId: randomUUID(),
          pupil: `demo-school|pupil:${pupils[i].number}`,
          categories,
          level,
          observation: 'Demo: oogt moe, vaak te laat.',
          urgency: 'normal',
        }),
      );
    tb.clock.set('2026-11-16T10:00:00+01:00');
    await raise(0, 'verzuim', '2');
    await raise(1, 'pesten', '3');
    await raise(2, 'gedrag,sociaal-emotioneel', '2');
    tb.clock.set('2026-11-23T09:00:00+01:00');
    await raise(3, 'thuissituatie', '2');
    await raise(4, 'verzuim', '2');
    await raise(5, 'leerprestaties', '2');
  }

  beforeAll(async () => {
    tb = await startTestBot({
      clock: new TestClock(undefined, { ticking: true }),
      env: { PLAYGROUND_MODE: 'on', LOG_LEVEL: 'silent', DEMO_DATA: 'on', SCHEDULER_TICK_MS: '3600000' },
    });
    await demoWeek();
    s = await PlaygroundSession.launch(tb.bot.port, 'digest', { width: 1280, height: 2600 });
    await s.openAs('zorgcoordinator', 'Hanneke Brouwer');
  });

  afterAll(async () => {
    await s?.close();
    await tb?.close().catch(() => undefined);
  });

  it("a coordinator links the coordinators' channel, posts the digest there and sees it drawn", async () => {
    await s.step('link', async () => {
      await s.openConversation(CHANNEL_ITEM);
      await s.postMentioning('/koppel overzicht');
      await s.page
        .getByText(/gekoppeld als kanaal van de zorgcoördinatoren/)
        .first()
        .waitFor();
    });
    await s.step('trigger', async () => {
      await s.openConversation('Personal Chat');
      await s.send('/overzicht kanaal');
      await s.page
        .getByText(/staat klaar voor het kanaal van de zorgcoördinatoren/)
        .first()
        .waitFor();
    });
    const card = s.cards('Overzicht Demo College De Linde').last();
    await s.step('channel-digest', async () => {
      await s.openConversation(CHANNEL_ITEM);
      await card.waitFor();
      await s.page.waitForTimeout(500);
      await s.screenshot('digest-channel', card);
    });
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('6 nieuwe signalen');
    expect(shown).toContain('Over de termijn');
    for (const p of demoPupils)
      expect(shown).not.toContain(`${p.firstName} ${p.prefix ? p.prefix + ' ' : ''}${p.lastName}`);
  });

  it('the coordinator runs /overzicht and sees the names behind the flagged signals', async () => {
    const card = s.cards('met namen').last();
    await s.step('personal-digest', async () => {
      await s.openConversation('Personal Chat');
      await s.send('/overzicht');
      await card.waitFor();
      await s.page.waitForTimeout(500);
      await s.screenshot('digest-personal', card);
    });
    expect(await card.getByRole('button', { name: 'Open' }).count()).toBeGreaterThan(0);
  });
});
