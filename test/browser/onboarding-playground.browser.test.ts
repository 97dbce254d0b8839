/**
 * Issue 14 "Done when", walked as docs/onboarding.md tells a school's IT partner: with the bot
 * running on its embedded store, a second school (examples/tweede-school: Het Baken College, a
 * school of the demo's board, so the same tenant) is created from its settings file with
 * `npm run school:setup` and filled with `npm run roster:import` from a pupils and a staff CSV
 * whose staff have only e-mail addresses. Both commands run as a user runs them (npm, separate
 * processes) and find the running bot's store through the file a local bot publishes.
 *
 * Then, in the Agents Playground as that school's users (PLAYGROUND_SCHOOL_DIR): the prevention
 * worker opens the bot and is bound by her e-mail address (the Playground's member look-up answers
 * with it; her Entra id is made up and in no CSV); the mentor, bound the same way, raises a signal
 * with /signaal; the worker sees its card arrive. The store shows both bound, and that no message
 * about the signal went to anyone of the demo school. Screenshots: docs/screenshots/onboarding-*.png.
 *
 * Needs Debian's `chromium`; skipped with a message without it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocStore } from '../../src/store/doc-store';
import { publishLocalStore } from '../../src/store/local-store-file';
import { RosterRepository } from '../../src/store/roster-repository';
import { OutboxDocSchema } from '../../src/store/schemas/outbox-doc';
import { SignalDocSchema } from '../../src/store/schemas/signal-doc';
import { demoStaff } from '../support/demo-people';
import { PlaygroundSession, describeWithChromium } from '../support/playground-session';
import { TestClock, startTestBot, type TestBot } from '../support/test-bot';

// The Playground's config generator: the same made-up Entra ids the Playground presents as its users.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without types, typed by the cast
const playgroundConfig = require('../../scripts/playground-config.js') as {
  loadStaff(dir: string): { name: string; upn: string; entraId: string }[];
};

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..', '..');
const SCHOOL_DIR = 'examples/tweede-school';
const SCHOOL = 'het-baken';
const REFERENCE = /S-\d{4}-\d{4}/;
/** The example school's people as the Playground presents them (Entra ids made up from the e-mail address). */
const people = playgroundConfig.loadStaff(path.join(ROOT, SCHOOL_DIR));
const WORKER = people.find((p) => p.upn === 'l.visser@het-baken.example')!;
const MENTOR = people.find((p) => p.upn === 'f.elzinga@het-baken.example')!;
const SECOND_WORKER = people.find((p) => p.upn === 'j.mulder@het-baken.example')!;
/** "Roepnaam tussenvoegsel Achternaam" of each row of a pupils CSV (first name, prefix, last name in columns 2–4). */
const pupilNames = (file: string) =>
  readFileSync(path.join(ROOT, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(';'))
    .map((c) => ({ name: [c[1], c[2], c[3]].filter(Boolean).join(' '), className: c[4] }));
const DEMO_PUPILS = pupilNames('demo/roster/pupils.csv').map((p) => p.name);
const CLASS_2B = pupilNames(`${SCHOOL_DIR}/leerlingen.csv`)
  .filter((p) => p.className === '2B')
  .map((p) => p.name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describeWithChromium()(
  'a second school set up from files and its first signal, in the Agents Playground (issue 14)',
  () => {
    let tb: TestBot;
    let s: PlaygroundSession;
    let dir: string;
    let storeFile: string;
    let reference = '';

    /** `npm run <script> -- …args` in the repository, as the IT partner types it, next to the running bot. */
    const npmRun = (script: string, ...args: string[]): Promise<Run> =>
      new Promise((resolve) => {
        const env = {
          ...process.env,
          COSMOS_ENDPOINT: '',
          COSMOS_KEY: '',
          COSMOS_DATABASE: '',
          WAAKVLAM_LOCAL_STORE_FILE: storeFile,
        };
        execFile('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT, env }, (err, stdout, stderr) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
      });
    const staffOfSchool = async () => (await RosterRepository.on(tb.repos.cosmos).listStaff(SCHOOL)).map((v) => v.doc);
    const said = (text: string | RegExp) => s.page.getByText(text).first();

    beforeAll(async () => {
      tb = await startTestBot({
        clock: new TestClock(undefined, { ticking: true }),
        env: { PLAYGROUND_MODE: 'on', DEMO_DATA: 'on', SCHEDULER_TICK_MS: '3600000', LOG_LEVEL: 'silent' },
      });
      // What `npm run dev` does with its embedded store: tell local commands where it is.
      dir = mkdtempSync(path.join(os.tmpdir(), 'onboarding-'));
      storeFile = path.join(dir, 'embedded-store.json');
      publishLocalStore(storeFile, {
        ...tb.repos.embedded!,
        database: tb.repos.cosmos.database.id,
        pid: process.pid,
        startedAt: new Date().toISOString(),
      });
      s = await PlaygroundSession.launch(tb.bot.port, 'onboarding', { width: 1280, height: 1200 });
    });

    afterAll(async () => {
      await s?.close();
      await tb?.close().catch(() => undefined);
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('creates the school from its settings file and imports its roster into the running bot, staff known only by e-mail', async () => {
      const setup = await npmRun('school:setup', `${SCHOOL_DIR}/school.json`);
      expect(setup.stderr).toContain('ingebouwde database van de lokale bot die nu draait');
      expect(setup.stdout).toContain("School 'het-baken' (Het Baken College) aangemaakt.");
      expect(setup.code).toBe(0);

      const imported = await npmRun(
        'roster:import',
        '--school',
        SCHOOL,
        `${SCHOOL_DIR}/leerlingen.csv`,
        `${SCHOOL_DIR}/personeel.csv`,
      );
      expect(imported.stdout).toMatch(/Personeel \(personeel\.csv\): 6 regels; 6 nieuw/);
      expect(imported.stdout).toMatch(/Leerlingen \(leerlingen\.csv\): 9 regels; 9 nieuw/);
      expect(imported.code).toBe(0);

      const staff = await staffOfSchool();
      expect(staff).toHaveLength(6);
      expect(staff.every((st) => st.userId === `upn:${st.upn}`)).toBe(true);
      // The Playground users' Entra ids are made up: no roster file holds them.
      const files = ['school.json', 'leerlingen.csv', 'personeel.csv']
        .map((f) => readFileSync(path.join(ROOT, SCHOOL_DIR, f), 'utf8'))
        .join('\n');
      for (const p of people) expect(files).not.toContain(p.entraId);
    });

    it('binds the prevention worker by her e-mail address when she opens the bot', async () => {
      await s.step('worker-first-open', async () => {
        await s.openAs('l.visser', WORKER.name, SCHOOL_DIR);
        await said(`Welkom bij Waakvlam, ${WORKER.name}.`).waitFor();
      });
      const worker = (await staffOfSchool()).find((st) => st.upn === WORKER.upn);
      expect(worker).toMatchObject({ userId: WORKER.entraId, roles: ['preventionWorker'] });
      await s.screenshot('onboarding-worker-welcome');
    });

    it('the mentor, bound the same way, raises a signal about a pupil of her class with /signaal', async () => {
      await s.step('mentor-open', async () => {
        await s.openAs('f.elzinga', MENTOR.name, SCHOOL_DIR);
        await said(`Welkom bij Waakvlam, ${MENTOR.name}.`).waitFor();
      });
      const form = s.cards('Wat heb je gezien of gehoord?').last();
      let options: string[] = [];
      await s.step('mentor-intake', async () => {
        await s.send('/signaal');
        await form.waitFor();
        await form.getByRole('combobox', { name: /Leerling/ }).click();
        await s.page.getByRole('option').first().waitFor();
        options = (await s.page.getByRole('option').allTextContents()).map((t) => t.trim());
        await s.page.getByRole('option', { name: /Lieke Brandsma/ }).click();
        await form.getByRole('checkbox', { name: 'Thuissituatie' }).check();
        await form.getByRole('radio', { name: /^2 — signaal/ }).check();
        await s.typeInto(
          form.getByRole('textbox', { name: /Wat heb je gezien of gehoord/ }),
          'Zit sinds de herfstvakantie vaak alleen in de pauze en levert geen huiswerk meer in.',
        );
        await s.screenshot('onboarding-mentor-intake', form);
        await form.getByRole('button', { name: 'Versturen' }).click();
        const confirmation = s.cards(REFERENCE).last();
        await confirmation.waitFor();
        reference = REFERENCE.exec((await confirmation.textContent()) ?? '')![0];
        await s.screenshot('onboarding-mentor-confirmation', confirmation);
      });
      // Her own class only: the five pupils of 2B, none of the demo school's.
      expect(options).toHaveLength(CLASS_2B.length);
      for (const name of CLASS_2B) expect(options.some((o) => o.startsWith(name))).toBe(true);
      expect(options.filter((o) => DEMO_PUPILS.some((n) => o.includes(n)))).toEqual([]);
      expect(reference).toMatch(REFERENCE);
      expect((await staffOfSchool()).find((st) => st.upn === MENTOR.upn)).toMatchObject({ userId: MENTOR.entraId });
      const bindings = await tb.repos.audit.forSchool(SCHOOL, 'staff.binding');
      expect(bindings.map((a) => [a.actorId, a.outcome]).sort()).toEqual(
        [
          [MENTOR.entraId, 'ok'],
          [WORKER.entraId, 'ok'],
        ].sort(),
      );
    });

    it('the signal card reaches the school’s prevention worker, and nobody of the demo school', async () => {
      const card = s
        .cards(reference)
        .filter({ has: s.page.getByRole('button', { name: 'Oppakken' }) })
        .last();
      await s.step('worker-sees-signal', async () => {
        await s.openAs('l.visser', WORKER.name, SCHOOL_DIR);
        await card.waitFor();
      });
      const shown = (await card.textContent()) ?? '';
      expect(shown).toContain('Lieke');
      expect(shown).toContain(MENTOR.name);
      await s.screenshot('onboarding-worker-signal', card);

      const cases = new DocStore(tb.repos.cosmos.containers.cases);
      const [signal] = await cases.query(
        SignalDocSchema,
        "SELECT * FROM c WHERE c.type = 'signal' AND c.reference = @r",
        { r: reference },
        SCHOOL,
      );
      expect(signal).toMatchObject({ schoolId: SCHOOL, reporterId: MENTOR.entraId });
      const aboutSignal = () =>
        cases.query(OutboxDocSchema, "SELECT * FROM c WHERE c.type = 'outbox' AND c.payload.signalId = @id", {
          id: signal.id,
        });
      const toWorker = (m: { target: { kind: string; userId?: string } }) =>
        m.target.kind === 'user' && m.target.userId === WORKER.entraId;
      // The card is on screen as soon as the Playground answered; the outbox records it just after.
      await s.until(
        async () => (await aboutSignal()).find(toWorker)?.status === 'sent',
        'the outbox to record the card as sent',
      );
      const messages = await aboutSignal();
      const toUsers = messages
        .filter((m) => m.target.kind === 'user')
        .map((m) => (m.target as { userId: string }).userId);
      // Both prevention workers of Het Baken: the one who opened the bot got it; the other, not yet
      // bound, gets it when he first opens the bot (the message waits under his e-mail address).
      expect(toUsers).toEqual(expect.arrayContaining([WORKER.entraId, `upn:${SECOND_WORKER.upn}`]));
      expect(messages.every((m) => m.schoolId === SCHOOL)).toBe(true);
      const demoIds = new Set(demoStaff.map((d) => d.entraId));
      expect(toUsers.filter((id) => demoIds.has(id))).toEqual([]);
    });
  },
);
