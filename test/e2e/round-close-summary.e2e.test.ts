import { Scheduler } from '../../src/jobs/scheduler';
import { actionsOf, inputsOf } from '../support/card-walk';
import { roundStepsJob } from '../../src/jobs/round-steps';
import { demoPupils, pupilFullName as fullName } from '../support/demo-people';
import {
  installation,
  invokeAction,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const ROUND = '2026-2'; // default windows: opens Tue 1 Dec 2026 08:00, deadline Tue 15 Dec, closes at midnight
const text = (card: unknown) => JSON.stringify(card);
const inputs = inputsOf;

describe('the coordinators hear when a 1-2-3 round closes (S7)', () => {
  let tb: TestBot;
  const [pw1, pw2] = [person('preventiewerker', 0), person('preventiewerker', 1)];
  const coordinator = person('zorgcoordinator');
  const closedCards = (who: typeof pw1) =>
    tb.connector.cards(personalConversationId(who)).filter((c) => text(c).includes('is gesloten'));
  const submitFor = (form: any, levels: Record<number, [string, string]> = {}) => {
    const data: Record<string, unknown> = { ...actionsOf(form, 'round.savePage')[0].data };
    inputs(form)
      .filter((i) => i.id.startsWith('level:'))
      .forEach((input, n) => {
        data[input.id] = levels[n]?.[0] ?? '1';
        data[`note:${input.id.slice('level:'.length)}`] = levels[n]?.[1] ?? '';
      });
    return data;
  };
  const openForm = async (who: typeof pw1, classId: string) =>
    (await tb.post(invokeAction(tb, who, 'round.openPage', { schoolId: SCHOOL, roundId: ROUND, classId, page: 0 })))
      .body.value;
  const class1A = demoPupils
    .filter((p) => p.className === '1A')
    .sort((a, b) => a.lastName.localeCompare(b.lastName, 'nl') || a.firstName.localeCompare(b.firstName, 'nl'));

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    for (const who of [pw1, pw2, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    tb.clock.set('2026-12-01T08:05:00+01:00');
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    expect((await tb.repos.rounds.getRound(SCHOOL, ROUND))?.doc.status).toBe('open');
    // 1A: two pupils scored 3; the worker opens a signal for the first only. 2A and 3B saved too, 1B left open.
    const form = await openForm(pw1, '1a');
    const saved = (
      await tb.post(
        invokeAction(
          tb,
          pw1,
          'round.savePage',
          submitFor(form, { 0: ['3', 'Veel verzuim.'], 1: ['3', 'Vertelt over ruzie thuis.'] }),
        ),
      )
    ).body.value;
    const first = actionsOf(saved, 'round.offerSignal').find(
      (a) => a.data.mode === 'signal' && a.data.pupilId === `pupil:${class1A[0].number}`,
    );
    expect(first).toBeDefined();
    await tb.post(invokeAction(tb, pw1, 'round.offerSignal', first.data));
    for (const classId of ['2a', '3b'])
      await tb.post(invokeAction(tb, pw2, 'round.savePage', submitFor(await openForm(pw2, classId))));
    tb.connector.reset();
  });
  afterAll(async () => tb.close());

  it('sends each coordinator one closing summary, even with two scheduler instances closing at once', async () => {
    tb.clock.set('2026-12-16T00:05:00+01:00');
    const other = new Scheduler({
      leases: tb.repos.leases,
      now: () => tb.clock.now(),
      holder: 'second-instance',
      tickMs: 1000,
    });
    other.register(roundStepsJob({ repos: tb.repos }, 'second-instance'));
    await Promise.all([tb.bot.scheduler.runOnce(), other.runOnce()]);
    tb.clock.advance(5 * 60_000); // leases expired: both run the job again
    await Promise.all([other.runOnce(), tb.bot.scheduler.runOnce()]);
    await tb.bot.outbox.runOnce();

    expect((await tb.repos.rounds.getRound(SCHOOL, ROUND))?.doc.status).toBe('closed');
    expect(closedCards(coordinator)).toHaveLength(1);
    for (const who of [pw1, pw2]) expect(closedCards(who)).toHaveLength(0);
  });

  it('the summary shows done/total per class and per prevention worker, the class not handed in, and the pupil scored 3 without a signal', () => {
    const t = text(closedCards(coordinator)[0]);
    expect(t).toContain('1-2-3 meting 2 is gesloten');
    expect(t).toContain(
      'De deadline was 15 december 2026. 45 van de 60 leerlingen hebben een score; 1 klaspagina is niet ingeleverd.',
    );
    expect(t).toContain('45/60 (75%)');
    expect(t).toContain('0/15 niet ingeleverd');
    expect(t).toContain('15/15 klaar');
    // the duo shares the classes: each sees the shared count and how many pupils they saved themselves
    expect(t).toMatch(
      /"title":"Demi Koster","value":"45\/60 \(75%\) — zelf opgeslagen: 15 leerlingen, nog 1 pagina open"/,
    );
    expect(t).toMatch(
      /"title":"Anouk Veldman","value":"45\/60 \(75%\) — zelf opgeslagen: 30 leerlingen, nog 1 pagina open"/,
    );
    expect(t).toContain('Score 3 of sterke stijging, zonder open signaal (1)');
    expect(t).toContain(`${fullName(class1A[1])} (1A)`);
    expect(t).not.toContain(fullName(class1A[0])); // has a signal
    expect(t).not.toContain('${');
  });

  it('sends nothing again on later ticks, and a late page after the close sends no second summary', async () => {
    const late = (await tb.post(invokeAction(tb, pw2, 'round.savePage', submitFor(await openForm(pw2, '1b'))))).body
      .value;
    expect(text(late)).toContain('Te laat');
    tb.clock.advance(24 * 3600_000);
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    expect(closedCards(coordinator)).toHaveLength(1);
  });
});
