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
 * - when it also holds `c.<field> = '<literal>'` or `c.<field> = @param` (a string, number or
 *   boolean) and the type is known: the documents of that type (in that partition, or in every
 *   partition for a cross-partition query) with that value, from an equality index on the field, built on the first such query and maintained
 *   on every write after it — what Cosmos DB's index gives a query like "the signals of a pupil"
 *   (issue 18: without it every such query ran its filter over every signal of the school).
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
type Equality = { field: string; value: string | number | boolean };
type Scope = { partition?: string; type?: string; equalities?: Equality[] };

const SEP = '\u0000';
const typeOf = (data: any): string => (typeof data?.type === 'string' ? data.type : '');

/** The `type` a query certainly restricts to, or undefined when that cannot be read safely. */
export function queryType(query: string, parameters: { name: string; value: unknown }[] = []): string | undefined {
  const where = plainWhere(query);
  if (!where) return undefined;
  const m = /(?:^|[\s(])c\.type\s*=\s*(?:'([^'\\]*)'|"([^"\\]*)"|@(\w+))/i.exec(where);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1];
  if (m[2] !== undefined) return m[2];
  const p = parameters.find((x) => x.name === `@${m[3]}`);
  return typeof p?.value === 'string' ? p.value : undefined;
}

/** Where a query is a plain conjunction (nothing else could let a document through). */
function plainWhere(query: string): string | undefined {
  const where = /\sWHERE\s([\s\S]*)$/i.exec(query)?.[1];
  if (!where) return undefined;
  // Only a plain conjunction: any OR, NOT, subquery, join or conditional could make a document
  // match without the equality (or the equality sit somewhere that is not a top-level conjunct).
  if (/\b(OR|NOT|EXISTS|SELECT|JOIN|IIF)\b|\?|\|\|/i.test(where)) return undefined;
  return where.replace(/\sORDER\s+BY\s[\s\S]*$/i, '');
}

/**
 * The `c.<field> = value` conjuncts of a plain conjunction whose value is a string, number or
 * boolean (a literal string or a parameter), other than `type`: what an equality index can answer.
 */
export function queryEqualities(query: string, parameters: { name: string; value: unknown }[] = []): Equality[] {
  const where = plainWhere(query);
  if (!where) return [];
  const out: Equality[] = [];
  const re = /(?:^|[\s(])c\.([A-Za-z_]\w*)\s*=\s*(?:'([^'\\]*)'|"([^"\\]*)"|@(\w+))(?=[\s)]|$)/g;
  for (let m = re.exec(where); m; m = re.exec(where)) {
    const field = m[1];
    if (field === 'type') continue;
    if (m[2] !== undefined || m[3] !== undefined) {
      out.push({ field, value: m[2] ?? m[3] });
      continue;
    }
    const v = parameters.find((x) => x.name === `@${m[4]}`)?.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push({ field, value: v });
  }
  return out;
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

/** Equality indexes per field: key partition, type and JSON value → documents (container order). */
function fieldIndexes(self: any): Map<string, Map<string, Map<string, Item>>> {
  if (!self._fieldIndexes) self._fieldIndexes = new Map();
  return self._fieldIndexes;
}

const fieldKey = (p: string, t: string, value: unknown) => p + SEP + t + SEP + JSON.stringify(value);
const indexable = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
/** The partition part of an index key that stands for every partition (a cross-partition query). */
const EVERY_PARTITION = '\u0001';

/** A document's keys in a field's index: under its own partition and under every partition. */
function indexKeys(field: string, p: string, data: any): string[] {
  if (!indexable(data?.[field])) return [];
  const t = typeOf(data);
  return [fieldKey(p, t, data[field]), fieldKey(EVERY_PARTITION, t, data[field])];
}

/** The field's index, built from every document on first use (in the container's order). */
function fieldIndex(self: any, field: string): Map<string, Map<string, Item>> {
  const all = fieldIndexes(self);
  let index = all.get(field);
  if (!index) {
    index = new Map();
    for (const item of (self._data as Map<string, Item>).values())
      for (const key of indexKeys(field, String(self._getPartition(item.read())), item.read()))
        add(index, key, item.read()._rid, item);
    all.set(field, index);
  }
  return index;
}

function scopedData(self: any, scope: Scope): any[] {
  const { byP, byT, byPT } = maps(self);
  let items: Iterable<Item>;
  if (scope.type !== undefined) {
    // one partition, or every partition (a cross-partition query): the type's documents there, or
    // fewer when an equality's index has fewer
    let smallest =
      (scope.partition !== undefined ? byPT.get(scope.partition + SEP + scope.type) : byT.get(scope.type)) ??
      new Map<string, Item>();
    const p = scope.partition ?? EVERY_PARTITION;
    for (const { field, value } of scope.equalities ?? []) {
      const hit = fieldIndex(self, field).get(fieldKey(p, scope.type, value)) ?? new Map<string, Item>();
      if (hit.size < smallest.size) smallest = hit;
    }
    items = smallest.values();
  } else if (scope.partition !== undefined) items = byP.get(scope.partition)?.values() ?? [];
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
    for (const [field, index] of fieldIndexes(this))
      for (const key of indexKeys(field, p, data)) add(index, key, data._rid, item);
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
      for (const [field, index] of fieldIndexes(this))
        for (const key of indexKeys(field, p, data)) remove(index, key, data._rid);
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
    const parameters = Array.isArray(body.parameters) ? body.parameters : [];
    const scope: Scope = {
      partition: partitionOf(req),
      type: queryType(String(body.query), parameters),
      equalities: queryEqualities(String(body.query), parameters),
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
