import { randomUUID } from 'node:crypto';
import { importRoster } from '../../src/app/roster/import-roster';
import { parsePupilsCsv, parseStaffCsv, type ParsedPupils, type ParsedStaff } from '../../src/app/roster/parse-roster';
import { RosterRepository } from '../../src/store/roster-repository';
import { StaffDocSchema } from '../../src/store/schemas/directory-docs';
import { BINDING_TEXTS } from '../../src/bot/school/staff-binding-texts';
import { NOT_BINDABLE_MS } from '../../src/bot/school/staff-binding';
import { T } from '../../src/bot/core/texts';
import type { DemoStaff } from '../support/demo-people';
import { addSchool } from '../support/schools';
import {
  TENANT,
  installation,
  invokeAction,
  message,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/**
 * Staff imported with only a UPN/e-mail are bound to their Entra id on first contact (issue 14):
 * the bot looks the Teams member up through the Bot Connector (here the stand-in, which answers
 * GET …/members/{id} as Teams and the Agents Playground do) and re-keys the staff record.
 */
const OTHER_TENANT = '0c2a9b55-7d4e-4d7a-9f0e-0000000000b2';

describe('binding staff known only by e-mail/UPN on first contact (issue 14)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { ALLOWED_TENANTS: `${TENANT},${OTHER_TENANT}` } });
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  /** A Teams user none of whose ids are in any roster, known to the connector with this UPN. */
  function teamsUser(name: string, upn: string, opts: { email?: string; tenantId?: string } = {}): DemoStaff {
    const who: DemoStaff = { name, upn, roles: [], classes: [], entraId: randomUUID() };
    tb.connector.addMember({
      id: `29:${who.entraId}`,
      name,
      aadObjectId: who.entraId,
      userPrincipalName: upn,
      email: opts.email ?? upn.toLowerCase(),
      tenantId: opts.tenantId ?? TENANT,
    });
    return who;
  }

  const school = (schoolId: string, tenantId = TENANT) => addSchool(tb, schoolId, tenantId);

  /** Imports staff (and pupils) CSVs through the roster import use case, as `npm run roster:import` does. */
  async function importCsv(schoolId: string, staffCsv: string, pupilsCsv?: string): Promise<void> {
    const staff = (await parseStaffCsv(staffCsv, { fileName: 'personeel.csv' })) as ParsedStaff;
    const pupils = pupilsCsv
      ? ((await parsePupilsCsv(pupilsCsv, { fileName: 'leerlingen.csv' })) as ParsedPupils)
      : undefined;
    const report = await importRoster(RosterRepository.on(tb.repos.cosmos), {
      schoolId,
      staff,
      pupils,
      now: tb.clock.now(),
    });
    expect(report.outcome).toBe('imported');
  }

  const staffDoc = async (schoolId: string, userId: string) =>
    (await RosterRepository.on(tb.repos.cosmos).listStaff(schoolId)).map((s) => s.doc).find((s) => s.userId === userId);
  const bindingAudit = (schoolId: string) => tb.repos.audit.forSchool(schoolId, 'staff.binding');
  const inTenant = <A extends { conversation: object; channelData: object }>(activity: A, tenantId: string): A => ({
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  });

  describe('a mentor imported with only an e-mail address', () => {
    const schoolId = 'upn-college';
    let mentor: DemoStaff;

    beforeAll(async () => {
      await school(schoolId);
      await importCsv(
        schoolId,
        'naam;upn;rollen;klassen\nEva Mentor;eva.mentor@upn-college.example;docent|mentor;1A\nPim Werker;pim.werker@upn-college.example;preventiewerker;\n',
        'leerlingnummer;voornaam;tussenvoegsel;achternaam;klas;mentor_upn\n900001;Lotte;;Zandvliet;1A;eva.mentor@upn-college.example\n900002;Bram;van;Oosterhout;1A;eva.mentor@upn-college.example\n',
      );
      mentor = teamsUser('Eva Mentor', 'Eva.Mentor@UPN-College.example');
    });

    it('is bound on the first /signaal: gets the intake card, the staff record carries the Entra id, the binding is audited', async () => {
      expect(await staffDoc(schoolId, 'upn:eva.mentor@upn-college.example')).toBeDefined();
      expect((await tb.post(message(tb, mentor, '/signaal'))).status).toBe(200);
      await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(mentor)).length === 1);
      const card = JSON.stringify(tb.connector.cards(personalConversationId(mentor))[0]);
      expect(card).toContain('Lotte Zandvliet');
      expect(card).toContain('signal.submit');
      expect(tb.connector.memberLookups()).toHaveLength(1);
      expect(tb.connector.memberLookups()[0].path).toBe(
        `/v3/conversations/${encodeURIComponent(personalConversationId(mentor))}/members/${encodeURIComponent(`29:${mentor.entraId}`)}`,
      );

      const bound = await staffDoc(schoolId, mentor.entraId);
      expect(bound).toMatchObject({
        id: `staff:${mentor.entraId}`,
        upn: 'eva.mentor@upn-college.example',
        roles: ['teacher', 'mentor'],
        classIds: ['1a'],
      });
      expect(await staffDoc(schoolId, 'upn:eva.mentor@upn-college.example')).toBeUndefined();
      const pupils = await tb.repos.directory.listPupils(schoolId);
      expect(pupils.map((p) => p.mentorId)).toEqual([mentor.entraId, mentor.entraId]);
      const audit = await bindingAudit(schoolId);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: mentor.entraId,
        outcome: 'ok',
        code: 'bound',
        subject: 'upn:eva.mentor@upn-college.example',
      });
    });

    it('is recognised by id on the next turn, without a second member look-up', async () => {
      await tb.post(message(tb, mentor, '/signaal Bram'));
      await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(mentor)).length === 1);
      expect(JSON.stringify(tb.connector.cards(personalConversationId(mentor))[0])).toContain('Bram van Oosterhout');
      expect(tb.connector.memberLookups()).toHaveLength(0);
      expect(await bindingAudit(schoolId)).toHaveLength(1);
    });

    it('keeps the Entra id when the staff file without entra_id is imported again', async () => {
      await importCsv(
        schoolId,
        'naam;upn;rollen;klassen\nEva Mentor;eva.mentor@upn-college.example;docent|mentor;1A|1B\nPim Werker;pim.werker@upn-college.example;preventiewerker;\n',
      );
      expect(await staffDoc(schoolId, mentor.entraId)).toMatchObject({ classIds: ['1a', '1b'] });
      expect(await staffDoc(schoolId, 'upn:eva.mentor@upn-college.example')).toBeUndefined();
    });

    it('binds a prevention worker when the bot is opened (installationUpdate), greets by name and delivers the signal that waited for them', async () => {
      const submit = {
        submissionId: randomUUID(),
        pupil: `${schoolId}|pupil:900001`,
        categories: 'verzuim',
        level: '2',
        observation: 'Vaak te laat.',
        knowsPupil: 'true',
        knowsParents: 'false',
        knowsMentor: 'true',
        urgency: 'normal',
      };
      expect((await tb.post(invokeAction(tb, mentor, 'signal.submit', submit))).status).toBe(200);
      const worker = teamsUser('Pim Werker', 'pim.werker@upn-college.example');
      expect((await tb.post(installation(tb, worker))).status).toBe(200);
      await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(worker)).length > 0);
      expect(tb.connector.texts(personalConversationId(worker))[0]).toBe(T.welcomePersonal('Pim Werker'));
      expect(await staffDoc(schoolId, worker.entraId)).toMatchObject({ roles: ['preventionWorker'] });
      await tb.connector.waitFor(() =>
        tb.connector.cards(personalConversationId(worker)).some((c) => JSON.stringify(c).includes('Lotte Zandvliet')),
      );
    });
  });

  it('looks a sender it cannot bind up once, not on every turn, and again after a while', async () => {
    const stranger = teamsUser('Onbekende Collega', 'niemand@elders.example');
    for (let i = 0; i < 3; i++) await tb.post(message(tb, stranger, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(stranger)).length === 3);
    expect(tb.connector.memberLookups()).toHaveLength(1);
    expect(tb.connector.texts(personalConversationId(stranger))[0]).toContain(T.notAStaffMember);
    tb.clock.advance(NOT_BINDABLE_MS + 1000);
    await tb.post(message(tb, stranger, '/help'));
    expect(tb.connector.memberLookups()).toHaveLength(2);
  });

  it('refuses two staff records with the same UPN in one school, with a Dutch message and an audit entry per record', async () => {
    const schoolId = 'dubbel-college';
    await school(schoolId);
    for (const suffix of ['', '-oud']) {
      await tb.repos.directory.upsertStaff(
        StaffDocSchema.parse({
          id: `staff:upn:sam.dubbel@dubbel.example${suffix}`,
          type: 'staff',
          schoolId,
          userId: `upn:sam.dubbel@dubbel.example${suffix}`,
          upn: 'sam.dubbel@dubbel.example',
          displayName: 'Sam Dubbel',
          roles: ['teacher'],
        }),
      );
    }
    const sam = teamsUser('Sam Dubbel', 'sam.dubbel@dubbel.example');
    await tb.post(message(tb, sam, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(sam)).length === 2);
    expect(tb.connector.texts(personalConversationId(sam))).toEqual([BINDING_TEXTS.duplicate, T.notAStaffMember]);
    expect(tb.connector.cards(personalConversationId(sam))).toHaveLength(0);
    expect(await staffDoc(schoolId, sam.entraId)).toBeUndefined();
    const audit = await bindingAudit(schoolId);
    expect(audit.map((a) => [a.outcome, a.code, a.actorId])).toEqual([
      ['refused', 'duplicate-upn', sam.entraId],
      ['refused', 'duplicate-upn', sam.entraId],
    ]);
  });

  it('refuses a UPN that only a school of another tenant has, with a Dutch message and an audit entry there', async () => {
    const schoolId = 'ander-tenant-college';
    await school(schoolId, OTHER_TENANT);
    await importCsv(schoolId, 'naam;upn;rollen;klassen\nKim Elders;kim.elders@ander.example;docent|mentor;2B\n');
    const kim = teamsUser('Kim Elders', 'kim.elders@ander.example');
    await tb.post(message(tb, kim, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(kim)).length === 2);
    expect(tb.connector.texts(personalConversationId(kim))[0]).toBe(BINDING_TEXTS['foreign-tenant']);
    expect(tb.connector.cards(personalConversationId(kim))).toHaveLength(0);
    expect(await staffDoc(schoolId, 'upn:kim.elders@ander.example')).toBeDefined();
    expect(await staffDoc(schoolId, kim.entraId)).toBeUndefined();
    expect((await bindingAudit(schoolId)).map((a) => [a.outcome, a.code, a.actorId])).toEqual([
      ['refused', 'foreign-tenant', kim.entraId],
    ]);
  });

  it('binds a staff member of two schools of the tenant in both, and lists the pupils of both', async () => {
    const schools = ['bestuur-noord', 'bestuur-zuid'];
    for (const [i, schoolId] of schools.entries()) {
      await school(schoolId);
      await importCsv(
        schoolId,
        'naam;upn;rollen;klassen\nRia Tweeschool;ria.twee@bestuur.example;docent|mentor;3C\n',
        `leerlingnummer;voornaam;tussenvoegsel;achternaam;klas;mentor_upn\n91000${i};Leerling${i};;Bestuur;3C;ria.twee@bestuur.example\n`,
      );
    }
    const ria = teamsUser('Ria Tweeschool', 'ria.twee@bestuur.example');
    await tb.post(message(tb, ria, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(ria)).length === 1);
    const card = JSON.stringify(tb.connector.cards(personalConversationId(ria))[0]);
    expect(card).toContain('Leerling0 Bestuur');
    expect(card).toContain('Leerling1 Bestuur');
    for (const schoolId of schools) {
      expect(await staffDoc(schoolId, ria.entraId)).toMatchObject({ id: `staff:${ria.entraId}` });
      expect((await bindingAudit(schoolId)).map((a) => a.outcome)).toEqual(['ok']);
    }
    expect(tb.connector.memberLookups()).toHaveLength(1);
  });

  it('binds a person already known at one school at a second school that imported them by UPN later, when they open the bot', async () => {
    await school('later-een');
    await importCsv('later-een', 'naam;upn;rollen;klassen\nNoa Later;noa.later@bestuur.example;docent;\n');
    const noa = teamsUser('Noa Later', 'noa.later@bestuur.example');
    await tb.post(message(tb, noa, '/help'));
    expect(await staffDoc('later-een', noa.entraId)).toBeDefined();
    await school('later-twee');
    await importCsv('later-twee', 'naam;upn;rollen;klassen\nNoa Later;noa.later@bestuur.example;preventiewerker;\n');
    tb.connector.reset();
    await tb.post(message(tb, noa, '/help'));
    expect(await staffDoc('later-twee', noa.entraId)).toBeUndefined(); // a command costs no extra look-up
    await tb.post(installation(tb, noa));
    expect(await staffDoc('later-twee', noa.entraId)).toMatchObject({ roles: ['preventionWorker'] });
    expect((await bindingAudit('later-twee')).map((a) => [a.outcome, a.actorId])).toEqual([['ok', noa.entraId]]);
    expect(tb.connector.memberLookups()).toHaveLength(0);
  });

  it('binds only in the schools of the activity’s tenant when the same UPN is also staff in another tenant', async () => {
    await school('gemengd-eigen');
    await school('gemengd-ander', OTHER_TENANT);
    for (const schoolId of ['gemengd-eigen', 'gemengd-ander'])
      await importCsv(schoolId, 'naam;upn;rollen;klassen\nLex Gemengd;lex@gemengd.example;docent;\n');
    const lex = teamsUser('Lex Gemengd', 'lex@gemengd.example');
    await tb.post(message(tb, lex, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(lex)).length === 1);
    expect(await staffDoc('gemengd-eigen', lex.entraId)).toBeDefined();
    expect(await staffDoc('gemengd-ander', 'upn:lex@gemengd.example')).toBeDefined();
    expect(await bindingAudit('gemengd-ander')).toHaveLength(0);
  });

  describe('roles bound to the tenant (issue 19)', () => {
    const schoolId = 'tenant-college';
    let worker: DemoStaff;

    beforeAll(async () => {
      await school(schoolId);
      await importCsv(
        schoolId,
        'naam;upn;rollen;klassen\nTeun Tenant;teun@tenant-college.example;docent|mentor|preventiewerker;4A\n',
        'leerlingnummer;voornaam;tussenvoegsel;achternaam;klas;mentor_upn\n920001;Jesse;;Tenantleerling;4A;teun@tenant-college.example\n',
      );
      worker = teamsUser('Teun Tenant', 'teun@tenant-college.example');
      await tb.post(message(tb, worker, '/help'));
      expect(await staffDoc(schoolId, worker.entraId)).toBeDefined();
    });

    it('gives the same Entra id arriving from the other allowed tenant nothing: the unknown-person answer and no pupil data', async () => {
      await tb.post(inTenant(message(tb, worker, '/signaal'), OTHER_TENANT));
      await tb.post(inTenant(message(tb, worker, '/mijn'), OTHER_TENANT));
      await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(worker)).length === 2);
      expect(tb.connector.texts(personalConversationId(worker))).toEqual([T.notAStaffMember, T.notAStaffMember]);
      expect(tb.connector.cards(personalConversationId(worker))).toHaveLength(0);
      const search = await tb.post(
        inTenant(
          {
            ...message(tb, worker, ''),
            type: 'invoke',
            name: 'application/search',
            value: { kind: 'search', queryText: 'Jesse', queryOptions: { skip: 0, top: 15 }, dataset: 'pupils' },
          },
          OTHER_TENANT,
        ),
      );
      expect(search.status).toBe(200);
      expect(JSON.stringify(search.body)).not.toContain('Tenantleerling');
    });

    it('still serves the person from their school’s own tenant', async () => {
      await tb.post(message(tb, worker, '/signaal'));
      await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(worker)).length === 1);
      expect(JSON.stringify(tb.connector.cards(personalConversationId(worker))[0])).toContain('Jesse Tenantleerling');
    });
  });
});
