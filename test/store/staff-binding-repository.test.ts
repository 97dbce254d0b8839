import { DocStore } from '../../src/store/doc-store';
import { StaffBindingRepository } from '../../src/store/staff-binding-repository';
import { PupilDocSchema, StaffDocSchema, type StaffDoc } from '../../src/store/schemas/directory-docs';
import { RosterRepository } from '../../src/store/roster-repository';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const NOW = new Date('2026-11-23T09:00:00Z');
const ENTRA = '7d1c0f4e-2b9a-4c3e-9f1a-5e6d7c8b9a01';

describe('StaffBindingRepository (issue 14)', () => {
  const ctx = withEmbeddedRepositories('staff-binding', NOW);
  const repo = () =>
    new StaffBindingRepository(
      new DocStore(ctx.repos.cosmos.containers.directory),
      ctx.repos.directory,
      ctx.repos.cases,
    );
  const roster = () => RosterRepository.on(ctx.repos.cosmos);

  async function unbound(schoolId: string, upn: string): Promise<StaffDoc> {
    const doc = StaffDocSchema.parse({
      id: `staff:upn:${upn}`,
      type: 'staff',
      schoolId,
      userId: `upn:${upn}`,
      upn,
      displayName: 'Mentor Veel',
      roles: ['teacher', 'mentor'],
    });
    await ctx.repos.directory.upsertStaff(doc);
    return doc;
  }

  async function pupils(schoolId: string, mentorId: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const number = `${800000 + i}`;
      await ctx.repos.directory.upsertPupil(
        PupilDocSchema.parse({
          id: `pupil:${number}`,
          type: 'pupil',
          schoolId,
          pupilNumber: number,
          firstName: 'Leerling',
          lastName: `Nummer${i}`,
          classId: '1a',
          className: '1A',
          mentorId,
        }),
      );
    }
  }

  it('re-keys the staff record and points all of a mentor’s pupils at the Entra id, beyond the 98 that fit in the batch', async () => {
    await unbound('veel-school', 'veel@school.example');
    await pupils('veel-school', 'upn:veel@school.example', 130);
    const [found] = await repo().findUnbound(['veel@school.example']);
    expect(found.staff.userId).toBe('upn:veel@school.example');
    expect(await repo().bind(found, ENTRA)).toBe('ok');
    const staff = (await roster().listStaff('veel-school')).map((s) => s.doc);
    expect(staff.map((s) => [s.id, s.userId, s.upn])).toEqual([[`staff:${ENTRA}`, ENTRA, 'veel@school.example']]);
    const mentors = new Set((await roster().listPupils('veel-school')).map((p) => p.doc.mentorId));
    expect([...mentors]).toEqual([ENTRA]);
    expect(await repo().findUnbound(['veel@school.example'])).toEqual([]);
  });

  it('answers conflict and changes nothing when the record changed since it was found', async () => {
    await unbound('race-school', 'race@school.example');
    const [found] = await repo().findUnbound(['race@school.example']);
    await ctx.repos.directory.upsertStaff({ ...found.staff, displayName: 'Gewijzigd' });
    expect(await repo().bind(found, ENTRA)).toBe('conflict');
    expect((await roster().listStaff('race-school')).map((s) => s.doc.userId)).toEqual(['upn:race@school.example']);
  });

  it('answers conflict when the Entra id is already staff of that school', async () => {
    await unbound('twee-school', 'twee@school.example');
    await ctx.repos.directory.upsertStaff(
      StaffDocSchema.parse({
        id: `staff:${ENTRA}`,
        type: 'staff',
        schoolId: 'twee-school',
        userId: ENTRA,
        displayName: 'Al bekend',
        roles: ['teacher'],
      }),
    );
    const [found] = await repo().findUnbound(['twee@school.example']);
    expect(await repo().bind(found, ENTRA)).toBe('conflict');
    expect((await roster().listStaff('twee-school')).map((s) => s.doc.userId).sort()).toEqual(
      [ENTRA, 'upn:twee@school.example'].sort(),
    );
  });
});
