import * as AC from 'adaptivecards';

/**
 * Teams renders chart elements (`Chart.Donut`, `Chart.VerticalBar`, …) in Adaptive Cards; the
 * adaptivecards JS SDK does not know them and logs "unknown element type" for each, even when
 * the element carries a `fallback`. Rather than tolerate that warning (which would also hide a
 * real typo such as `Chart.Donot`), the card tests parse with a registry that knows exactly the
 * chart types Teams documents. Each registered chart answers `shouldFallback() === true`: this
 * SDK cannot draw it, so — as in any client without chart support — the parser replaces it by
 * its `fallback`, which is then parsed and validated like every other element. A chart without
 * a fallback makes its parent fall back instead, which the digest card test checks never happens.
 */
export const TEAMS_CHART_TYPES = [
  'Chart.Donut',
  'Chart.Pie',
  'Chart.Gauge',
  'Chart.Line',
  'Chart.VerticalBar',
  'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar',
  'Chart.HorizontalBar.Stacked',
] as const;

abstract class TeamsChart extends AC.CardElement {
  override shouldFallback(): boolean {
    return true;
  }
  protected override internalRender(): undefined {
    return undefined;
  }
}

const chartClass = (typeName: string) =>
  class extends TeamsChart {
    override getJsonTypeName(): string {
      return typeName;
    }
  };

/** The SDK's default elements plus the Teams chart types (fallback-only, see above). */
export function chartAwareElements(): AC.CardObjectRegistry<AC.CardElement> {
  const registry = new AC.CardObjectRegistry<AC.CardElement>();
  AC.GlobalRegistry.populateWithDefaultElements(registry);
  for (const t of TEAMS_CHART_TYPES) registry.register(t, chartClass(t), AC.Versions.v1_5);
  return registry;
}

/** A SerializationContext for parsing cards that may hold Teams charts. */
export function chartAwareContext(): AC.SerializationContext {
  const context = new AC.SerializationContext();
  context.setElementRegistry(chartAwareElements());
  return context;
}
