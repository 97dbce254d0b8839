import type { RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of the notifications about a raised signal (signal-renderers.ts): the notices to
 * mentor, coordinator and attendance officer, and the reporter's status notices. Texts that name a
 * role take the school's role words (`n`); `workers` is the prevention workers' plural.
 */
export const NT = {
  someColleague: 'een collega',
  categoryFact: 'Categorie',
  levelFact: 'Inschatting of score',
  mentorTitle: 'Signaal over je mentorleerling',
  mentorPupilFallback: 'een leerling uit je mentorgroep',
  mentorText: (reporter: string, pupil: string, reference: string, workers: string) =>
    `${reporter} heeft een signaal gedaan over ${pupil} (${reference}). De ${workers} pakken het op; neem gerust contact met hen op.`,
  aPupil: 'een leerling',
  levelThreeTitle: (reference: string) => `Crisis/nood gemeld: ${reference}`,
  levelThreeText: (pupil: string, workers: string) =>
    `Er is een signaal over ${pupil} met inschatting of score 3 (crisis/nood). De ${workers} zijn ingelicht.`,
  attendanceTitle: (reference: string) => `Verzuimsignaal ${reference}`,
  attendanceText: (pupil: string, workers: string) =>
    `Er is een signaal in de categorie verzuim over ${pupil}. De school doet een verzuimmelding via DUO; de ${workers} houden je op de hoogte.`,
  reporterStatusTitle: (reference: string) => `Nieuws over je signaal ${reference}`,
  reporterStatusText: (pupil: string, status: string) => `Je signaal over ${pupil} ${status}`,
  thePupil: 'de leerling',
  /** a status without its own sentence */
  statusUpdated: 'is bijgewerkt.',
  /** a general notice without a title */
  noticeTitle: 'Waakvlam',
};

/** What the reporter reads about their signal's status, after "Je signaal over … ". */
export const REPORTER_STATUS_TEXT: Record<string, (by: string, n: RoleNames) => string> = {
  received: () => 'is ontvangen.',
  claimed: (by) => `is opgepakt door ${by}.`,
  inProgress: () => 'is in behandeling.',
  escalated: (_by, n) => `is opgeschaald naar het ${n('supportTeam')} (OT).`,
  watch: (_by, n) => `is weer bij de ${n('preventionWorker')}, die de vinger aan de pols houdt (waakvlam).`,
  /** a watch set without an escalation before it: nothing came back, so not "weer" */
  watchDirect: (by, n) =>
    `wordt in de gaten gehouden door ${by} (waakvlam): op een afgesproken moment kijkt de ${n('preventionWorker')} weer hoe het gaat.`,
  aftercare: () => 'is in de fase van nazorg.',
  closed: (by) => `is afgerond door ${by}. Bedankt dat je het hebt gemeld.`,
  /** a closed signal taken up again (issue 16): only that, never the reason (care content) */
  reopened: (by) => `is heropend door ${by} en is weer in behandeling.`,
};
