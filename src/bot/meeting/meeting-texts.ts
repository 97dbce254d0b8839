import type { AgendaSection } from '../../domain/meeting-agenda';

const days = (n: number) => `${n} ${n === 1 ? 'schooldag' : 'schooldagen'}`;

/** Every Dutch text of the bespreeklijst (card and PDF), in one place. */
export const MT = {
  title: (school: string) => `Bespreeklijst ${school}`,
  intro: (date: string, since: string) =>
    `Voor het wekelijkse zorgoverleg van ${date}. „Nieuw” telt vanaf ${since}. Alleen voor jou: deel dit niet in een kanaal.`,
  sections: {
    newSince: 'Nieuw sinds vorige week',
    level3: 'Inschatting of score 3',
    unclaimedOrOverdue: 'Niet opgepakt of over tijd',
    escalatedOpen: 'Opgeschaald naar het OT (open)',
    backFromOt: 'Terug van het OT',
    watchDue: 'Waakvlam: de datum om weer te kijken is voorbij',
    scoredThreeWithoutSignal: 'Score 3 in de laatste 1-2-3 meting, zonder open signaal',
  } satisfies Record<AgendaSection, string>,
  none: 'Niets om te bespreken.',
  more: (n: number) => `En nog ${n}: de volledige lijst staat in de PDF.`,
  open: 'Openen',
  download: 'Download als PDF',
  validUntil: (time: string) => `De downloadlink werkt één keer, tot ${time}.`,
  unknownPupil: 'onbekende leerling',
  nobody: 'nog niemand',
  // item details
  /** whose 1-2-3 value it is (src/bot/core/words.ts): the reporter's inschatting or the worker's score */
  level: (l: number, by: 'worker' | 'reporter') => (by === 'worker' ? `score: ${l}` : `inschatting melder: ${l}`),
  owner: (name: string) => `casushouder ${name}`,
  raisedOn: (date: string) => `gemeld op ${date}`,
  age: (n: number) => `${days(n)} oud`,
  unclaimed: (n: number) => `nog niet opgepakt (${days(n)})`,
  overdueUnclaimed: (n: number) => `over tijd: ${days(n)} niet opgepakt`,
  overdueEscalation: 'over tijd: het OT heeft het verzoek nog niet opgepakt',
  escalationOpen: 'het OT heeft het nog niet opgepakt',
  escalationClaimed: 'opgepakt door het OT',
  returnedOn: (date: string) => `terug van het OT op ${date}`,
  checkIn: (date: string) => `weer kijken op ${date}`,
  scoredThree: (roundNo: number | undefined) =>
    roundNo ? `score 3 in meting ${roundNo}` : 'score 3 in de laatste 1-2-3 meting',
  // the PDF
  pdfTitle: (school: string) => `Bespreeklijst ${school}`,
  pdfMade: (date: string) => `Gemaakt op ${date}`,
  pdfIntro: (since: string) =>
    `Voor het wekelijkse zorgoverleg. „Nieuw” telt vanaf ${since}. Vertrouwelijk: gegevens over leerlingen, alleen voor wie aan het overleg deelneemt.`,
  pdfFile: 'bespreeklijst-waakvlam.pdf',
};
