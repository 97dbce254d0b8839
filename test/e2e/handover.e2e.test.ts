import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { pupilDocId, staffDocId } from '../../src/store/schemas/directory-docs';
import { findById } from '../support/card-walk';
import { settleOutbox } from '../support/outbox-settle';
import { addSchool } from '../support/schools';
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

/**
 * Issue 16, point 1: a prevention worker away (`/afwezig`) and a coordinator's handover of a
 * worker's open cases (`/overdragen`), over HTTP against the real bot.
 */
const SCHOOL = 'demo-school';
const SCHOOL_B = 'lindehof';
const [demi, anouk] = staffWith('preventiewerker');
const teacher = person('mentor', 0);
const coordinator = person('zorgcoordinator');
const ot = person('ot');
const workerOnlyB: DemoStaff = {
  name: 'Ilse Hoekstra',
  upn: 'i.hoekstra@lindehof.example',
  roles: ['preventiewerker'],
  classes: [],
  entraId: '7d1c3a10-5b2e-4f3a-9c4d-0000000b0001',
};
const pupilA = demoPupils.find((p) => teacher.classes.includes(p.className))!;
const pupilB = { number: 'L001', firstName: 'Yara', lastName: 'Smit' };

const text = (c: unknown) => JSON.stringify(c);
const conv = (who: DemoStaff) => personalConversationId(who);

describe('absence and handover (issue 16)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    const dir = tb.repos.directory;
    await addSchool(tb, SCHOOL_B);
    for (const who of [demi, workerOnlyB])
      await dir.upsertStaff({
        id: staffDocId(who.entraId),
        type: 'staff',
        schoolId: SCHOOL_B,
        userId: who.entraId,
        upn: who.upn,
        displayName: who.name,
        roles: ['preventionWorker'],
        classIds: [],
      });
    await dir.upsertPupil({
      id: pupilDocId(pupilB.number),
      type: 'pupil',
      schoolId: SCHOOL_B,
      pupilNumber: pupilB.number,
      firstName: pupilB.firstName,
      lastName: pupilB.lastName,
      classId: 'l1',
      className: 'L1',
    });
    for (const who of [demi, anouk, teacher, coordinator, workerOnlyB, ot])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  const settle = () => settleOutbox(tb);
  const say = async (who: DemoStaff, line: string) => {
    expect((await tb.post(message(tb, who, line))).status).toBe(200);
    return tb.connector.texts(conv(who)).join('\n');
  };
  const current = async (s: Signal, school = SCHOOL) => (await tb.repos.signals.get(school, s.id))!.doc;
  const raise = async (who: DemoStaff = teacher, school = SCHOOL, pupil = `${SCHOOL}|pupil:${pupilA.number}`) => {
    const res = await tb.post(
      invokeAction(tb, who, 'signal.submit', {
        submissionId: randomUUID(),
        ...(school !== SCHOOL ? { school } : {}),
        pupil,
        categories: 'gedrag',
        level: '2',
        observation: 'Trekt zich terug in de pauzes.',
        urgency: 'normal',
        openChoice: 'new', // a new signal even when the pupil has an open one (issue 16, point 4)
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    return (await tb.repos.signals.listByReporter(school, who.entraId)).find((x) => x.reference === reference)!;
  };
  const act = async (who: DemoStaff, verb: string, s: Signal, extra: object = {}, school = SCHOOL) => {
    const fresh = await current(s, school);
    const res = await tb.post(
      invokeAction(tb, who, verb, { signalId: s.id, schoolId: school, v: fresh.updatedAt, ...extra }),
    );
    expect(res.status).toBe(200);
    return res.body.value;
  };
  const cardsAbout = (who: DemoStaff, s: Signal) =>
    tb.connector.cards(conv(who)).filter((c) => text(c).includes(s.reference));
  const leaveOf = async (who: DemoStaff, school = SCHOOL) =>
    (await tb.repos.directory.getStaff(school, who.entraId))!.doc.leave;
  const handover = (from: DemoStaff, to: DemoStaff, reason: string, school = SCHOOL) =>
    tb.post(
      invokeAction(tb, coordinator, 'handover.submit', {
        schoolId: school,
        from: from.entraId,
        to: to.entraId,
        reason,
      }),
    );

  it('refuses /afwezig and /overdragen to a teacher, in Dutch, and audits both', async () => {
    const answer = await say(teacher, '/afwezig tot 12 december');
    expect(answer).toContain('Alleen een preventiewerker kan zich afwezig melden');
    expect(await say(teacher, '/overdragen')).toContain('Alleen de zorgcoördinator kan de zaken');
    const leaveAudit = await tb.repos.audit.forSchool(SCHOOL, 'staff.leave');
    expect(leaveAudit).toContainEqual(
      expect.objectContaining({
        actorId: teacher.entraId,
        outcome: 'refused',
        code: 'leave-not-prevention-worker',
      }),
    );
    const handoverAudit = await tb.repos.audit.forSchool(SCHOOL, 'signal.handover');
    expect(handoverAudit).toContainEqual(
      expect.objectContaining({ actorId: teacher.entraId, outcome: 'refused', code: 'handover-not-coordinator' }),
    );
    expect(await leaveOf(teacher)).toBeUndefined();
  });

  it('lists /afwezig in the help of a prevention worker and /overdragen in the coordinator’s, neither in a teacher’s', async () => {
    expect(await say(demi, '/help')).toContain('`/afwezig tot <datum>`');
    expect(await say(coordinator, '/help')).toContain('`/overdragen`');
    const teachers = await say(teacher, '/help');
    expect(teachers).not.toContain('/afwezig');
    expect(teachers).not.toContain('/overdragen');
  });

  it('refuses a date in the past or one it cannot read, naming the forms it accepts', async () => {
    tb.clock.set('2026-11-23T09:00:00+01:00'); // Monday
    expect(await say(demi, '/afwezig tot 2026-11-20')).toContain('Kies een datum in de toekomst');
    tb.connector.reset();
    const unreadable = await say(demi, '/afwezig tot morgenochtend');
    expect(unreadable).toContain('Dat is geen geldige datum');
    expect(unreadable).toContain('12 december');
    expect(await leaveOf(demi)).toBeUndefined();
  });

  it('sends a new signal to the partner only while a worker is away, shows her cases on the partner’s /mijn, and tells both', async () => {
    tb.clock.set('2026-11-23T09:00:00+01:00');
    const hers = await raise();
    await act(demi, 'signal.claim', hers);
    await settle();
    tb.connector.reset();

    expect(await say(demi, '/afwezig tot 27-11')).toContain(
      'Opgeslagen: je bent afwezig tot en met 27 november 2026. Nieuwe signalen en herinneringen gaan naar Anouk Veldman',
    );
    expect(await leaveOf(demi)).toEqual({ until: '2026-11-27', since: '2026-11-23', setBy: demi.entraId });
    const audit = await tb.repos.audit.forSchool(SCHOOL, 'staff.leave');
    expect(audit).toContainEqual(
      expect.objectContaining({
        actorId: demi.entraId,
        outcome: 'ok',
        changes: [{ field: 'afwezigTot', from: '', to: '2026-11-27' }],
      }),
    );
    await settle();
    expect(text(tb.connector.cards(conv(demi)))).toContain('Je bent afwezig gemeld');
    const told = text(tb.connector.cards(conv(anouk)));
    expect(told).toContain('Demi Koster is afwezig tot en met 27 november 2026; haar zaken staan in `/mijn`');

    tb.connector.reset();
    const fresh = await raise();
    await settle();
    expect(cardsAbout(anouk, fresh).length).toBeGreaterThan(0);
    expect(cardsAbout(demi, fresh)).toHaveLength(0);

    tb.connector.reset();
    const mine = await say(anouk, '/mijn');
    expect(mine).toContain('**Jouw zaken**');
    // the heading counts the open cases; the per-state count is only under the state's own heading
    expect(mine).toMatch(/\*\*Jouw zaken\*\* — \d+ open\n/);
    expect(mine).not.toMatch(/Jouw zaken\*\* — [A-Z][a-z ]+: \d/);
    expect(mine).toContain('**Zaken van Demi Koster (afwezig tot en met 27 november 2026)** — 1 open');
    expect(cardsAbout(anouk, hers).length).toBeGreaterThan(0);

    // the partner acts on the absent worker's case
    const noted = await act(anouk, 'signal.note', hers, { note: 'Contact met ouders gehad.' });
    expect(text(noted)).toContain('Notitie');
    expect((await current(hers)).history.at(-1)).toMatchObject({ action: 'note', actorId: anouk.entraId });
  });

  it('sends routing back to normal once the last day of the absence has passed', async () => {
    tb.clock.set('2026-11-30T09:00:00+01:00'); // the Monday after
    const s = await raise();
    await settle();
    expect(cardsAbout(demi, s).length).toBeGreaterThan(0);
    expect(cardsAbout(anouk, s).length).toBeGreaterThan(0);
    tb.connector.reset();
    expect(await say(anouk, '/mijn')).not.toContain('Zaken van Demi Koster');
  });

  it('shows the absence card, ends the absence early with its button, and refuses a stale card', async () => {
    tb.clock.set('2026-12-01T09:00:00+01:00');
    await say(demi, '/afwezig tot 10 december');
    tb.connector.reset();
    await say(demi, '/afwezig');
    const card = tb.connector.cards(conv(demi)).find((c) => text(c).includes('Afwezig melden'));
    expect(text(card)).toContain('Je bent afwezig tot en met 10 december 2026');
    expect(findById(card, 'until').value).toBe('2026-12-10');
    const end = (card.actions as { title: string; data: Record<string, string> }[]).find(
      (a) => a.title === 'Ik ben er weer',
    )!;
    const answer = await tb.post(invokeAction(tb, demi, 'staff.setLeave', end.data));
    expect(text(answer.body.value)).toContain('Welkom terug');
    expect(await leaveOf(demi)).toBeUndefined();
    await settle();
    expect(text(tb.connector.cards(conv(anouk)))).toContain('Demi Koster is er weer');

    const stale = await tb.post(
      invokeAction(tb, demi, 'staff.setLeave', { ...end.data, leave: 'set', until: '2026-12-12' }),
    );
    expect(text(stale.body.value)).toContain('Deze kaart was verouderd');
    expect(await leaveOf(demi)).toBeUndefined();

    // saved from the card: the status says so once; the card's text below holds the date (not twice)
    type Act = { title: string; data: Record<string, string> };
    const save = (stale.body.value.actions as Act[]).find((a) => a.title === 'Afwezig melden')!;
    const saved = await tb.post(invokeAction(tb, demi, 'staff.setLeave', { ...save.data, until: '2026-12-12' }));
    const savedText = text(saved.body.value);
    expect(savedText).toContain('Opgeslagen. Je duopartner krijgt hiervan bericht.');
    expect(savedText.split('afwezig tot en met 12 december 2026')).toHaveLength(2);
    const back = (saved.body.value.actions as Act[]).find((a) => a.title === 'Ik ben er weer')!;
    const ended = text((await tb.post(invokeAction(tb, demi, 'staff.setLeave', back.data))).body.value);
    expect(ended).toContain('Welkom terug. Je afwezigheid is beëindigd.');
    expect(ended).not.toContain('komen weer bij jou');
    expect(await leaveOf(demi)).toBeUndefined();
  });

  it('hands over every open case of a worker with a reason; cards and notices show the new casushouder; the reason is audited per signal', async () => {
    tb.clock.set('2026-12-02T09:00:00+01:00');
    // everything Demi still owns from earlier tests, plus three new cases
    const cases = [await raise(), await raise(), await raise()];
    for (const s of cases) await act(demi, 'signal.claim', s);
    const anouks = await raise();
    await act(anouk, 'signal.claim', anouks);
    const before = (await tb.repos.signals.listOpen(SCHOOL)).filter((s) => s.ownerId === demi.entraId);
    expect(before.length).toBeGreaterThanOrEqual(3);
    await settle();
    tb.connector.reset();

    await say(coordinator, '/overdragen');
    const card = tb.connector.cards(conv(coordinator)).find((c) => text(c).includes('Zaken overdragen'));
    expect(findById(card, 'from').choices).toEqual(
      expect.arrayContaining([{ title: expect.stringContaining('Demi Koster'), value: demi.entraId }]),
    );

    const res = await handover(demi, anouk, 'Langdurig ziek');
    expect(text(res.body.value)).toContain(`${before.length} zaken van`);
    expect(text(res.body.value)).toContain('overgedragen aan');
    for (const s of before) expect((await current(s)).ownerId).toBe(anouk.entraId);
    expect((await current(anouks)).ownerId).toBe(anouk.entraId);
    expect((await tb.repos.signals.listOpen(SCHOOL)).filter((s) => s.ownerId === demi.entraId)).toHaveLength(0);

    await settle();
    for (const s of cases) {
      const notice = tb.connector
        .cards(conv(teacher))
        .find((c) => text(c).includes(`Je signaal ${s.reference}: nieuwe casushouder`));
      expect(text(notice)).toContain('wordt nu behandeld door Anouk Veldman');
      expect(text(cardsAbout(anouk, s))).toContain('Anouk Veldman');
      // Demi's own copy of the card is brought up to date in place
      const updates = tb.connector.calls.filter(
        (c) => c.method === 'PUT' && c.conversationId === conv(demi) && text(c.body).includes(s.reference),
      );
      expect(text(updates.at(-1)?.body)).toContain('Anouk Veldman');
    }

    const audit = await tb.repos.audit.forSchool(SCHOOL, 'signal.handover');
    for (const s of before)
      expect(audit).toContainEqual(
        expect.objectContaining({
          actorId: coordinator.entraId,
          outcome: 'ok',
          signalId: s.id,
          reason: 'Langdurig ziek',
        }),
      );

    // running it again hands over nothing twice
    const again = await handover(demi, anouk, 'Langdurig ziek');
    expect(text(again.body.value)).toContain('Demi Koster heeft geen open zaken (meer) bij deze school');
  });

  it('refuses a handover without a reason, and hands over nothing', async () => {
    const s = await raise();
    await act(demi, 'signal.claim', s);
    const res = await handover(demi, anouk, '   ');
    expect(text(res.body.value)).toContain('Vul de reden van de overdracht in');
    expect((await current(s)).ownerId).toBe(demi.entraId);
    await handover(demi, anouk, 'Opruimen voor de volgende test');
  });

  it('reports a case that changed meanwhile, and hands it over when run again', async () => {
    const [a, b] = [await raise(), await raise()];
    for (const s of [a, b]) await act(demi, 'signal.claim', s);
    const signals = tb.repos.signals;
    const listOpen = signals.listOpen.bind(signals);
    const spy = jest.spyOn(signals, 'listOpen').mockImplementationOnce(async (schoolId: string) => {
      const listed = await listOpen(schoolId);
      // someone adds a note to case b between the listing and its handover
      await act(demi, 'signal.note', b, { note: 'Net nog gesproken.' });
      return listed;
    });
    try {
      const first = await handover(demi, anouk, 'Zwangerschapsverlof');
      expect(text(first.body.value)).toContain('1 zaak van Demi Koster overgedragen aan Anouk Veldman');
      expect(text(first.body.value)).toContain('1 zaak is niet overgedragen, omdat die intussen is gewijzigd');
      expect(text(first.body.value)).toContain(b.reference);
    } finally {
      spy.mockRestore();
    }
    expect((await current(a)).ownerId).toBe(anouk.entraId);
    expect((await current(b)).ownerId).toBe(demi.entraId);
    const failed = await tb.repos.audit.forSchool(SCHOOL, 'signal.handover');
    expect(failed).toContainEqual(
      expect.objectContaining({ signalId: b.id, outcome: 'failed', code: 'stale', reason: 'Zwangerschapsverlof' }),
    );

    const second = await handover(demi, anouk, 'Zwangerschapsverlof');
    expect(text(second.body.value)).toContain('1 zaak van Demi Koster overgedragen aan Anouk Veldman');
    expect((await current(b)).ownerId).toBe(anouk.entraId);
  });

  it('hands over a worker of two schools only within the school of the coordinator', async () => {
    const atB = await raise(demi, SCHOOL_B, `${SCHOOL_B}|${pupilDocId(pupilB.number)}`);
    await act(demi, 'signal.claim', atB, {}, SCHOOL_B);
    const atA = await raise();
    await act(demi, 'signal.claim', atA);

    const res = await handover(demi, anouk, 'Andere taken');
    expect(text(res.body.value)).toContain('1 zaak van Demi Koster overgedragen aan Anouk Veldman');
    expect((await current(atA)).ownerId).toBe(anouk.entraId);
    expect((await current(atB, SCHOOL_B)).ownerId).toBe(demi.entraId);

    // the coordinator of school A is nobody at school B
    const other = await handover(demi, workerOnlyB, 'Andere taken', SCHOOL_B);
    expect(text(other.body.value)).not.toContain('overgedragen aan');
    expect((await current(atB, SCHOOL_B)).ownerId).toBe(demi.entraId);
    expect(await tb.repos.audit.forSchool(SCHOOL_B, 'signal.handover')).toContainEqual(
      expect.objectContaining({ actorId: coordinator.entraId, outcome: 'refused', code: 'handover-not-coordinator' }),
    );
  });
  it('sends the watch reminder of a case whose casushouder is away to her partner, and to her again once she is back', async () => {
    tb.clock.set('2026-12-14T09:00:00+01:00'); // Monday
    const s = await raise();
    await act(demi, 'signal.claim', s);
    await act(demi, 'signal.watch', s, { checkInDate: '2026-12-16' });
    await say(demi, '/afwezig tot 16 december');
    await settle();
    tb.connector.reset();
    const reminders = (who: DemoStaff) =>
      cardsAbout(who, s).filter((c) => text(c).includes('Waakvlam: tijd om te kijken'));

    tb.clock.set('2026-12-16T07:30:00+01:00');
    await tb.bot.scheduler.runOnce();
    await settle();
    expect(reminders(anouk)).toHaveLength(1);
    expect(reminders(demi)).toHaveLength(0);

    // back at work: the next check-in's reminder is hers again
    tb.clock.set('2026-12-17T09:00:00+01:00');
    await act(demi, 'signal.watch', s, { checkInDate: '2026-12-18' });
    tb.connector.reset();
    tb.clock.set('2026-12-18T07:30:00+01:00');
    await tb.bot.scheduler.runOnce();
    await settle();
    expect(reminders(demi)).toHaveLength(1);
    expect(reminders(anouk)).toHaveLength(0);
  });
  it('tells the partner, not the casushouder away, when the OT hands her escalated case back', async () => {
    tb.clock.set('2027-01-11T09:00:00+01:00'); // Monday after the Christmas holidays
    const s = await raise();
    await act(demi, 'signal.claim', s);
    await act(demi, 'signal.escalate', s, {
      reason: 'thuissituatie',
      question: 'Kan het OT helpen?',
      urgency: 'soon',
      parentsInformed: 'ja',
      parentsConsented: 'ja',
    });
    await say(demi, '/afwezig tot 15 januari');
    await settle();
    tb.connector.reset();
    const back = await tb.post(
      invokeAction(tb, ot, 'escalation.deEscalate', {
        signalId: s.id,
        schoolId: SCHOOL,
        n: 0,
        summary: 'Gesprek met ouders gevoerd.',
        checkInDate: '2027-01-25',
      }),
    );
    expect(back.status).toBe(200);
    await settle();
    const returned = (who: DemoStaff) => cardsAbout(who, s).filter((c) => text(c).includes('is terug bij jou'));
    expect(returned(anouk)).toHaveLength(1);
    expect(returned(demi)).toHaveLength(0);
    await say(demi, '/afwezig uit');
  });
});
