import * as AC from 'adaptivecards';
import { MAX_NAMED_ITEMS, type PersonalDigest } from '../../src/app/digest/digest-on-demand';
import { channelDigestCard, personalDigestCard, regionDigestCard } from '../../src/bot/digest/digest-cards';
import { regionDigest } from '../../src/domain/region-digest';
import { chartAwareContext } from '../support/chart-elements';
import { SAMPLE_NOW, busyDigestView, emptyDigestView } from '../support/digest-samples';

const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

function sdkProblems(card: object): string[] {
  const ac = new AC.AdaptiveCard();
  const context = chartAwareContext();
  ac.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i++)
    out.push(`${AC.ValidationEvent[context.getEventAt(i).event]}: ${context.getEventAt(i).message}`);
  for (const e of ac.validateProperties().validationEvents) out.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return out;
}

function nodes(card: unknown, pred: (n: any) => boolean, out: any[] = []): any[] {
  if (Array.isArray(card)) card.forEach((c) => nodes(c, pred, out));
  else if (card && typeof card === 'object') {
    if (pred(card)) out.push(card);
    Object.values(card).forEach((v) => nodes(v, pred, out));
  }
  return out;
}
const charts = (card: unknown) => nodes(card, (n) => typeof n.type === 'string' && n.type.startsWith('Chart.'));

function personal(view: ReturnType<typeof busyDigestView>, namedCount: number): PersonalDigest {
  const flagged = view.digest.open.items.filter((i) => i.overdue);
  return {
    school: {
      schoolId: 'demo-school',
      name: view.schoolName,
      region: 'Demo-regio',
      holidays: [],
      limits: { unclaimedSchoolDays: 2, escalationUnclaimedSchoolDays: 3 },
      digest: { weekday: 1, time: '08:00' },
    },
    digest: view.digest,
    since: view.since,
    until: view.until,
    workerNames: view.workerNames,
    named: flagged.slice(0, namedCount).map((item, i) => ({
      item,
      pupil: { firstName: 'Voornaamlang', lastNamePrefix: 'van der', lastName: `Achternaam-${i}`, className: '3B' },
    })),
    moreFlagged: Math.max(0, flagged.length - namedCount),
  };
}

const variants = {
  'channel, empty school': () => channelDigestCard(emptyDigestView()),
  'channel, busy school': () => channelDigestCard(busyDigestView()),
  'personal, empty school': () => personalDigestCard(personal(emptyDigestView(), 0)),
  'personal, busy school': () => personalDigestCard(personal(busyDigestView(), MAX_NAMED_ITEMS)),
  'region, empty region': () =>
    regionDigestCard(
      'Demo-regio',
      regionDigest([{ schoolId: 'a', schoolName: 'A', digest: emptyDigestView().digest }], SAMPLE_NOW),
    ),
  'region, busy region': () =>
    regionDigestCard(
      'Demo-regio',
      regionDigest(
        [
          { schoolId: 'a', schoolName: 'Stedelijk Lyceum Noord', digest: busyDigestView().digest },
          { schoolId: 'b', schoolName: 'Klein', digest: emptyDigestView().digest },
        ],
        SAMPLE_NOW,
      ),
    ),
};

describe('digest card variants', () => {
  describe.each(Object.entries(variants))('%s', (_name, render) => {
    const card = render();
    const json = JSON.stringify(card);

    it('expands fully, parses with the adaptivecards SDK without warnings and stays under the Teams size limit', () => {
      expect(json).not.toContain('${');
      expect(sdkProblems(card)).toEqual([]);
      expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    });

    it('gives every chart a readable fallback and data in the shape Teams charts take', () => {
      for (const chart of charts(card)) {
        expect(chart.fallback?.type).toBe('Container');
        expect(Array.isArray(chart.data)).toBe(true);
        for (const point of chart.data) {
          if (chart.type === 'Chart.Donut')
            expect(point).toEqual(expect.objectContaining({ legend: expect.any(String), value: expect.any(Number) }));
          else expect(point).toEqual(expect.objectContaining({ x: expect.any(String), y: expect.any(Number) }));
        }
      }
    });
  });

  it('draws the busy school with charts for categories, levels, states, round completion and the 1-2-3 distribution', () => {
    const types = charts(channelDigestCard(busyDigestView())).map((c) => c.type);
    expect(types).toEqual([
      'Chart.HorizontalBar',
      'Chart.Donut',
      'Chart.VerticalBar',
      'Chart.HorizontalBar',
      'Chart.Donut',
    ]);
  });

  it('draws no empty charts for an empty school and says so in words', () => {
    const card = channelDigestCard(emptyDigestView());
    expect(charts(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Geen nieuwe signalen in deze periode.');
    expect(JSON.stringify(card)).toContain('Nog geen gegevens van een 1-2-3 meting.');
  });

  it('shows the distribution against the previous round with its deltas', () => {
    const json = JSON.stringify(channelDigestCard(busyDigestView()));
    expect(json).toContain('612 (vorige meting 640, -28)');
    expect(json).toContain('37 (vorige meting 28, +9)');
  });

  it('flags overdue items in the channel by reference only, oldest first', () => {
    const view = busyDigestView();
    const facts = nodes(channelDigestCard(view), (n) => typeof n.title === 'string' && n.title.startsWith('⚠ S-')).map(
      (f) => f.title.slice(2),
    );
    const overdue = view.digest.open.items.filter((i) => i.overdue).map((i) => i.reference);
    expect(facts).toEqual(overdue.slice(0, facts.length));
    expect(facts.length).toBeGreaterThan(0);
  });

  it('puts names only in the personal card, each with a button that opens its signal', () => {
    const card = personalDigestCard(personal(busyDigestView(), 3));
    const buttons = nodes(card, (n) => n.type === 'Action.Execute');
    expect(buttons).toHaveLength(3);
    expect(buttons.every((b) => b.verb === 'digest.openSignal' && /^signal:/.test(b.data.signalId))).toBe(true);
    expect(JSON.stringify(card)).toContain('Achternaam-0');
    expect(JSON.stringify(channelDigestCard(busyDigestView()))).not.toContain('Achternaam');
  });

  it('still reports a misspelt chart type as unknown (the registry knows only the real Teams charts)', () => {
    const problems = sdkProblems({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Chart.Donot', data: [], fallback: { type: 'TextBlock', text: 'x' } }],
    });
    expect(problems.join(' ')).toMatch(/Chart\.Donot/);
  });
});
