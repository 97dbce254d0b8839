import type { CardJson } from './render-card';

/**
 * Teams refreshes a Universal Actions card automatically only for the users whose MRI (`29:…`) is in
 * `refresh.userIds` (at most 60); `userIds: []` means "manual refresh only" (the card's ⋯ menu).
 * The templates carry `[]`; a card shown in a personal chat gets its one recipient here, when it is
 * sent or answered, so it is current whenever that person opens it. Channel cards keep `[]`: a
 * channel can have more members than Teams refreshes for, and a refresh for every member who
 * scrolls past would be one invoke each; they refresh on demand (escalation-views.ts).
 */
export function refreshingFor(card: CardJson, recipientMri: string | undefined): CardJson {
  const refresh = card.refresh as Record<string, unknown> | undefined;
  if (!refresh || !recipientMri) return card;
  return { ...card, refresh: { ...refresh, userIds: [recipientMri] } };
}
