/**
 * Real client, real browser: the Microsoft 365 Agents Playground (our local Teams client, started
 * with the project's roster config through scripts/run-playground.js) driven in headless Chromium
 * against the real bot. See docs/playground.md for the selectors and what the Playground sends.
 *
 * Needs Debian's `chromium` (/usr/bin/chromium, or CHROMIUM_PATH); without it the suite is skipped
 * with a message (.ci/run installs it with apt-get). Screenshots of failures go to test-results/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestBot, type TestBot } from '../support/test-bot';
import { freePort, startPlayground, type PlaygroundProcess } from '../support/playground-process';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => !!p && fs.existsSync(p));
const FAILURES_DIR = path.join(ROOT, 'test-results');
const SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
const REFERENCE = /S-\d{4}-\d{4}/;
const STEP_MS = 20_000;

if (!CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn('[browser tests] SKIPPED: no Chromium at /usr/bin/chromium (install with `apt-get install -y chromium`, or set CHROMIUM_PATH).');
}
const describeWithChromium = CHROMIUM ? describe : describe.skip;

describeWithChromium('Agents Playground in headless Chromium', () => {
  let tb: TestBot;
  let browser: Browser;
  let page: Page;
  let playground: PlaygroundProcess | undefined;
  let reference = '';

  /** Runs one step of a test; on failure saves a screenshot and the Playground's output to test-results/. */
  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      fs.mkdirSync(FAILURES_DIR, { recursive: true });
      const base = path.join(FAILURES_DIR, `playground-${name.replace(/[^a-z0-9]+/gi, '-')}`);
      await page?.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(`${base}.log`, playground?.output() ?? '');
      throw e;
    }
  }

  async function openAs(user: string): Promise<void> {
    await playground?.stop();
    playground = await startPlayground({ user, botPort: tb.bot.port, uiPort: await freePort() });
    await page.goto(playground.url, { waitUntil: 'load' });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click({ timeout: STEP_MS });
  }

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + STEP_MS;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(200);
    }
  }

  async function send(text: string): Promise<void> {
    const box = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
    await box.click({ timeout: STEP_MS });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  beforeAll(async () => {
    tb = await startTestBot({ env: { PLAYGROUND_MODE: 'on', LOG_LEVEL: 'silent', DEMO_DATA: 'on' } });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(STEP_MS);
  });

  afterAll(async () => {
    await playground?.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await tb?.close().catch(() => undefined);
  });

  it('a mentor reports a signal with /signaal, is told what is missing, and gets a reference', async () => {
    await step('mentor-open', async () => {
      await openAs('mentor');
      await page.getByText('Marloes van Dijk').first().waitFor();
    });

    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Wat heb je gezien of gehoord?' }).last();
    await step('mentor-intake-card', async () => {
      await send('/signaal');
      await card.waitFor();
    });

    const pupil = await step('mentor-fill-without-observation', async () => {
      await card.getByRole('combobox', { name: /Leerling/ }).click();
      const option = page.getByRole('option').first();
      const name = (await option.textContent())?.trim() ?? '';
      await option.click();
      await card.getByRole('checkbox', { name: 'Verzuim' }).check();
      await card.getByRole('radio', { name: /^2 — signaal/ }).check();
      return name;
    });
    expect(pupil).not.toBe('');

    await step('mentor-empty-observation-refused', async () => {
      await card.getByRole('button', { name: 'Versturen' }).click();
      // The card's own isRequired check (its errorMessage) or the bot's re-rendered card: either Dutch message.
      await page.getByText(/Beschrijf wat je hebt gezien of gehoord\.|Controleer de gemarkeerde velden\./).first().waitFor();
      const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Wat heb je gezien of gehoord?' }).last();
      await expect(form.getByRole('combobox', { name: /Leerling/ }).inputValue()).resolves.toBe(pupil);
      await expect(form.getByRole('checkbox', { name: 'Verzuim' }).isChecked()).resolves.toBe(true);
    });

    await step('mentor-submit', async () => {
      const form = page.locator('.ac-adaptiveCard').filter({ hasText: 'Wat heb je gezien of gehoord?' }).last();
      await form.getByRole('textbox', { name: /Wat heb je gezien of gehoord/ }).fill('Drie keer deze week te laat in het eerste uur; oogt moe.');
      await form.getByRole('button', { name: 'Versturen' }).click();
      const confirmation = page.locator('.ac-adaptiveCard').filter({ hasText: REFERENCE }).last();
      await confirmation.waitFor();
      reference = REFERENCE.exec((await confirmation.textContent()) ?? '')![0];
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await confirmation.screenshot({ path: path.join(SCREENSHOTS_DIR, 'playground-signal-confirmation.png') });
    });
    expect(reference).toMatch(REFERENCE);
  });

  it('a prevention worker, after switching user over the same bot, gets the waiting signal, sees it with /mijn and claims it', async () => {
    expect(reference).toMatch(REFERENCE);
    const claimable = page.locator('.ac-adaptiveCard').filter({ hasText: reference }).filter({ has: page.getByRole('button', { name: 'Oppakken' }) });
    // The signal card that could not reach her while another user was signed in waits in the outbox
    // and is delivered as soon as her personal chat is opened (installationUpdate).
    await step('worker-open', async () => {
      await openAs('preventiewerker');
      await page.getByText('Demi Koster').first().waitFor();
      await claimable.first().waitFor();
    });
    const before = await claimable.count();
    await step('worker-list', async () => {
      await send('/mijn');
      await until(async () => (await claimable.count()) === before + 1, 'a second signal card after /mijn');
    });
    await step('worker-claim', async () => {
      await claimable.last().getByRole('button', { name: 'Oppakken' }).click();
      await page.getByText('Je hebt dit signaal opgepakt.').first().waitFor();
      const claimed = page.locator('.ac-adaptiveCard').filter({ hasText: reference }).filter({ hasText: 'Demi Koster' }).filter({ hasNot: page.getByRole('button', { name: 'Oppakken' }) }).last();
      await claimed.waitFor();
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await claimed.screenshot({ path: path.join(SCREENSHOTS_DIR, 'playground-signal-claimed.png') });
    });
  });

  it('a coordinator links the OT channel by @mentioning the bot with /koppel ot', async () => {
    await step('coordinator-open', async () => {
      await openAs('zorgcoordinator');
      await page.getByText('Hanneke Brouwer').first().waitFor();
      await page.getByRole('treeitem', { name: 'Demo College De Linde - Ondersteuningsteam (OT)' }).click();
    });
    await step('coordinator-koppel', async () => {
      const box = page.locator('[data-lexical-editor="true"][role="textbox"]').first();
      await box.click();
      await page.keyboard.type('@Waak');
      await page.locator('#typeahead-menu').getByRole('menuitem', { name: /Waakvlam/ }).click();
      await page.keyboard.type(' /koppel ot');
      await page.getByRole('button', { name: 'Post' }).click();
      await page.getByText(/Dit kanaal is gekoppeld als OT-kanaal van Demo College De Linde/).first().waitFor();
    });
  });
});
