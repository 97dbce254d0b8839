import type { TestBot } from './test-bot';

/** Every audit entry of this action, in any school (a cross-partition read of the audit container). */
export async function auditEntries(tb: TestBot, action: string): Promise<any[]> {
  const { resources } = await tb.repos.cosmos.containers.audit.items
    .query({ query: 'SELECT * FROM c WHERE c.action = @a', parameters: [{ name: '@a', value: action }] })
    .fetchAll();
  return resources;
}
