import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of the coordinators' notice that a message could not be delivered (S4: a signal
 * never silently goes nowhere). What it was, why it did not arrive, and what happens now.
 */
export const UT = {
  title: 'Bericht kon niet worden bezorgd',
  /** who a notice names when the job could not tell (older notices) */
  someColleague: 'een collega',
  /** the `who` the undeliverable job (src/jobs/undeliverable-notices.ts) stores for the OT channel */
  otChannel: 'het OT-kanaal',
  titleSignalCard: (ref: string, who: string) => `Signaal ${ref} niet bezorgd bij ${who}`,
  titlePerson: (who: string) => `Berichten voor ${who} wachten`,

  /** what could not be delivered, by notification kind, for a message about one signal */
  whatAboutSignal: {
    signalCard: (ref: string) => `Het nieuwe signaal ${ref}`,
    reporterStatus: (ref: string) => `Nieuws over signaal ${ref}`,
    mentorNotice: (ref: string) => `Het bericht aan de mentor over signaal ${ref}`,
    levelThreeNotice: (ref: string) => `Het bericht over crisis/nood bij signaal ${ref}`,
    attendanceNotice: (ref: string) => `Het verzuimbericht over signaal ${ref}`,
    escalationPost: (ref: string) => `Het verzoek aan het OT over signaal ${ref}`,
    escalationReminder: (ref: string) => `De herinnering aan het OT over signaal ${ref}`,
    escalationClaimed: (ref: string) => `Het bericht dat het OT signaal ${ref} heeft opgepakt`,
    escalationReturned: (ref: string) => `Het bericht dat signaal ${ref} terug is van het OT`,
    escalationDetails: (ref: string) => `De details van OT-verzoek ${ref}`,
  } as Record<string, (ref: string) => string>,
  whatSignalOther: (ref: string) => `Een bericht over signaal ${ref}`,
  /** a message not about one signal whose kind has no words of its own (see also T.undeliverableWhat) */
  whatOther: 'Een bericht van Waakvlam',

  notDelivered: (what: string, who: string) => `${what} kon niet worden bezorgd bij ${who}.`,
  notPosted: (what: string, channel: string) => `${what} kon niet worden geplaatst in ${channel}.`,

  whyNoReference: (who: string) => `${who} heeft Waakvlam nog niet geopend in Teams.`,
  whyRefused: (who: string) =>
    `Teams laat Waakvlam ${who} op dit moment niet bereiken, bijvoorbeeld omdat de app Waakvlam is verwijderd.`,
  whyConnectionLost: (who: string) => `De verbinding met de chat van ${who} is verbroken.`,
  whyChannelNotLinked: 'Dat kanaal is nog niet gekoppeld.',
  whyChannelRefused: 'Teams laat Waakvlam daar niet meer posten; misschien is Waakvlam uit het team verwijderd.',
  whyGaveUp: 'Het is na herhaalde pogingen niet gelukt.',

  waitsForPerson: (who: string, opened: boolean) =>
    `Het bericht wacht en wordt bezorgd zodra ${who} Waakvlam ${opened ? 'weer ' : ''}opent.`,
  signalWaitsForPerson: (who: string, opened: boolean) =>
    `Het signaal wacht en wordt bezorgd zodra ${who} Waakvlam ${opened ? 'weer ' : ''}opent. Let erop dat het intussen door iemand anders wordt opgepakt.`,
  laterMessagesWait: (who: string) =>
    `Ook volgende berichten voor ${who} wachten tot dan. Hierover krijg je vandaag geen nieuwe melding, wel over elk nieuw signaal dat ${who} niet bereikt.`,
  waitsForLink: (command: string, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het bericht wacht en wordt geplaatst zodra een ${n('coordinator')} of ${n('admin')} ${command} typt in dat kanaal.`,
  waitsForRelink: (command: string) =>
    `Het bericht wacht: voeg Waakvlam weer toe aan het team en typ ${command} in dat kanaal; dan wordt het geplaatst.`,
  givenUp: (n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `Het bericht wordt niet opnieuw verstuurd. Vraag de ${n('admin')} om dit na te kijken.`,
  coordinatorsChannel: (n: RoleNames = DEFAULT_ROLE_NAMES) => `het kanaal van de ${n('coordinator', { plural: true })}`,
};
