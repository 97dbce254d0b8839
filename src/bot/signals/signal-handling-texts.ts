import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of handling a signal (S5): notices, reminders and the /mijn pages (refusals are
 * in the catalogue, core/refusal-texts.ts); nothing here imports texts.ts. Texts that
 * name a role take the school's role words (`n`).
 */

/** History actions on the signal card (Verloop): what a person did, in Dutch. Never a code. */
export const HISTORY_LABELS: Record<string, string> = {
  created: 'signaal gedaan',
  claim: 'opgepakt',
  score: 'score gegeven',
  note: 'notitie',
  askReporter: 'vraag aan de melder',
  answerQuestion: 'antwoord van de melder',
  escalate: 'opgeschaald naar het OT',
  claimEscalation: 'opgepakt door het OT',
  deEscalate: 'afgeschaald door het OT',
  setWatch: 'waakvlam gezet',
  startAftercare: 'naar nazorg',
  close: 'afgesloten',
  reassign: 'toegewezen',
  reannounce: 'opnieuw aangeboden aan de preventiewerkers',
  reannounceEscalation: 'opnieuw aangeboden aan het OT',
  reopen: 'heropend',
  addObservation: 'aanvulling (in plaats van een nieuw signaal)',
};

/** A signal's state in the reporter's plain words (S4), also what the pupil's mentor reads. */
export const REPORTER_WORDS: Record<string, string> = {
  received: 'ontvangen',
  claimed: 'opgepakt',
  inProgress: 'in behandeling',
  escalated: 'opgeschaald naar het OT',
  watch: 'in behandeling (waakvlam)',
  aftercare: 'in behandeling (nazorg)',
  closed: 'afgerond',
};

export const HT = {
  historyUnknownAction: 'bijgewerkt',
  historyReannounce: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `opnieuw aangeboden aan de ${n('preventionWorker', { plural: true })}`,
  historyBot: 'Waakvlam',
  historyReason: (reason: string) => `reden: ${reason}`,
  historyCheckIn: (date: string) => `weer kijken op ${date}`,
  historyTo: (name: string) => `aan ${name}`,

  factPupil: 'Leerling',
  factStatus: 'Status',
  factOwner: 'Casushouder',
  factLastChange: 'Laatste wijziging',
  // the signal card (signal-card-view.ts)
  cardTitle: (reference: string, school?: string) =>
    school ? `Signaal ${reference} · ${school}` : `Signaal ${reference}`,
  knownPupil: 'leerling',
  knownParents: 'ouders',
  knownMentor: 'mentor',
  knownNobody: 'nog niemand',
  pupilGone: 'leerling niet meer in het bestand',
  workerLevelTitle: (n: RoleNames = DEFAULT_ROLE_NAMES) => `Score ${n('preventionWorker')}`,
  notClaimedYet: 'nog niet opgepakt',
  /** when a signal in a /mijn list was raised */
  listRaisedAt: (when: string) => `gemeld ${when}`,
  someColleague: 'een collega',
  thePupil: 'de leerling',
  scoreSaved: 'De score is opgeslagen.',
  noteSaved: 'Je notitie is opgeslagen. Alleen zorgprofessionals zien haar.',
  questionSent: 'Je vraag is naar de melder gestuurd. Het antwoord verschijnt op deze kaart.',
  answerSent: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Bedankt, je antwoord is doorgegeven aan de ${n('preventionWorker')}.`,
  watchSet: 'Waakvlam gezet. Je krijgt op de gekozen datum een herinnering.',
  aftercareSet: 'Het signaal is naar nazorg gegaan.',
  closed: 'Het signaal is afgesloten. De melder hoort dat het is afgerond.',
  reassigned: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het signaal is toegewezen. De nieuwe casushouder en de ${n('coordinator', { plural: true })} zijn ingelicht.`,

  questionTitle: (ref: string) => `Vraag over je signaal ${ref}`,
  questionIntro: (who: string, pupil: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `${who} (${n('preventionWorker')}) heeft een vraag over je signaal over ${pupil}.`,
  answerLabel: 'Jouw antwoord',
  answerButton: 'Antwoord versturen',
  answerRequired: 'Vul je antwoord in.',

  answeredTitle: (ref: string) => `Antwoord op je vraag — ${ref}`,
  answeredText: (who: string, pupil: string) =>
    `${who} heeft je vraag over ${pupil} beantwoord. Het antwoord staat ook in het verloop van het signaal.`,
  questionFact: 'Vraag',
  answerFact: 'Antwoord',

  assignedMessage: (by: string) => `${by} heeft dit signaal aan jou toegewezen.`,
  reassignTitle: (ref: string) => `Signaal ${ref} toegewezen`,
  reassignText: (to: string, by: string) => `${by} heeft dit signaal toegewezen aan ${to}.`,
  reassignFrom: (from: string) => `Eerder was het van ${from}.`,

  reannouncedMessage: 'Dit signaal is nog door niemand opgepakt. Wil een van jullie het oppakken?',
  reannounceTitle: (ref: string) => `Signaal ${ref} nog niet opgepakt`,
  reannounceText: (pupil: string, days: number, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het signaal over ${pupil} is na ${days} schooldagen nog door geen ${n('preventionWorker')} opgepakt. Het is opnieuw aan de ${n('preventionWorker', { plural: true })} aangeboden.`,

  watchReminderTitle: (ref: string) => `Waakvlam: tijd om te kijken — ${ref}`,
  watchReminderText: (date: string) =>
    `Je wilde vandaag (${date}) weer kijken hoe het met deze leerling gaat. Wat is de volgende stap?`,
  aftercareReminderTitle: (ref: string) => `Nazorg: even kijken — ${ref}`,
  aftercareReminderText: (weeks: number) => `Dit signaal is al ${weeks} weken in nazorg. Is er nog iets nodig?`,
  reminderClose: 'Afsluiten: opgelost',
  reminderExtend: (date: string) => `Waakvlam verlengen tot ${date}`,
  reminderAftercare: 'Naar nazorg',
  reminderOpen: 'Toon het signaal',

  /** `school`: named when the worker works at several schools (a school board) */
  caseloadHeader: (open: number, school = '') =>
    school ? `**Jouw zaken bij ${school}** — ${open} open` : `**Jouw zaken** — ${open} open`,
  noOpenSignalsAt: (school: string) => `Je hebt geen lopende signalen bij ${school}.`,
  /** a state's heading in the caseload; without a count when it is the only state (the heading above has it) */
  caseloadGroup: (state: string, n?: number) => (n === undefined ? `**${state}**` : `**${state}** (${n})`),
  pageTitle: (from: number, to: number, total: number) => `Signaal ${from}–${to} van ${total}`,
  pageMore: 'Er zijn meer signalen. Klik op Volgende voor de volgende pagina.',
  pageLast: 'Dit is de laatste pagina.',
  nextButton: 'Volgende',
  previousButton: 'Vorige',
  reportedTitle: 'Mijn signalen',
  reportedTitleAt: (school: string) => `Mijn signalen bij ${school}`,
  reportedCount: (open: number, total: number) =>
    `Je hebt ${total} ${total === 1 ? 'signaal' : 'signalen'} gedaan; ${open} ${open === 1 ? 'loopt' : 'lopen'} nog.`,
  reportedNone: 'Je hebt nog geen signalen gedaan. Typ `/signaal` om een zorg te melden.',
};
