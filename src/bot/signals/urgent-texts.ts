import type { Signal } from '../../domain/signal';

/**
 * Dutch texts of urgency that acts (issue 16, point 5): the mark an urgent signal carries on the
 * prevention workers' card and in the activity feed, and the coordinators' notice when nobody
 * claimed it within the school's working hours.
 */
export const UT = {
  today: 'Vandaag nog',
  levelThree: 'Crisis/nood (3)',
  /** the card's banner while nobody has claimed a "Vandaag nog" signal (it says "today" once) */
  pickUpToday: 'Vandaag nog oppakken',
  /** after the mark of a level-3 signal that is not marked "Vandaag nog", while nobody has claimed it */
  pickUpTodayAsk: 'graag vandaag nog oppakken',
  /** the activity feed's line of a new urgent signal */
  newSignalSummary: (mark: string, reference: string) => `${mark}: nieuw signaal ${reference}`,
  unclaimedTitle: (reference: string, mark: string) => `Nog niet opgepakt: ${reference} (${mark})`,
  unclaimedText: (reference: string, hours: number, workers: string) =>
    `Signaal ${reference} is urgent en na ${hours} ${hours === 1 ? 'werkuur' : 'werkuren'} nog door geen van de ${workers} opgepakt. Zorg dat iemand het vandaag oppakt.`,
  referenceFact: 'Signaal',
  categoryFact: 'Categorie',
  urgencyFact: 'Urgentie',
  raisedFact: 'Gemeld op',
};

/** How an urgent signal is marked: "Vandaag nog", "Crisis/nood (3)" or both; '' when it is not urgent. */
export const urgencyMark = (signal: Pick<Signal, 'urgency' | 'reporterLevel'>): string =>
  [signal.urgency === 'today' && UT.today, signal.reporterLevel === 3 && UT.levelThree].filter(Boolean).join(' · ');

/**
 * The banner at the top of the signal card: the mark, and while nobody claimed it, the ask —
 * "Vandaag nog oppakken" in place of "Vandaag nog", so "today" is said once.
 */
export const urgencyBanner = (signal: Pick<Signal, 'urgency' | 'reporterLevel' | 'state'>): string => {
  const mark = urgencyMark(signal);
  if (!mark || signal.state === 'closed') return '';
  if (signal.state !== 'new') return mark;
  if (signal.urgency !== 'today') return `${mark}: ${UT.pickUpTodayAsk}`;
  return [UT.pickUpToday, signal.reporterLevel === 3 && UT.levelThree].filter(Boolean).join(' · ');
};
