import { randomUUID } from 'node:crypto';
import { SchoolDocSchema, pupilDocId, staffDocId } from '../../src/store/schemas/directory-docs';
import { FIELD_ERRORS } from '../../src/bot/core/texts';
import { findById } from '../support/card-walk';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import {
  TENANT,
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  searchInvoke,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/**
 * A school board (issue 14): two schools in one tenant. A prevention worker works at both; the
 * second school has its own prevention worker and mentor. Everything of one school stays there.
 */
const SCHOOL_A = 'demo-school';
const SCHOOL_A_NAME = 'Demo College De Linde';
const SCHOOL_B = 'lindehof';
const SCHOOL_B_NAME = 'Het Lindehof Lyceum';

const [boardWorker, workerOnlyA] = staffWith('preventiewerker'); // boardWorker also works at school B
const teacherOnlyA = person('mentor', 0);
const workerOnlyB: DemoStaff = {
  name: 'Ilse Hoekstra',
  upn: 'i.hoekstra@lindehof.example',
  roles: ['preventiewerker'],
  classes: [],
  entraId: '7d1c3a10-5b2e-4f3a-9c4d-0000000b0001',
};
const mentorOnlyB: DemoStaff = {
  name: 'Ruben Mulder',
  upn: 'r.mulder@lindehof.example',
  roles: ['mentor'],
  classes: ['L1'],
  entraId: '7d1c3a10-5b2e-4f3a-9c4d-0000000b0002',
};
// one pupil of school B shares a first name with a pupil of school A: the search must tell them apart
const namesake = demoPupils[0];
const pupilsB = [
  { number: 'L001', firstName: namesake.firstName, lastName: 'Vos' },
  { number: 'L002', firstName: 'Yara', lastName: 'Smit' },
];
const pupilB = (i: number) => `${SCHOOL_B}|${pupilDocId(pupilsB[i].number)}`;
const pupilA = `${SCHOOL_A}|${pupilDocId(namesake.number)}`;

const cardText = (card: unknown) => JSON.stringify(card);
const withSchool = (activity: ReturnType<typeof searchInvoke>, school: string) => ({
  ...activity,
  value: { ...activity.value, data: { school } },
});
const submit = (pupil: string, extra: object = {}) => ({
  submissionId: randomUUID(),
  pupil,
  categories: 'gedrag',
  level: '2',
  observation: 'Trekt zich terug in de pauzes.',
  knowsPupil: 'false',
  knowsParents: 'false',
  knowsMentor: 'false',
  urgency: 'normal',
  ...extra,
});

describe('a school board: one staff member at two schools of one tenant (issue 14)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot();
    const dir = tb.repos.directory;
    await dir.saveSchool(
      SchoolDocSchema.parse({
        id: 'school',
        type: 'school',
        schoolId: SCHOOL_B,
        name: SCHOOL_B_NAME,
        region: 'Midden-Limburg',
        tenantId: TENANT,
      }),
    );
    const staffB = (who: DemoStaff, roles: ('preventionWorker' | 'mentor' | 'teacher')[], classIds: string[] = []) =>
      dir.upsertStaff({
        id: staffDocId(who.entraId),
        type: 'staff',
        schoolId: SCHOOL_B,
        userId: who.entraId,
        upn: who.upn,
        displayName: who.name,
        roles,
        classIds,
      });
    await staffB(boardWorker, ['preventionWorker']);
    await staffB(workerOnlyB, ['preventionWorker']);
    await staffB(mentorOnlyB, ['mentor', 'teacher'], ['l1']);
    for (const p of pupilsB) {
      await dir.upsertPupil({
        id: pupilDocId(p.number),
        type: 'pupil',
        schoolId: SCHOOL_B,
        pupilNumber: p.number,
        firstName: p.firstName,
        lastName: p.lastName,
        classId: 'l1',
        className: 'L1',
        mentorId: mentorOnlyB.entraId,
      });
    }
    for (const who of [boardWorker, workerOnlyA, workerOnlyB, teacherOnlyA, mentorOnlyB])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.length >= 5);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it('offers a staff member of two schools both schools on the intake card, each pupil named with its school', async () => {
    await tb.post(message(tb, boardWorker, `/signaal ${namesake.firstName}`));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(boardWorker)).length === 1);
    const card = tb.connector.cards(personalConversationId(boardWorker))[0];
    const school = findById(card, 'school');
    expect(school.choices).toEqual([
      { title: SCHOOL_A_NAME, value: SCHOOL_A },
      { title: SCHOOL_B_NAME, value: SCHOOL_B },
    ]);
    expect(school.valueChangedAction).toEqual({ type: 'Action.ResetInputs', targetInputIds: ['pupil'] });
    const pupil = findById(card, 'pupil');
    expect(pupil['choices.data']).toMatchObject({ type: 'Data.Query', dataset: 'pupils', associatedInputs: 'auto' });
    const titles = (pupil.choices as { title: string; value: string }[]).map((c) => [c.value, c.title]);
    expect(titles).toEqual(
      expect.arrayContaining([
        [pupilA, expect.stringContaining(`— ${SCHOOL_A_NAME}`)],
        [pupilB(0), expect.stringContaining(`— ${SCHOOL_B_NAME}`)],
      ]),
    );
  });

  it('shows a staff member of one school no school choice and sends no other inputs with the search', async () => {
    await tb.post(message(tb, teacherOnlyA, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacherOnlyA)).length === 1);
    const card = tb.connector.cards(personalConversationId(teacherOnlyA))[0];
    expect(findById(card, 'school')).toBeUndefined();
    expect(findById(card, 'pupil')['choices.data']).toMatchObject({ associatedInputs: 'none' });
    expect(cardText(card)).not.toContain(SCHOOL_B);
  });

  it('searches only the chosen school’s pupils in the type-ahead', async () => {
    const values = async (activity: object) =>
      ((await tb.post(activity)).body.value.results as { value: string }[]).map((r) => r.value);
    const inB = await values(withSchool(searchInvoke(tb, boardWorker, namesake.firstName), SCHOOL_B));
    expect(inB).toEqual([pupilB(0)]);
    const inA = await values(withSchool(searchInvoke(tb, boardWorker, namesake.firstName), SCHOOL_A));
    expect(inA).toContain(pupilA);
    expect(inA.every((v) => v.startsWith(`${SCHOOL_A}|`))).toBe(true);
    // a card without the school (sent before there was a choice) searches both
    expect(await values(searchInvoke(tb, boardWorker, namesake.firstName))).toEqual(
      expect.arrayContaining([pupilA, pupilB(0)]),
    );
    // naming a school one does not work at finds nothing
    expect(await values(withSchool(searchInvoke(tb, teacherOnlyA, namesake.firstName), SCHOOL_B))).toEqual([]);
  });

  it('raises a signal at the chosen school that only that school’s prevention workers hear of', async () => {
    const res = await tb.post(invokeAction(tb, boardWorker, 'signal.submit', submit(pupilB(1), { school: SCHOOL_B })));
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toMatch(/S-\d{4}-\d{4}/);
    const [signal] = await tb.repos.signals.listByReporter(SCHOOL_B, boardWorker.entraId);
    expect(signal).toMatchObject({ schoolId: SCHOOL_B, pupilId: pupilDocId(pupilsB[1].number) });
    for (const who of [workerOnlyB, boardWorker]) {
      await tb.connector.waitFor(() =>
        tb.connector.cards(personalConversationId(who)).some((c) => cardText(c).includes(signal.reference)),
      );
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(tb.connector.sentTo(personalConversationId(workerOnlyA))).toHaveLength(0);
    expect(await tb.repos.signals.listByReporter(SCHOOL_A, boardWorker.entraId)).toHaveLength(0);
  });

  it('points out a pupil of the other school than the one chosen, next to the pupil, and stores nothing', async () => {
    const res = await tb.post(invokeAction(tb, boardWorker, 'signal.submit', submit(pupilA, { school: SCHOOL_B })));
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toContain(FIELD_ERRORS.pupilNotAtChosenSchool);
    expect(findById(res.body.value, 'school').value).toBe(SCHOOL_B);
    expect(findById(res.body.value, 'pupil').value).toBe(pupilA);
    expect(await tb.repos.signals.listByReporter(SCHOOL_A, boardWorker.entraId)).toHaveLength(0);
  });

  it('shows the cases of both schools in /mijn, each under and labelled with its school; a worker of one school sees only hers', async () => {
    const fromA = await tb.post(invokeAction(tb, teacherOnlyA, 'signal.submit', submit(pupilA)));
    expect(cardText(fromA.body.value)).toMatch(/S-\d{4}-\d{4}/);
    const [signalA] = await tb.repos.signals.listByReporter(SCHOOL_A, teacherOnlyA.entraId);
    const [signalB] = await tb.repos.signals.listByReporter(SCHOOL_B, boardWorker.entraId);
    tb.connector.reset();

    await tb.post(message(tb, boardWorker, '/mijn'));
    const mine = personalConversationId(boardWorker);
    await tb.connector.waitFor(() =>
      tb.connector.cards(mine).some((c) => cardText(c).includes(`Mijn signalen bij ${SCHOOL_B_NAME}`)),
    );
    const texts = tb.connector.texts(mine).join('\n');
    expect(texts).toContain(`Jouw zaken bij ${SCHOOL_A_NAME}`);
    expect(texts).toContain(`Jouw zaken bij ${SCHOOL_B_NAME}`);
    const cards = tb.connector.cards(mine).map(cardText).join('\n');
    expect(cards).toContain(`Signaal ${signalA.reference} · ${SCHOOL_A_NAME}`);
    expect(cards).toContain(`Signaal ${signalB.reference} · ${SCHOOL_B_NAME}`);

    tb.connector.reset();
    await tb.post(message(tb, workerOnlyB, '/mijn'));
    const hers = personalConversationId(workerOnlyB);
    await tb.connector.waitFor(() => tb.connector.cards(hers).some((c) => cardText(c).includes(signalB.id)));
    await new Promise((r) => setTimeout(r, 200));
    // (each school numbers its own signals: the ids tell them apart)
    const all = tb.connector.cards(hers).map(cardText).join('\n') + tb.connector.texts(hers).join('\n');
    expect(all).not.toContain(signalA.id);
    expect(all).not.toContain(SCHOOL_A_NAME);
    expect(tb.connector.texts(hers).join('\n')).toContain('**Jouw zaken** —');
  });

  it('refuses a forged submit of a teacher of only school A naming a pupil of school B, and audits it', async () => {
    for (const data of [
      submit(pupilB(0)),
      submit(pupilB(0), { school: SCHOOL_B }),
      submit(pupilA, { school: SCHOOL_B }),
    ]) {
      const before = (await tb.repos.audit.forSchool(SCHOOL_B)).length;
      const res = await tb.post(invokeAction(tb, teacherOnlyA, 'signal.submit', data));
      expect(res.status).toBe(200);
      expect(cardText(res.body.value)).toContain('Deze leerling hoort niet bij jouw school');
      const audit = (await tb.repos.audit.forSchool(SCHOOL_B)).slice(before);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'signal.raise', outcome: 'refused', actorId: teacherOnlyA.entraId }),
      ]);
    }
    expect(await tb.repos.signals.listByReporter(SCHOOL_B, teacherOnlyA.entraId)).toHaveLength(0);
    expect(await tb.repos.signals.listByReporter(SCHOOL_A, teacherOnlyA.entraId)).toHaveLength(1); // the one of the /mijn test, nothing more
  });
});
