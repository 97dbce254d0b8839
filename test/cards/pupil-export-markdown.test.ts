import type { PupilExport } from '../../src/app/privacy/pupil-export';
import type { Signal } from '../../src/domain/signal';
import { pupilExportMarkdown } from '../../src/bot/privacy/pupil-export-markdown';

const at = '2026-11-20T09:15:00.000Z';
const signal: Signal = {
  id: 'signal:s1',
  schoolId: 'demo-school',
  reference: 'S-2026-0007',
  pupilId: 'pupil:1001',
  reporterId: 'u-mentor',
  categories: ['thuissituatie'],
  reporterLevel: 2,
  workerLevel: 3,
  observation: 'Oogt moe.',
  alreadyKnown: { pupil: true, parents: false, mentor: true },
  urgency: 'soon',
  state: 'watch',
  ownerId: 'u-worker',
  createdAt: at,
  updatedAt: at,
  lastChangeBy: 'u-worker',
  questions: [],
  escalation: {
    status: 'returned',
    reason: 'veiligheid',
    question: 'Kan het OT meekijken?',
    urgency: 'soon',
    parentsInformed: true,
    parentsConsented: true,
    requestedBy: 'u-worker',
    requestedAt: at,
    claimedBy: 'u-ot',
    claimedAt: at,
    summary: 'Gezinswerker betrokken.',
    returnedAt: at,
  },
  history: [
    { at, actorId: 'u-mentor', action: 'created', visibility: 'all' },
    { at, actorId: 'u-worker', action: 'escalate', note: 'veiligheid', visibility: 'care' },
    {
      at,
      actorId: 'u-ot',
      action: 'deEscalate',
      note: 'Gezinswerker betrokken.',
      visibility: 'care',
      checkInDate: '2026-12-14',
    },
  ],
};
const data: PupilExport = {
  generatedAt: at,
  schoolName: 'Demoschool',
  pupil: {
    id: 'pupil:1001',
    schoolId: 'demo-school',
    pupilNumber: '1001',
    firstName: 'Milan',
    lastNamePrefix: 'van den',
    lastName: 'Berg',
    classId: '1A',
    className: '1A',
  },
  signals: [{ signal, deliveries: [] }],
  scores: [
    {
      id: 'score:2026-1:pupil:1001',
      type: 'score',
      schoolId: 'demo-school',
      roundId: '2026-1',
      pupilId: 'pupil:1001',
      classId: '1A',
      level: 2,
      savedAt: at,
    },
  ],
  audit: [],
  staff: [
    {
      schoolId: 'demo-school',
      userId: 'u-mentor',
      displayName: 'Marloes van Dijk',
      roles: ['mentor'],
      classIds: ['1A'],
    },
    {
      schoolId: 'demo-school',
      userId: 'u-worker',
      displayName: 'Demi Koster',
      roles: ['preventionWorker'],
      classIds: [],
    },
    { schoolId: 'demo-school', userId: 'u-ot', displayName: 'Hanneke Brouwer', roles: ['supportTeam'], classIds: [] },
  ],
};

describe('the inzage export (AVG art. 15) as a parent or pupil reads it', () => {
  const md = pupilExportMarkdown(data);

  it('names an escalation’s status and reason in Dutch, not by their codes', () => {
    expect(md).toContain('status: teruggegeven aan de preventiewerker');
    expect(md).toContain('Reden: Zorgen over veiligheid');
    expect(md).not.toMatch(/status returned|Reden: veiligheid/);
  });

  it('writes each history step in words, with the escalation reason as a label and other notes as notes', () => {
    expect(md).toContain('Marloes van Dijk (');
    expect(md).toMatch(/: signaal gedaan/);
    expect(md).toMatch(/: opgeschaald naar het OT reden: Zorgen over veiligheid/);
    expect(md).toMatch(
      /: afgeschaald door het OT weer kijken op 2026-12-14\n {2}- Notitie \(alleen zorg\): Gezinswerker betrokken\./,
    );
    expect(md).not.toMatch(/: (created|escalate|deEscalate)\b/);
  });

  it('lists a 1-2-3 score with its round and level label instead of raw JSON', () => {
    expect(md).toContain('- Meting 2026-1: 2 — signaal (opgeslagen');
    expect(md).not.toContain('"level":2');
  });
});
