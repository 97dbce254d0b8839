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
