/**
 * The 1-2-3 round as a new user tries it in the Agents Playground (issue 5 "Done when"): the
 * coordinator opens round 2 with `/ronde open` (today, 23 November 2026, is a week before its
 * window), the prevention worker opens her chat and finds the round card that waited in the
 * outbox, opens class 2A, scores a pupil 3, tries to save a 2 without a note (Dutch validation),
 * saves, sees the saved page and the one-click offer, sees `/ronde` move and clicks the offer.
 * Then the coordinator moves the demo clock past the deadline (`/demo tijd +23`) and gets the
 * closing summary. The demo's earlier rounds (2025-4, 2026-1) are the same history `npm run dev`
 * loads (src/demo-round-history.ts), so trends show. Screenshots: docs/screenshots/rounds-*.png.
 *
 * Needs Debian's `chromium`; skipped with a message without it.
 */
import { seedDemoRoundHistory } from '../../src/demo-round-history';
import { demoPupils, pupilFullName } from '../support/demo-people';
import { describeWithChromium, PlaygroundSession, STEP_MS } from '../support/playground-session';
import { TestClock, startTestBot, type TestBot } from '../support/test-bot';

jest.setTimeout(180_000);

const byName = (a: (typeof demoPupils)[number], b: (typeof demoPupils)[number]) =>
  a.lastName.localeCompare(b.lastName, 'nl') || a.firstName.localeCompare(b.firstName, 'nl');
const class2A = demoPupils.filter((p) => p.className === '2A').sort(byName);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describeWithChromium()('the 1-2-3 round in the Agents Playground', () => {
  let tb: TestBot;
  let s: PlaygroundSession;
  const started = Date.now();

  beforeAll(async () => {
    // a clock that runs: a message that failed on the Playground's previous port (each user switch
    // restarts it) waits out a backoff of a few hundred ms, which a clock that stands still never ends
    tb = await startTestBot({
      clock: new TestClock(undefined, { ticking: true }),
      env: {
        PLAYGROUND_MODE: 'on',
        DEMO_DATA: 'on',
        SCHEDULER_TICK_MS: '3600000',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      },
    });
    await seedDemoRoundHistory(tb.repos, 'demo-school', tb.clock.now());
    s = await PlaygroundSession.launch(tb.bot.port, 'rounds', { width: 1280, height: 2600 });
  });

  afterAll(async () => {
    await s?.close();
    await tb?.close().catch(() => undefined);
    console.log(`[rounds browser test] ${Math.round((Date.now() - started) / 1000)} s`);
  });

  it('the coordinator opens round 2 with /ronde open', async () => {
    await s.step('coordinator-open', async () => {
      await s.openAs('zorgcoordinator', 'Hanneke Brouwer');
      await s.send('/ronde open');
      await s.page
        .getByText(/Meting 2 is nu geopend \(deadline 15 december 2026\)/)
        .first()
        .waitFor();
      // the workers' chats are not open in this Playground (one user at a time): the coordinator is told, in words that fit
      await s.page
        .getByText('Het formulier van de 1-2-3 meting kon niet worden bezorgd bij Demi Koster', { exact: false })
        .first()
        .waitFor();
      await s.screenshot('rounds-opened');
    });
    expect(await s.page.getByText(/Signaal\s+kon niet worden bezorgd/).count()).toBe(0);
  });

  it('the prevention worker finds the round card in her chat, opens 2A, and gets the Dutch validation for a 2 without a note', async () => {
    const overview = s.cards('1-2-3 meting 2').last();
    await s.step('worker-card', async () => {
      await s.openAs('preventiewerker', 'Demi Koster');
      await overview.waitFor({ timeout: 40_000 }); // released from the outbox when her chat opened
      await s.screenshot('rounds-worker-card', overview);
    });
    const form = s.cards('1-2-3 meting — klas 2A').last();
    await s.step('open-2A', async () => {
      // one Open button per class row, in class order (1A, 1B, 2A, 3B) while none is done
      await overview.getByRole('button', { name: 'Open' }).nth(2).click();
      await form.waitFor();
    });
    const formText = (await form.textContent()) ?? '';
    expect(formText).toContain(`${pupilFullName(class2A[0])} · Vorige meting: 2`);
    await s.step('fill-in', async () => {
      // first pupil: 1 → 2 last rounds, now a 3 with a note; the second keeps last round's 2 but gets no note yet
      await form.getByRole('combobox', { name: new RegExp(escape(pupilFullName(class2A[0]))) }).click();
      await s.page.getByRole('option', { name: /^3 — belemmering/ }).click();
      await form
        .getByRole('textbox')
        .nth(0)
        .fill('Sinds de herfstvakantie vaak afwezig, zegt thuis niet te kunnen slapen.');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await form.getByText('Geef een toelichting bij score 2 of 3.').first().waitFor();
      await s.screenshot('rounds-validation', form);
    });
    expect((await form.textContent()) ?? '').toContain('Niet opgeslagen: controleer de gemarkeerde leerlingen.');
  });

  it('she adds the note, saves, sees the saved page with the one-click offer, and /ronde moves', async () => {
    const form = s.cards('1-2-3 meting — klas 2A').last();
    const saved = s.cards('Opgeslagen: klas 2A').last();
    await s.step('save', async () => {
      await form.getByRole('textbox').nth(1).fill('Cijfers gezakt, praat erover met de mentor.');
      await form.getByRole('button', { name: 'Opslaan' }).click();
      await saved.waitFor();
      await s.screenshot('rounds-saved', saved);
    });
    const savedText = (await saved.textContent()) ?? '';
    expect(savedText).toContain('Aanbod');
    expect(savedText).toContain(`${pupilFullName(class2A[0])}: 2 → 3`);

    const progress = s.cards('Per preventiewerker').last();
    await s.step('progress', async () => {
      await s.send('/ronde');
      await s.until(
        async () => /2A\s*\d+\/\d+ klaar/.test((await progress.textContent()) ?? ''),
        '/ronde to show 2A done',
      );
      await s.screenshot('rounds-progress', progress);
    });
    const progressText = (await progress.textContent()) ?? '';
    expect(progressText).toContain(`${pupilFullName(class2A[0])} (2A)`);
    expect(progressText).toContain('1 → 2 → 3');
  });

  it('she clicks "Signaal openen" for the pupil scored 3 and gets the signal card with the trend', async () => {
    const saved = s.cards('Opgeslagen: klas 2A').first();
    const signal = s.cards(/Signaal S-\d{4}-\d{4}/).last();
    await s.step('offer', async () => {
      await saved.getByRole('button', { name: 'Signaal openen' }).first().click();
      await signal.waitFor();
      await s.screenshot('rounds-offer-signal', signal);
    });
    const t = (await signal.textContent()) ?? '';
    expect(t).toContain('1 → 2 → 3');
    expect(t).toContain(pupilFullName(class2A[0]));
  });

  it('the coordinator moves the demo clock past the deadline and gets the closing summary', async () => {
    const summary = s.cards('is gesloten').last();
    await s.step('close', async () => {
      await s.openAs('zorgcoordinator', 'Hanneke Brouwer');
      await s.send('/demo tijd +23');
      await summary.waitFor({ timeout: STEP_MS * 2 });
      await s.screenshot('rounds-closed-summary', summary);
    });
    const t = (await summary.textContent()) ?? '';
    expect(t).toContain('1-2-3 meting 2 is gesloten');
    expect(t).toContain('niet ingeleverd');
    expect(t).toContain('Iedere leerling met score 3 of een sterke stijging heeft een open signaal.');
  });
});
