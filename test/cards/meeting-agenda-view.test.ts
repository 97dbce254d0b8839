import type { SchoolAgenda } from '../../src/app/meeting/meeting-agenda';
import type { PupilRecord } from '../../src/app/core/ports';
import { agendaPdf } from '../../src/bot/meeting/agenda-pdf';
import { MAX_CARD_ITEMS_PER_SECTION, agendaCardData } from '../../src/bot/meeting/agenda-view';
import { renderCard } from '../../src/bot/core/render-card';
import { meetingAgenda } from '../../src/domain/meeting-agenda';
import { baseSignal } from '../domain/fixtures';
import { RAW_CODES, pdfText } from '../support/pdf-text';

const NOW = new Date('2026-12-10T09:00:00.000Z');
const pupil = (n: number): PupilRecord => ({
  id: `pupil:${n}`,
  schoolId: 'demo-school',
  pupilNumber: String(n),
  firstName: n === 1 ? 'Noëlle' : `Leerling${n}`,
  lastName: 'de Vries',
  classId: '2B',
  className: '2B',
});
/** Twelve unclaimed level-3 signals raised this week, and one pupil scored 3 without a signal. */
const signals = Array.from({ length: 12 }, (_, i) =>
  baseSignal({
    id: `signal:${i + 1}`,
    reference: `S-2026-${String(i + 1).padStart(4, '0')}`,
    pupilId: `pupil:${i + 1}`,
    reporterLevel: 3,
    createdAt: `2026-12-0${(i % 5) + 4}T08:00:00.000Z`,
  }),
);
const agenda: SchoolAgenda = {
  school: {
    schoolId: 'demo-school',
    name: 'Demo College De Linde',
    region: 'midden',
    holidays: [],
    limits: { unclaimedSchoolDays: 2, escalationUnclaimedSchoolDays: 3 },
    digest: { weekday: 1, time: '08:00' },
  },
  agenda: meetingAgenda({
    now: NOW,
    since: new Date('2026-12-02T23:00:00.000Z'),
    signals,
    holidays: [],
    lastRound: { roundId: '2026-2', scores: [{ pupilId: 'pupil:99', level: 3 }] },
  }),
  pupils: Object.fromEntries([...Array.from({ length: 12 }, (_, i) => pupil(i + 1)), pupil(99)].map((p) => [p.id, p])),
  staffNames: {},
  round: { roundId: '2026-2', roundNo: 2 },
  download: { token: 'x'.repeat(43), expiresAt: '2026-12-10T09:10:00.000Z' },
};

describe('the bespreeklijst card and PDF', () => {
  it('caps each section on the card and says how many more the PDF holds', () => {
    const data = agendaCardData(agenda, 'https://bot.example/export/x') as { sections: any[] };
    const fresh = data.sections[0];
    expect(fresh.title).toBe('Nieuw sinds vorige week (12)');
    expect(fresh.items).toHaveLength(MAX_CARD_ITEMS_PER_SECTION);
    expect(fresh.more).toBe('En nog 7: de volledige lijst staat in de PDF.');
    expect(JSON.stringify(renderCard('meeting-agenda', data)).length).toBeLessThan(28 * 1024);
  });

  it('has no Openen button for a pupil scored 3 without a signal (there is nothing to open)', () => {
    const data = agendaCardData(agenda, undefined) as { sections: any[]; hasDownload: boolean };
    const scored = data.sections.at(-1);
    expect(scored.items.map((i: any) => [i.line, i.hasOpen])).toEqual([
      ['\ufdd0Leerling99 de Vries\ufdd1 (\ufdd02B\ufdd1)', false],
    ]);
    expect(data.hasDownload).toBe(false);
  });

  it('lists every item in the PDF, under Dutch headings, with dates as people write them and no codes', async () => {
    const text = await pdfText(await agendaPdf(agenda));
    expect(text).toContain('Bespreeklijst Demo College De Linde');
    expect(text).toContain('Gemaakt op 10 december 2026');
    expect(text).toContain('Nieuw sinds vorige week (12)');
    for (let i = 1; i <= 12; i++) expect(text).toContain(`S-2026-${String(i).padStart(4, '0')}`);
    expect(text).toContain('S-2026-0001 · Noëlle de Vries (2B)');
    expect(text).toContain('gemeld op 4 december 2026');
    expect(text).toContain('Leerling99 de Vries (2B)');
    expect(text).toContain('score 3 in meting 2');
    for (const code of RAW_CODES) expect({ code, found: text.includes(code) }).toEqual({ code, found: false });
  });
});
