/**
 * Lets the embedded server answer a query from the documents it can concern instead of from every
 * document of the container, as Cosmos DB does with its partitions and its index.
 *
 * `@vercel/cosmosdb-server` evaluates every query against every document of the container: it
 * ignores the query's partition key, and has no index. Its cost therefore grew with everything
 * the `cases` container held (signals, outbox messages, markers of every school), and a query
 * that returns two documents could take seconds (bench/run-bench.ts, docs/performance.md).
 *
 * This module keeps three lookup maps per container, maintained on every write: documents by
 * partition, by `type`, and by partition and `type`. A query is then evaluated, by the same query
 * engine, on the smallest set that certainly holds every match:
 * - with a partition key (the SDK's `x-ms-documentdb-partitionkey` header): that partition only —
 *   what Cosmos DB does;
 * - when its WHERE clause is a plain conjunction (no OR, NOT, subquery or conditional) that holds
 *   `c.type = '<literal>'` or `c.type = @param`: documents of that type only — what an index
 *   lookup on `type` gives Cosmos DB.
 * The query-plan request the SDK sends before each query is answered without running the query.
 * Each map keeps the container's own order (a replaced document moves to the end, as in the
 * server's main map), so results, ORDER BY ties and continuation pages are unchanged.
 */
import queryModule from '@vercel/cosmosdb-server/lib/handler/query-documents';
import Documents from '@vercel/cosmosdb-server/lib/account/documents';
import readItems from '@vercel/cosmosdb-server/lib/handler/_read-items';
import readJson from '@vercel/cosmosdb-server/lib/json';
import trueHeader from '@vercel/cosmosdb-server/lib/true-header';
import getPartitionFromHeader, { parsePartitionKey } from '@vercel/cosmosdb-server/lib/utils/get-partition-from-header';

type Item = { read(): any };
type Scope = { partition?: string; type?: string };

const SEP = '\u0000';
const typeOf = (data: any): string => (typeof data?.type === 'string' ? data.type : '');

/** The `type` a query certainly restricts to, or undefined when that cannot be read safely. */
export function queryType(query: string, parameters: { name: string; value: unknown }[] = []): string | undefined {
  const where = /\sWHERE\s([\s\S]*)$/i.exec(query)?.[1];
  if (!where) return undefined;
  // Only a plain conjunction: any OR, NOT, subquery, join or conditional could make a document
  // of another type match (or the equality sit somewhere that is not a top-level conjunct).
  if (/\b(OR|NOT|EXISTS|SELECT|JOIN|IIF)\b|\?|\|\|/i.test(where)) return undefined;
  const m = /(?:^|[\s(])c\.type\s*=\s*(?:'([^'\\]*)'|"([^"\\]*)"|@(\w+))/i.exec(where);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1];
  if (m[2] !== undefined) return m[2];
  const p = parameters.find((x) => x.name === `@${m[3]}`);
  return typeof p?.value === 'string' ? p.value : undefined;
}

function maps(self: any): {
  byP: Map<string, Map<string, Item>>;
  byT: Map<string, Map<string, Item>>;
  byPT: Map<string, Map<string, Item>>;
} {
  if (!self._scopeMaps) self._scopeMaps = { byP: new Map(), byT: new Map(), byPT: new Map() };
  return self._scopeMaps;
}

const add = (m: Map<string, Map<string, Item>>, key: string, rid: string, item: Item) => {
  let inner = m.get(key);
  if (!inner) m.set(key, (inner = new Map()));
  inner.set(rid, item);
};
const remove = (m: Map<string, Map<string, Item>>, key: string, rid: string) => {
  const inner = m.get(key);
  if (!inner) return;
  inner.delete(rid);
  if (inner.size === 0) m.delete(key);
};

function scopedData(self: any, scope: Scope): any[] {
  const { byP, byT, byPT } = maps(self);
  let items: Iterable<Item>;
  if (scope.partition !== undefined && scope.type !== undefined)
    items = byPT.get(scope.partition + SEP + scope.type)?.values() ?? [];
  else if (scope.partition !== undefined) items = byP.get(scope.partition)?.values() ?? [];
  else if (scope.type !== undefined) items = byT.get(scope.type)?.values() ?? [];
  else items = self._data.values();
  const out: any[] = [];
  for (const item of items) out.push(item.read());
  return out;
}

function install(): void {
  const proto = (Documents as any).default?.prototype ?? (Documents as any).prototype;
  if (proto._scopeInstalled) return;
  const originalSet = proto._set;
  const originalDelete = proto.delete;
  proto._set = function (this: any, data: any) {
    const result = originalSet.call(this, data);
    const item = this._data.get(data._rid);
    const p = String(this._getPartition(data));
    const t = typeOf(data);
    const { byP, byT, byPT } = maps(this);
    add(byP, p, data._rid, item);
    add(byT, t, data._rid, item);
    add(byPT, p + SEP + t, data._rid, item);
    return result;
  };
  proto.delete = function (this: any, idOrRid: string, partition: unknown) {
    const data = this._item('/id', idOrRid, partition).read();
    originalDelete.call(this, idOrRid, partition);
    if (data) {
      const p = String(this._getPartition(data));
      const t = typeOf(data);
      const { byP, byT, byPT } = maps(this);
      remove(byP, p, data._rid);
      remove(byT, t, data._rid);
      remove(byPT, p + SEP + t, data._rid);
    }
  };
  /** The server's `query`, on the scoped set of documents. */
  proto.queryScoped = function (this: any, params: any, { maxItemCount, continuation }: any, scope: Scope) {
    if (!this._parent.read()) return null;
    const parent = this._parent.read();
    const compositeIndexes = (parent.indexingPolicy ? parent.indexingPolicy.compositeIndexes : null) || [];
    const q = this._getQuery(params.query);
    try {
      return q.exec(scopedData(this, scope), {
        parameters: params.parameters,
        udf: this._userDefinedFunctions(),
        maxItemCount,
        continuation,
        compositeIndexes,
      });
    } catch (err) {
      (err as { badRequest?: boolean }).badRequest = true;
      throw err;
    }
  };
  proto._scopeInstalled = true;
}

/** The server's query handler (same checks and answers), evaluated on the scoped documents. */
async function scopedQueryHandler(
  account: any,
  req: any,
  res: any,
  { dbId, collId }: { dbId: string; collId: string },
) {
  return readItems(req, res, 'Documents', async ({ continuation, maxItemCount }: any) => {
    const body = await readJson(req);
    if (!body.query) {
      res.statusCode = 400;
      return { message: 'missing query' };
    }
    const collection = account.database(dbId).collection(collId);
    // The SDK asks for a query plan before every query. The server does not make plans: it ran the
    // whole query (unscoped) and answered documents, which the SDK reads as a plan with no special
    // steps. The same answer without running the query.
    if (trueHeader(req, 'x-ms-cosmos-is-query-plan-request'))
      return collection.read() ? { _rid: '', _count: 0, Documents: [] } : null;
    if (!trueHeader(req, 'x-ms-documentdb-query-enablecrosspartition')) {
      const { partitionKey } = collection.read() || {};
      const paths = (partitionKey || {}).paths || [];
      if (paths.length && !cosmosQuery(body.query).containsPartitionKeys(paths)) {
        res.statusCode = 400;
        return { message: 'missing partition keys' };
      }
    }
    const scope: Scope = {
      partition: partitionOf(req),
      type: queryType(String(body.query), Array.isArray(body.parameters) ? body.parameters : []),
    };
    try {
      return collection.documents.queryScoped(body, { continuation, maxItemCount }, scope);
    } catch (err) {
      if ((err as { badRequest?: boolean }).badRequest) {
        res.statusCode = 400;
        return { message: (err as Error).message };
      }
      throw err;
    }
  });
}

function partitionOf(req: any): string | undefined {
  const header = getPartitionFromHeader(req);
  if (header === undefined) return undefined;
  try {
    const v = parsePartitionKey(header, undefined);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

// The query engine the server itself uses (its own dependency, resolved from the server's package).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path resolved at run time
const cosmosQuery = require(
  require.resolve('@zeit/cosmosdb-query', { paths: [require.resolve('@vercel/cosmosdb-server')] }),
).default as (sql: string) => { containsPartitionKeys(paths: string[]): boolean };

let installed = false;
/** Must run before `@vercel/cosmosdb-server`'s index (and so its routes) is first loaded. */
export function installQueryScope(): void {
  if (installed) return;
  install();
  (queryModule as any).default = scopedQueryHandler;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- routes read the CommonJS exports object
  require('@vercel/cosmosdb-server/lib/handler/query-documents').default = scopedQueryHandler;
  installed = true;
}
