/**
 * One word per thing (issue 16, point 8): the Dutch word a user reads for each concept, after
 * ../shared/domain/GLOSSARY.md. Every text module (texts.ts, the *-texts.ts files, the refusal
 * catalogue) and every card template uses these words and no other; test/cards/banned-words.test.ts
 * fails when a user-visible text holds one of the words in NOT_SHOWN.
 *
 * | concept (code)                        | the word users read                         | not                          |
 * |---------------------------------------|---------------------------------------------|------------------------------|
 * | Signal                                | signaal                                     |                              |
 * | Reporter                              | melder                                      |                              |
 * | owner (who took the signal on)        | casushouder                                 | eigenaar, behandelaar, owner |
 * | a case: a signal as someone's work    | zaak (je zaken, de zaken van …)             | casus, caseload              |
 * | reporterLevel (2/3 at intake)         | inschatting                                 | niveau                       |
 * | workerLevel, a round's score (1/2/3)  | score                                       | niveau                       |
 * | the 1-2-3 value whoever gave it       | inschatting of score                        | niveau                       |
 * | Round (four times a year)             | 1-2-3 meting; one of them: meting 2         | ronde, 1-2-3 ronde           |
 * | Digest                                | overzicht                                   | digest                       |
 * | a status notice to reporter/mentor    | nieuws (over je signaal)                    | update                       |
 * | the audit trail of a pupil            | logboek (a line: logboekregel)              | audittrail, auditregel       |
 * | observation of the reporter           | waarneming                                  | observatie                   |
 * | the date a worker looks again (watch) | weer kijken op                              | check-in                     |
 * | a pupil's whole story (/leerling)     | leerlingkaart                               | overzicht (that is a digest) |
 * | a signal's history                    | verloop                                     |                              |
 * | the 1-2-3 scores over time            | trend 1-2-3                                 | verloop                      |
 * | the bot's 1:1 conversation in Teams   | (je) persoonlijke chat                      | persoonlijk gesprek          |
 *
 * Commands keep their names: `/ronde` (with `/meting` as an alias, src/bot/core/routes.ts) opens the
 * 1-2-3 meting, `/audit` shows the logboek. A command is an identifier the user types, not a word
 * of a sentence, so the banned-words test skips `/command` tokens.
 */
export const WORDS = {
  owner: 'casushouder',
  ownerFact: 'Casushouder',
  reporter: 'melder',
  reporterLevelFact: 'Inschatting melder',
  workerLevelFact: 'Score',
  round: '1-2-3 meting',
  auditLog: 'logboek',
  observationFact: 'Waarneming',
} as const;

/** Words a user never reads, each with the word to use instead (see the table above). */
export const NOT_SHOWN: Readonly<Record<string, string>> = {
  caseload: 'zaken',
  update: 'nieuws',
  updates: 'nieuws',
  digest: 'overzicht',
  audittrail: 'logboek',
  'audit trail': 'logboek',
  auditregel: 'logboekregel',
  auditregels: 'logboekregels',
  owner: 'casushouder',
  eigenaar: 'casushouder',
  behandelaar: 'casushouder',
  dashboard: 'overzicht',
  submit: 'versturen',
  niveau: 'inschatting, score',
  ronde: 'meting',
  rondes: 'metingen',
  '1-2-3 ronde': '1-2-3 meting',
  observatie: 'waarneming',
  casus: 'zaak',
  casussen: 'zaken',
  'check-in': 'weer kijken op',
};
