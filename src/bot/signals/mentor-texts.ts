import { DEFAULT_ROLE_NAMES, type RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of the mentor in the loop (issue 16): the `/mijn` list of signals about pupils of
 * her mentor group and the status notices she gets. Never the observation, a note or a question.
 */
export const MT = {
  listTitle: 'Leerlingen uit je mentorgroep',
  listTitleAt: (school: string) => `Leerlingen uit je mentorgroep bij ${school}`,
  listCount: (open: number, total: number, n: RoleNames = DEFAULT_ROLE_NAMES) =>
    `${total === 1 ? '1 signaal' : `${total} signalen`} over leerlingen uit je mentorgroep, ${open} lopend. ` +
    `Je ziet de status en de casushouder; de waarneming en de notities blijven bij de ${n('preventionWorker', { plural: true })}.`,
  listNone: 'Er zijn geen signalen over leerlingen uit je mentorgroep.',
  /** one row: pupil — status · casushouder · dates */
  row: (pupil: string, status: string, owner: string, dates: string) =>
    `${pupil} — ${status} · casushouder: ${owner} · ${dates}`,
  noOwner: 'nog niemand',
  /** the casushouder while she is away, with who stands in for her (issue 16) */
  ownerAway: (name: string, standIns?: string) =>
    standIns ? `${name} (afwezig; vervanging: ${standIns})` : `${name} (afwezig)`,
  raisedOn: (date: string) => `gemeld ${date}`,
  changedOn: (date: string) => `bijgewerkt ${date}`,
  closedOn: (date: string) => `afgerond ${date}`,
  unknownPupil: 'een leerling uit je mentorgroep',

  statusTitle: (ref: string) => `Nieuws over signaal ${ref} (mentorleerling)`,
  statusText: (pupil: string, status: string) => `Het signaal over ${pupil} uit je mentorgroep ${status}`,
  /** closed, as the mentor hears it (the reporter is thanked for reporting instead) */
  statusClosed: (by: string) => `is afgerond door ${by}.`,
};
