/**
 * Issue 3 "Done when", tried as a new user would in the Agents Playground: a mentor raises a
 * signal, a prevention worker claims and scores it, asks the mentor a question, the mentor
 * answers, the worker sets a watch (waakvlam), moves the demo clock with `/demo tijd +3`, gets the
 * reminder, closes the signal, and the mentor reads the plain-Dutch feedback. One bot, users
 * switched with session.openAs: messages for a user who is not signed in wait in the outbox and
 * arrive when their chat opens. Screenshots: docs/screenshots/lifecycle-*.png.
 *
 * Needs Debian's `chromium`; skipped with a message without it.
 */
import { PlaygroundSession, describeWithChromium } from '../support/playground-session';
import { TestClock, startTestBot, type TestBot } from '../support/test-bot';

jest.setTimeout(240_000);

const REFERENCE = /S-\d{4}-\d{4}/;
const QUESTION = 'Is er thuis iets veranderd de laatste tijd?';
const ANSWER = 'Ja, de ouders gaan uit elkaar. Hij slaapt nu om de week bij zijn vader.';
/** The worker's note carries this marker, so a leak to the mentor is easy to spot. */
const NOTE = 'NOTITIE-VERTROUWELIJK gesprek met moeder gehad';
/** The bot's TestClock starts on Monday 23 November 2026; the check-in is that Thursday. */
const CHECK_IN = '2026-11-26';

describeWithChromium()('a signal from claim to close in the Agents Playground (issue 3)', () => {
  let tb: TestBot;
  let s: PlaygroundSession;
  let reference = '';
  let pupil = '';

  beforeAll(async () => {
    tb = await startTestBot({
      clock: new TestClock(undefined, {
        ticking: true,
      }) /* runs like a wall clock from Monday 23 November 2026, 09:00; /demo tijd moves it on */,
      env: { PLAYGROUND_MODE: 'on', DEMO_DATA: 'on', SCHEDULER_TICK_MS: '3600000', LOG_LEVEL: 'silent' },
    });
    s = await PlaygroundSession.launch(tb.bot.port, 'lifecycle', { width: 1280, height: 1400 });
  });

  afterAll(async () => {
    await s?.close();
    await tb?.close().catch(() => undefined);
  });

  /** The newest copy of the worker's signal card (the one with the observation and the actions). */
  const workerCard = () => s.cards(reference).filter({ hasText: 'Waarneming' }).last();
  const said = (text: string | RegExp) => s.page.getByText(text).first();

  it('the mentor raises a signal with /signaal', async () => {
    await s.step('mentor-open', () => s.openAs('mentor', 'Marloes van Dijk'));
    const form = s.cards('Wat heb je gezien of gehoord?').last();
    await s.step('mentor-intake', async () => {
      await s.send('/signaal');
      await form.waitFor();
      await form.getByRole('combobox', { name: /Leerling/ }).click();
      const option = s.page.getByRole('option').first();
      pupil = (await option.textContent())?.trim() ?? '';
      await option.click();
      await form.getByRole('checkbox', { name: 'Thuissituatie' }).check();
      await form.getByRole('radio', { name: /^2 — signaal/ }).check();
      await s.typeInto(
        form.getByRole('textbox', { name: /Wat heb je gezien of gehoord/ }),
        'Is de laatste weken stil en teruggetrokken, komt vaak moe binnen.',
      );
      await form.getByRole('button', { name: 'Versturen' }).click();
      const confirmation = s.cards(REFERENCE).last();
      await confirmation.waitFor();
      reference = REFERENCE.exec((await confirmation.textContent()) ?? '')![0];
    });
    expect(pupil).not.toBe('');
    expect(reference).toMatch(REFERENCE);
  });

  it('the prevention worker gets the waiting card, claims it, scores it 2 and keeps a note', async () => {
    await s.step('worker-open', async () => {
      await s.openAs('preventiewerker', 'Demi Koster');
      await workerCard().getByRole('button', { name: 'Oppakken' }).waitFor();
    });
    await s.step('worker-claim', async () => {
      await workerCard().getByRole('button', { name: 'Oppakken' }).click();
      await said('Je hebt dit signaal opgepakt.').waitFor();
    });
    await s.step('worker-score', async () => {
      const card = workerCard();
      await card.getByRole('button', { name: 'Score 1-2-3' }).click();
      await card.getByRole('radio', { name: '2 — signaal' }).check();
      await card.getByRole('button', { name: 'Score opslaan' }).click();
      await said('De score is opgeslagen.').waitFor();
    });
    await s.step('worker-note', async () => {
      const card = workerCard();
      await card.getByRole('button', { name: 'Notitie' }).click();
      await s.typeInto(card.getByRole('textbox', { name: /Notitie/ }), NOTE);
      await card.getByRole('button', { name: 'Notitie opslaan' }).click();
      await said(/Je notitie is opgeslagen/).waitFor();
    });
    const card = workerCard();
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('Demi Koster');
    expect(shown).toContain('2 — signaal');
    expect(shown).toContain(NOTE);
    await s.screenshot('lifecycle-claimed-scored', card);
  });

  it('the worker asks the mentor a question, and the mentor answers it on the card that waited for her', async () => {
    await s.step('worker-ask', async () => {
      const card = workerCard();
      await card.getByRole('button', { name: 'Vraag…' }).click();
      await s.typeInto(card.getByRole('textbox', { name: /Vraag aan de melder/ }), QUESTION);
      await s.screenshot('lifecycle-actions', card);
      await card.getByRole('button', { name: 'Vraag stellen' }).click();
      await said(/Je vraag is naar de melder gestuurd/).waitFor();
    });

    const questionCard = s
      .cards(QUESTION)
      .filter({ has: s.page.getByRole('button', { name: 'Antwoord versturen' }) })
      .last();
    await s.step('mentor-sees-question', async () => {
      await s.openAs('mentor', 'Marloes van Dijk');
      await questionCard.waitFor();
      // the status changes that waited for her arrive too, each telling its own step
      await said(/is opgepakt door Demi Koster\./).waitFor();
      await said(/is in behandeling\./).waitFor();
    });
    const asked = (await questionCard.textContent()) ?? '';
    expect(asked).toContain(reference);
    expect(asked).toContain('Demi Koster');
    await s.screenshot('lifecycle-teacher-question', questionCard);

    await s.step('mentor-answers', async () => {
      await s.typeInto(questionCard.getByRole('textbox', { name: /Jouw antwoord/ }), ANSWER);
      await questionCard.getByRole('button', { name: 'Antwoord versturen' }).click();
      await said(/je antwoord is doorgegeven/).waitFor();
    });
    expect(await s.page.getByText(NOTE).count()).toBe(0);
  });

  it('the answer reaches the worker, who sets a watch and gets the reminder after /demo tijd +3', async () => {
    const answerNotice = s.cards(`Antwoord op je vraag — ${reference}`).last();
    await s.step('worker-sees-answer', async () => {
      await s.openAs('preventiewerker', 'Demi Koster');
      await answerNotice.waitFor();
    });
    expect(await answerNotice.textContent()).toContain(ANSWER);
    await s.screenshot('lifecycle-answer', answerNotice);
    // The Playground forgot the card she had (a new page): the answer opens the current one.
    await s.step('worker-opens-signal', async () => {
      await answerNotice.getByRole('button', { name: 'Toon het signaal' }).click();
      await workerCard().waitFor();
    });

    await s.step('worker-watch', async () => {
      const card = workerCard();
      expect(await card.textContent()).toContain(ANSWER);
      await card.getByRole('button', { name: 'Meer…' }).click();
      await card.getByLabel(/Waakvlam: wanneer kijk je weer/).fill(CHECK_IN);
      await card.getByRole('button', { name: 'Waakvlam zetten' }).click();
      await said(/Waakvlam gezet/).waitFor();
    });

    const reminder = s.cards(`Waakvlam: tijd om te kijken — ${reference}`).last();
    await s.step('demo-clock', async () => {
      await s.send('/demo tijd +3');
      await said(/de klok staat 3 dagen verder/).waitFor();
      await reminder.waitFor();
    });
    for (const next of [/Afsluiten/, /Waakvlam verlengen tot/, /Naar nazorg/, /Toon het signaal/]) {
      await expect(reminder.getByRole('button', { name: next }).count()).resolves.toBe(1);
    }
    await s.screenshot('lifecycle-watch-reminder', reminder);
  });

  it('the worker closes the signal with an outcome and the mentor reads the feedback, without the note', async () => {
    await s.step('worker-close', async () => {
      const card = workerCard();
      await card.getByRole('button', { name: 'Afsluiten…' }).click();
      await card.getByRole('combobox', { name: /Afsluiten met uitkomst/ }).click();
      await s.page.getByRole('option', { name: 'Opgelost' }).click();
      await card.getByRole('button', { name: 'Afsluiten', exact: true }).click();
      await said(/Het signaal is afgesloten/).waitFor();
    });
    const closed = workerCard();
    expect(await closed.textContent()).toContain('Afgesloten — Opgelost');
    await s.screenshot('lifecycle-closed', closed);

    const feedback = s.cards(`Nieuws over je signaal ${reference}`).filter({ hasText: 'afgerond' }).last();
    await s.step('mentor-feedback', async () => {
      await s.openAs('mentor', 'Marloes van Dijk');
      await feedback.waitFor();
    });
    await s.page.waitForTimeout(500);
    const everything = (await s.page.locator('body').textContent()) ?? '';
    expect(everything).not.toContain('NOTITIE-VERTROUWELIJK');
    await s.screenshot('lifecycle-teacher-feedback');
  });
});
