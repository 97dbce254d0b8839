import type { Container, OperationInput } from '@azure/cosmos';
import type { z } from 'zod';
import type { Versioned } from '../app/core/ports';

export class StoredDocumentInvalid extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
    detail: string,
  ) {
    super(`Stored document ${container}/${id} does not match its schema: ${detail}`);
  }
}

function statusOf(err: unknown): number | undefined {
  const e = err as { code?: number | string; statusCode?: number };
  const code = typeof e?.code === 'number' ? e.code : e?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Any document of ours: an id and the partition key, plus its fields. */
export type Doc = { id: string; schoolId: string } & Record<string, unknown>;

/** One operation of a transactional batch (the SDK's OperationInput, loosely typed for our docs). */
export type BatchOp =
  | { operationType: 'Create' | 'Upsert'; resourceBody: object; ifMatch?: string }
  | { operationType: 'Replace'; id: string; resourceBody: object; ifMatch?: string }
  | { operationType: 'Read' | 'Delete'; id: string; ifMatch?: string };

export type WriteOutcome = 'ok' | 'conflict' | 'precondition-failed' | 'not-found';

/** Thin, schema-checked access to one Cosmos container partitioned by /schoolId. */
export class DocStore {
  constructor(readonly container: Container) {}

  async read<S extends z.ZodTypeAny>(
    schema: S,
    id: string,
    schoolId: string,
  ): Promise<Versioned<z.infer<S>> | undefined> {
    try {
      const res = await this.container.item(id, schoolId).read();
      if (res.statusCode === 404 || !res.resource) return undefined;
      return { doc: this.parse(schema, id, res.resource), etag: res.etag };
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  parse<S extends z.ZodTypeAny>(schema: S, id: string, raw: unknown): z.infer<S> {
    const parsed = schema.safeParse(raw);
    if (!parsed.success)
      throw new StoredDocumentInvalid(
        this.container.id,
        id,
        parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; '),
      );
    return parsed.data as z.infer<S>;
  }

  async query<S extends z.ZodTypeAny>(
    schema: S,
    query: string,
    parameters: Record<string, unknown> = {},
    schoolId?: string,
  ): Promise<z.infer<S>[]> {
    const resources = await this.queryRaw(query, parameters, schoolId);
    return resources.map((r: { id?: string }) => this.parse(schema, String(r?.id ?? '?'), r));
  }

  /** A `SELECT *` query whose documents come back with their ETags (to update them without reading each again). */
  async queryVersioned<S extends z.ZodTypeAny>(
    schema: S,
    query: string,
    parameters: Record<string, unknown> = {},
    schoolId?: string,
  ): Promise<Versioned<z.infer<S>>[]> {
    const resources = await this.queryRaw(query, parameters, schoolId);
    return resources.map((r: { id?: string; _etag?: unknown }) => {
      if (typeof r?._etag !== 'string')
        throw new StoredDocumentInvalid(this.container.id, String(r?.id ?? '?'), '_etag missing from a query result');
      return { doc: this.parse(schema, String(r.id ?? '?'), r), etag: r._etag };
    });
  }

  private async queryRaw(
    query: string,
    parameters: Record<string, unknown>,
    schoolId?: string,
  ): Promise<{ id?: string; _etag?: unknown }[]> {
    if (schoolId) ({ query, parameters } = scopeToSchool(query, parameters, schoolId));
    const spec = {
      query,
      parameters: Object.entries(parameters).map(([name, value]) => ({
        name: name.startsWith('@') ? name : `@${name}`,
        value: value as never, // @azure/cosmos types it JSONValue; callers pass plain JSON values
      })),
    };
    const { resources } = await this.container.items
      .query<{ id?: string; _etag?: unknown }>(spec, schoolId ? { partitionKey: schoolId } : {})
      .fetchAll();
    return resources;
  }

  /** Raw query for aggregates (VALUE COUNT(1) and the like). */
  async queryValues<T>(query: string, parameters: Record<string, unknown> = {}, schoolId?: string): Promise<T[]> {
    if (schoolId) ({ query, parameters } = scopeToSchool(query, parameters, schoolId));
    const spec = {
      query,
      parameters: Object.entries(parameters).map(([name, value]) => ({
        name: `@${name.replace(/^@/, '')}`,
        value: value as never, // as in queryRaw
      })),
    };
    const { resources } = await this.container.items
      .query<T>(spec, schoolId ? { partitionKey: schoolId } : {})
      .fetchAll();
    return resources;
  }

  async create<T extends { id: string; schoolId: string }>(doc: T): Promise<WriteOutcome> {
    try {
      await this.container.items.create(doc);
      return 'ok';
    } catch (err) {
      if (statusOf(err) === 409) return 'conflict';
      throw err;
    }
  }

  async upsert<T extends { id: string; schoolId: string }>(doc: T): Promise<void> {
    await this.container.items.upsert(doc);
  }

  async replace<T extends { id: string; schoolId: string }>(doc: T, etag: string): Promise<WriteOutcome> {
    try {
      await this.container
        .item(doc.id, doc.schoolId)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return 'ok';
    } catch (err) {
      const s = statusOf(err);
      if (s === 412) return 'precondition-failed';
      if (s === 404) return 'not-found';
      throw err;
    }
  }

  /** `replace`, answering the new ETag when it was written (saves reading the document back). */
  async replaceVersioned<T extends { id: string; schoolId: string }>(
    doc: T,
    etag: string,
  ): Promise<{ outcome: WriteOutcome; etag?: string }> {
    try {
      const res = await this.container
        .item(doc.id, doc.schoolId)
        .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { outcome: 'ok', etag: res.etag };
    } catch (err) {
      const s = statusOf(err);
      if (s === 412) return { outcome: 'precondition-failed' };
      if (s === 404) return { outcome: 'not-found' };
      throw err;
    }
  }

  async delete(id: string, schoolId: string): Promise<void> {
    try {
      await this.container.item(id, schoolId).delete();
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }

  /**
   * A transactional batch in one partition: all or nothing. Returns the first failing
   * operation's index and status, or ok. (Cosmos DB caps a batch at 100 operations.)
   */
  async batch(
    schoolId: string,
    operations: BatchOp[],
  ): Promise<{ ok: true; etags: (string | undefined)[] } | { ok: false; index: number; status: number }> {
    if (operations.length > 100) throw new Error('A transactional batch holds at most 100 operations');
    let result: { statusCode: number; eTag?: string }[] | undefined;
    try {
      // BatchOp is the subset of @azure/cosmos' OperationInput we use, with bodies typed as our documents
      const res = await this.container.items.batch(operations as unknown as OperationInput[], schoolId);
      result = res.result;
    } catch (err) {
      const s = statusOf(err) ?? statusOf((err as { cause?: unknown }).cause);
      const m = /(\b4\d\d\b)/.exec(String((err as Error).message));
      return { ok: false, index: -1, status: s ?? (m ? Number(m[1]) : 500) };
    }
    const index = (result ?? []).findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
    if (index >= 0) return { ok: false, index, status: result![index].statusCode };
    return { ok: true, etags: (result ?? []).map((r) => r.eTag) };
  }
}

/**
 * Adds `c.schoolId = @__school` to a query's WHERE clause. The partition key option alone scopes
 * a query on Cosmos DB, but the embedded server ignores it; the explicit filter makes both agree
 * (and costs nothing on Cosmos DB, where it matches the partition anyway).
 */
export function scopeToSchool(
  query: string,
  parameters: Record<string, unknown>,
  schoolId: string,
): { query: string; parameters: Record<string, unknown> } {
  const orderAt = query.search(/\sORDER\s+BY\s/i);
  const head = orderAt >= 0 ? query.slice(0, orderAt) : query;
  const tail = orderAt >= 0 ? query.slice(orderAt) : '';
  const whereAt = head.search(/\sWHERE\s/i);
  const scoped =
    whereAt >= 0
      ? `${head.slice(0, whereAt)} WHERE c.schoolId = @__school AND (${head.slice(whereAt).replace(/^\s*WHERE\s+/i, '')})${tail}`
      : `${head} WHERE c.schoolId = @__school${tail}`;
  return { query: scoped, parameters: { ...parameters, __school: schoolId } };
}
