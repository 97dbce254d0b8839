import { ROLES } from '../../domain/roles';
import { DEFAULT_ROLE_NAMES, ROLE_LABEL_KEYS, type RoleLabelKey, type RoleNames } from '../../domain/role-labels';

/**
 * General Dutch texts a user reads. Refusal codes map to a sentence in the refusal catalogue
 * (refusal-texts.ts); feature texts live in each feature's *-texts.ts. Nothing else writes
 * user-facing Dutch (test/bot/dutch-outside-texts.test.ts checks).
 */
export const CATEGORY_LABELS: Record<string, string> = {
  verzuim: 'Verzuim',
  leerprestaties: 'Leerprestaties',
  gedrag: 'Gedrag',
  'sociaal-emotioneel': 'Sociaal-emotioneel / welbevinden',
  thuissituatie: 'Thuissituatie',
  pesten: 'Pesten',
  middelengebruik: 'Middelengebruik',
  veiligheid: 'Zorgen over veiligheid',
  anders: 'Anders',
};

export const LEVEL_LABELS: Record<number, string> = { 1: '1 — geen signaal', 2: '2 — signaal', 3: '3 — crisis/nood' };

export const URGENCY_LABELS: Record<string, string> = {
  normal: 'Normaal (deze week)',
  soon: 'Snel (binnen twee schooldagen)',
  today: 'Vandaag nog',
};

export const STATE_LABELS: Record<string, string> = {
  new: 'Nieuw',
  claimed: 'Opgepakt',
  inProgress: 'In behandeling',
  escalated: 'Opgeschaald naar het OT',
  watch: 'Waakvlam',
  aftercare: 'Nazorg',
  closed: 'Afgesloten',
};

export const OUTCOME_LABELS: Record<string, string> = {
  resolved: 'Opgelost',
  referred: 'Doorverwezen',
  noActionNeeded: 'Geen actie nodig',
  careTeamMeeting: 'Besproken in ZAT/MDO',
};

/** A person's role as named to them ("Je rollen: …", the audit trail), in the school's words. */
export const roleWord = (role: string, names: RoleNames = DEFAULT_ROLE_NAMES): string =>
  role === 'supportTeam'
    ? `lid van het ${names('supportTeam')} (OT)`
    : ROLE_LABEL_KEYS.includes(role as RoleLabelKey)
      ? names(role as RoleLabelKey)
      : role;

/** The glossary's words for each role (where no school is known). */
export const ROLE_LABELS: Record<string, string> = Object.fromEntries(ROLES.map((r) => [r, roleWord(r)]));

/** Field errors shown next to the intake card's inputs. */
export const FIELD_ERRORS = {
  schoolRequired: 'Kies de school van de leerling.',
  pupilNotAtChosenSchool:
    'Deze leerling zit niet op de gekozen school. Kies de school van de leerling, of een leerling van deze school.',
  pupilRequired: 'Kies een leerling uit de lijst.',
  categoriesRequired: 'Kies minstens één categorie.',
  levelRequired: 'Kies 2 (signaal) of 3 (crisis/nood).',
  observationRequired: 'Beschrijf wat je hebt gezien of gehoord.',
  observationTooLong: (max: number) => `Maximaal ${max} tekens.`,
  urgencyRequired: 'Kies hoe snel dit opgepakt moet worden.',
  invalid: 'Deze waarde is niet geldig.',
} as const;

export const T = {
  intakeTitle: 'Signaal doen',
  intakeIntro: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Maak je je zorgen over een leerling? Vul dit in; de ${n('preventionWorker', { plural: true })} van je school krijgen het meteen.`,
  intakeNoPupils: 'Er zijn geen leerlingen gevonden. Typ `/signaal` gevolgd door (een deel van) een naam of klas.',
  intakeFixErrors: 'Controleer de gemarkeerde velden.',
  /** a /signaal search without results; where type-ahead works (Teams) the search goes on in the card */
  intakeNoMatch: (query: string, typeAhead: boolean) =>
    `Geen leerlingen gevonden voor “${query}”. ${typeAhead ? 'Zoek hieronder verder.' : 'Probeer `/signaal` met een ander deel van de naam of de klas.'}`,
  confirmationTitle: (ref: string) => `Signaal ${ref} is ontvangen`,
  confirmationSentTo: (names: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Verstuurd naar de ${n('preventionWorker', { plural: true })}: ${names}.`,
  confirmationNoWorkers: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Er is op dit moment geen ${n('preventionWorker')} bereikbaar; de ${n('coordinator')} is ingelicht.`,
  duoReminder: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Let op: bij verzuim doet de school ook een verzuimmelding via DUO; de ${n('attendanceOfficer')} neemt daarna contact op.`,
  confirmationFollow: 'Je hoort van mij als er iets verandert. Met `/mijn` zie je je signalen.',
  duplicateSubmit: 'Dit signaal was al verstuurd.',
  unknownCommand: 'Dat commando ken ik niet. Typ `/help` voor wat ik kan.',
  /** an invoke whose verb no route knows (an old card) */
  unknownButton: 'Deze knop ken ik niet (meer). Open de kaart opnieuw met het commando.',
  /** a turn that failed on our side (start-bot.ts onTurnError) */
  turnFailed:
    'Er ging iets mis aan mijn kant. Probeer het over een minuut opnieuw; je invoer is niet opgeslagen als je geen bevestiging kreeg.',
  notAStaffMember:
    'Ik ken je nog niet als medewerker van een school die Waakvlam gebruikt. Vraag de functioneel beheerder van je school om je toe te voegen.',
  welcomePersonal: (name: string) => `Welkom bij Waakvlam, ${name}. Typ \`/help\` om te zien wat ik voor je kan doen.`,
  welcomeTeam:
    'Hallo! Ik ben Waakvlam. Een zorgcoördinator of functioneel beheerder koppelt de kanalen: typ `/koppel ot` in het kanaal van het ondersteuningsteam en `/koppel overzicht` in het kanaal van de zorgcoördinatoren.',
  channelNotAllowed:
    'In een kanaal werk ik alleen met `/koppel` en `/help`. Doe signalen in je persoonlijke chat met mij.',
  /** A card used outside the conversations it is sent to, or by someone outside the school: names nothing. */
  cardUnavailable: 'Deze kaart is hier niet beschikbaar. Gebruik Waakvlam in je eigen chat met de bot.',
  /** An action whose invoke names no message to answer in: nothing was done. */
  cardNotPlaced:
    'Deze actie kon ik niet verwerken; er is niets gewijzigd. Open de kaart opnieuw en probeer het nog eens.',
  /** A state-changing action without the version of its card: refused as stale. */
  cardStale:
    'Deze kaart is niet meer actueel; er is niets gewijzigd. Open de kaart opnieuw om de actuele stand te zien.',
  noOpenSignals: 'Je hebt geen lopende signalen.',
  mySignalsTitle: 'Mijn signalen',
  undeliverableTitle: 'Bericht kon niet worden bezorgd',
  /** a message that is not about one signal (the round form, a reminder…): what it was, in words */
  undeliverableWhat: {
    roundOpen: 'Het formulier van de 1-2-3 meting',
    roundReminder: 'De herinnering voor de 1-2-3 meting',
    roundClosed: 'De samenvatting van de gesloten 1-2-3 meting',
  } as Record<string, string>,
  noWorkersForSignal: (ref: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Signaal ${ref} kon bij geen enkele ${n('preventionWorker')} worden bezorgd. Wil je zorgen dat het wordt opgepakt?`,
  newSignalTitle: (ref: string) => `Nieuw signaal ${ref}`,
  claimedBy: (name: string) => `Opgepakt door ${name}`,
  lastChange: (when: string, who: string) => `Laatste wijziging: ${when} door ${who}`,
  claimButton: 'Oppakken',
  claimedYou: 'Je hebt dit signaal opgepakt.',
};

export function helpText(roles: readonly string[], opts: { demo?: boolean; names?: RoleNames } = {}): string {
  const n = opts.names ?? DEFAULT_ROLE_NAMES;
  const lines = ['**Waakvlam — wat ik kan**', ''];
  const has = (r: string) => roles.includes(r);
  if (roles.length === 0) {
    return [T.notAStaffMember, '', 'Commando’s: `/help`'].join('\n');
  }
  lines.push('- `/signaal` — meld een zorg over een leerling (ook `/signaal <naam of klas>` om meteen te zoeken)');
  lines.push(
    '- `/mijn` — ' +
      (has('preventionWorker')
        ? 'jouw zaken, per status, oudste eerst'
        : has('mentor')
          ? 'de status van jouw signalen en van signalen over leerlingen uit je mentorgroep'
          : 'de status van jouw signalen'),
  );
  if (has('preventionWorker') || has('coordinator')) lines.push('- `/ronde` — de voortgang van de 1-2-3 meting');
  if (has('preventionWorker') || has('coordinator') || has('supportTeam'))
    lines.push(
      '- `/leerling <naam>` — alle signalen over een leerling, open en afgesloten, met de scores van de 1-2-3 metingen',
    );
  if (has('preventionWorker'))
    lines.push(
      '- `/afwezig tot <datum>` — meld je afwezig (bijvoorbeeld `/afwezig tot 12 december`; ook `12-12` of `2026-12-12`): je duopartner krijgt je nieuwe signalen en ziet je zaken; `/afwezig uit` als je er weer bent, `/afwezig` voor de kaart',
    );
  if (has('coordinator'))
    lines.push(
      `- \`/overdragen\` — draag alle open zaken van een ${n('preventionWorker')} in één keer over aan een ander, met een reden`,
    );
  if (has('preventionWorker') || has('coordinator'))
    lines.push(
      '- `/bespreeklijst` — de lijst voor het wekelijkse zorgoverleg: nieuw, score 3, niet opgepakt, het OT, waakvlam; ook als PDF',
    );
  if (has('coordinator') || has('admin'))
    lines.push('- `/ronde open` — open de huidige 1-2-3 meting nu (bijvoorbeeld om het uit te proberen)');
  if (has('coordinator') || has('admin')) {
    lines.push('- `/overzicht` — het overzicht van jouw school, met namen (alleen in je persoonlijke chat)');
    lines.push(
      `- \`/koppel ot\` of \`/koppel overzicht\` — typ dit in het kanaal van het OT of van de ${n('coordinator', { plural: true })} om het te koppelen`,
    );
  }
  if (has('coordinator'))
    lines.push(
      '- `/inzage <leerlingnummer>` en `/vergeet <leerlingnummer>` — gegevens van een leerling inzien of wissen (AVG)',
    );
  if (has('coordinator'))
    lines.push(
      '- `/audit <leerlingnummer>` — het logboek: wie wat met de gegevens van een leerling heeft gedaan of bekeken',
    );
  if (has('admin'))
    lines.push(
      '- `/instellingen` — de instellingen van je school bekijken en wijzigen (metingen, overzicht, vakanties, termijnen, namen van rollen)',
    );
  lines.push('- `/help` — deze lijst');
  if (opts.demo)
    lines.push(
      '- `/demo tijd +3` — alleen in de demo: zet de klok 3 dagen vooruit om herinneringen en de meting te proberen',
    );
  const roleNames = roles.map((r) => roleWord(r, n)).join(', ');
  lines.push('', `Je rollen: ${roleNames}.`);
  return lines.join('\n');
}

// Built once: an Intl.DateTimeFormat costs far more to create than to use (every signal card formats its history).
const DATE_TIME_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const DATE_NL = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

export function formatDateTime(iso: string): string {
  return DATE_TIME_NL.format(new Date(iso));
}
export function formatDate(isoOrDate: string): string {
  return DATE_NL.format(new Date(isoOrDate.length === 10 ? isoOrDate + 'T12:00:00Z' : isoOrDate));
}
