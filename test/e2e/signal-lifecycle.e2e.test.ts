import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { Scheduler } from '../../src/jobs/scheduler';
import { findAction } from '../support/card-walk';
import { signalHandlingJobs } from '../../src/jobs/signal-handling-jobs';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';
import { addSchool } from '../support/schools';

const text = (c: unknown) => JSON.stringify(c);
const SCHOOL = 'demo-school';
/** Every note in these tests carries this marker, so a leak to the reporter is easy to find. */
const SECRET = 'NOTITIE-GEHEIM';

const teacher = person('mentor', 0);
const [pw1, pw2] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const conv = (who: DemoStaff) => personalConversationId(who);

async function install(tb: TestBot, people: DemoStaff[]) {
  for (const who of people) expect((await tb.post(installation(tb, who))).status).toBe(200);
  await tb.connector.waitFor((calls) => calls.length >= people.length);
}

/** Raises a signal as the teacher and returns it as stored. */
async function raise(tb: TestBot, extra: object = {}): Promise<Signal> {
  const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
  const res = await tb.post(
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: 'gedrag',
      level: '2',
      observation: 'Trekt zich terug in de les.',
      urgency: 'normal',
      ...extra,
    }),
  );
  const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
  return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((s) => s.reference === reference)!;
}

const current = async (tb: TestBot, s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
const ref = (s: Signal, extra: object = {}) => ({ signalId: s.id, schoolId: SCHOOL, v: s.updatedAt, ...extra });

/** Acts on the signal with the card's current version; returns the answer card. */
async function act(tb: TestBot, who: DemoStaff, verb: string, s: Signal, extra: object = {}): Promise<any> {
  const fresh = await current(tb, s);
  const res = await tb.post(invokeAction(tb, who, verb, ref(fresh, extra)));
  expect(res.status).toBe(200);
  return res.body.value;
}

describe('handling a signal from claim to close (issue 3)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await install(tb, [teacher, pw1, pw2, coordinator]);
  });
  afterAll(async () => tb.close());

  it('scores a claimed signal 3 and tells the coordinator at once', async () => {
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    const card = await act(tb, pw1, 'signal.score', s, { level: '3' });
    expect(text(card)).toContain('De score is opgeslagen.');
    expect(text(card)).toContain('3 — crisis/nood');
    expect((await current(tb, s)).workerLevel).toBe(3);
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(coordinator)).some((c) => text(c).includes(`Crisis/nood gemeld: ${s.reference}`)),
    );
    const asReporter = await tb.post(invokeAction(tb, teacher, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }));
    expect(text(asReporter.body.value)).toContain(s.reference);
    expect(text(asReporter.body.value)).not.toContain('3 — crisis/nood');
  });

  it('keeps a note for the care professionals and never shows its text to the reporter', async () => {
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    const card = await act(tb, pw1, 'signal.note', s, { note: `${SECRET} moeder belde over thuissituatie` });
    expect(text(card)).toContain(SECRET);
    const after = await current(tb, s);
    expect(after.history.at(-1)).toMatchObject({ action: 'note', visibility: 'care' });
    // the reporter's own view of the signal carries the state, not the note
    const refreshed = await tb.post(invokeAction(tb, teacher, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }));
    expect(text(refreshed.body.value)).toContain(s.reference);
    expect(text(refreshed.body.value)).not.toContain(SECRET);
    // the coordinator sees it
    const asCoordinator = await tb.post(
      invokeAction(tb, coordinator, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }),
    );
    expect(text(asCoordinator.body.value)).toContain(SECRET);
  });

  it('answers invalid input with the current card and a Dutch message, never a transition', async () => {
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    const before = await current(tb, s);
    const yesterday = new Date(tb.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[string, object, string]> = [
      ['signal.note', { note: '   ' }, 'Vul een notitie in.'],
      ['signal.note', { note: 'x'.repeat(2001) }, 'De notitie is te lang'],
      ['signal.close', {}, 'Kies een uitkomst om af te sluiten.'],
      ['signal.close', { outcome: 'weg' }, 'Kies een uitkomst om af te sluiten.'],
      ['signal.watch', { checkInDate: yesterday }, 'Kies een datum in de toekomst.'],
      ['signal.watch', {}, 'Kies een datum.'],
      ['signal.watch', { checkInDate: '2026-02-30' }, 'geen geldige datum'],
      ['signal.score', { level: '4' }, 'Kies een score'],
      ['signal.ask', { question: '' }, 'Vul een vraag in'],
    ];
    for (const [verb, extra, expected] of cases) {
      const card = await act(tb, pw1, verb, s, extra);
      expect({ verb, card: text(card).includes(expected) }).toEqual({ verb, card: true });
      expect(text(card)).toContain(s.reference);
    }
    const after = await current(tb, s);
    expect(after.state).toBe('claimed');
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.history).toHaveLength(before.history.length);
  });

  it('answers an action on a card drawn before another change with the current card and no second transition', async () => {
    const s = await raise(tb);
    const drawn = await current(tb, s);
    await tb.post(invokeAction(tb, pw1, 'signal.claim', ref(drawn)));
    const stale = await tb.post(invokeAction(tb, pw2, 'signal.claim', ref(drawn)));
    expect(text(stale.body.value)).toContain('intussen gewijzigd');
    expect(text(stale.body.value)).toContain(pw1.name);
    const staleClose = await tb.post(invokeAction(tb, pw2, 'signal.close', ref(drawn, { outcome: 'resolved' })));
    expect(text(staleClose.body.value)).toContain('intussen gewijzigd');
    const after = await current(tb, s);
    expect(after).toMatchObject({ state: 'claimed', ownerId: pw1.entraId });
    expect(after.history.filter((h) => h.action === 'claim')).toHaveLength(1);
  });

  it('refuses a teacher posting signal.close and a worker of another school, and audits both', async () => {
    const s = await raise(tb);
    const byTeacher = await act(tb, teacher, 'signal.close', s, { outcome: 'resolved' });
    expect(text(byTeacher)).toContain('geweigerd');

    const outsider: DemoStaff = {
      name: 'Eva Elders',
      upn: 'e.elders@other.example',
      roles: ['preventiewerker'],
      classes: [],
      entraId: randomUUID(),
    };
    await addSchool(tb, 'other-school');
    await tb.repos.directory.upsertStaff({
      id: `staff:${outsider.entraId}`,
      type: 'staff',
      schoolId: 'other-school',
      userId: outsider.entraId,
      displayName: outsider.name,
      roles: ['preventionWorker'],
      classIds: [],
    });
    const byOutsider = await act(tb, outsider, 'signal.close', s, { outcome: 'resolved' });
    expect(text(byOutsider)).toContain('geweigerd');
    expect(text(byOutsider)).not.toContain('Trekt zich terug');

    const stranger: DemoStaff = { ...outsider, name: 'Onbekend', entraId: randomUUID() };
    expect(text(await act(tb, stranger, 'signal.claim', s))).toContain('geweigerd');

    expect((await current(tb, s)).state).toBe('new');
    const audit = await tb.repos.audit.forSchool(SCHOOL);
    expect(
      audit.some((a) => a.outcome === 'refused' && a.actorId === teacher.entraId && a.action === 'signal.close'),
    ).toBe(true);
    expect(
      audit.some((a) => a.outcome === 'refused' && a.actorId === outsider.entraId && a.code === 'other-school'),
    ).toBe(true);
    expect(audit.some((a) => a.outcome === 'refused' && a.actorId === stranger.entraId)).toBe(true);
  });

  it('sends the reporter a question card and brings the answer back to the worker’s card and the history', async () => {
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    const asked = await act(tb, pw1, 'signal.ask', s, { question: 'Is er thuis iets veranderd?' });
    expect(text(asked)).toContain('Je vraag is naar de melder gestuurd.');

    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(teacher)).some((c) => text(c).includes('Is er thuis iets veranderd?')),
    );
    const questionCard = tb.connector.cards(conv(teacher)).find((c) => text(c).includes('Is er thuis iets veranderd?'));
    expect(text(questionCard)).toContain('"id":"answer"');
    const answerAction = findAction(questionCard, 'signal.answer');
    expect(answerAction.data).toMatchObject({ signalId: s.id, schoolId: SCHOOL });

    const empty = await tb.post(invokeAction(tb, teacher, 'signal.answer', { ...answerAction.data, answer: ' ' }));
    expect(text(empty.body.value)).toContain('Vul je antwoord in.');

    const answered = await tb.post(
      invokeAction(tb, teacher, 'signal.answer', { ...answerAction.data, answer: 'Ja, ouders gaan scheiden.' }),
    );
    expect(text(answered.body.value)).toContain('je antwoord is doorgegeven');
    const again = await tb.post(
      invokeAction(tb, teacher, 'signal.answer', { ...answerAction.data, answer: 'Nog iets.' }),
    );
    expect(text(again.body.value)).toContain('al beantwoord');

    const after = await current(tb, s);
    expect(after.questions[0]).toMatchObject({
      question: 'Is er thuis iets veranderd?',
      answer: 'Ja, ouders gaan scheiden.',
    });
    expect(after.history.at(-1)).toMatchObject({ action: 'answerQuestion', actorId: teacher.entraId });
    // the worker's copies are updated in place with the answer, and the asker is told
    await tb.connector.waitFor((calls) =>
      calls.some(
        (c) => c.method === 'PUT' && c.conversationId === conv(pw2) && text(c.body).includes('ouders gaan scheiden'),
      ),
    );
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(pw1))
        .some(
          (c) => text(c).includes(`Antwoord op je vraag — ${s.reference}`) && text(c).includes('ouders gaan scheiden'),
        ),
    );
  });

  it('closes with an outcome and tells the reporter in plain words, without any note text', async () => {
    const s = await raise(tb);
    await act(tb, pw2, 'signal.claim', s);
    await act(tb, pw2, 'signal.note', s, { note: `${SECRET} gesprek met leerling gehad` });
    const closed = await act(tb, pw2, 'signal.close', s, { outcome: 'resolved' });
    expect(text(closed)).toContain('Afgesloten — Opgelost');
    expect(await current(tb, s)).toMatchObject({ state: 'closed', outcome: 'resolved' });
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(teacher))
        .some((c) => text(c).includes(`Nieuws over je signaal ${s.reference}`) && text(c).includes('is afgerond')),
    );
    // a closed signal takes no further action
    expect(text(await act(tb, pw2, 'signal.note', s, { note: 'nog iets' }))).toContain('al afgesloten');
    // nothing the reporter ever received carries a note
    await new Promise((r) => setTimeout(r, 200));
    const toReporter = tb.connector.calls.filter((c) => c.conversationId === conv(teacher));
    expect(toReporter.length).toBeGreaterThan(0);
    expect(toReporter.filter((c) => text(c.body).includes(SECRET))).toEqual([]);
  });

  it('lets the coordinator reassign to the other prevention worker, who gets the card, and tells the coordinator', async () => {
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    const wrong = await act(tb, coordinator, 'signal.reassign', s, { toUserId: teacher.entraId });
    expect(text(wrong)).toContain('alleen toewijzen aan een preventiewerker');
    const byWorker = await act(tb, pw1, 'signal.reassign', s, { toUserId: pw2.entraId });
    expect(text(byWorker)).toContain('geweigerd');

    const done = await act(tb, coordinator, 'signal.reassign', s, { toUserId: pw2.entraId });
    expect(text(done)).toContain('Het signaal is toegewezen');
    expect((await current(tb, s)).ownerId).toBe(pw2.entraId);
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(pw2))
        .some((c) => text(c).includes(s.reference) && text(c).includes('aan jou toegewezen')),
    );
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(coordinator))
        .some((c) => text(c).includes(`Signaal ${s.reference} toegewezen`) && text(c).includes(pw2.name)),
    );
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(pw1)).some((c) => text(c).includes(`Signaal ${s.reference} toegewezen`)),
    );
  });

  it('shows a teacher their own signals with status on /mijn', async () => {
    tb.connector.reset();
    await tb.post(message(tb, teacher, '/mijn'));
    await tb.connector.waitFor(() => tb.connector.cards(conv(teacher)).length >= 1);
    const list = text(tb.connector.cards(conv(teacher))[0]);
    expect(list).toContain('Mijn signalen');
    expect(list).toMatch(/afgerond/);
    expect(list).toMatch(/opgepakt|in behandeling/);
    expect(list).not.toContain(SECRET);
  });

  it('shows a prevention worker the caseload by state, oldest first, and pages with Volgende', async () => {
    for (let i = 0; i < 7; i++) await raise(tb);
    // let the new-signal cards go out first, so they are not mistaken for /mijn pages
    await tb.connector.waitFor(
      () => tb.connector.cards(conv(pw1)).filter((c) => findAction(c, 'signal.claim')).length >= 7,
    );
    await tb.bot.outbox.runOnce();
    tb.connector.reset();
    await tb.post(message(tb, pw1, '/mijn'));
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw1)).some((c) => findAction(c, 'list.page')));
    const open = (await tb.repos.signals.listOpen(SCHOOL)).filter((s) => !s.ownerId || s.ownerId === pw1.entraId);
    expect(open.length).toBeGreaterThan(6);
    const firstPage = tb.connector
      .cards(conv(pw1))
      .filter((c) => findAction(c, 'signal.refresh') && !findAction(c, 'list.page'));
    expect(firstPage).toHaveLength(6);
    const texts = tb.connector.texts(conv(pw1));
    expect(texts[0]).toContain('Jouw zaken');
    expect(texts[1]).toContain('Nieuw');
    // oldest first within the first state
    const newest = open.filter((s) => s.state === 'new').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(text(firstPage[0])).toContain(newest[0].reference);

    const pager = tb.connector.cards(conv(pw1)).find((c) => findAction(c, 'list.page'));
    const next = findAction(pager, 'list.page');
    tb.connector.reset();
    const res = await tb.post(invokeAction(tb, pw1, 'list.page', next.data));
    expect(text(res.body.value)).toContain(`Signaal 7–`);
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw1)).length >= Math.min(6, open.length - 6));
    const secondPage = tb.connector
      .cards(conv(pw1))
      .filter((c) => findAction(c, 'signal.refresh') && !findAction(c, 'list.page'));
    for (const c of secondPage)
      for (const p of firstPage) expect(text(c).includes(/S-\d{4}-\d{4}/.exec(text(p))![0])).toBe(false);

    const forged = await tb.post(invokeAction(tb, teacher, 'list.page', next.data));
    expect(text(forged.body.value)).toContain('geweigerd');
  });
});

describe('reminders and re-announcements from the scheduler (issue 3)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await install(tb, [teacher, pw1, pw2, coordinator]);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  /** Until every queued message is delivered (the background runner may hold some). */
  const settle = async () => {
    for (let i = 0; i < 250; i++) {
      await tb.bot.outbox.runOnce();
      const pending = (await tb.repos.outbox.countByStatus('pending')).reduce((n, x) => n + x, 0);
      if (pending === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('outbox did not settle');
  };
  const tick = async () => {
    await tb.bot.scheduler.runOnce();
    await settle();
  };
  const remindersTo = (who: DemoStaff, s: Signal, title: string) =>
    tb.connector.cards(conv(who)).filter((c) => text(c).includes(title) && text(c).includes(s.reference));

  it('re-announces a signal nobody claimed after two school days once, to the workers and the coordinator', async () => {
    tb.clock.set('2026-11-23T09:00:00+01:00'); // Monday
    const s = await raise(tb);
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw2)).some((c) => text(c).includes(s.reference)));
    tb.connector.reset();
    tb.clock.set('2026-11-25T16:00:00+01:00'); // Wednesday: 2 school days, not yet over the limit
    await tick();
    expect((await current(tb, s)).reannouncedAt).toBeUndefined();

    tb.clock.set('2026-11-26T08:00:00+01:00'); // Thursday: over the limit
    await tick();
    await tb.connector.waitFor(() =>
      [pw1, pw2].every((pw) =>
        tb.connector
          .cards(conv(pw))
          .some((c) => text(c).includes(s.reference) && text(c).includes('nog door niemand opgepakt')),
      ),
    );
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(coordinator)).some((c) => text(c).includes(`Signaal ${s.reference} nog niet opgepakt`)),
    );
    expect((await current(tb, s)).reannouncedAt).toBeDefined();

    tb.clock.set('2026-11-27T08:00:00+01:00');
    await tick();
    for (const pw of [pw1, pw2])
      expect(
        tb.connector.calls.filter(
          (c) =>
            c.method === 'POST' && c.conversationId === conv(pw) && text(c.body).includes('nog door niemand opgepakt'),
        ),
      ).toHaveLength(1);
    expect(remindersTo(coordinator, s, 'nog niet opgepakt')).toHaveLength(1);
  });

  it('reminds the owner on the check-in date of a watch with one-click next steps, and extends the watch by two weeks', async () => {
    tb.clock.set('2026-12-01T09:00:00+01:00');
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, pw1, 'signal.watch', s, { checkInDate: '2026-12-08' });
    expect(await current(tb, s)).toMatchObject({ state: 'watch', watch: { checkInDate: '2026-12-08' } });

    tb.clock.set('2026-12-07T17:00:00+01:00');
    await tick();
    expect(remindersTo(pw1, s, 'Waakvlam: tijd om te kijken')).toHaveLength(0);

    tb.clock.set('2026-12-08T07:30:00+01:00');
    await tick();
    await tb.connector.waitFor(() => remindersTo(pw1, s, 'Waakvlam: tijd om te kijken').length === 1);
    expect(remindersTo(pw2, s, 'Waakvlam: tijd om te kijken')).toHaveLength(0);
    const reminder = remindersTo(pw1, s, 'Waakvlam: tijd om te kijken')[0];
    expect(findAction(reminder, 'signal.close').data).toMatchObject({ outcome: 'resolved' });
    expect(findAction(reminder, 'signal.aftercare')).toBeDefined();
    const extend = findAction(reminder, 'signal.watch');
    expect(extend.data.checkInDate).toBe('2026-12-22');

    // the same day again: no second reminder
    tb.clock.set('2026-12-08T15:00:00+01:00');
    await tick();
    expect(remindersTo(pw1, s, 'Waakvlam: tijd om te kijken')).toHaveLength(1);

    const res = await tb.post(invokeAction(tb, pw1, 'signal.watch', extend.data));
    expect(text(res.body.value)).toContain('Waakvlam gezet');
    expect((await current(tb, s)).watch).toEqual({ checkInDate: '2026-12-22' });
  });

  it('sends a watch reminder once when two scheduler instances run against one store', async () => {
    tb.clock.set('2026-12-09T09:00:00+01:00');
    const s = await raise(tb);
    await act(tb, pw2, 'signal.claim', s);
    await act(tb, pw2, 'signal.watch', s, { checkInDate: '2026-12-10' });
    const second = new Scheduler({
      leases: tb.repos.leases,
      now: () => tb.clock.now(),
      holder: 'second-instance',
      tickMs: 60_000,
    });
    for (const job of signalHandlingJobs({ repos: tb.repos, ports: tb.bot.deps.ports }, 'second-instance'))
      second.register(job);

    tb.clock.set('2026-12-10T08:00:00+01:00');
    await Promise.all([tb.bot.scheduler.runOnce(), second.runOnce()]);
    // later that day the lease has expired and the other instance runs the jobs
    tb.clock.set('2026-12-10T14:00:00+01:00');
    await second.runOnce();
    await settle();
    expect(remindersTo(pw2, s, 'Waakvlam: tijd om te kijken')).toHaveLength(1);
    const markers = await tb.repos.leases.hasMarker(`watch-reminder:${s.id}:2026-12-10`, SCHOOL);
    expect(markers).toBe(true);
  });

  it('reminds the owner four weeks after a signal entered aftercare', async () => {
    tb.clock.set('2026-12-14T09:00:00+01:00');
    const s = await raise(tb);
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, pw1, 'signal.score', s, { level: '2' });
    await act(tb, pw1, 'signal.aftercare', s);
    expect((await current(tb, s)).state).toBe('aftercare');
    tb.clock.set('2027-01-10T09:00:00+01:00');
    await tick();
    expect(remindersTo(pw1, s, 'Nazorg: even kijken')).toHaveLength(0);
    tb.clock.set('2027-01-11T09:00:00+01:00');
    await tick();
    await tb.connector.waitFor(() => remindersTo(pw1, s, 'Nazorg: even kijken').length === 1);
    const reminder = remindersTo(pw1, s, 'Nazorg: even kijken')[0];
    expect(findAction(reminder, 'signal.close')).toBeDefined();
    expect(findAction(reminder, 'signal.watch')).toBeDefined();
    expect(findAction(reminder, 'signal.aftercare')).toBeUndefined();
  });
});
