import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARDS_DIR, renderCard } from '../../src/bot/core/render-card';
import { VERB_ROUTES } from '../../src/bot/core/routes';

/** Every Action.Execute in a card (actions, refresh, nested action sets), with its verb and data. */
function executesIn(node: unknown, out: Array<{ verb: string; data: Record<string, unknown> }> = []) {
  if (Array.isArray(node)) node.forEach((n) => executesIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string')
      out.push({ verb: o.verb, data: (o.data ?? {}) as Record<string, unknown> });
    Object.values(o).forEach((v) => executesIn(v, out));
  }
  return out;
}

const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const routeOf = (verb: string) => VERB_ROUTES.find((r) => r.verb === verb);

describe('every state-changing card action carries its version (issue 19)', () => {
  it('gives every state-changing verb a version field, or says why it needs none', () => {
    for (const r of VERB_ROUTES.filter((x) => !x.readOnly)) {
      expect([r.verb, !!r.version !== !!r.unversioned]).toEqual([r.verb, true]);
    }
    for (const r of VERB_ROUTES.filter((x) => x.readOnly))
      expect([r.verb, r.version, r.unversioned]).toEqual([r.verb, undefined, undefined]);
  });

  it.each(templates)('%s sends the version field with every state-changing action, filled from its sample', (name) => {
    const template = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
    const sample = JSON.parse(readFileSync(path.join(CARDS_DIR, 'samples', `${name}.json`), 'utf8'));
    const rendered = executesIn(renderCard(name, sample));
    for (const action of executesIn(template)) {
      const field = routeOf(action.verb)?.version;
      if (!field) continue;
      expect([action.verb, Object.keys(action.data)]).toEqual([action.verb, expect.arrayContaining([field])]);
    }
    for (const action of rendered) {
      const field = routeOf(action.verb)?.version;
      if (!field) continue;
      const value = action.data[field];
      expect([
        action.verb,
        typeof value === 'string' || typeof value === 'number',
        String(value).includes('${'),
      ]).toEqual([action.verb, true, false]);
    }
  });
});
