import { Scheduler } from '../../src/jobs/scheduler';
import { actionsOf, inputsOf } from '../support/card-walk';
import { roundStepsJob } from '../../src/jobs/round-steps';
import { demoPupils } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const ROUND = '2026-2'; // default windows: round 2 opens Tue 1 Dec 2026 08:00, deadline Tue 15 Dec
const text = (card: unknown) => JSON.stringify(card);
const inputs = inputsOf;
const pupilIdsOf = (className: string) =>
  demoPupils.filter((p) => p.className === className).map((p) => `pupil:${p.number}`);

describe('the quarterly 1-2-3 round (issue 5)', () => {
  let tb: TestBot;
  const [pw1, pw2] = [person('preventiewerker', 0), person('preventiewerker', 1)];
  const coordinator = person('zorgcoordinator');
  const teacher = person('mentor', 0);
  const roundCards = (who: typeof pw1) =>
    tb.connector.cards(personalConversationId(who)).filter((c) => text(c).includes('round.openPage'));
  const drive = async () => {
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
  };
  /** A full, valid submit for a form card: every pupil level 1 unless `levels` says otherwise. */
  const submitFor = (form: any, levels: Record<number, [string, string]> = {}) => {
    const data: Record<string, unknown> = { ...actionsOf(form, 'round.savePage')[0].data };
    inputs(form)
      .filter((i) => i.id.startsWith('level:'))
      .forEach((input, n) => {
        const pupilId = input.id.slice('level:'.length);
        data[input.id] = levels[n]?.[0] ?? '1';
        data[`note:${pupilId}`] = levels[n]?.[1] ?? '';
      });
    return data;
  };
  const openForm = async (who: typeof pw1, classId: string, page = 0) =>
    (await tb.post(invokeAction(tb, who, 'round.openPage', { schoolId: SCHOOL, roundId: ROUND, classId, page }))).body
      .value;

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    for (const who of [pw1, pw2, coordinator, teacher]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.bot.outbox.runOnce();
    // last round's scores for class 1A: everyone a 1, so the form defaults to 1 and a 3 is a rise by two
    const prev = pupilIdsOf('1A');
    await tb.repos.rounds.savePage(
      {
        schoolId: SCHOOL,
        roundId: '2026-1',
        classId: '1a',
        className: '1A',
        page: 0,
        savedBy: pw1.entraId,
        savedAt: '2026-10-05T10:00:00.000Z',
        late: false,
        scores: prev.map((pupilId) => ({ pupilId, level: 1 as const })),
      },
      undefined,
    );
  });
  afterAll(async () => tb.close());

  it('does not open the round before its window, and opens it once when the clock passes it, even with two scheduler instances', async () => {
    tb.clock.set('2026-11-30T12:00:00+01:00');
    await drive();
    expect(await tb.repos.rounds.getRound(SCHOOL, ROUND)).toBeUndefined();
    expect((await tb.repos.rounds.getRound(SCHOOL, '2026-1'))?.doc).toMatchObject({ status: 'closed', missed: true });

    tb.connector.reset();
    tb.clock.set('2026-12-01T08:05:00+01:00');
    const other = new Scheduler({
      leases: tb.repos.leases,
      now: () => tb.clock.now(),
      holder: 'second-instance',
      tickMs: 1000,
    });
    other.register(roundStepsJob({ repos: tb.repos }, 'second-instance'));
    await Promise.all([tb.bot.scheduler.runOnce(), other.runOnce()]);
    tb.clock.advance(5 * 60_000); // both leases expired: each instance runs the job again
    await other.runOnce();
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();

    expect((await tb.repos.rounds.getRound(SCHOOL, ROUND))?.doc).toMatchObject({
      status: 'open',
      roundNo: 2,
      deadline: '2026-12-15',
    });
    for (const who of [pw1, pw2]) {
      const cards = roundCards(who);
      expect(cards).toHaveLength(1);
      const opens = actionsOf(cards[0], 'round.openPage').map((a) => a.data.classId);
      expect(opens).toEqual(expect.arrayContaining(['1a', '1b', '2a', '3b']));
    }
    expect(roundCards(coordinator)).toHaveLength(0);
    expect(roundCards(teacher)).toHaveLength(0);
  });

  it('gives a prevention worker the class page with last round’s score as the default and a note field per pupil', async () => {
    const form = await openForm(pw1, '1a');
    expect(text(form)).toContain('klas 1A');
    const levels = inputs(form).filter((i) => i.id.startsWith('level:'));
    expect(levels).toHaveLength(15);
    expect(levels.every((l) => l.value === '1')).toBe(true);
    expect(inputs(form).filter((i) => i.id.startsWith('note:'))).toHaveLength(15);
    expect(text(form)).toContain('Vorige meting: 1');
  });

  it('re-draws an invalid page (a 2 without a note) with a Dutch error and the input kept, and saves nothing', async () => {
    const form = await openForm(pw1, '1a');
    const res = await tb.post(
      invokeAction(tb, pw1, 'round.savePage', submitFor(form, { 0: ['2', ''], 1: ['3', 'Veel verzuim'] })),
    );
    const card = res.body.value;
    expect(text(card)).toContain('Geef een toelichting bij score 2 of 3.');
    expect(text(card)).toContain('Niet opgeslagen');
    const levels = inputs(card).filter((i) => i.id.startsWith('level:'));
    expect(levels[0].value).toBe('2');
    expect(levels[1].value).toBe('3');
    expect(inputs(card).find((i) => i.id === `note:${levels[1].id.slice(6)}`).value).toBe('Veel verzuim');
    expect(await tb.repos.rounds.getPage(SCHOOL, ROUND, '1a', 0)).toBeUndefined();
  });

  it('saves a page, answers with the saved state, stores a score per pupil and offers a signal for a pupil scored 3', async () => {
    const form = await openForm(pw1, '1a');
    const res = await tb.post(
      invokeAction(
        tb,
        pw1,
        'round.savePage',
        submitFor(form, { 0: ['3', 'Veel verzuim sinds de herfstvakantie.'], 1: ['2', 'Cijfers gezakt.'] }),
      ),
    );
    const card = res.body.value;
    expect(text(card)).toContain('Opgeslagen');
    expect(text(card)).not.toContain('Te laat');
    const offers = actionsOf(card, 'round.offerSignal');
    expect(offers.map((o) => o.data.mode).sort()).toEqual(['escalate', 'signal']);
    const page = (await tb.repos.rounds.getPage(SCHOOL, ROUND, '1a', 0))!.doc;
    expect(page).toMatchObject({ savedBy: pw1.entraId, late: false });
    expect(page.scores).toHaveLength(15);
    expect(await tb.repos.rounds.scoresOf(SCHOOL, [ROUND])).toHaveLength(15);
    // the offer opens a signal with the worker as reporter, the note as observation, and the trend on its card
    const pupilId = offers[0].data.pupilId;
    expect(page.scores.find((s) => s.pupilId === pupilId)?.level).toBe(3);
    const offered = await tb.post(
      invokeAction(tb, pw1, 'round.offerSignal', offers.find((o) => o.data.mode === 'signal').data),
    );
    expect(text(offered.body.value)).toMatch(/Signaal S-\d{4}-\d{4}/);
    expect(text(offered.body.value)).toContain('1 → 3');
    const signal = (await tb.repos.signals.listOpen(SCHOOL)).find((s) => s.pupilId === pupilId)!;
    expect(signal).toMatchObject({
      reporterId: pw1.entraId,
      categories: ['anders'],
      reporterLevel: 3,
      urgency: 'normal',
    });
    expect(signal.observation).toContain('Veel verzuim sinds de herfstvakantie.');
    // a second click shows the same signal instead of a second one
    await tb.post(invokeAction(tb, pw1, 'round.offerSignal', offers.find((o) => o.data.mode === 'signal').data));
    expect((await tb.repos.signals.listOpen(SCHOOL)).filter((s) => s.pupilId === pupilId)).toHaveLength(1);
    // 'Opschalen naar OT': the worker claims that signal and gets the escalation form
    const escalate = await tb.post(
      invokeAction(tb, pw1, 'round.offerSignal', offers.find((o) => o.data.mode === 'escalate').data),
    );
    expect(text(escalate.body.value)).toContain('signal.escalate');
    expect((await tb.repos.signals.get(SCHOOL, signal.id))?.doc).toMatchObject({ ownerId: pw1.entraId });
  });

  it('refuses a forged save by a teacher and records it in the audit log', async () => {
    const form = await openForm(pw1, '1b');
    const res = await tb.post(invokeAction(tb, teacher, 'round.savePage', submitFor(form)));
    expect(text(res.body.value)).toContain('geweigerd');
    expect(await tb.repos.rounds.getPage(SCHOOL, ROUND, '1b', 0)).toBeUndefined();
    const audit = await tb.repos.audit.forSchool(SCHOOL, 'round.savePage');
    expect(audit.some((a) => a.actorId === teacher.entraId && a.outcome === 'refused' && a.code === 'forged')).toBe(
      true,
    );
  });

  it('shows progress with /ronde per class and per prevention worker, with the deadline and the trend of flagged pupils', async () => {
    tb.connector.reset();
    await tb.post(message(tb, coordinator, '/ronde'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(coordinator)).length === 1);
    const card = tb.connector.cards(personalConversationId(coordinator))[0];
    const t = text(card);
    expect(t).toContain('15/15 klaar');
    expect(t).toContain('15/60 (25%)');
    expect(t).toContain('15 december 2026');
    expect(t).toContain('1 → 3');
    expect(actionsOf(card, 'round.openPage')).toHaveLength(0); // a coordinator sees progress, not forms
  });

  it('reminds only the prevention workers who still have pages left', async () => {
    // pw2 fills in only class 1A (set on her staff record), which is saved; pw1 has the whole school
    const staff = (await tb.repos.directory.listStaff(SCHOOL)).find((s) => s.userId === pw2.entraId)!;
    await tb.repos.directory.upsertStaff({ ...staff, classIds: ['1a'] });
    tb.connector.reset();
    tb.clock.set('2026-12-08T08:05:00+01:00');
    await drive();
    const reminders = (who: typeof pw1) =>
      tb.connector.cards(personalConversationId(who)).filter((c) => text(c).includes('Herinnering'));
    expect(reminders(pw1)).toHaveLength(1);
    expect(text(reminders(pw1)[0])).toContain("nog 3 pagina's open");
    expect(reminders(pw2)).toHaveLength(0);
    await drive(); // nothing twice
    expect(reminders(pw1)).toHaveLength(1);
  });

  it('closes the round at its deadline and accepts a later page marked late, but keeps an on-time page fixed', async () => {
    tb.clock.set('2026-12-16T00:05:00+01:00');
    await drive();
    expect((await tb.repos.rounds.getRound(SCHOOL, ROUND))?.doc.status).toBe('closed');
    const form = await openForm(pw2, '1b');
    const res = await tb.post(invokeAction(tb, pw2, 'round.savePage', submitFor(form)));
    expect(text(res.body.value)).toContain('Te laat');
    expect((await tb.repos.rounds.getPage(SCHOOL, ROUND, '1b', 0))?.doc).toMatchObject({
      late: true,
      savedBy: pw2.entraId,
    });
    const onTime = await openForm(pw1, '1a');
    const again = await tb.post(invokeAction(tb, pw1, 'round.savePage', submitFor(onTime)));
    expect(text(again.body.value)).toContain('De meting is gesloten');
    expect((await tb.repos.rounds.getPage(SCHOOL, ROUND, '1a', 0))?.doc.late).toBe(false);
  });
  it('lets a coordinator open the next round now with /ronde open (demo), once, audited; a teacher is refused', async () => {
    tb.clock.set('2027-01-11T10:00:00+01:00'); // between rounds: round 3 would open on 15 March
    tb.connector.reset();
    await tb.post(message(tb, teacher, '/ronde open'));
    await tb.post(message(tb, coordinator, '/ronde open'));
    await tb.post(message(tb, coordinator, '/ronde open'));
    await tb.bot.outbox.runOnce();
    expect(tb.connector.texts(personalConversationId(teacher)).join(' ')).toContain('niet doen');
    const said = tb.connector.texts(personalConversationId(coordinator));
    expect(said[0]).toContain('Meting 3 is nu geopend');
    expect(said[1]).toContain('Meting 3 was al geopend');
    expect((await tb.repos.rounds.getRound(SCHOOL, '2026-3'))?.doc).toMatchObject({
      status: 'open',
      opensOn: '2027-01-11',
      openedBy: coordinator.entraId,
    });
    await tb.connector.waitFor(() => roundCards(pw1).length > 0 && roundCards(pw2).length > 0); // the command kicked the outbox
    for (const who of [pw1, pw2]) expect(roundCards(who)).toHaveLength(1);
    const audit = await tb.repos.audit.forSchool(SCHOOL, 'round.openNow');
    expect(audit.filter((a) => a.outcome === 'ok' && a.actorId === coordinator.entraId)).toHaveLength(2);
    expect(audit.some((a) => a.outcome === 'refused' && a.actorId === teacher.entraId)).toBe(true);
    // when the window itself comes, the scheduler finds the round open and sends nothing again
    tb.clock.set('2027-03-15T08:05:00+01:00');
    await drive();
    for (const who of [pw1, pw2]) expect(roundCards(who)).toHaveLength(1);
  });
  it('does not let one worker overwrite a page the other saved meanwhile unseen: the second save is re-drawn with a warning, then overwrites', async () => {
    const round3 = '2026-3';
    const open = async (who: typeof pw1) =>
      (
        await tb.post(
          invokeAction(tb, who, 'round.openPage', { schoolId: SCHOOL, roundId: round3, classId: '2a', page: 0 }),
        )
      ).body.value;
    const [form1, form2] = [await open(pw1), await open(pw2)];
    expect(text((await tb.post(invokeAction(tb, pw1, 'round.savePage', submitFor(form1)))).body.value)).toContain(
      'Opgeslagen',
    );
    const stale = (
      await tb.post(
        invokeAction(tb, pw2, 'round.savePage', submitFor(form2, { 0: ['2', 'Zit niet lekker in zijn vel.'] })),
      )
    ).body.value;
    expect(text(stale)).toContain('intussen door een collega opgeslagen');
    expect(inputs(stale).filter((i) => i.id.startsWith('level:'))[0].value).toBe('2');
    expect((await tb.repos.rounds.getPage(SCHOOL, round3, '2a', 0))?.doc.savedBy).toBe(pw1.entraId);
    expect(
      text(
        (
          await tb.post(
            invokeAction(tb, pw2, 'round.savePage', submitFor(stale, { 0: ['2', 'Zit niet lekker in zijn vel.'] })),
          )
        ).body.value,
      ),
    ).toContain('Opgeslagen');
    expect((await tb.repos.rounds.getPage(SCHOOL, round3, '2a', 0))?.doc.savedBy).toBe(pw2.entraId);
  });
});
