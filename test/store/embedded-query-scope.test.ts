import { z } from 'zod';
import { openCosmos, type CosmosStore } from '../../src/store/cosmos';
import { DocStore } from '../../src/store/doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { queryEqualities, queryType } from '../../src/store/embedded-query-scope';

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

describe('reading the equalities an index can answer (embedded store)', () => {
  it('reads literal and parameter equalities of a plain conjunction, not the type', () => {
    expect(
      queryEqualities(
        "SELECT * FROM c WHERE c.type = 'signal' AND c.pupilId = @p AND c.state = 'open' ORDER BY c.createdAt DESC",
        [p('@p', 'pupil:1')],
      ),
    ).toEqual([
      { field: 'pupilId', value: 'pupil:1' },
      { field: 'state', value: 'open' },
    ]);
    expect(queryEqualities('SELECT * FROM c WHERE (c.n = @n)', [p('@n', 2)])).toEqual([{ field: 'n', value: 2 }]);
  });
  it('reads none where a document without the value could match', () => {
    expect(queryEqualities("SELECT * FROM c WHERE c.type = 'a' AND (c.n = @n OR c.m = 1)", [p('@n', 1)])).toEqual([]);
    expect(queryEqualities("SELECT * FROM c WHERE NOT (c.pupilId = 'x')")).toEqual([]);
    expect(queryEqualities("SELECT * FROM c WHERE c.pupilId != 'x' AND c.n >= 2")).toEqual([]);
    expect(queryEqualities("SELECT * FROM c WHERE c.pupil.id = 'x' AND c.tags[0] = 'y'")).toEqual([]);
    expect(queryEqualities('SELECT * FROM c WHERE c.ids = @ids', [p('@ids', ['a'])])).toEqual([]);
    expect(queryEqualities("SELECT * FROM c WHERE c.n = c.m AND (c.k > 1 ? c.x = 'a' : true)")).toEqual([]);
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

  it('answers an equality from its index exactly as a scan would, through writes, type changes and deletes', async () => {
    const q = 'SELECT * FROM c WHERE c.type = @t AND c.pupilId = @p ORDER BY c.n ASC';
    for (let n = 0; n < 6; n++) await store.upsert({ id: `s${n}`, schoolId: 'c', type: 's', pupilId: `p${n % 2}`, n });
    await store.upsert({ id: 'o1', schoolId: 'c', type: 'o', pupilId: 'p1', n: 1 });
    await store.upsert({ id: 's9', schoolId: 'd', type: 's', pupilId: 'p1', n: 1 });
    await store.upsert({ id: 'num', schoolId: 'c', type: 's', pupilId: 1, n: 1 });
    const asked = async (pupil: unknown) => ids(await store.query(any, q, { t: 's', p: pupil }, 'c'));
    expect(await asked('p1')).toEqual(['c/s1', 'c/s3', 'c/s5']);
    // the index keeps up: a value changed, a document deleted, one that leaves the type, a new one
    await store.upsert({ id: 's1', schoolId: 'c', type: 's', pupilId: 'p0', n: 1 });
    await store.delete('s3', 'c');
    await store.upsert({ id: 's5', schoolId: 'c', type: 'gone', pupilId: 'p1', n: 5 });
    await store.upsert({ id: 's7', schoolId: 'c', type: 's', pupilId: 'p1', n: 7 });
    expect(await asked('p1')).toEqual(['c/s7']);
    expect(await asked('p0')).toEqual(['c/s0', 'c/s1', 'c/s2', 'c/s4']);
    // equality is strict on type, as in Cosmos DB: 1 is not '1'
    expect(await asked(1)).toEqual(['c/num']);
    expect(await asked('1')).toEqual([]);
    expect(await asked('nobody')).toEqual([]);
    // the same query written without the index's help (an OR the index cannot use) agrees
    const scanned = await store.query(
      any,
      "SELECT * FROM c WHERE c.type = 's' AND (c.pupilId = 'p0' OR c.pupilId = 'nobody') ORDER BY c.n ASC",
      {},
      'c',
    );
    expect(ids(scanned)).toEqual(await asked('p0'));
  });

  it('answers a cross-partition equality from its index, from every partition and in the same order', async () => {
    const q = "SELECT * FROM c WHERE c.type = 'ob' AND c.status = @s ORDER BY c.n ASC";
    for (const [schoolId, n, status] of [
      ['e', 3, 'pending'],
      ['f', 1, 'pending'],
      ['e', 2, 'sent'],
      ['g', 0, 'pending'],
    ] as const)
      await store.upsert({ id: `ob${n}`, schoolId, type: 'ob', status, n });
    const asked = async (status: string) => ids(await store.query(any, q, { s: status }));
    expect(await asked('pending')).toEqual(['g/ob0', 'f/ob1', 'e/ob3']);
    await store.upsert({ id: 'ob1', schoolId: 'f', type: 'ob', status: 'sent', n: 1 });
    await store.upsert({ id: 'ob2', schoolId: 'e', type: 'ob', status: 'pending', n: 2 });
    await store.delete('ob0', 'g');
    expect(await asked('pending')).toEqual(['e/ob2', 'e/ob3']);
    expect(await asked('sent')).toEqual(['f/ob1']);
    // one partition still answers from its own part of the index
    expect(ids(await store.query(any, q, { s: 'sent' }, 'e'))).toEqual([]);
  });
});
