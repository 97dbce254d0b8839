import { renderCard, type CardJson } from '../core/render-card';
import { HT } from './signal-handling-texts';

/** The lists of `/mijn` that page with 'Volgende' (list.page routes them by this name). */
export const LISTS = { caseload: 'caseload', reported: 'reported', mentorGroup: 'mentorGroup' } as const;
export type ListName = (typeof LISTS)[keyof typeof LISTS];

/** One page of a list of signals as one card (signal-list), with 'Vorige'/'Volgende' where they apply. */
export function listCard(o: {
  title: string;
  text: string;
  facts?: { title: string; value: string }[];
  list: ListName;
  schoolId: string;
  page: number;
  pages: number;
  withPrevious?: boolean;
}): CardJson {
  return renderCard('signal-list', {
    title: o.title,
    text: o.text,
    facts: o.facts ?? [],
    list: o.list,
    schoolId: o.schoolId,
    hasPrevious: !!o.withPrevious && o.page > 0,
    previousTitle: HT.previousButton,
    previousPage: o.page - 1,
    hasNext: o.page < o.pages - 1,
    nextTitle: HT.nextButton,
    nextPage: o.page + 1,
  });
}
