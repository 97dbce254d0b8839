import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { markdownOf, plainOf } from './literal-text';

/** Where the card templates live (`cards/` at the repo root). */
export const CARDS_DIR = path.resolve(__dirname, '..', '..', '..', 'cards');

export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Bad card template name: ${name}`);
    const json: unknown = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/**
 * Expands `cards/<name>.json` with data; the result is plain Adaptive Card JSON. User text the
 * views marked with `literal()` is escaped where Teams reads Markdown and unmarked elsewhere.
 */
export function renderCard(name: string, data: object): CardJson {
  return finish(template(name).expand({ $root: data }), false) as CardJson;
}

/** The fields Teams renders as Markdown: a TextBlock's text, a Fact's title and value. */
const isMarkdownField = (owner: Record<string, unknown>, key: string, inFacts: boolean): boolean =>
  (owner.type === 'TextBlock' && key === 'text') || (inFacts && (key === 'title' || key === 'value'));

/**
 * Drops properties a `$when` turned into null (e.g. `choices.data`), which some clients
 * mis-handle, and finishes every string (markdownOf / plainOf).
 */
function finish(value: unknown, inFacts: boolean): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map((v) => finish(v, inFacts));
  if (value && typeof value === 'object') {
    const owner = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(owner)) {
      if (v === null || v === undefined) continue;
      if (typeof v === 'string') out[k] = isMarkdownField(owner, k, inFacts) ? markdownOf(v) : plainOf(v);
      else out[k] = finish(v, owner.type === 'FactSet' && k === 'facts');
    }
    return out;
  }
  return typeof value === 'string' ? plainOf(value) : value;
}
