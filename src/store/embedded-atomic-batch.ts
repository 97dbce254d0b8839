/**
 * Makes the embedded server's transactional batch atomic, as Cosmos DB's is.
 *
 * `@vercel/cosmosdb-server` runs batch operations one after another and keeps the ones before a
 * failure. Cosmos DB applies all or none. This module replaces the server's batch handler (before
 * its route table is loaded) with one that first checks every operation's precondition against
 * the current state, and only then applies them all. The server is single-threaded and its
 * document operations are synchronous, so check-then-apply cannot interleave with another request.
 */
import batchModule from '@vercel/cosmosdb-server/lib/handler/batch-documents';
import * as ops from '@vercel/cosmosdb-server/lib/handler/_document-operations';
import readJson from '@vercel/cosmosdb-server/lib/json';
import trueHeader from '@vercel/cosmosdb-server/lib/true-header';
import getPartitionFromHeader, { parsePartitionKey } from '@vercel/cosmosdb-server/lib/utils/get-partition-from-header';

type Op = {
  operationType: string;
  id?: string;
  partitionKey?: string;
  ifMatch?: string;
  resourceBody?: { id?: string };
};

function precheck(collection: any, body: Op[], batchPartitionKey: string | undefined): number[] {
  const touched = new Map<string, { exists: boolean; etag?: string; changed: boolean }>();
  return body.map((op) => {
    const id = op.resourceBody?.id ?? op.id;
    if (!id) return 400;
    const raw = op.partitionKey ?? batchPartitionKey;
    const pk = raw ? parsePartitionKey(raw, id) : id;
    const key = `${JSON.stringify(pk)}|${id}`;
    let state = touched.get(key);
    if (!state) {
      const doc = collection.document(id, pk).read();
      state = { exists: !!doc, etag: doc?._etag, changed: false };
      touched.set(key, state);
    }
    const etagFails = op.ifMatch !== undefined && (state.changed || op.ifMatch !== state.etag);
    switch (op.operationType) {
      case 'Create':
        if (state.exists) return 409;
        state.exists = true;
        state.changed = true;
        return 201;
      case 'Replace':
      case 'Delete':
        if (!state.exists) return 404;
        if (etagFails) return 412;
        state.exists = op.operationType === 'Replace';
        state.changed = true;
        return op.operationType === 'Replace' ? 200 : 204;
      case 'Upsert':
        if (state.exists && etagFails) return 412;
        state.exists = true;
        state.changed = true;
        return 200;
      case 'Read':
        return state.exists ? 200 : 404;
      default:
        return 400;
    }
  });
}

async function atomicBatch(account: any, req: any, res: any, { dbId, collId }: { dbId: string; collId: string }) {
  const body = await readJson(req);
  const collection = account.database(dbId).collection(collId);
  if (!collection.read()) {
    res.statusCode = 404;
    return {};
  }
  if (!Array.isArray(body)) {
    res.statusCode = 400;
    return { message: 'Invalid request body' };
  }
  if (trueHeader(req, 'x-ms-cosmos-batch-atomic')) {
    const statuses = precheck(collection, body, getPartitionFromHeader(req));
    const failedAt = statuses.findIndex((s) => s >= 400);
    if (failedAt >= 0) {
      // Cosmos DB answers a failed atomic batch with 207 Multi-Status: the failing operation's
      // own status and 424 (failed dependency) for every other operation.
      res.statusCode = 207;
      return statuses.map((s, i) => ({ statusCode: i === failedAt ? s : 424, requestCharge: 0 }));
    }
  }
  const out: unknown[] = [];
  const batchPartitionKey = getPartitionFromHeader(req);
  for (const op of body as Op[]) {
    if (op.partitionKey === undefined && batchPartitionKey !== undefined) op.partitionKey = batchPartitionKey;
    const fn =
      op.operationType === 'Create'
        ? ops.createOperation
        : op.operationType === 'Upsert'
          ? ops.upsertOperation
          : op.operationType === 'Read'
            ? ops.readOperation
            : op.operationType === 'Delete'
              ? ops.deleteOperation
              : op.operationType === 'Replace'
                ? ops.replaceOperation
                : undefined;
    if (!fn) {
      res.statusCode = 400;
      return { message: `Operation type '${op.operationType}' is not supported in Batch.` };
    }
    const r: any = fn(collection, op as any);
    out.push(
      r.statusCode >= 400
        ? { statusCode: r.statusCode, requestCharge: 0 }
        : { statusCode: r.statusCode, requestCharge: 1, eTag: r.body?._etag, resourceBody: r.body },
    );
  }
  return out;
}

let installed = false;
/** Must run before `@vercel/cosmosdb-server`'s index (and so its routes) is first loaded. */
export function installAtomicBatch(): void {
  if (installed) return;
  (batchModule as any).default = atomicBatch;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- routes read the CommonJS exports object
  const m = require('@vercel/cosmosdb-server/lib/handler/batch-documents');
  m.default = atomicBatch;
  installed = true;
}
