import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node options the Dockerfile gives the bot (its NODE_OPTIONS), read from the Dockerfile itself
 * so the bench runs the bot as it runs in production and the two cannot drift apart.
 */
export function productionNodeArgs(root: string): string[] {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const nodeOptions = /^\s*(?:ENV\s+)?NODE_OPTIONS=(\S+)/m.exec(dockerfile)?.[1]?.replace(/\\$/, '');
  if (!nodeOptions) throw new Error('The Dockerfile no longer sets NODE_OPTIONS; update bench/production-runtime.ts');
  return nodeOptions.split(/\s+/).filter(Boolean);
}
