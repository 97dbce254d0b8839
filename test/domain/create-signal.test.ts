import { createSignal, OBSERVATION_MAX, type NewSignalInput, type PupilRef } from '../../src/domain/signal';
import { actor, NOW } from './fixtures';

const teacher = actor('teacher-1', ['teacher']);
const pupil: PupilRef = { id: 'pupil-1', schoolId: 'school-a', classId: '2b', mentorId: 'mentor-1' };
const input: NewSignalInput = {
  pupilId: 'pupil-1',
  categories: ['pesten', 'gedrag', 'pesten'],
  reporterLevel: 2,
  observation: '  Wordt buitengesloten in de klas.\r\n',
  alreadyKnown: { pupil: true, parents: false, mentor: true },
  urgency: 'soon',
};
const create = (over: Partial<Parameters<typeof createSignal>[0]> = {}) =>
  createSignal({ id: 'sig-1', reference: 'S-2026-0001', input, reporter: teacher, pupil, now: NOW, ...over });

describe('createSignal', () => {
  it('creates a new signal for a pupil of the reporter’s school', () => {
    const r = create();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      id: 'sig-1',
      schoolId: 'school-a',
      reference: 'S-2026-0001',
      pupilId: 'pupil-1',
      reporterId: 'teacher-1',
      categories: ['gedrag', 'pesten'],
      reporterLevel: 2,
      observation: 'Wordt buitengesloten in de klas.',
      alreadyKnown: { pupil: true, parents: false, mentor: true },
      urgency: 'soon',
      state: 'new',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      lastChangeBy: 'teacher-1',
      questions: [],
      history: [{ at: NOW.toISOString(), actorId: 'teacher-1', action: 'created', toState: 'new', visibility: 'all' }],
    });
  });

  it.each([
    { name: 'someone without a role', over: { reporter: actor('x', []) }, code: 'not-staff' },
    { name: 'the project lead', over: { reporter: actor('lead', ['projectLead']) }, code: 'not-staff' },
    { name: 'an unknown pupil', over: { pupil: undefined }, code: 'pupil-unknown' },
    { name: 'a pupil record for another id', over: { pupil: { ...pupil, id: 'pupil-2' } }, code: 'pupil-unknown' },
    {
      name: 'a pupil of another school',
      over: { pupil: { ...pupil, schoolId: 'school-b' } },
      code: 'pupil-other-school',
    },
    { name: 'a pupil who left yesterday', over: { pupil: { ...pupil, leftAt: '2026-10-06' } }, code: 'pupil-left' },
    { name: 'no category', over: { input: { ...input, categories: [] } }, code: 'no-category' },
    {
      name: 'an unknown category',
      over: { input: { ...input, categories: ['hacking'] as never } },
      code: 'invalid-input',
    },
    { name: 'reporter level 1', over: { input: { ...input, reporterLevel: 1 as never } }, code: 'invalid-input' },
    { name: 'an empty observation', over: { input: { ...input, observation: ' \n\t ' } }, code: 'observation-empty' },
    {
      name: 'an observation over the limit',
      over: { input: { ...input, observation: 'x'.repeat(OBSERVATION_MAX + 1) } },
      code: 'observation-too-long',
    },
  ])('refuses $name', ({ over, code }) => {
    expect(create(over)).toMatchObject({ ok: false, code });
  });

  it('accepts a pupil whose leaving date is still ahead, and an observation of exactly the limit', () => {
    expect(create({ pupil: { ...pupil, leftAt: '2026-12-31' } }).ok).toBe(true);
    expect(create({ input: { ...input, observation: 'x'.repeat(OBSERVATION_MAX) } }).ok).toBe(true);
  });

  it('lets a mentor, a prevention worker and a coordinator raise a signal too', () => {
    for (const role of ['mentor', 'preventionWorker', 'coordinator'] as const) {
      expect(create({ reporter: actor('p', [role]) }).ok).toBe(true);
    }
  });
});
