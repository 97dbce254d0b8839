import type { ProcessedActivityPort } from '../app/core/processed-activity-port';
import type { DocStore } from './doc-store';

/**
 * Markers for handled activities (`processed:<key>` in the `cases` container). Cosmos DB
 * removes them after `ttl` seconds; the embedded server has no TTL, which only matters for
 * long-running local use.
 */
export class ProcessedActivityRepository implements ProcessedActivityPort {
  constructor(
    private readonly store: DocStore,
    private readonly ttlSeconds: number,
  ) {}

  async markProcessed(schoolId: string, key: string, now: Date): Promise<boolean> {
    const outcome = await this.store.create({
      id: `processed:${key}`,
      type: 'processed',
      schoolId,
      at: now.toISOString(),
      ttl: this.ttlSeconds,
    });
    return outcome === 'ok';
  }
}
