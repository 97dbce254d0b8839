/** Finds elements anywhere in a card's JSON (nested containers, ShowCards, action sets). */
function collect(card: unknown, match: (v: any) => boolean): any[] {
  const out: any[] = [];
  JSON.stringify(card, (_k, v) => {
    if (v && typeof v === 'object' && match(v)) out.push(v);
    return v;
  });
  return out;
}

/** Every Action.Execute with this verb, in document order. */
export const actionsOf = (card: unknown, verb: string): any[] =>
  collect(card, (v) => v.type === 'Action.Execute' && v.verb === verb);

/** The first Action.Execute with this verb, or undefined. */
export const findAction = (card: unknown, verb: string): any => actionsOf(card, verb)[0];

/** Every Input.* element. */
export const inputsOf = (card: unknown): any[] =>
  collect(card, (v) => typeof v.id === 'string' && String(v.type).startsWith('Input.'));

/** The element with this id (the last one when ids repeat), or undefined. */
export const findById = (card: unknown, id: string): any => collect(card, (v) => v.id === id).at(-1);
