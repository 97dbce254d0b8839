import { renderCard, type CardJson } from './render-card';

/** A short card with one sentence (a refusal, a confirmation): the `notice` template. */
export function noticeCard(text: string, title = 'Waakvlam', color = 'Attention'): CardJson {
  return renderCard('notice', { title, text, color, facts: [] });
}
