/**
 * One headless Chromium page on the Microsoft 365 Agents Playground, for the browser tests
 * (test/browser/*.browser.test.ts). Holds what every walk-through needs: start and switch user
 * over the same bot, type in the personal chat or @mention the bot in a channel, wait, and save
 * screenshots (docs/screenshots/) and failure evidence (test-results/). Selectors: docs/playground.md §7.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freePort, startPlayground, type PlaygroundProcess } from './playground-process';

const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => !!p && fs.existsSync(p),
);
export const SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
const FAILURES_DIR = path.join(ROOT, 'test-results');
export const STEP_MS = 20_000;
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** `describe` when Debian's chromium is there, else `describe.skip` with a warning (.ci/run installs it). */
export function describeWithChromium(): jest.Describe {
  if (!CHROMIUM) {
    console.warn(
      '[browser tests] SKIPPED: no Chromium at /usr/bin/chromium (install with `apt-get install -y chromium`, or set CHROMIUM_PATH).',
    );
    return describe.skip;
  }
  return describe;
}

export class PlaygroundSession {
  private playground: PlaygroundProcess | undefined;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly botPort: number,
    private readonly prefix: string,
  ) {}

  /**
   * Launches Chromium (not yet a Playground: call openAs). `prefix` names the failure files;
   * `locale` e.g. 'nl-NL' shows card date inputs as a Dutch teacher's Teams would.
   */
  static async launch(
    botPort: number,
    prefix: string,
    viewport = { width: 1280, height: 900 },
    locale?: string,
  ): Promise<PlaygroundSession> {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    const page = await browser.newPage({ viewport, ...(locale ? { locale } : {}) });
    page.setDefaultTimeout(STEP_MS);
    return new PlaygroundSession(browser, page, botPort, prefix);
  }

  /**
   * (Re)starts the Playground as `user` (role word, UPN or its local part) and opens the personal
   * chat. `schoolDir`: a user of that school's folder (e.g. examples/tweede-school), not the demo's.
   */
  async openAs(user: string, expectName?: string, schoolDir?: string): Promise<void> {
    await this.playground?.stop();
    this.playground = await startPlayground({ user, botPort: this.botPort, uiPort: await freePort(), schoolDir });
    await this.page.goto(this.playground.url, { waitUntil: 'load' });
    await this.page.getByRole('treeitem', { name: 'Personal Chat' }).click({ timeout: STEP_MS });
    if (expectName) await this.page.getByText(expectName).first().waitFor();
  }

  /** Runs one step; on failure saves a full-page screenshot and the Playground's output to test-results/. */
  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      fs.mkdirSync(FAILURES_DIR, { recursive: true });
      const base = path.join(FAILURES_DIR, `${this.prefix}-${name.replace(/[^a-z0-9]+/gi, '-')}`);
      await this.page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
      fs.writeFileSync(`${base}.log`, this.playground?.output() ?? '');
      throw e;
    }
  }

  async until(check: () => Promise<boolean>, what: string, timeoutMs = STEP_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Types into a card input as a person would, and checks it holds the text before going on. */
  async typeInto(input: Locator, text: string): Promise<void> {
    await input.click();
    await input.fill(text);
    await this.until(async () => (await input.inputValue()) === text, `the input to hold "${text.slice(0, 20)}…"`);
  }

  /** Types a message in the open chat and sends it. */
  async send(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"][role="textbox"]').first().click({ timeout: STEP_MS });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** Opens a conversation in the left rail: 'Personal Chat' or '<team> - <channel>'. */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name }).click();
  }

  /** Starts a new post in the open channel that @mentions the bot, followed by `text`. */
  async postMentioning(text: string): Promise<void> {
    await this.page.locator('[data-lexical-editor="true"][role="textbox"]').first().click();
    await this.page.keyboard.type('@Waak');
    await this.page
      .locator('#typeahead-menu')
      .getByRole('menuitem', { name: /Waakvlam/ })
      .click();
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post' }).click();
  }

  /** Adaptive cards in the open conversation that contain `text`. */
  cards(text: string | RegExp): Locator {
    return this.page.locator('.ac-adaptiveCard').filter({ hasText: text });
  }

  /** Saves a screenshot of `target` (or the page) as docs/screenshots/<name>.png. */
  async screenshot(name: string, target?: Locator): Promise<void> {
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await this.page.waitForTimeout(300);
    const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
    if (target) await target.screenshot({ path: file });
    else await this.page.screenshot({ path: file, fullPage: true });
  }

  async close(): Promise<void> {
    await this.playground?.stop().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
  }
}
