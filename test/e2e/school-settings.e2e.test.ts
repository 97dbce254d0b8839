import { randomUUID } from 'node:crypto';
import { findAction, findById, inputsOf } from '../support/card-walk';
import { demoPupils, staffWith } from '../support/demo-people';
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
const VERB = 'school.saveSettings';
const admin = staffWith('beheerder')[0];
const teacher = person('mentor', 0);
const [pw1] = staffWith('preventiewerker');
const attendanceOfficer = person('leerplichtambtenaar');
const conv = personalConversationId;
const text = (c: unknown) => JSON.stringify(c);

/** What the card submits: every input with its shown value, plus the action's data. */
function submitOf(card: any, changes: Record<string, string> = {}): Record<string, string> {
  const values = Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value === undefined ? '' : String(i.value)]));
  return { ...values, ...findAction(card, VERB).data, ...changes };
}

describe('/instellingen: the school settings in Teams (issue 14)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    for (const who of [admin, teacher, pw1, attendanceOfficer])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.length >= 4);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  async function settingsCard(): Promise<any> {
    const settingsCards = () => tb.connector.cards(conv(admin)).filter((c) => findAction(c, VERB));
    const had = settingsCards().length;
    await tb.post(message(tb, admin, '/instellingen'));
    await tb.connector.waitFor(() => settingsCards().length === had + 1);
    return settingsCards().at(-1);
  }

  async function save(card: any, changes: Record<string, string>, who = admin): Promise<any> {
    const res = await tb.post(invokeAction(tb, who, VERB, submitOf(card, changes)));
    expect(res.status).toBe(200);
    return res.body.value;
  }

  /** Raises a verzuim signal as the teacher; resolves when the prevention worker has it. */
  async function raiseAbsence(): Promise<string> {
    const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'verzuim',
        level: '2',
        observation: 'Vaak afwezig op maandag.',
        urgency: 'normal',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    await tb.bot.outbox.runOnce();
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw1)).some((c) => text(c).includes(reference)));
    return reference;
  }

  it('shows the admin the school’s settings, with the version on the Save action', async () => {
    const card = await settingsCard();
    expect(text(card)).toContain('Instellingen — Demo College De Linde');
    expect(findById(card, 'digestTime').value).toBe('07:30');
    expect(findById(card, 'digestWeekday').value).toBe('monday');
    expect(findById(card, 'holidayRegion').value).toBe('midden');
    expect(findById(card, 'r1Open').value).toBe('2026-10-01');
    expect(findById(card, 'notifyOnAbsence').value).toBe('true');
    expect(findById(card, 'label_coordinator').value).toBe('zorgcoördinator');
    const stored = await tb.repos.directory.getSchool(SCHOOL);
    expect(findAction(card, VERB).data).toEqual({ schoolId: SCHOOL, v: stored!.etag });
  });

  it('saves, audits old → new, and the change counts at once: the attendance officer no longer hears of absence', async () => {
    const before = await raiseAbsence();
    await tb.connector.waitFor(() => tb.connector.cards(conv(attendanceOfficer)).some((c) => text(c).includes(before)));

    const answer = await save(await settingsCard(), { notifyOnAbsence: 'false', digestTime: '08:15' });
    expect(text(answer)).toContain('Opgeslagen: 2 instellingen gewijzigd.');
    expect(findById(answer, 'digestTime').value).toBe('08:15');
    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    expect(school.doc).toMatchObject({ notifyAttendanceOfficer: false, digest: { weekday: 1, time: '08:15' } });
    expect(findAction(answer, VERB).data.v).toBe(school.etag);
    const audit = (await tb.repos.audit.forSchool(SCHOOL, 'school.settings')).filter((a) => a.outcome === 'ok');
    expect(audit.at(-1)).toMatchObject({
      actorId: admin.entraId,
      code: 'updated',
      changes: [
        { field: 'digest.time', from: '07:30', to: '08:15' },
        { field: 'attendanceOfficer.notifyOnAbsence', from: 'true', to: 'false' },
      ],
    });

    tb.connector.reset();
    const after = await raiseAbsence();
    await tb.bot.outbox.runOnce();
    expect(tb.connector.cards(conv(attendanceOfficer)).filter((c) => text(c).includes(after))).toEqual([]);
  });

  it('keeps invalid input on the card with the Dutch error next to the field, and stores nothing', async () => {
    const card = await settingsCard();
    const stored = (await tb.repos.directory.getSchool(SCHOOL))!;
    const answer = await save(card, {
      digestTime: '8.15',
      r2Deadline: '2026-11-01',
      closedDays: '2027-02-12, 2027-02-30',
      unclaimedSchoolDays: '',
      name: 'Het Nieuwe College',
    });
    expect(text(answer)).toContain('Niet opgeslagen: controleer de gemarkeerde velden.');
    expect(text(answer)).toContain('verwacht UU:MM, bijvoorbeeld 08:00');
    expect(text(answer)).toContain('de deadline ligt vóór de opening (opensOn)');
    expect(text(answer)).toContain('Geen bestaande datum (JJJJ-MM-DD): 2027-02-30');
    expect(text(answer)).toContain('Vul een aantal in.');
    expect(findById(answer, 'digestTime').value).toBe('8.15');
    expect(findById(answer, 'name').value).toBe('Het Nieuwe College');
    expect(findById(answer, 'closedDays').value).toBe('2027-02-12, 2027-02-30');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.etag).toBe(stored.etag);
  });

  it('refuses a stale card, shows the current settings, and audits it', async () => {
    const old = await settingsCard();
    await save(old, { region: 'Regio Midden' });
    const answer = await save(old, { region: 'Regio Zuid' });
    expect(text(answer)).toContain('iemand anders heeft de instellingen intussen gewijzigd');
    expect(findById(answer, 'region').value).toBe('Regio Midden');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.doc.region).toBe('Regio Midden');
    expect((await tb.repos.audit.forSchool(SCHOOL, 'school.settings')).at(-1)).toMatchObject({
      actorId: admin.entraId,
      outcome: 'refused',
      code: 'stale',
    });
  });

  it('refuses a teacher, for the command and for a forged save, and audits both', async () => {
    await tb.post(message(tb, teacher, '/instellingen'));
    await tb.connector.waitFor(() => tb.connector.calls.some((c) => c.conversationId === conv(teacher)));
    expect(text(tb.connector.calls)).toContain('Alleen de functioneel beheerder van de school');
    expect(tb.connector.cards(conv(teacher))).toEqual([]);

    const stored = (await tb.repos.directory.getSchool(SCHOOL))!;
    const answer = await save(await settingsCard(), { channelPostDetail: 'initialsAndClass' }, teacher);
    expect(text(answer)).toContain('Alleen de functioneel beheerder van de school');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.etag).toBe(stored.etag);
    const refusals = (await tb.repos.audit.forSchool(SCHOOL, 'school.settings')).filter(
      (a) => a.actorId === teacher.entraId,
    );
    expect(refusals).toEqual([
      expect.objectContaining({ outcome: 'refused', code: 'not-allowed-role' }),
      expect.objectContaining({ outcome: 'refused', code: 'not-allowed-role' }),
    ]);
  });

  it('gives an admin of two schools one card per school, and a save changes only that school', async () => {
    const demo = (await tb.repos.directory.getSchool(SCHOOL))!.doc;
    expect(
      await tb.repos.directory.createSchool({
        schoolId: 'tweede-school',
        name: 'Tweede College',
        region: 'Regio',
        tenantId: demo.tenantId,
      }),
    ).toBe('ok');
    await tb.repos.directory.upsertStaff({
      id: `staff:${admin.entraId}`,
      type: 'staff',
      schoolId: 'tweede-school',
      userId: admin.entraId,
      displayName: admin.name,
      roles: ['admin'],
      classIds: [],
    });
    await tb.post(message(tb, admin, '/instellingen'));
    await tb.connector.waitFor(() => tb.connector.cards(conv(admin)).filter((c) => findAction(c, VERB)).length === 2);
    const cards = tb.connector.cards(conv(admin)).filter((c) => findAction(c, VERB));
    expect(cards.map((c) => findAction(c, VERB).data.schoolId).sort()).toEqual([SCHOOL, 'tweede-school']);
    const second = cards.find((c) => findAction(c, VERB).data.schoolId === 'tweede-school');
    expect(text(second)).toContain('Instellingen — Tweede College');

    const demoBefore = (await tb.repos.directory.getSchool(SCHOOL))!.etag;
    expect(text(await save(second, { holidayRegion: 'zuid' }))).toContain('Opgeslagen: 1 instelling gewijzigd.');
    expect((await tb.repos.directory.getSchool('tweede-school'))!.doc.holidayRegion).toBe('zuid');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.etag).toBe(demoBefore);
  });

  it('names /instellingen in the admin’s help and not in the teacher’s', async () => {
    await tb.post(message(tb, admin, '/help'));
    await tb.post(message(tb, teacher, '/help'));
    await tb.connector.waitFor(() => tb.connector.calls.length >= 2);
    const to = (who: typeof admin) => text(tb.connector.calls.filter((c) => c.conversationId === conv(who)));
    expect(to(admin)).toContain('/instellingen');
    expect(to(teacher)).not.toContain('/instellingen');
  });
});
