import type { RoleNames } from '../../domain/role-labels';

/**
 * Dutch texts of the step before a signal is raised when the pupil already has an open signal
 * (issue 16: no silent duplicates), of adding an observation to it, and of the notice to its
 * casushouder. The card says only reference, casushouder and since when: nothing of the content.
 */
export const OT = {
  existsTitle: (pupil: string) => `Er loopt al een signaal over ${pupil}`,
  existsIntro:
    'Over deze leerling is al een signaal open. Je kunt je waarneming toevoegen aan dat signaal, of toch een nieuw signaal doen. Wat je hebt ingevuld blijft bewaard.',
  referenceFact: 'Signaal',
  ownerFact: 'Casushouder',
  sinceFact: 'Sinds',
  notClaimed: 'nog niet opgepakt',
  addButton: 'Toevoegen aan het open signaal',
  newButton: 'Toch een nieuw signaal',
  addedTitle: (reference: string) => `Toegevoegd aan signaal ${reference}`,
  addedText: (reference: string, owner: string | undefined, n: RoleNames) =>
    owner
      ? `Je waarneming staat nu in het verloop van signaal ${reference}. ${owner} (casushouder) is ingelicht.`
      : `Je waarneming staat nu in het verloop van signaal ${reference}. De ${n('preventionWorker', { plural: true })} zijn ingelicht.`,
  alreadyAdded: (reference: string) =>
    `Je waarneming stond al bij signaal ${reference}; er is niets dubbel toegevoegd.`,
  openSignalGone:
    'Het open signaal is intussen afgesloten. Je waarneming is niet toegevoegd; je kunt hieronder een nieuw signaal doen.',
  // the notice to the casushouder (or, unclaimed, the prevention workers)
  additionTitle: (reference: string) => `Aanvulling op signaal ${reference}`,
  additionText: (who: string, pupil: string, reference: string) =>
    `${who} had een nieuwe waarneming over ${pupil} en heeft die toegevoegd aan signaal ${reference} in plaats van een nieuw signaal te doen. De aanvulling staat in het verloop van de signaalkaart.`,
  additionFact: 'Aanvulling',
  additionLevelFact: 'Inschatting van de melder',
  additionUrgencyFact: 'Urgentie',
  urgentSummary: (title: string) => `Urgent: ${title}`,
  someColleague: 'een collega',
  // reopening a closed signal
  reopened:
    'Signaal heropend. Jij bent nu casushouder; de melder (en de mentor, als die meeleest) horen alleen dat het signaal is heropend.',
  reopenButton: 'Heropenen…',
  thePupil: 'de leerling',
};
