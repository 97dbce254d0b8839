import type { PupilExport } from '../../src/app/privacy/pupil-export';
import type { Signal } from '../../src/domain/signal';
import { pupilExportPdf } from '../../src/bot/privacy/pupil-export-pdf';
import { RAW_CODES, pdfText } from '../support/pdf-text';

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
    firstName: 'Noëlle',
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

describe('the inzage export (AVG art. 15) as a PDF a parent or pupil reads', () => {
  let text = '';
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await pupilExportPdf(data);
    text = await pdfText(bytes);
  });

  it('is a PDF that opens, with Dutch headings', () => {
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const heading of [
      'Inzage Waakvlam: Noëlle van den Berg',
      'Leerling',
      'Signalen (1)',
      'Signaal S-2026-0007 van 20 november 2026',
      'Geschiedenis en notities',
      'Berichten van Waakvlam in Teams',
      'Scores van de 1-2-3 meting (1)',
      'Logboek (0)',
    ])
      expect(text).toContain(heading);
  });

  it('writes the pupil’s name with its diacritics and user text literally', () => {
    expect(text).toContain('Naam: Noëlle van den Berg');
    expect(text).toContain('Oogt moe.');
    expect(text).toContain('Gezinswerker betrokken.');
  });

  it('writes dates as people write them', () => {
    expect(text).toContain('20 november 2026, 10:15');
    expect(text).toContain('weer kijken op 14 december 2026');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('names states, reasons, outcomes and escalation status in Dutch, never by their codes or as JSON', () => {
    expect(text).toContain('Status: teruggegeven aan de preventiewerker');
    expect(text).toContain('Reden: Zorgen over veiligheid');
    expect(text).toContain('Meting 1 van schooljaar 2026-2027: 2 — signaal');
    for (const code of [...RAW_CODES, 'returned', 'veiligheid,', 'deEscalate', 'created', 'u-worker', 'pupil:1001'])
      expect({ code, found: text.includes(code) }).toEqual({ code, found: false });
  });
});
