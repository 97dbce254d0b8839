import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/** Every Dutch text of the digests (S8), in one place. Texts that name a role take the school's role words (`n`). */
export const DT = {
  channelTitle: (school: string) => `Overzicht ${school}`,
  personalTitle: (school: string) => `Overzicht ${school} — met namen`,
  personalOnly:
    'Alleen voor jou: hieronder staan de namen achter de gemarkeerde signalen. Deel dit niet in een kanaal.',
  period: (from: string, to: string) => `Over de periode ${from} t/m ${to}`,
  late: (slots: number) =>
    slots > 1
      ? `Dit overzicht komt later dan gepland: Waakvlam was ${slots} geplande momenten niet bereikbaar. Het overzicht beslaat daarom de hele periode hieronder.`
      : 'Dit overzicht komt later dan gepland: Waakvlam was op het geplande moment niet bereikbaar.',
  manual: 'Op verzoek verstuurd (buiten het vaste schema).',
  newTitle: 'Nieuwe signalen',
  newTotal: (n: number) => (n === 1 ? '1 nieuw signaal' : `${n} nieuwe signalen`),
  newNone: 'Geen nieuwe signalen in deze periode.',
  byCategory: 'Per categorie',
  byLevel: 'Per inschatting of score',
  openTitle: 'Lopende signalen',
  openTotal: (n: number, overdue: number) => `${n} lopend` + (overdue > 0 ? ` · ${overdue} over de termijn` : ''),
  openNone: 'Er lopen geen signalen.',
  byState: 'Per status',
  stateRow: (count: number, oldest: number, overdue: number) =>
    `${count} · oudste ${oldest} ${oldest === 1 ? 'schooldag' : 'schooldagen'}` +
    (overdue > 0 ? ` · ⚠ ${overdue} over de termijn` : ''),
  flaggedTitle: 'Over de termijn (oudste eerst)',
  flaggedRow: (state: string, age: number, reason: string) =>
    `${state} · ${age} ${age === 1 ? 'schooldag' : 'schooldagen'} · ${reason}`,
  flaggedMore: (n: number) => `En nog ${n} ${n === 1 ? 'signaal' : 'signalen'} over de termijn.`,
  reasonUnclaimed: 'nog niet opgepakt',
  reasonEscalation: 'OT heeft het verzoek nog niet opgepakt',
  escalationsTitle: 'Opschalingen naar het OT',
  escalationsOpen: 'Lopend bij het OT',
  escalationsUnclaimed: 'Nog door niemand opgepakt',
  escalationsLate: 'Daarvan over de termijn',
  roundTitle: '1-2-3 meting',
  roundNone: 'Nog geen gegevens van een 1-2-3 meting.',
  roundOverall: (done: number, total: number, percent: number) =>
    `Ingevuld: ${done} van ${total} leerlingen (${percent}%)`,
  roundWorker: (done: number, total: number, percent: number) => `${done}/${total} (${percent}%)`,
  roundPerWorker: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Per ${n('preventionWorker')}`,
  someWorker: (n: RoleNames = DEFAULT_ROLE_NAMES) => n('preventionWorker', { capital: true }),
  distributionTitle: 'Verdeling 1-2-3 ten opzichte van de vorige meting',
  distributionRow: (n: number, previous: number | undefined, delta: number | undefined) =>
    previous === undefined ? `${n}` : `${n} (vorige meting ${previous}, ${delta! > 0 ? '+' : ''}${delta})`,
  distributionNoPrevious: 'Nog geen vorige meting om mee te vergelijken.',
  namesTitle: 'Gemarkeerde signalen',
  namesNone: 'Er zijn geen signalen over de termijn.',
  openSignal: 'Open',
  unknownPupil: 'onbekende leerling',
  signalCardSent: 'Ik heb de signaalkaart hieronder gestuurd.',
  summaryChannel: (school: string) => `Overzicht ${school}`,
  // /overzicht
  channelPosted: (school: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het overzicht van ${school} staat klaar voor het kanaal van de ${n('coordinator', { plural: true })}.`,
  channelNotLinked: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Dat kanaal is nog niet gekoppeld: typ \`/koppel overzicht\` in het kanaal van de ${n('coordinator', { plural: true })}, dan verschijnt het overzicht daar meteen.`,
  usage: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Gebruik: \`/overzicht\` (jouw school, met namen), \`/overzicht kanaal\` (nu in het kanaal van de ${n('coordinator', { plural: true })}) of \`/overzicht regio\` (${n('projectLead')}).`,
  // region
  regionTitle: (region: string) => `Regio-overzicht ${region}`,
  regionIntro: (schools: number) =>
    `${schools} ${schools === 1 ? 'school' : 'scholen'} · alleen aantallen, nooit namen. Aantallen van 1 tot 4 staan als "<5", zodat niemand herkenbaar is.`,
  regionPeriod: 'Over de afgelopen 7 dagen',
  regionTotals: 'Hele regio',
  regionSchools: 'Per school',
  regionHidden: 'minder dan 5 signalen: alleen meegeteld in het regiototaal',
  regionNew: 'Nieuwe signalen',
  regionOpen: 'Lopende signalen',
  regionOverdue: 'Over de termijn',
  regionEscalations: 'Opschalingen lopend / niet opgepakt',
  regionLevels: 'Nieuw per inschatting of score (1 / 2 / 3)',
} as const;
