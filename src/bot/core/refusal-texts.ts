import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';
import { isRefusalCode, type RefusalCode } from '../../domain/refusal-codes';

/**
 * THE refusal catalogue: what a person reads for every refusal code (src/domain/refusal-codes.ts),
 * in Dutch, one text per code. Texts that name a role use the school's role words (`n`), so the
 * catalogue is built for a school's names; a code without a text does not compile. Nothing else
 * maps refusal codes to text: handlers call refusalText().
 */
export const refusalTexts = (n: RoleNames): Record<RefusalCode, string> => ({
  // who is asking
  'unknown-user':
    'Ik ken je nog niet als medewerker van een school. Vraag de functioneel beheerder om je toe te voegen.',
  'not-staff': `Je staat niet (meer) als medewerker van deze school geregistreerd. Neem contact op met de ${n('coordinator')}.`,
  'not-allowed-role': 'Dat mag je met jouw rol niet doen.',
  'other-school': 'Dit signaal hoort bij een andere school.',
  // cards and input
  forged: 'Deze actie is geweigerd: de kaart past niet bij jouw rol of school. De poging is vastgelegd.',
  'invalid-card': 'De gegevens van deze kaart zijn niet geldig. Open de kaart opnieuw met het commando.',
  'invalid-input': 'Deze invoer is niet geldig. Controleer de velden en probeer het opnieuw.',
  'unknown-action': 'Deze actie ken ik niet. Open de kaart opnieuw en probeer het nog eens.',
  busy: 'Het is even druk. Probeer het over een paar seconden opnieuw.',
  stale: 'Dit signaal is intussen gewijzigd. Hieronder zie je de actuele stand; probeer het zo nodig opnieuw.',
  'list-unknown': 'Deze lijst bestaat niet (meer). Typ `/mijn` om opnieuw te beginnen.',
  'signal-unknown': 'Dit signaal bestaat niet (meer).',
  // raising a signal (S4)
  'pupil-unknown': 'Deze leerling staat niet in het leerlingenbestand van jouw school.',
  'pupil-other-school':
    'Deze leerling hoort niet bij jouw school. Je kunt alleen een signaal doen over leerlingen van je eigen school.',
  'pupil-left': 'Deze leerling staat als vertrokken geregistreerd.',
  'no-category': 'Kies minstens één categorie.',
  'observation-empty': 'Beschrijf wat je hebt gezien of gehoord.',
  'observation-too-long': 'De beschrijving is te lang.',
  // handling a signal (S5)
  'already-claimed': 'Dit signaal is al opgepakt.',
  'already-closed': 'Dit signaal is al afgesloten.',
  'invalid-transition': 'Die stap kan niet vanuit de huidige status van dit signaal.',
  'missing-outcome': 'Kies een uitkomst om af te sluiten.',
  'missing-date': 'Kies een datum.',
  'date-in-past': 'Kies een datum in de toekomst.',
  'invalid-date': 'Dat is geen geldige datum. Kies een datum in de kalender.',
  'not-owner': `Alleen de ${n('preventionWorker')} die het signaal heeft opgepakt kan dit doen.`,
  'not-claimed': 'Pak het signaal eerst op.',
  'not-reporter': 'Alleen de melder kan deze vraag beantwoorden.',
  'already-owner': `Dit signaal is al van deze ${n('preventionWorker')}.`,
  'already-reannounced': 'Dit signaal is al opnieuw aangeboden.',
  'target-missing': 'Kies aan wie je het signaal toewijst.',
  'target-not-prevention-worker': `Je kunt alleen toewijzen aan een ${n('preventionWorker')} van deze school.`,
  'level-missing': 'Kies een score: 1, 2 of 3.',
  'note-empty': 'Vul een notitie in.',
  'note-too-long': 'De notitie is te lang (maximaal 2000 tekens).',
  'question-unknown': 'Deze vraag bestaat niet (meer).',
  'question-answered': 'Deze vraag is al beantwoord.',
  'question-exists': 'Deze vraag is al gesteld.',
  'question-empty': 'Vul een vraag in voor de melder.',
  'question-too-long': 'De vraag is te lang (maximaal 1000 tekens).',
  'answer-empty': 'Vul je antwoord in.',
  'answer-too-long': 'Je antwoord is te lang (maximaal 2000 tekens).',
  'text-empty': 'Vul een tekst in.',
  'text-too-long': 'De tekst is te lang.',
  'consent-reason-missing': 'Geef aan waarom ouders niet zijn geïnformeerd of geen toestemming gaven.',
  'consent-inconsistent': 'Ouders die niet zijn geïnformeerd, kunnen nog geen toestemming hebben gegeven.',
  // escalation to the OT (S6) and linking channels (S2)
  'escalation-already-claimed': 'Dit verzoek is al opgepakt door een collega van het OT.',
  'escalation-handled': 'Die stap kan niet meer: dit verzoek is al afgehandeld.',
  'escalation-old':
    'Dit verzoek is al afgehandeld. De zaak is later opnieuw opgeschaald; gebruik het nieuwste bericht in dit kanaal.',
  'escalation-not-ot': `De details van dit verzoek zijn alleen voor leden van het ${n('supportTeam')} (OT) van deze school. Je poging is vastgelegd; neem contact op met de ${n('coordinator')} als je denkt dat je toegang hoort te hebben.`,
  'escalation-returned': `Dit verzoek is al teruggegeven aan de ${n('preventionWorker')}.`,
  'summary-empty': `Vul een samenvatting in voor de ${n('preventionWorker')}.`,
  'summary-too-long': 'De samenvatting is te lang (maximaal 2000 tekens).',
  'link-no-role': `Alleen een ${n('coordinator')} of ${n('admin')} van de school kan een kanaal koppelen.`,
  'link-other-tenant': 'Dit team hoort niet bij de organisatie van jouw school. Het kanaal is niet gekoppeld.',
  // the 1-2-3 round (S7)
  'round-unknown': 'Deze meting bestaat niet (meer). Typ `/ronde` voor de actuele 1-2-3 meting.',
  'page-unknown':
    'Deze pagina past niet meer bij het leerlingenbestand (er is een leerling bij gekomen of vertrokken). Open de klas opnieuw via `/ronde`.',
  'round-closed': 'De meting is gesloten en deze pagina was al op tijd opgeslagen; hij kan niet meer worden gewijzigd.',
  'stale-page':
    'Deze pagina is intussen door een collega opgeslagen. Hieronder staat jouw invoer nog; controleer hem en sla opnieuw op om te overschrijven.',
  'not-offered': 'Voor deze leerling staat geen aanbod open in deze meting.',
  'no-round-window': 'Er is dit schooljaar geen 1-2-3 meting meer om te openen.',
  'no-round': 'Er is nog geen 1-2-3 meting geopend voor jouw school.',
  'round-role': `De 1-2-3 meting is voor ${n('preventionWorker', { plural: true })} en ${n('coordinator', { plural: true })}.`,
  // privacy (/audit, /inzage, /vergeet)
  'not-coordinator': `Alleen de ${n('coordinator')} van de school van deze leerling kan dit doen. De poging is vastgelegd.`,
  'pupil-number-invalid': 'Dat is geen geldig leerlingnummer.',
  'pupil-number-unknown': 'Geen leerling met dit leerlingnummer gevonden op jouw school.',
  'pupil-erased': 'Deze leerling bestaat niet (meer): de gegevens zijn al gewist of de kaart is verouderd.',
  'export-link-invalid':
    'Deze downloadlink is verlopen of al gebruikt. Vraag een nieuwe aan in Teams, met /inzage of /bespreeklijst.',
  'erase-confirmation-mismatch': 'Het getypte leerlingnummer klopt niet. Er is niets gewist.',
  'privacy-unavailable': 'Deze functie is nu niet beschikbaar. Probeer het later opnieuw.',
  // digest (/overzicht)
  'digest-not-coordinator': `Het overzicht met namen is alleen voor ${n('coordinator', { plural: true })}. Je poging is vastgelegd. Vraag je ${n('coordinator')} als je iets wilt weten over de signalen van je school.`,
  'digest-not-project-lead': `Het regio-overzicht is alleen voor de ${n('projectLead')}. Je poging is vastgelegd.`,
  'digest-no-school': 'Ik vind geen scholen in jouw regio.',
  // school settings
  'school-unknown': 'Deze school staat niet (meer) in Waakvlam.',
  // a pupil's story, reopening, no silent duplicates (issue 16)
  'story-not-allowed': `De leerlingkaart is alleen voor de ${n('preventionWorker', { plural: true })}, de ${n('coordinator')} en het ${n('supportTeam')} van de school. Je poging is vastgelegd.`,
  'pupil-not-found': 'Geen leerling gevonden met die naam. Probeer een ander deel van de naam of de klas.',
  'already-added': 'Je aanvulling staat al bij het open signaal.',
  'reopen-reason-missing': 'Vul de reden in waarom je het signaal heropent.',
  // absence and handover (issue 16)
  'leave-not-prevention-worker': `Alleen een ${n('preventionWorker')} kan zich afwezig melden; haar duopartner neemt dan haar zaken waar.`,
  'leave-too-far': `Die datum ligt meer dan een jaar vooruit. Kies een eerdere datum, of vraag de ${n('coordinator')} de zaken over te dragen.`,
  'agenda-not-allowed': `De bespreeklijst is alleen voor de ${n('preventionWorker', { plural: true })} en de ${n('coordinator')} van de school. Je poging is vastgelegd.`,
  'handover-not-coordinator': `Alleen de ${n('coordinator')} kan de zaken van een ${n('preventionWorker')} overdragen.`,
  'handover-same-worker': 'Kies twee verschillende personen: van wie en aan wie de zaken gaan.',
  'handover-reason-missing': 'Vul de reden van de overdracht in; die wordt bij elk signaal vastgelegd.',
});

/** The catalogue in the glossary's role words (where no school is known). */
export const REFUSAL_TEXTS: Record<RefusalCode, string> = refusalTexts(DEFAULT_ROLE_NAMES);

/** The one fallback: for a code that is not in the catalogue (e.g. an unknown string read from the store). */
export const refusalFallback = (n: RoleNames = DEFAULT_ROLE_NAMES): string =>
  `Dat lukte niet. Probeer het opnieuw of neem contact op met de ${n('coordinator')}.`;

/**
 * What a person reads for a refusal code, in the school's role words (`n`). The type makes every
 * call site name a catalogue code; a value that only claims to be one (a code read back from the
 * store, cast at the boundary) still gets the fallback, never `undefined`.
 */
export const refusalText = (code: RefusalCode, n: RoleNames = DEFAULT_ROLE_NAMES): string =>
  isRefusalCode(code) ? refusalTexts(n)[code] : refusalFallback(n);
