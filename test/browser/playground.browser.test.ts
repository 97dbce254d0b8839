/**
 * Real client, real browser: the Microsoft 365 Agents Playground (our local Teams client, started
 * with the project's roster config through scripts/run-playground.js) driven in headless Chromium
 * against the real bot, through the shared PlaygroundSession (test/support/playground-session.ts).
 * See docs/playground.md for the selectors and what the Playground sends.
 *
 * Needs Debian's `chromium` (/usr/bin/chromium, or CHROMIUM_PATH); without it the suite is skipped
 * with a message (.ci/run installs it with apt-get). Screenshots of failures go to test-results/.
 */
import { PlaygroundSession, describeWithChromium } from '../support/playground-session';
import { TestClock, startTestBot, type TestBot } from '../support/test-bot';

jest.setTimeout(120_000);

const REFERENCE = /S-\d{4}-\d{4}/;

describeWithChromium()('Agents Playground in headless Chromium', () => {
  let tb: TestBot;
  let s: PlaygroundSession;
  let reference = '';

  beforeAll(async () => {
    tb = await startTestBot({
      clock: new TestClock(undefined, { ticking: true }),
      env: { PLAYGROUND_MODE: 'on', LOG_LEVEL: 'silent', DEMO_DATA: 'on' },
    });
    s = await PlaygroundSession.launch(tb.bot.port, 'playground');
  });

  afterAll(async () => {
    await s?.close();
    await tb?.close().catch(() => undefined);
  });

  it('a mentor reports a signal with /signaal, is told what is missing, and gets a reference', async () => {
    const page = s.page;
    await s.step('mentor-open', () => s.openAs('mentor', 'Marloes van Dijk'));

    const card = s.cards('Wat heb je gezien of gehoord?').last();
    await s.step('mentor-intake-card', async () => {
      await s.send('/signaal');
      await card.waitFor();
    });

    const pupil = await s.step('mentor-fill-without-observation', async () => {
      await card.getByRole('combobox', { name: /Leerling/ }).click();
      const option = page.getByRole('option').first();
      const name = (await option.textContent())?.trim() ?? '';
      await option.click();
      await card.getByRole('checkbox', { name: 'Verzuim' }).check();
      await card.getByRole('radio', { name: /^2 — signaal/ }).check();
      return name;
    });
    expect(pupil).not.toBe('');

    await s.step('mentor-empty-observation-refused', async () => {
      await card.getByRole('button', { name: 'Versturen' }).click();
      // The card's own isRequired check (its errorMessage) or the bot's re-rendered card: either Dutch message.
      await page
        .getByText(/Beschrijf wat je hebt gezien of gehoord\.|Controleer de gemarkeerde velden\./)
        .first()
        .waitFor();
      const form = s.cards('Wat heb je gezien of gehoord?').last();
      await expect(form.getByRole('combobox', { name: /Leerling/ }).inputValue()).resolves.toBe(pupil);
      await expect(form.getByRole('checkbox', { name: 'Verzuim' }).isChecked()).resolves.toBe(true);
    });

    await s.step('mentor-submit', async () => {
      const form = s.cards('Wat heb je gezien of gehoord?').last();
      await form
        .getByRole('textbox', { name: /Wat heb je gezien of gehoord/ })
        .fill('Drie keer deze week te laat in het eerste uur; oogt moe.');
      await form.getByRole('button', { name: 'Versturen' }).click();
      const confirmation = s.cards(REFERENCE).last();
      await confirmation.waitFor();
      reference = REFERENCE.exec((await confirmation.textContent()) ?? '')![0];
      await s.screenshot('playground-signal-confirmation', confirmation);
    });
    expect(reference).toMatch(REFERENCE);
  });

  it('a prevention worker, after switching user over the same bot, gets the waiting signal, sees it with /mijn and claims it', async () => {
    expect(reference).toMatch(REFERENCE);
    const page = s.page;
    const claimable = s.cards(reference).filter({ has: page.getByRole('button', { name: 'Oppakken' }) });
    // The signal card that could not reach her while another user was signed in waits in the outbox
    // and is delivered as soon as her personal chat is opened (installationUpdate).
    await s.step('worker-open', async () => {
      await s.openAs('preventiewerker', 'Demi Koster');
      await claimable.first().waitFor();
    });
    const before = await claimable.count();
    await s.step('worker-list', async () => {
      await s.send('/mijn');
      await s.until(async () => (await claimable.count()) === before + 1, 'a second signal card after /mijn');
    });
    await s.step('worker-claim', async () => {
      await claimable.last().getByRole('button', { name: 'Oppakken' }).click();
      await page.getByText('Je hebt dit signaal opgepakt.').first().waitFor();
      const claimed = s
        .cards(reference)
        .filter({ hasText: 'Demi Koster' })
        .filter({ hasNot: page.getByRole('button', { name: 'Oppakken' }) })
        .last();
      await claimed.waitFor();
      await s.screenshot('playground-signal-claimed', claimed);
    });
  });

  it('a coordinator links the OT channel by @mentioning the bot with /koppel ot', async () => {
    await s.step('coordinator-open', async () => {
      await s.openAs('zorgcoordinator', 'Hanneke Brouwer');
      await s.openConversation('Demo College De Linde - Ondersteuningsteam (OT)');
    });
    await s.step('coordinator-koppel', async () => {
      await s.postMentioning('/koppel ot');
      await s.page
        .getByText(/Dit kanaal is gekoppeld als OT-kanaal van Demo College De Linde/)
        .first()
        .waitFor();
    });
  });
});
