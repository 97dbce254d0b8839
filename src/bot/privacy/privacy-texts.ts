/** Dutch texts of the privacy commands (/audit, /inzage, /vergeet) and of retention (refusals: core/refusal-texts.ts). */
export const PT = {
  messageRemovedRetention: 'Dit bericht is verwijderd volgens het bewaarbeleid van de school.',
  messageRemovedErasure: 'Dit bericht is verwijderd op verzoek van de school (AVG: recht op vergetelheid).',
  usage: (command: string) => `Gebruik: \`/${command} <leerlingnummer>\`, bijvoorbeeld \`/${command} 260101\`.`,
  auditTitle: (pupil: string) => `Logboek van ${pupil}`,
  auditIntro: (shown: number, total: number) =>
    total > shown
      ? `De ${shown} meest recente van ${total} regels. Met \`/inzage\` krijg je de volledige lijst.`
      : `Alle ${total} regels, nieuwste eerst.`,
  auditEmpty: 'Er is (nog) niets vastgelegd over deze leerling.',
  exportTitle: (pupil: string) => `Inzage: ${pupil}`,
  exportIntro:
    'Dit is alles wat Waakvlam over deze leerling bewaart. Download het bestand; de link werkt één keer en is 10 minuten geldig. Het downloaden wordt vastgelegd.',
  exportButton: 'Download inzagebestand (.md)',
  exportValidUntil: (when: string) => `Geldig tot ${when}`,
  unknownUser: 'onbekende gebruiker',
  messageRemovedSummary: 'Bericht verwijderd',
  eraseTitle: (pupil: string) => `Gegevens van ${pupil} definitief wissen?`,
  eraseIntro:
    'Dit wist alles wat Waakvlam over deze leerling bewaart, in alle opslag: de leerlingregistratie, de signalen met hun geschiedenis en notities, de scores van de 1-2-3 meting en de logboekregels over de leerling. Berichten van Waakvlam in Teams over deze signalen worden vervangen door een neutrale tekst. Dit kan niet ongedaan worden gemaakt. Alleen het feit dát er gewist is wordt vastgelegd, zonder naam of leerlingnummer.',
  eraseConfirmLabel: 'Typ ter bevestiging het leerlingnummer',
  eraseButton: 'Definitief wissen',
  erasedTitle: 'Gegevens gewist',
  erased: (c: { signals: number; scores: number; deliveries: number; audit: number }) =>
    `De gegevens van de leerling zijn gewist: ${c.signals} signaal/signalen, ${c.scores} score(s), ${c.audit} logboekregel(s); ${c.deliveries} bericht(en) in Teams worden geneutraliseerd. De wissing zelf is vastgelegd zonder naam of leerlingnummer.`,
  countsSignals: 'Signalen',
  countsScores: 'Scores 1-2-3 meting',
  countsDeliveries: 'Berichten in Teams',
  countsAudit: 'Logboekregels',
} as const;

/** What an audit entry's action means, for the logboek (/audit) and the export. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'signal.raise': 'Signaal gedaan',
  'signal.view': 'Signaal bekeken',
  'signal.claim': 'Signaal opgepakt',
  'signal.score': 'Score gegeven',
  'signal.note': 'Notitie toegevoegd',
  'signal.ask': 'Vraag aan melder gesteld',
  'signal.answer': 'Vraag beantwoord',
  'signal.escalate': 'Opgeschaald naar het OT',
  'signal.watch': 'Waakvlam ingesteld',
  'signal.aftercare': 'Nazorg gestart',
  'signal.close': 'Signaal afgesloten',
  'signal.reassign': 'Signaal toegewezen',
  'signal.reannounce': 'Signaal opnieuw aangeboden',
  'signal.action': 'Actie op signaal',
  'pupil.list': 'Leerlingenlijst getoond',
  'pupil.search': 'Leerlingen gezocht',
  'pupil.auditTrail': 'Logboek bekeken',
  'pupil.export': 'Inzage opgevraagd',
  'pupil.export.download': 'Inzagebestand gedownload',
  'pupil.erase.preview': 'Wissen voorbereid',
  'pupil.erase': 'Gegevens gewist',
  'retention.purge': 'Opgeruimd volgens bewaarbeleid',
  'meeting.agenda': 'Op de bespreeklijst getoond',
  'meeting.agenda.download': 'Bespreeklijst gedownload',
};
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

export const AUDIT_OUTCOME_LABELS: Record<string, string> = { ok: 'gelukt', refused: 'geweigerd', failed: 'mislukt' };

/** The inzage file (pupil-export-markdown.ts): its Dutch headings, field names and phrases. */
export const XT = {
  yes: 'ja',
  no: 'nee',
  escalationStatus: {
    open: 'aangevraagd, nog niet opgepakt',
    claimed: 'opgepakt door het OT',
    returned: 'teruggegeven aan de preventiewerker',
  } as Record<string, string>,
  botActor: 'Waakvlam (automatisch)',
  staffId: (id: string) => `medewerker ${id}`,
  title: (pupil: string) => `# Inzage Waakvlam — ${pupil}`,
  school: (name: string) => `School: ${name}  `,
  generatedAt: (when: string) => `Gemaakt op: ${when}  `,
  intro: 'Dit bestand bevat alle gegevens die Waakvlam over deze leerling bewaart.',
  pupilHeading: '## Leerling',
  pupilName: (v: string) => `- Naam: ${v}`,
  pupilNumber: (v: string) => `- Leerlingnummer: ${v}`,
  pupilClass: (v: string) => `- Klas: ${v}`,
  pupilMentor: (v: string) => `- Mentor: ${v}`,
  pupilLeft: (v: string) => `- Vertrokken: ${v}`,
  technicalId: (v: string) => `- Technisch id: ${v}`,
  signalsHeading: (n: number) => `## Signalen (${n})`,
  noSignals: 'Geen signalen.',
  raised: (when: string, who: string) => `- Gedaan op: ${when} door ${who}`,
  categories: (v: string) => `- Categorieën: ${v}`,
  reporterLevel: (v: string) => `- Inschatting melder: ${v}`,
  workerLevel: (v: string) => `- Score preventiewerker: ${v}`,
  urgency: (v: string) => `- Urgentie: ${v}`,
  alreadyKnown: (pupil: string, parents: string, mentor: string) =>
    `- Al op de hoogte: leerling ${pupil}, ouders ${parents}, mentor ${mentor}`,
  status: (v: string) => `- Status: ${v}`,
  owner: (v: string) => `- Casushouder: ${v}`,
  closedAt: (v: string) => `- Afgesloten op: ${v}`,
  watchCheckIn: (v: string) => `- Waakvlam, weer kijken op: ${v}`,
  observation: 'Wat is waargenomen:',
  escalationsHeading: '#### Opschalingen naar het OT',
  escalation: (when: string, who: string, status: string, urgency: string) =>
    `- ${when} door ${who} — status: ${status}, urgentie ${urgency}`,
  escalationReason: (v: string) => `  - Reden: ${v}`,
  escalationQuestion: (v: string) => `  - Vraag aan het OT: ${v}`,
  escalationParents: (informed: string, consented: string, why: string) =>
    `  - Ouders geïnformeerd: ${informed}; toestemming: ${consented}${why}`,
  escalationClaimed: (v: string) => `  - Opgepakt: ${v}`,
  escalationSummary: (v: string) => `  - Terugkoppeling OT: ${v}`,
  questionsHeading: '#### Vragen aan de melder',
  answer: (v: string) => `  - Antwoord: ${v}`,
  historyHeading: '#### Geschiedenis en notities',
  historyLevel: (level: number) => `score ${level}`,
  historyOutcome: (v: string) => `uitkomst ${v}`,
  historyCheckIn: (v: string) => `weer kijken op ${v}`,
  historyReason: (v: string) => `reden: ${v}`,
  historyNote: (careOnly: boolean, v: string) => `\n  - Notitie${careOnly ? ' (alleen zorg)' : ''}: ${v}`,
  deliveriesHeading: '#### Berichten van Waakvlam in Teams',
  noDeliveries: 'Geen vastgelegde kaarten.',
  channel: (v: string) => `kanaal ${v}`,
  delivery: (when: string, to: string, conversation: string, activity: string) =>
    `- ${when} aan ${to} (gesprek ${conversation}, bericht ${activity})`,
  scoresHeading: (n: number) => `## Scores 1-2-3 meting (${n})`,
  noScores: 'Geen scores.',
  score: (round: string, level: string, saved: string, id: string) =>
    `- Meting ${round}: ${level} (opgeslagen ${saved}; technisch id ${id})`,
  auditHeading: (n: number) => `## Logboek (${n})`,
  auditIntro: 'Wie heeft wat met de gegevens van deze leerling gedaan of bekeken, nieuwste eerst.',
  auditTableHead: ['| Wanneer | Wie | Wat | Uitkomst |', '|---|---|---|---|'],
} as const;
