import { z } from 'zod';
import { openCosmos, type CosmosStore } from '../../src/store/cosmos';
import { DocStore } from '../../src/store/doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { queryType } from '../../src/store/embedded-query-scope';

const p = (name: string, value: unknown) => ({ name, value });

describe('reading the type a query is restricted to (embedded store)', () => {
  it('reads a literal or a parameter in a plain conjunction', () => {
    expect(
      queryType(
        "SELECT * FROM c WHERE c.schoolId = @__school AND (c.type = 'signal' AND c.state != 'closed') ORDER BY c.createdAt ASC",
      ),
    ).toBe('signal');
    expect(queryType('SELECT * FROM c WHERE c.type = @type AND c.schoolId = @schoolId', [p('@type', 'pupil')])).toBe(
      'pupil',
    );
  });
  it('gives up on anything where another type could match', () => {
    expect(queryType("SELECT * FROM c WHERE c.type = 'a' OR c.type = 'b'")).toBeUndefined();
    expect(queryType("SELECT * FROM c WHERE NOT (c.type = 'a')")).toBeUndefined();
    expect(queryType("SELECT * FROM c WHERE c.type IN ('a', 'b')")).toBeUndefined();
    expect(queryType("SELECT * FROM c WHERE c.type = 'score' AND c.roundId IN (@r0, @r1)")).toBe('score');
    expect(queryType("SELECT * FROM c WHERE (c.n > 1 ? c.type = 'a' : true)")).toBeUndefined();
    expect(queryType("SELECT * FROM c WHERE c.type != 'a'")).toBeUndefined();
    expect(queryType("SELECT * FROM c WHERE c.typeName = 'a'")).toBeUndefined();
    expect(queryType('SELECT * FROM c')).toBeUndefined();
  });
});

describe('the embedded store answers queries from the documents they concern', () => {
  let embedded: EmbeddedCosmos;
  let cosmos: CosmosStore;
  let store: DocStore;
  const ids = (rows: { schoolId: string; id: string }[]) => rows.map((r) => `${r.schoolId}/${r.id}`);
  const any = z.object({ id: z.string(), schoolId: z.string() }).passthrough();

  beforeAll(async () => {
    embedded = await startEmbeddedCosmos();
    cosmos = await openCosmos({
      endpoint: embedded.endpoint,
      key: embedded.key,
      databaseId: `scope-${Date.now()}`,
      selfSigned: true,
    });
    store = new DocStore(cosmos.containers.cases);
    for (const schoolId of ['a', 'b'])
      for (const type of ['x', 'y'])
        for (let n = 0; n < 3; n++) await store.upsert({ id: `${type}${n}`, schoolId, type, n });
  });
  afterAll(async () => {
    cosmos.client.dispose();
    await embedded.close();
  });

  it('returns only the partition and type asked for, in the same order as before', async () => {
    expect(ids(await store.query(any, "SELECT * FROM c WHERE c.type = 'x'", {}, 'a'))).toEqual([
      'a/x0',
      'a/x1',
      'a/x2',
    ]);
    expect(ids(await store.query(any, 'SELECT * FROM c WHERE c.type = @t ORDER BY c.n DESC', { t: 'y' }))).toEqual([
      'a/y2',
      'b/y2',
      'a/y1',
      'b/y1',
      'a/y0',
      'b/y0',
    ]);
    expect(ids(await store.query(any, 'SELECT * FROM c', {}, 'b'))).toEqual([
      'b/x0',
      'b/x1',
      'b/x2',
      'b/y0',
      'b/y1',
      'b/y2',
    ]);
  });

  it('still finds documents of other types when the query has an OR', async () => {
    expect(ids(await store.query(any, "SELECT * FROM c WHERE c.type = 'x' OR c.n = 2", {}, 'a'))).toEqual([
      'a/x0',
      'a/x1',
      'a/x2',
      'a/y2',
    ]);
  });

  it('follows a document that changes type or is deleted', async () => {
    await store.upsert({ id: 'x0', schoolId: 'b', type: 'y', n: 9 });
    await store.delete('x1', 'b');
    expect(ids(await store.query(any, "SELECT * FROM c WHERE c.type = 'x'", {}, 'b'))).toEqual(['b/x2']);
    expect(ids(await store.query(any, "SELECT * FROM c WHERE c.type = 'y' AND c.n > 1", {}, 'b'))).toEqual([
      'b/x0',
      'b/y2',
    ]);
    expect((await store.queryValues<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'y'"))[0]).toBe(7);
  });
});
