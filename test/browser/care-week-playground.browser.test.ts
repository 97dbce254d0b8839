/**
 * Issue 16 "Done when", tried as the care team would in the Agents Playground: a teacher raises a
 * signal that prevention worker Demi Koster claims; Demi sets herself absent (`/afwezig`); a new
 * "vandaag nog" signal reaches her duo partner Anouk Veldman, who sees both caseloads in `/mijn`
 * (her own and "Zaken van Demi Koster"); the coordinator opens `/bespreeklijst`; a teacher raises
 * a second signal about the same pupil and adds it to the open one, and Anouk, its casushouder,
 * reads it in the signal's history and on the pupil's card (`/leerling`); the mentor of the first
 * pupil sees it under her mentor group in `/mijn`. One bot, users switched with session.openAs.
 * Screenshots: docs/screenshots/care-week-*.png.
 *
 * Needs Debian's `chromium`; skipped with a message without it.
 */
import type { Locator } from 'playwright-core';
import { PlaygroundSession, describeWithChromium } from '../support/playground-session';
import { TestClock, startTestBot, type TestBot } from '../support/test-bot';

jest.setTimeout(300_000);

const REFERENCE = /S-\d{4}-\d{4}/;
/** 1A, mentor Marloes van Dijk; reported by Ingrid Smeets (a teacher of 1A, no mentor) and claimed by Demi. */
const FIRST_PUPIL = 'Daan de Boer';
/** 1B, mentor Joost Verhoeven, who reports it "vandaag nog" while Demi is away. */
const SECOND_PUPIL = 'Lotte van Wijk';
const ADDED = 'Huilde vandaag in de gymles en wilde niet zeggen waarom.';
/** The bot's TestClock starts on Monday 23 November 2026; Demi is away up to and including Friday. */
const AWAY_UNTIL = '2026-11-27';

describeWithChromium()('the care team’s week in the Agents Playground (issue 16)', () => {
  let tb: TestBot;
  let s: PlaygroundSession;
  let first = '';
  let second = '';

  beforeAll(async () => {
    tb = await startTestBot({
      clock: new TestClock(undefined, { ticking: true }) /* a wall clock from Monday 23 November 2026, 09:00 */,
      env: { PLAYGROUND_MODE: 'on', DEMO_DATA: 'on', SCHEDULER_TICK_MS: '3600000', LOG_LEVEL: 'silent' },
    });
    s = await PlaygroundSession.launch(tb.bot.port, 'care-week', { width: 1280, height: 1400 }, 'nl-NL');
  });

  afterAll(async () => {
    await s?.close();
    await tb?.close().catch(() => undefined);
  });

  const said = (text: string | RegExp) => s.page.getByText(text).first();
  /** Fills the /signaal form about `pupil` as a teacher would and sends it. */
  async function raise(pupil: string, observation: string, urgency: string): Promise<void> {
    const form = s.cards('Wat heb je gezien of gehoord?').last();
    await s.send('/signaal');
    await form.waitFor();
    await form.getByRole('combobox', { name: /Leerling/ }).click();
    await s.page.getByRole('option', { name: new RegExp(pupil) }).click();
    await form.getByRole('checkbox', { name: 'Thuissituatie' }).check();
    await form.getByRole('radio', { name: /^2 — signaal/ }).check();
    await s.typeInto(form.getByRole('textbox', { name: /Wat heb je gezien of gehoord/ }), observation);
    await form.getByRole('combobox', { name: /Hoe snel/ }).click();
    await s.page.getByRole('option', { name: urgency }).click();
    await form.getByRole('button', { name: 'Versturen' }).click();
  }
  const referenceIn = async (card: Locator) => REFERENCE.exec((await card.textContent()) ?? '')![0];

  it('a teacher raises a signal and Demi Koster claims it', async () => {
    await s.step('teacher-open', () => s.openAs('i.smeets', 'Ingrid Smeets'));
    await s.step('teacher-raise', async () => {
      await raise(FIRST_PUPIL, 'Is de laatste weken stil en komt vaak zonder ontbijt binnen.', 'Normaal (deze week)');
      const confirmation = s.cards(REFERENCE).last();
      await confirmation.waitFor();
      first = await referenceIn(confirmation);
    });
    expect(first).toMatch(REFERENCE);

    const claimable = s.cards(first).filter({ has: s.page.getByRole('button', { name: 'Oppakken' }) });
    await s.step('demi-claim', async () => {
      await s.openAs('d.koster', 'Demi Koster');
      await claimable.last().waitFor();
      await claimable.last().getByRole('button', { name: 'Oppakken' }).click();
      await said('Je hebt dit signaal opgepakt.').waitFor();
    });
  });

  it('Demi sets herself absent on the /afwezig card', async () => {
    const card = s.cards('Afwezig melden').last();
    await s.step('demi-absence-card', async () => {
      await s.send('/afwezig');
      await card.waitFor();
      await card.getByLabel(/Afwezig tot en met/).fill(AWAY_UNTIL);
      await card.getByRole('button', { name: 'Afwezig melden' }).click();
      await card.getByRole('button', { name: 'Ik ben er weer' }).waitFor();
    });
    const shown = (await card.textContent()) ?? '';
    expect(shown).toContain('27 november');
    expect(shown).toContain('Anouk Veldman');
    await s.screenshot('care-week-absence', card);
  });

  it('a "vandaag nog" signal reaches her partner, with the urgency at the top of the card', async () => {
    await s.step('mentor-open', () => s.openAs('j.verhoeven', 'Joost Verhoeven'));
    await s.step('mentor-raise', async () => {
      await raise(
        SECOND_PUPIL,
        'Zat de hele ochtend met haar hoofd op tafel, zei dat ze niet naar huis wil.',
        'Vandaag nog',
      );
      const confirmation = s.cards(REFERENCE).last();
      await confirmation.waitFor();
      second = await referenceIn(confirmation);
    });
    expect(second).toMatch(REFERENCE);

    const urgent = s
      .cards(second)
      .filter({ has: s.page.getByRole('button', { name: 'Oppakken' }) })
      .last();
    await s.step('partner-open', async () => {
      await s.openAs('a.veldman', 'Anouk Veldman');
      await urgent.waitFor();
      await said(/Demi Koster is afwezig/).waitFor();
    });
    expect(await urgent.textContent()).toContain('Vandaag nog oppakken');
    await s.screenshot('care-week-urgent-banner', urgent);
    await s.step('partner-claim', async () => {
      await urgent.getByRole('button', { name: 'Oppakken' }).click();
      await said('Je hebt dit signaal opgepakt.').waitFor();
    });
  });

  it('the partner sees both caseloads in /mijn: her own and "Zaken van Demi Koster"', async () => {
    const heading = s.page.getByText(/Zaken van Demi Koster \(afwezig tot en met/).last();
    const demiCase = s.cards(first).filter({ hasText: 'Demi Koster' }).last();
    await s.step('partner-mijn', async () => {
      await s.send('/mijn');
      await heading.waitFor();
      await demiCase.waitFor();
    });
    // her own case comes before Demi's heading, Demi's case after it
    const ownCards = s.cards(second).filter({ hasText: 'Anouk Veldman' });
    await s.until(async () => (await ownCards.count()) >= 2, 'her own case in /mijn');
    expect(await heading.textContent()).toMatch(/— 1 open/);
    // tall enough for both headings and their cards at once
    await s.page.setViewportSize({ width: 1280, height: 2300 });
    await s.page
      .getByText(/Jouw zaken/)
      .last()
      .scrollIntoViewIfNeeded();
    await s.screenshot('care-week-partner-mijn');
    await s.page.setViewportSize({ width: 1280, height: 1400 });
  });

  it('the coordinator opens /bespreeklijst', async () => {
    const agenda = s.cards(/Bespreeklijst/).last();
    await s.step('coordinator-agenda', async () => {
      await s.openAs('h.brouwer', 'Hanneke Brouwer');
      await s.send('/bespreeklijst');
      await agenda.waitFor();
    });
    const shown = (await agenda.textContent()) ?? '';
    expect(shown).toContain('Nieuw sinds vorige week');
    expect(shown).toContain(first);
    expect(shown).toContain(second);
    expect(await agenda.getByRole('link', { name: 'Download als PDF' }).count()).toBe(1);
    await s.screenshot('care-week-bespreeklijst', agenda);
  });

  it('a teacher raises a second signal about the same pupil and adds it to the open one', async () => {
    const choice = s.cards(`Er loopt al een signaal over ${SECOND_PUPIL}`).last();
    await s.step('teacher-second', async () => {
      await s.openAs('i.smeets', 'Ingrid Smeets');
      await raise(SECOND_PUPIL, ADDED, 'Snel (binnen twee schooldagen)');
      await choice.waitFor();
    });
    const shown = (await choice.textContent()) ?? '';
    expect(shown).toContain(second);
    expect(shown).toContain('Anouk Veldman');
    expect(shown).not.toContain('hoofd op tafel'); // nothing of the other reporter's observation
    await s.screenshot('care-week-open-signal-choice', choice);
    await s.step('teacher-add', async () => {
      await choice.getByRole('button', { name: 'Toevoegen aan het open signaal' }).click();
      await said(`Toegevoegd aan signaal ${second}`).waitFor();
    });
  });

  it('the casushouder is told and reads the addition in the history and on the pupil card', async () => {
    const notice = s.cards(`Aanvulling op signaal ${second}`).last();
    await s.step('partner-notice', async () => {
      await s.openAs('a.veldman', 'Anouk Veldman');
      await notice.waitFor();
    });
    expect(await notice.textContent()).toContain(ADDED);

    // the signal card (the notice names the reference and the addition too, but has no actions)
    const card = s
      .cards(second)
      .filter({ has: s.page.getByRole('button', { name: 'Score 1-2-3' }) })
      .last();
    await s.step('partner-history', async () => {
      await s.send('/mijn');
      await card.waitFor();
      await s.until(async () => ((await card.textContent()) ?? '').includes(ADDED), 'the addition in the history');
    });
    expect(await card.textContent()).toMatch(/aanvulling \(in plaats van een nieuw signaal\)/);
    await s.screenshot('care-week-addition-history', card);

    const story = s.cards(`Leerling ${SECOND_PUPIL}`).last();
    await s.step('partner-story', async () => {
      await s.send('/leerling Lotte');
      await story.waitFor();
    });
    expect(await story.textContent()).toContain(second);
    await s.screenshot('care-week-pupil-story', story);
  });

  it('the mentor of the first pupil sees it under her mentor group in /mijn, without the observation', async () => {
    const list = s.cards('Leerlingen uit je mentorgroep').last();
    await s.step('mentor-mijn', async () => {
      await s.openAs('m.vandijk', 'Marloes van Dijk');
      await s.send('/mijn');
      await list.waitFor();
    });
    const shown = (await list.textContent()) ?? '';
    expect(shown).toContain(FIRST_PUPIL);
    expect(shown).toContain('Demi Koster');
    expect(shown).not.toContain('zonder ontbijt');
    await s.screenshot('care-week-mentor-mijn', list);
  });
});
