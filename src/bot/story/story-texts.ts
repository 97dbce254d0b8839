import type { RoleNames } from '../../domain/role-labels';

/** Dutch texts of `/leerling` (issue 16): a pupil's whole story, for the care side of the school. */
export const PS = {
  usage:
    'Typ `/leerling` met (een deel van) de naam of de klas, bijvoorbeeld `/leerling Fenna` of `/leerling de Vries 1A`.',
  choiceTitle: (query: string) => `Meerdere leerlingen gevonden voor “${query}”`,
  choiceIntro: 'Kies de leerling van wie je de leerlingkaart wilt zien.',
  choiceButton: 'Bekijk',
  title: (pupil: string, school?: string) => (school ? `Leerling ${pupil} · ${school}` : `Leerling ${pupil}`),
  intro: (total: number, open: number) =>
    total === 0
      ? 'Over deze leerling is nog geen signaal gedaan.'
      : `${total === 1 ? '1 signaal' : `${total} signalen`}, waarvan ${open} open. Nieuwste eerst.`,
  roundsTitle: 'Scores in de 1-2-3 metingen',
  roundsNone: 'Nog geen score in de laatste metingen.',
  roundLabel: (roundNo: number, schoolYear: number) => `Meting ${roundNo} (${schoolYear}-${schoolYear + 1})`,
  noScore: 'geen score',
  trend: (levels: string) => `Trend 1-2-3: ${levels}`,
  signalsTitle: 'Signalen',
  reported: (date: string, categories: string) => `Gemeld ${date} · ${categories}`,
  owner: (name: string) => `Casushouder: ${name}`,
  notClaimed: 'Casushouder: nog niet opgepakt',
  closed: (date: string, outcome: string) => `Afgesloten ${date}${outcome ? ` — ${outcome}` : ''}`,
  reopened: (date: string) => `Heropend ${date}`,
  escalation: (n: RoleNames, steps: string) => `${n('supportTeam')}: ${steps}`,
  escalationRequested: (date: string) => `gevraagd ${date}`,
  escalationClaimed: (date: string, by: string) => `opgepakt door ${by} ${date}`,
  escalationReturned: (date: string) => `teruggegeven ${date}`,
  open: 'Open',
  signalCardSent: 'De signaalkaart staat hieronder als apart bericht.',
  someColleague: 'een collega',
};
