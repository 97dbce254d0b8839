import { randomUUID } from 'node:crypto';
import { fixedClock } from '../../src/domain/clock';
import { openRepositories, type Repositories } from '../../src/store';

/**
 * Repositories on a fresh database of the embedded Cosmos server for one `describe` block: opened
 * before its tests, closed after them. `prefix` names the database (a random suffix keeps blocks apart).
 */
export function withEmbeddedRepositories(prefix: string, now: Date): { readonly repos: Repositories } {
  let repos: Repositories | undefined;
  beforeAll(async () => {
    repos = await openRepositories({ databaseId: `${prefix}-${randomUUID().slice(0, 6)}`, clock: fixedClock(now) });
  });
  afterAll(async () => repos?.close());
  return {
    get repos(): Repositories {
      if (!repos) throw new Error('the embedded repositories are opened in beforeAll');
      return repos;
    },
  };
}
