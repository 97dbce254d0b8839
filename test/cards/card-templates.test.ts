import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as AC from 'adaptivecards';
import { CARDS_DIR, renderCard } from '../../src/bot/core/render-card';
import { VERB_ROUTES } from '../../src/bot/core/routes';
import { VERBS } from '../../src/bot/core/verbs';
import { chartAwareContext } from '../support/chart-elements';

/** Teams rejects messages over ~28 KB; cards must stay well inside that. */
const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

const templates = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

function verbsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => verbsIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.add(o.verb);
    Object.values(o).forEach((v) => verbsIn(v, out));
  }
  return out;
}

function parseWithSdk(card: object): string[] {
  const ac = new AC.AdaptiveCard();
  // Knows the Teams chart types, which parse as their fallback (see test/support/chart-elements.ts).
  const context = chartAwareContext();
  ac.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of ac.validateProperties().validationEvents)
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return problems;
}

describe('card templates', () => {
  it('has at least the intake, confirmation and signal cards', () => {
    expect(templates).toEqual(
      expect.arrayContaining(['signal-intake', 'signal-confirmation', 'signal-worker', 'notice']),
    );
  });

  describe.each(templates)('%s', (name) => {
    const samplePath = path.join(CARDS_DIR, 'samples', `${name}.json`);
    const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
    const expanded = renderCard(name, sample);
    const json = JSON.stringify(expanded);

    it('expands with its sample data and leaves no ${ placeholder', () => {
      expect(json).not.toContain('${');
      expect(expanded.type).toBe('AdaptiveCard');
    });

    it('parses with the adaptivecards SDK without warnings', () => {
      expect(parseWithSdk(expanded)).toEqual([]);
    });

    it('stays under the Teams message size limit', () => {
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    });

    it('uses only verbs that have a route', () => {
      const routed = new Set(VERB_ROUTES.map((r) => r.verb));
      const raw = JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));
      for (const verb of verbsIn(raw))
        expect({ verb, routed: routed.has(verb as never) }).toEqual({ verb, routed: true });
    });
  });

  it('declares every routed verb as a shared constant', () => {
    const constants = new Set(Object.values(VERBS));
    for (const r of VERB_ROUTES) expect(constants.has(r.verb)).toBe(true);
  });
});
