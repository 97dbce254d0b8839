import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';
import { formatDate, formatDateTime } from '../core/texts';

/** Every Dutch text of the 1-2-3 round (S7): forms, overview, reminders (refusals: core/refusal-texts.ts). */
export const ROUND_LEVEL_CHOICES = [
  { title: '1 — gaat goed (geen signaal)', value: '1' },
  { title: '2 — risico (signaal)', value: '2' },
  { title: '3 — belemmering (crisis/nood)', value: '3' },
];

export const RT = {
  formTitle: (className: string, page: number, pages: number) =>
    `1-2-3 meting — klas ${className}${pages > 1 ? ` (deel ${page + 1} van ${pages})` : ''}`,
  formIntro: (roundNo: number, deadline: string) =>
    `Meting ${roundNo}, in te vullen tot en met ${formatDate(deadline)}. Kies per leerling 1, 2 of 3; bij 2 en 3 is een toelichting verplicht. De keuze staat op de score van de vorige meting.`,
  previous: (level: number | undefined) => (level ? `Vorige meting: ${level}` : 'Vorige meting: geen score'),
  levelLabel: 'Score',
  notePlaceholder: 'Toelichting (verplicht bij 2 en 3): wat zie je?',
  noteRequired: 'Geef een toelichting bij score 2 of 3.',
  levelRequired: 'Kies 1, 2 of 3.',
  noteTooLong: (max: number) => `De toelichting is te lang (maximaal ${max} tekens).`,
  fixErrors: 'Niet opgeslagen: controleer de gemarkeerde leerlingen.',
  save: 'Opslaan',
  overview: 'Voortgang',
  edit: 'Wijzigen',
  next: 'Volgende klas',
  savedTitle: (className: string, page: number, pages: number) =>
    `Opgeslagen: klas ${className}${pages > 1 ? ` (deel ${page + 1} van ${pages})` : ''}`,
  savedStatus: (by: string, at: string) => `Opgeslagen door ${by} op ${formatDateTime(at)}.`,
  savedLate: 'Te laat: na de deadline opgeslagen. De scores tellen mee en zijn gemarkeerd als te laat.',
  savedEditable: 'Je kunt deze pagina wijzigen tot de meting sluit.',
  savedLocked: 'De meting is gesloten; deze pagina staat vast.',
  offerIntro: 'Aanbod: voor deze leerlingen kun je met één klik een signaal openen of opschalen naar het OT.',
  offerLine: (name: string, from: number | undefined, to: number) => `${name}: ${from ? `${from} → ` : ''}${to}`,
  offerSignal: 'Signaal openen',
  offerEscalate: 'Opschalen naar OT',
  offerObservation: (roundNo: number, level: number, note: string) =>
    `1-2-3 meting ${roundNo}: score ${level}. ${note}`.trim(),
  offerExisting: 'Er loopt al een signaal over deze leerling; hieronder staat het.',
  offerCreated: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het signaal is geopend en staat bij de ${n('preventionWorker', { plural: true })}. Pak het op om ermee verder te gaan.`,
  offerEscalateHint: 'Het signaal is geopend en door jou opgepakt. Vul hieronder het verzoek aan het OT in.',
  overviewTitle: (roundNo: number) => `1-2-3 meting ${roundNo}`,
  openIntro: (roundNo: number, deadline: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `De 1-2-3 meting ${roundNo} staat open tot en met ${formatDate(deadline)}. Open hieronder een klas en vul per leerling de score in. De andere ${n('preventionWorker')} van je school ziet dezelfde klassen; een klas is klaar zodra een van jullie hem opslaat.`,
  reminderIntro: (step: string, deadline: string, left: number) =>
    `${step === 'remind1' ? 'Morgen is de laatste dag' : 'Herinnering'}: de 1-2-3 meting moet op ${formatDate(deadline)} klaar zijn. Je hebt nog ${left} ${left === 1 ? 'pagina' : "pagina's"} open.`,
  reminderTitle: (roundNo: number) => `Herinnering: 1-2-3 meting ${roundNo}`,
  progressIntro: (deadline: string, daysLeft: number, status: 'open' | 'closed') =>
    status === 'closed'
      ? `Deze meting is gesloten (deadline ${formatDate(deadline)}). Pagina's die nu nog worden opgeslagen tellen mee als te laat.`
      : `Deadline: ${formatDate(deadline)} — nog ${daysLeft} ${daysLeft === 1 ? 'schooldag' : 'schooldagen'}.`,
  overall: 'Totaal',
  perClass: 'Per klas',
  perWorker: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Per ${n('preventionWorker')}`,
  flagged: 'Leerlingen met score 3 of een stijging (trend, oudste meting eerst)',
  noFlagged: 'Geen leerlingen met score 3 of een sterke stijging.',
  open: 'Open',
  done: 'klaar',
  count: (done: number, total: number) => `${done}/${total}`,
  className: (className: string, page: number, pages: number) =>
    pages > 1 ? `${className} (${page + 1}/${pages})` : className,
  noRound: (next?: string) =>
    `Er is nog geen 1-2-3 meting geopend voor jouw school.${next ? ` De volgende meting opent op ${formatDate(next)}.` : ''}`,
  openedNow: (roundNo: number, deadline: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Meting ${roundNo} is nu geopend (deadline ${formatDate(deadline)}). De ${n('preventionWorker', { plural: true })} krijgen het formulier.`,
  alreadyOpen: (roundNo: number) => `Meting ${roundNo} was al geopend. Typ \`/ronde\` voor de voortgang.`,
  flaggedMore: (n: number) => `…en nog ${n} leerling(en).`,
  closedTitle: (roundNo: number) => `1-2-3 meting ${roundNo} is gesloten`,
  closedIntro: (deadline: string, done: number, total: number, missing: number) =>
    `De deadline was ${formatDate(deadline)}. ${done} van de ${total} leerlingen hebben een score; ` +
    (missing === 0
      ? "alle klaspagina's zijn ingeleverd."
      : `${missing} ${missing === 1 ? 'klaspagina is' : "klaspagina's zijn"} niet ingeleverd.`),
  closedFlagged: (n: number) => `Score 3 of sterke stijging, zonder open signaal (${n})`,
  closedFlaggedHint: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Open een signaal vanaf de opgeslagen klaspagina (knop "Signaal openen"), of vraag de ${n('preventionWorker')} dat te doen. Trend: oudste meting eerst.`,
  closedNoFlagged: 'Iedere leerling met score 3 of een sterke stijging heeft een open signaal.',
  notHandedIn: 'niet ingeleverd',
  late: 'te laat',
  /** shown when a worker's count includes pages their duo partner saved */
  workerSavedBySelf: (count: string, self: number) =>
    `${count} — zelf opgeslagen: ${self} ${self === 1 ? 'leerling' : 'leerlingen'}`,
  workerLeft: (pct: string, left: number) =>
    left === 0 ? `${pct}, alles ingeleverd` : `${pct}, nog ${left} ${left === 1 ? 'pagina' : "pagina's"} open`,
  lateLabel: 'Te laat ingeleverd',
  lateDetail: (by: string, at: string) => `door ${by} op ${formatDateTime(at)}`,
  noLate: 'Geen.',
  closedFooter:
    "Pagina's die nu nog worden opgeslagen tellen mee en worden gemarkeerd als te laat. Typ `/ronde` voor de actuele stand.",
  rowsHidden: (n: number) => `${n} klas(sen) niet getoond; typ \`/ronde\` voor de rest.`,
};
