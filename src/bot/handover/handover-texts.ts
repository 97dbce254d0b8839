import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/** The date forms `/afwezig tot …` understands (src/domain/staff-leave.ts: parseLeaveDate). */
const FORMATS = '`12-12`, `12-12-2026`, `12 december` of `2026-12-12`';

/** Who takes over when no other prevention worker is there: read after "gaan naar". */
const NO_PARTNER = 'niemand: er is geen andere preventiewerker aanwezig, dus ze blijven ook bij jou komen';

/** Names of people as the texts show them: "A", "A en B", "A, B en C". */
export const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;

/** Dutch texts of absence (`/afwezig`) and handover (`/overdragen`), issue 16. */
export const HO = {
  formats: FORMATS,
  /** one school's answer, for someone who works at several */
  atSchool: (school: string, text: string) => `**${school}**: ${text}`,
  // the absence card and command
  leaveTitle: 'Afwezig melden',
  leaveTitleAt: (school: string) => `Afwezig melden — ${school}`,
  leaveNone: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Je staat niet als afwezig geregistreerd: nieuwe signalen en herinneringen komen bij jou. Ben je ziek of met verlof? Kies tot en met welke dag; je duopartner (de andere ${n('preventionWorker')}) neemt je zaken dan waar.`,
  leaveActive: (until: string, partners: string) =>
    `Je bent afwezig tot en met ${until}. Nieuwe signalen en herinneringen gaan naar ${partners}.${partners === NO_PARTNER ? '' : ' Je duopartner ziet je open zaken in `/mijn`.'}`,
  leaveSet: (until: string, partners: string) =>
    `Opgeslagen: je bent afwezig tot en met ${until}. Nieuwe signalen en herinneringen gaan naar ${partners}.${partners === NO_PARTNER ? '' : ' Je duopartner krijgt hiervan bericht.'}`,
  leaveUnchanged: (until: string) => `Je stond al als afwezig tot en met ${until}. Er is niets veranderd.`,
  /** the card's status line after its button: the card's text below already says until when and who stands in */
  leaveSavedOnCard: (partners: string) =>
    partners === NO_PARTNER ? 'Opgeslagen.' : 'Opgeslagen. Je duopartner krijgt hiervan bericht.',
  leaveEndedOnCard: 'Welkom terug. Je afwezigheid is beëindigd.',
  nothingChangedOnCard: 'Er is niets veranderd.',
  leaveEnded: 'Welkom terug. Je afwezigheid is beëindigd: nieuwe signalen en herinneringen komen weer bij jou.',
  leaveNotAway: 'Je stond niet als afwezig geregistreerd. Er is niets veranderd.',
  leaveStale: 'Deze kaart was verouderd. Hieronder zie je de actuele stand; probeer het zo nodig opnieuw.',
  leaveDateRequired: 'Kies een datum.',
  leaveFormatsHint: `Of typ \`/afwezig tot <datum>\`, met de datum als ${FORMATS}.`,
  leaveUntilLabel: 'Afwezig tot en met',
  leaveSaveButton: 'Afwezig melden',
  leaveEndButton: 'Ik ben er weer',
  noPartner: NO_PARTNER,
  invalidDate: (refusal: string) =>
    `${refusal} Schrijf de datum als ${FORMATS}, bijvoorbeeld \`/afwezig tot 12 december\`.`,
  // notices (outbox)
  absenceSelfTitle: 'Je bent afwezig gemeld',
  absenceSelfText: (until: string) =>
    `Je bent afwezig tot en met ${until}. Je duopartner krijgt nieuwe signalen en herinneringen en ziet je open zaken. Eerder terug? Typ \`/afwezig uit\`.`,
  absencePartnerTitle: (name: string) => `${name} is afwezig`,
  absencePartnerText: (name: string, until: string) =>
    `${name} is afwezig tot en met ${until}; haar zaken staan in \`/mijn\`. Nieuwe signalen en herinneringen voor haar komen bij jou.`,
  absenceBackTitle: (name: string) => `${name} is er weer`,
  absenceBackText: (name: string) =>
    `${name} is weer aan het werk. Haar zaken en nieuwe signalen gaan weer naar haar; in \`/mijn\` zie je alleen nog je eigen zaken.`,
  // /mijn: the cases of a colleague who is away
  awayHeading: (name: string, until: string, count: number) =>
    `**Zaken van ${name} (afwezig tot en met ${until})** — ${count} open`,
  awayNone: (name: string, until: string) => `${name} is afwezig tot en met ${until} en heeft geen open zaken.`,
  awayMore: (more: number) =>
    `En nog ${more} ${more === 1 ? 'zaak' : 'zaken'}. Vraag de coördinator om ze over te dragen (\`/overdragen\`).`,
  // the handover card
  handoverTitle: 'Zaken overdragen',
  handoverTitleAt: (school: string) => `Zaken overdragen — ${school}`,
  handoverIntro: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Draag alle open zaken van een ${n('preventionWorker')} in één keer over aan een ander. De nieuwe casushouder krijgt elke zaak; de melders horen wie hun signaal nu behandelt. De reden wordt bij elk signaal vastgelegd.`,
  handoverFrom: 'Van',
  handoverTo: 'Aan',
  handoverReason: 'Reden (verplicht)',
  handoverReasonPlaceholder: 'Bijvoorbeeld: langdurig ziek; zwangerschapsverlof',
  handoverRequired: 'Dit veld is verplicht.',
  handoverButton: 'Overdragen',
  handoverNoWorkers: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Deze school heeft minder dan twee ${n('preventionWorker', { plural: true })}: er is niemand om zaken aan over te dragen.`,
  handoverDone: (count: number, from: string, to: string) =>
    `${count} ${count === 1 ? 'zaak' : 'zaken'} van ${from} overgedragen aan ${to}.`,
  handoverNone: (from: string) => `${from} heeft geen open zaken (meer) bij deze school. Er is niets overgedragen.`,
  handoverPartial: (count: number) =>
    `${count} ${count === 1 ? 'zaak is' : 'zaken zijn'} niet overgedragen, omdat ${count === 1 ? 'die' : 'ze'} intussen ${count === 1 ? 'is' : 'zijn'} gewijzigd. Klik nog eens op Overdragen om de rest over te dragen.`,
  factMoved: 'Overgedragen',
  factFailed: 'Niet overgedragen',
  // the reporter's notice after a handover
  thePupil: 'de leerling',
  factOwner: 'Casushouder',
  handoverNoticeTitle: (ref: string) => `Je signaal ${ref}: nieuwe casushouder`,
  handoverNoticeText: (pupil: string, owner: string) =>
    `Je signaal over ${pupil} wordt nu behandeld door ${owner}. Zij is de nieuwe casushouder.`,
} as const;
