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
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { demoPupils } from '../support/demo-people';
import { invokeAction, person, startTestBot, type TestBot } from '../support/test-bot';
import { freePort, startPlayground, type PlaygroundProcess } from '../support/playground-process';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => !!p && fs.existsSync(p));
const SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
const FAILURES_DIR = path.join(ROOT, 'test-results');
const STEP_MS = 20_000;
const CHANNEL_ITEM = 'Demo College De Linde - Zorgcoördinatoren';

if (!CHROMIUM) {
  // eslint-disable-next-line no-console
  console.warn('[browser tests] SKIPPED: no Chromium at /usr/bin/chromium (install with `apt-get install -y chromium`, or set CHROMIUM_PATH).');
}
const describeWithChromium = CHROMIUM ? describe : describe.skip;

describeWithChromium('the digest in the Agents Playground', () => {
  let tb: TestBot;
  let browser: Browser;
  let page: Page;
  let playground: PlaygroundProcess | undefined;

  async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      fs.mkdirSync(FAILURES_DIR, { recursive: true });
      const base = path.join(FAILURES_DIR, `digest-${name}`);
      await page?.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(`${base}.log`, playground?.output() ?? '');
      throw e;
    }
  }

  async function send(text: string): Promise<void> {
    await page.locator('[data-lexical-editor="true"][role="textbox"]').first().click({ timeout: STEP_MS });
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  /** A week of demo signals: some a week old and never picked up (flagged), some new. */
  async function demoWeek(): Promise<void> {
    const mentor = person('mentor', 0);
    const pupils = demoPupils.filter((p) => mentor.classes.includes(p.className));
    const raise = (i: number, categories: string, level: string) =>
      tb.post(invokeAction(tb, mentor, 'signal.submit', { submissionId: randomUUID(), pupil: `demo-school|pupil:${pupils[i].number}`, categories, level, observation: 'Demo: oogt moe, vaak te laat.', urgency: 'normal' }));
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
    tb = await startTestBot({ env: { PLAYGROUND_MODE: 'on', LOG_LEVEL: 'silent', DEMO_DATA: 'on', SCHEDULER_TICK_MS: '3600000' } });
    await demoWeek();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 2600 } });
    page.setDefaultTimeout(STEP_MS);
    playground = await startPlayground({ user: 'zorgcoordinator', botPort: tb.bot.port, uiPort: await freePort() });
    await page.goto(playground.url, { waitUntil: 'load' });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await page.getByText('Hanneke Brouwer').first().waitFor();
  });

  afterAll(async () => {
    await playground?.stop().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await tb?.close().catch(() => undefined);
  });

  it('a coordinator links the coordinators\' channel, posts the digest there and sees it drawn', async () => {
    await step('link', async () => {
      await page.getByRole('treeitem', { name: CHANNEL_ITEM }).click();
      await page.locator('[data-lexical-editor="true"][role="textbox"]').first().click();
      await page.keyboard.type('@Waak');
      await page.locator('#typeahead-menu').getByRole('menuitem', { name: /Waakvlam/ }).click();
      await page.keyboard.type(' /koppel overzicht');
      await page.getByRole('button', { name: 'Post' }).click();
      await page.getByText(/gekoppeld als kanaal van de zorgcoördinatoren/).first().waitFor();
    });
    await step('trigger', async () => {
      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await send('/overzicht kanaal');
      await page.getByText(/staat klaar voor het kanaal van de zorgcoördinatoren/).first().waitFor();
    });
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Overzicht Demo College De Linde' }).last();
    await step('channel-digest', async () => {
      await page.getByRole('treeitem', { name: CHANNEL_ITEM }).click();
      await card.waitFor();
      await page.waitForTimeout(500);
      fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      await card.screenshot({ path: path.join(SCREENSHOTS_DIR, 'digest-channel.png') });
    });
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('6 nieuwe signalen');
    expect(shown).toContain('Over de termijn');
    for (const p of demoPupils) expect(shown).not.toContain(`${p.firstName} ${p.prefix ? p.prefix + ' ' : ''}${p.lastName}`);
  });

  it('the coordinator runs /overzicht and sees the names behind the flagged signals', async () => {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'met namen' }).last();
    await step('personal-digest', async () => {
      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await send('/overzicht');
      await card.waitFor();
      await page.waitForTimeout(500);
      await card.screenshot({ path: path.join(SCREENSHOTS_DIR, 'digest-personal.png') });
    });
    expect(await card.getByRole('button', { name: 'Open' }).count()).toBeGreaterThan(0);
  });
});
