import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { pupilDocId, staffDocId } from '../../src/store/schemas/directory-docs';
import { findAction, inputsOf } from '../support/card-walk';
import {
  demoPupils,
  demoStaff,
  pupilFullName,
  staffWith,
  type DemoPupil,
  type DemoStaff,
} from '../support/demo-people';
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

/**
 * The mentor in the loop (issue 16, point 2): the pupil's mentor follows the status of signals
 * about her mentor group in /mijn and by notices, in the reporter's plain words, once per change,
 * never the observation or any note, question, answer or OT text; a school setting turns it off.
 */
const SCHOOL = 'demo-school';
const SCHOOL_B = 'mentor-school-b';
const text = (c: unknown) => JSON.stringify(c);
const conv = (who: DemoStaff) => personalConversationId(who);

/** Every free text in these tests carries one of these markers, so a leak to the mentor is easy to find. */
const OBSERVATION = 'WAARNEMING-GEHEIM';
const NOTE = 'NOTITIE-GEHEIM';
const QUESTION = 'VRAAG-GEHEIM';
const ANSWER = 'ANTWOORD-GEHEIM';
const OT_QUESTION = 'OTVRAAG-GEHEIM';
const SECRETS = [OBSERVATION, NOTE, QUESTION, ANSWER, OT_QUESTION];

const teacher = demoStaff.find((s) => s.roles.includes('docent') && !s.roles.includes('mentor'))!;
const mentor = person('mentor', 0); // Marloes van Dijk, mentor of 1A
const otherMentor = person('mentor', 1); // Joost Verhoeven, mentor of 1B
const [pw1, pw2] = staffWith('preventiewerker');
const admin = staffWith('beheerder')[0];
const mentorOfSchoolB: DemoStaff = {
  name: 'Lotte Brink',
  upn: 'l.brink@school-b.example',
  roles: ['mentor'],
  classes: ['B1'],
  entraId: '7d1c3a10-5b2e-4f3a-9c4d-00000016b001',
};
const pupilsOf = (mentorOf: DemoStaff) => demoPupils.filter((p) => p.mentorUpn === mentorOf.upn);
const pupilsOf1A = pupilsOf(mentor);

/** The title of a status notice to the mentor about a signal. */
const mentorStatusTitle = (s: Signal) => `Nieuws over signaal ${s.reference} (mentorleerling)`;
const cardsTo = (tb: TestBot, who: DemoStaff) => tb.connector.cards(conv(who));
const statusNoticesTo = (tb: TestBot, who: DemoStaff, s: Signal) =>
  cardsTo(tb, who).filter((c) => /Nieuws over (je )?signaal/.test(text(c)) && text(c).includes(s.reference));

async function raise(tb: TestBot, by: DemoStaff, pupil: DemoPupil, observation = OBSERVATION): Promise<Signal> {
  const res = await tb.post(
    invokeAction(tb, by, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|${pupilDocId(pupil.number)}`,
      categories: 'gedrag',
      level: '2',
      observation: `${observation} trekt zich terug in de les.`,
      urgency: 'normal',
    }),
  );
  const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
  return (await tb.repos.signals.listByReporter(SCHOOL, by.entraId)).find((s) => s.reference === reference)!;
}

const current = async (tb: TestBot, s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;

async function act(tb: TestBot, who: DemoStaff, verb: string, s: Signal, extra: object = {}): Promise<any> {
  const fresh = await current(tb, s);
  const res = await tb.post(
    invokeAction(tb, who, verb, { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt, ...extra }),
  );
  expect(res.status).toBe(200);
  return res.body.value;
}

/** Lets the outbox deliver everything queued so far. */
async function delivered(tb: TestBot): Promise<void> {
  await tb.bot.outbox.runOnce();
  await tb.bot.outbox.runOnce();
}

/** The cards /mijn sends the person, once its last card is there. */
async function mijn(tb: TestBot, who: DemoStaff): Promise<any[]> {
  await delivered(tb);
  const had = cardsTo(tb, who).length;
  const res = await tb.post(message(tb, who, '/mijn'));
  expect(res.status).toBe(200);
  await tb.connector.waitFor(() => cardsTo(tb, who).length > had);
  await new Promise((r) => setTimeout(r, 300));
  return cardsTo(tb, who).slice(had);
}
const mentorHeading = (cards: any[]) => cards.filter((c) => text(c).includes('Leerlingen uit je mentorgroep'));

describe('the mentor in the loop (issue 16)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await addSchool(tb, SCHOOL_B);
    await tb.repos.directory.upsertStaff({
      id: staffDocId(mentorOfSchoolB.entraId),
      type: 'staff',
      schoolId: SCHOOL_B,
      userId: mentorOfSchoolB.entraId,
      upn: mentorOfSchoolB.upn,
      displayName: mentorOfSchoolB.name,
      roles: ['mentor', 'teacher'],
      classIds: ['b1'],
    });
    await tb.repos.directory.upsertPupil({
      id: pupilDocId('B0001'),
      type: 'pupil',
      schoolId: SCHOOL_B,
      pupilNumber: 'B0001',
      firstName: 'Fenna',
      lastName: 'Dekker',
      classId: 'b1',
      className: 'B1',
      mentorId: mentorOfSchoolB.entraId,
    });
    for (const who of [teacher, mentor, otherMentor, pw1, pw2, admin, mentorOfSchoolB])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.length >= 7);
  });
  afterAll(async () => tb.close());

  it("shows the mentor a teacher's signal about her pupil in /mijn under its own heading, without the observation", async () => {
    const pupil = pupilsOf1A[0];
    const s = await raise(tb, teacher, pupil);
    const cards = await mijn(tb, mentor);
    const [list] = mentorHeading(cards);
    expect(list).toBeDefined();
    const shown = text(list);
    expect(shown).toContain(s.reference);
    expect(shown).toContain(pupilFullName(pupil));
    expect(shown).toContain('ontvangen');
    expect(shown).toContain('casushouder: nog niemand');
    expect(shown).toMatch(/gemeld \d/);
    expect(shown).not.toContain(OBSERVATION);
    // nor does it show under her own signals: she did not report it
    expect(
      cards
        .filter((c) => text(c).includes('Mijn signalen'))
        .map(text)
        .join(),
    ).not.toContain(s.reference);
  });

  it('tells the mentor of each change of status once, in plain words, without notes, questions or OT text', async () => {
    const s = await raise(tb, teacher, pupilsOf1A[1]);
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, pw1, 'signal.note', s, { note: `${NOTE} moeder belde.` }); // claimed → in behandeling
    await act(tb, pw1, 'signal.note', s, { note: `${NOTE} tweede notitie.` }); // no change of status
    await act(tb, pw1, 'signal.ask', s, { question: `${QUESTION} sinds wanneer?` }); // no change
    const q = (await current(tb, s)).questions[0];
    await act(tb, teacher, 'signal.answer', s, { questionId: q.id, answer: `${ANSWER} sinds de herfst.` });
    await act(tb, pw1, 'signal.escalateForm', s);
    await act(tb, pw1, 'signal.escalate', s, {
      reason: 'thuissituatie',
      question: `${OT_QUESTION} kan het OT helpen?`,
      urgency: 'soon',
      parentsInformed: 'ja',
      parentsConsented: 'ja',
      noConsentReason: '',
    });
    await act(tb, pw1, 'signal.close', s, { outcome: 'resolved' });
    expect((await current(tb, s)).state).toBe('closed');
    await delivered(tb);
    await tb.connector.waitFor(() => statusNoticesTo(tb, mentor, s).length >= 4);
    await new Promise((r) => setTimeout(r, 300));

    const notices = statusNoticesTo(tb, mentor, s).map(text);
    expect(notices).toHaveLength(4);
    expect(notices.every((n) => n.includes(mentorStatusTitle(s)))).toBe(true);
    const all = notices.join('\n');
    expect(all).toContain(`is opgepakt door ${pw1.name}.`);
    expect(all).toContain('is in behandeling.');
    expect(all).toContain('is opgeschaald naar het');
    expect(all).toContain(`is afgerond door ${pw1.name}.`);
    expect(all).not.toContain('Bedankt dat je het hebt gemeld');
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    // the reporter hears the same changes, once each, as before
    expect(statusNoticesTo(tb, teacher, s)).toHaveLength(4);

    const list = text(mentorHeading(await mijn(tb, mentor))[0]);
    expect(list).toContain(s.reference);
    expect(list).toContain('afgerond');
    expect(list).toContain(`casushouder: ${pw1.name}`);
    expect(list).toMatch(/afgerond \d/);

    // while the casushouder is away, the row names who stands in for her
    const staff = (await tb.repos.directory.listStaff(SCHOOL)).find((x) => x.userId === pw1.entraId)!;
    await tb.repos.directory.upsertStaff({
      ...staff,
      leave: { until: '2099-12-31', since: '2026-01-01', setBy: pw1.entraId },
    });
    const away = text(mentorHeading(await mijn(tb, mentor))[0]);
    await tb.repos.directory.upsertStaff({ ...staff });
    expect(away).toMatch(new RegExp(`casushouder: ${pw1.name} \\(afwezig; vervanging: [^)]*${pw2.name}`));
  });

  it('tells a mentor who reported it herself once, as the reporter, and lists it only under her own signals', async () => {
    // (her own observation is hers to see: another marker, so the leak check below stays exact)
    const s = await raise(tb, mentor, pupilsOf1A[2], 'EIGEN-WAARNEMING');
    await act(tb, pw2, 'signal.claim', s);
    await delivered(tb);
    await tb.connector.waitFor(() => statusNoticesTo(tb, mentor, s).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    const notices = statusNoticesTo(tb, mentor, s).map(text);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`Nieuws over je signaal ${s.reference}`);
    const cards = await mijn(tb, mentor);
    expect(cards.filter((c) => text(c).includes(s.reference))).toHaveLength(1);
    expect(text(cards.find((c) => text(c).includes('Mijn signalen')))).toContain(s.reference);
    expect(text(mentorHeading(cards)[0])).not.toContain(s.reference);
  });

  it('tells no mentor who has left the school, nor a mentor of record who is staff of another school only', async () => {
    const leaver = pupilsOf(otherMentor)[0];
    const staff = (await tb.repos.directory.listStaff(SCHOOL)).find((x) => x.userId === otherMentor.entraId)!;
    await tb.repos.directory.upsertStaff({ ...staff, leftAt: '2026-11-01' });
    const stale = demoPupils.find((p) => p.className === '2A')!;
    const stored = (await tb.repos.directory.getPupil(SCHOOL, pupilDocId(stale.number)))!;
    await tb.repos.directory.upsertPupil({ ...stored, mentorId: mentorOfSchoolB.entraId });
    const a = await raise(tb, teacher, leaver);
    const b = await raise(tb, teacher, stale);
    await act(tb, pw1, 'signal.claim', a);
    await act(tb, pw1, 'signal.claim', b);
    await delivered(tb);
    await tb.connector.waitFor(() => statusNoticesTo(tb, teacher, b).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(statusNoticesTo(tb, otherMentor, a)).toEqual([]);
    expect(cardsTo(tb, mentorOfSchoolB).filter((c) => text(c).includes(b.reference))).toEqual([]);
    await tb.repos.directory.upsertStaff({ ...staff });
    await tb.repos.directory.upsertPupil(stored);
  });

  it('shows a mentor of another school nothing of this school, in /mijn or by notice', async () => {
    const cards = await mijn(tb, mentorOfSchoolB);
    const all = cards.map(text).join('\n') + tb.connector.texts(conv(mentorOfSchoolB)).join('\n');
    const ours = await tb.repos.signals.listOpen(SCHOOL);
    for (const s of ours) expect(all).not.toContain(s.reference);
    for (const p of pupilsOf1A) expect(all).not.toContain(pupilFullName(p));
    expect(all).toContain('Er zijn geen signalen over leerlingen uit je mentorgroep.');
  });

  it('pages the mentor list by the mentor of record: another mentor paging it sees only her own pupils', async () => {
    const asOther = await tb.post(
      invokeAction(tb, mentorOfSchoolB, 'list.page', { list: 'mentorGroup', schoolId: SCHOOL, page: 0 }),
    );
    expect(asOther.status).toBe(200);
    for (const p of pupilsOf1A) expect(text(asOther.body.value)).not.toContain(pupilFullName(p));
    const asMentor = await tb.post(
      invokeAction(tb, mentor, 'list.page', { list: 'mentorGroup', schoolId: SCHOOL, page: 0 }),
    );
    expect(text(asMentor.body.value)).toContain('Leerlingen uit je mentorgroep');
    for (const secret of SECRETS) expect(text(asMentor.body.value)).not.toContain(secret);
  });

  it('turns off with the school setting on /instellingen: no status notices and no mentor heading', async () => {
    const had = cardsTo(tb, admin).length;
    await tb.post(message(tb, admin, '/instellingen'));
    await tb.connector.waitFor(() =>
      cardsTo(tb, admin)
        .slice(had)
        .some((c) => findAction(c, 'school.saveSettings')),
    );
    const card = cardsTo(tb, admin)
      .slice(had)
      .find((c) => findAction(c, 'school.saveSettings'));
    expect(text(card)).toContain('De mentor volgt signalen over de eigen mentorleerlingen');
    const values = Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value === undefined ? '' : String(i.value)]));
    expect(values.mentorFollowsSignals).toBe('true');
    const saved = await tb.post(
      invokeAction(tb, admin, 'school.saveSettings', {
        ...values,
        ...findAction(card, 'school.saveSettings').data,
        mentorFollowsSignals: 'false',
      }),
    );
    expect(text(saved.body.value)).toContain('Opgeslagen: 1 instelling gewijzigd.');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.doc.mentorFollowsSignals).toBe(false);

    const s = await raise(tb, teacher, pupilsOf1A[3]);
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, pw1, 'signal.close', s, { outcome: 'noActionNeeded' });
    await delivered(tb);
    await tb.connector.waitFor(() => statusNoticesTo(tb, teacher, s).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(statusNoticesTo(tb, mentor, s)).toEqual([]);
    expect(mentorHeading(await mijn(tb, mentor))).toEqual([]);

    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    await tb.repos.directory.saveSchool({ ...school.doc, mentorFollowsSignals: true }, school.etag);
  });

  it('says in /help that /mijn shows a mentor the signals about her mentor group', async () => {
    const had = tb.connector.texts(conv(mentor)).length;
    await tb.post(message(tb, mentor, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts(conv(mentor)).length > had);
    expect(tb.connector.texts(conv(mentor)).slice(had).join('\n')).toContain(
      'de status van jouw signalen en van signalen over leerlingen uit je mentorgroep',
    );
  });

  it('never puts the observation or a note, question, answer or OT text into any card or text the mentors got', async () => {
    for (const who of [mentor, otherMentor, mentorOfSchoolB]) {
      const got = [...cardsTo(tb, who).map(text), ...tb.connector.texts(conv(who))].join('\n');
      expect(got.length).toBeGreaterThan(0);
      for (const secret of SECRETS)
        expect({ who: who.name, leaks: got.includes(secret) }).toEqual({ who: who.name, leaks: false });
    }
    // the notices the mentor got at all carry the mentor's words, not the reporter's
    expect(cardsTo(tb, mentor).some((c) => text(c).includes('(mentorleerling)'))).toBe(true);
  });
});
