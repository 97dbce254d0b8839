import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of escalation to the OT and of linking channels (S2, S6). Nothing here imports
 * texts.ts; refusals are in the catalogue (core/refusal-texts.ts). Texts that
 * name a role take the school's role words (`n`, src/domain/role-labels.ts).
 */
export const ESCALATION_REASON_LABELS: Record<string, string> = {
  thuissituatie: 'Thuissituatie / gezin',
  veiligheid: 'Zorgen over veiligheid',
  verzuim: 'Verzuim',
  gedrag: 'Gedrag',
  'sociaal-emotioneel': 'Sociaal-emotioneel / welbevinden',
  middelengebruik: 'Middelengebruik',
  meervoudig: 'Meerdere problemen tegelijk',
  anders: 'Anders',
};

export const ET = {
  // linking channels (S2)
  linkHelp:
    'Zo koppel je een kanaal: typ in het kanaal van het ondersteuningsteam `/koppel ot`, of in het kanaal van de zorgcoördinatoren `/koppel overzicht`. Alleen een zorgcoördinator of functioneel beheerder kan dit doen.',
  linkedOt: (school: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Dit kanaal is gekoppeld als OT-kanaal van ${school}. Verzoeken van de ${n('preventionWorker', { plural: true })} aan het ${n('supportTeam')} verschijnen hier, zonder namen van leerlingen; details opent ieder OT-lid in een persoonlijke chat.`,
  linkedCoordinators: (school: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Dit kanaal is gekoppeld als kanaal van de ${n('coordinator', { plural: true })} van ${school}. Het overzicht verschijnt hier, met aantallen en zonder namen van leerlingen.`,
  linkedReleased: (n: number) =>
    n === 1
      ? 'Er stond 1 bericht klaar voor dit kanaal; dat wordt nu geplaatst.'
      : `Er stonden ${n} berichten klaar voor dit kanaal; die worden nu geplaatst.`,
  linkRefused: (reason: string) =>
    `${reason}\n\nZo koppel je een kanaal: typ \`/koppel ot\` of \`/koppel overzicht\` in het kanaal zelf.`,

  // the form (prevention worker)
  formTitle: (ref: string) => `Opschalen naar het OT — ${ref}`,
  formIntro: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Vraag het ${n('supportTeam')} (OT) om deze zaak over te nemen. In het OT-kanaal verschijnt alleen het kenmerk, de reden, de urgentie en jouw naam; je vraag en de details ziet het OT in een persoonlijke chat.`,
  formFixErrors: 'Controleer de gemarkeerde velden.',
  reasonLabel: 'Reden',
  questionLabel: 'Je vraag aan het OT',
  questionPlaceholder: 'Wat vraag je van het OT? Wat is er al gedaan?',
  urgencyLabel: 'Urgentie',
  parentsInformedLabel: 'Zijn de ouders/verzorgers geïnformeerd?',
  parentsConsentedLabel: 'Geven de ouders/verzorgers toestemming?',
  noConsentReasonLabel: 'Als je bij een van beide "nee" koos: waarom?',
  yes: 'Ja',
  no: 'Nee',
  submit: 'Opschalen',
  errReason: 'Kies een reden.',
  errQuestion: 'Schrijf je vraag aan het OT.',
  errQuestionTooLong: (max: number) => `Maximaal ${max} tekens.`,
  errUrgency: 'Kies de urgentie.',
  errParentsInformed: 'Geef aan of de ouders zijn geïnformeerd.',
  errParentsConsented: 'Geef aan of de ouders toestemming geven.',
  errNoConsentReason: 'Geef aan waarom de ouders niet zijn geïnformeerd of geen toestemming gaven.',
  errTooLong: 'Deze tekst is te lang.',
  escalated: 'Opgeschaald naar het OT. Het verzoek staat in het OT-kanaal; je hoort het zodra iemand het oppakt.',
  escalatedWaiting: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Opgeschaald naar het OT, maar het OT-kanaal van je school is nog niet gekoppeld. Het verzoek wacht en wordt geplaatst zodra een ${n('coordinator')} \`/koppel ot\` typt in het OT-kanaal; de ${n('coordinator')} is ingelicht.`,

  // the channel post
  postTitle: (ref: string) => `Verzoek aan het OT: ${ref}`,
  reminderTitle: (ref: string) => `Herinnering — nog niet opgepakt: ${ref}`,
  postIntro: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Een ${n('preventionWorker')} vraagt het ${n('supportTeam')} om deze zaak over te nemen. Leerlinggegevens en de vraag zie je met Details, in een persoonlijke chat.`,
  reminderIntro: (days: number) => `Dit verzoek is na ${days} schooldagen nog door niemand van het OT opgepakt.`,
  factReference: 'Kenmerk',
  factReason: 'Reden',
  factUrgency: 'Urgentie',
  factRequester: 'Aangevraagd door',
  factDate: 'Datum',
  factPupil: 'Leerling',
  statusOpen: 'Nog niet opgepakt',
  statusClaimed: (who: string) => `Opgepakt door ${who}`,
  statusReturned: (who: string, when: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Teruggegeven aan de ${n('preventionWorker')} op ${when}${who ? ` door ${who}` : ''}`,
  claimButton: 'Oppakken',
  detailsButton: 'Details',
  claimedYou: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Je hebt dit verzoek opgepakt. De ${n('preventionWorker')} is ingelicht. Met Details open je de zaak in je persoonlijke chat.`,
  detailsSent: 'De details staan nu in je persoonlijke chat met Waakvlam.',
  detailsWaiting:
    'Je hebt nog geen persoonlijke chat met Waakvlam. Open Waakvlam bij Apps in Teams; de details komen daar binnen zodra je de chat opent.',

  // the details card (personal chat of an OT member)
  detailsTitle: (ref: string) => `OT-verzoek ${ref}`,
  factClass: 'Klas',
  factCategories: 'Categorie van het signaal',
  factLevel: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Score ${n('preventionWorker')}`,
  factReporterLevel: 'Inschatting melder (nog geen score)',
  factOwner: (n: RoleNames = DEFAULT_ROLE_NAMES) => n('preventionWorker', { capital: true }),
  factParentsInformed: 'Ouders geïnformeerd',
  factParentsConsented: 'Toestemming ouders',
  factNoConsentReason: 'Toelichting',
  factStatus: 'Status',
  factCheckIn: 'Weer kijken op',
  observationHeading: 'Waarneming van de melder',
  questionHeading: 'Vraag aan het OT',
  summaryHeading: 'Terugkoppeling van het OT',
  historyHeading: 'Verloop',
  noteButton: 'Notitie',
  noteLabel: 'Notitie (alleen zichtbaar voor zorgprofessionals)',
  noteRequired: 'Vul een notitie in.',
  noteSave: 'Notitie opslaan',
  deEscalateButton: 'Afschalen',
  summaryLabel: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Terugkoppeling aan de ${n('preventionWorker')}`,
  summaryRequired: 'Schrijf een korte terugkoppeling.',
  checkInLabel: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Waakvlam: wanneer kijkt de ${n('preventionWorker')} weer?`,
  checkInRequired: 'Kies een datum.',
  deEscalateSave: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Teruggeven aan de ${n('preventionWorker')}`,
  noteSaved: 'Je notitie is opgeslagen bij de zaak. Alleen zorgprofessionals zien haar.',
  deEscalated: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `De zaak is teruggegeven aan de ${n('preventionWorker')} (waakvlam). De ${n('preventionWorker')} heeft je terugkoppeling gekregen.`,
  summaryEmpty: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Schrijf een korte terugkoppeling voor de ${n('preventionWorker')}.`,
  summaryTooLong: 'De terugkoppeling is te lang (maximaal 2000 tekens).',

  // the escalation block on the prevention worker's signal card
  workerCardEscalatedHeading: 'Opgeschaald naar het OT',
  workerCardReturnedHeading: 'Terug van het OT',
  workerCardRequested: 'Aangevraagd',

  // notices to the prevention worker
  claimedNoticeTitle: (ref: string) => `Het OT heeft ${ref} opgepakt`,
  claimedNoticeText: (who: string, pupil: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `${who} van het ${n('supportTeam')} heeft je verzoek over ${pupil} opgepakt.`,
  returnedNoticeTitle: (ref: string) => `${ref} is terug bij jou (waakvlam)`,
  returnedNoticeText: (who: string, pupil: string, date: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `${who} van het ${n('supportTeam')} heeft de zaak over ${pupil} aan je teruggegeven. Je houdt de vinger aan de pols (waakvlam); op ${date} krijg je een herinnering.`,
  channelDownTitle: (ref: string) => `OT-kanaal niet bereikbaar — ${ref}`,
  channelDownText: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Waakvlam kan het OT-kanaal van je school niet bereiken (de bot is misschien uit het team verwijderd). Je verzoek wacht en wordt geplaatst zodra een ${n('coordinator')} het kanaal opnieuw koppelt met \`/koppel ot\`. De ${n('coordinator')} is ingelicht; neem bij spoed rechtstreeks contact op met het OT.`,
  yesNo: (v: boolean) => (v ? 'Ja' : 'Nee'),
  someone: 'een collega',
  thePupil: 'de leerling',
};
