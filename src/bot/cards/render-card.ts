import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';

/** Where the card templates live (`cards/` at the repo root). */
export const CARDS_DIR = path.resolve(__dirname, '..', '..', '..', 'cards');

export type CardJson = { type: 'AdaptiveCard'; [key: string]: unknown };

const templates = new Map<string, ACData.Template>();

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Bad card template name: ${name}`);
    const json = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    t = new ACData.Template(json);
    templates.set(name, t);
  }
  return t;
}

/** Expands `cards/<name>.json` with data; the result is plain Adaptive Card JSON. */
export function renderCard(name: string, data: object): CardJson {
  return stripNulls(template(name).expand({ $root: data })) as CardJson;
}

/** Drops properties a `$when` turned into null (e.g. `choices.data`), which some clients mis-handle. */
function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(stripNulls);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = stripNulls(v);
    return out;
  }
  return value;
}
