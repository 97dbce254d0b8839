import { randomUUID } from 'node:crypto';
import { NO_ROUND_DATA, type DigestPorts, type DigestSchool } from '../../src/app/digest/digest-ports';
import { gatherDigest } from '../../src/app/digest/gather-digest';
import { postScheduledDigest } from '../../src/app/digest/post-scheduled-digest';
import { fixedClock } from '../../src/domain/clock';
import { OPEN_STATES, type Signal, type SignalState } from '../../src/domain/signal';
import { openRepositories, type Repositories } from '../../src/store';
import { DigestRepository } from '../../src/store/digest-repository';

/**
 * S12: the cost of a digest grows with open items, not with history. Two schools with the same
 * 200 open signals and 5 closed since the last digest; one also has 10,000 closed signals of
 * earlier years, the other 100. A digest of either reads the same documents with the same requests.
 */
const NOW = new Date('2026-11-23T07:00:00.000Z');
const SINCE = new Date('2026-11-16T07:00:00.000Z');
const LONG_AGO = new Date('2024-03-01T09:00:00.000Z');

const signal = (schoolId: string, n: number, state: SignalState, createdAt: Date): Signal & { type: 'signal' } => ({
  type: 'signal',
  id: `signal:${schoolId}-${n}`,
  schoolId,
  reference: `S-2026-${String(n).padStart(5, '0')}`,
  pupilId: `pupil:${260100 + (n % 60)}`,
  reporterId: 'u-teacher',
  categories: [n % 2 ? 'gedrag' : 'verzuim'],
  reporterLevel: n % 5 === 0 ? 3 : 2,
  observation: 'Vaste testtekst.',
  alreadyKnown: { pupil: false, parents: false, mentor: false },
  urgency: 'normal',
  state,
  createdAt: createdAt.toISOString(),
  updatedAt: createdAt.toISOString(),
  lastChangeBy: 'u-teacher',
  questions: [],
  history: [],
  ...(state === 'closed' ? { outcome: 'resolved', closedAt: createdAt.toISOString() } : {}),
  ...(state === 'escalated'
    ? {
        escalation: {
          status: n % 2 ? 'open' : 'claimed',
          reason: 'x',
          question: 'x',
          urgency: 'normal',
          parentsInformed: true,
          parentsConsented: true,
          requestedBy: 'u-pw',
          requestedAt: createdAt.toISOString(),
        },
      }
    : {}),
});

async function insert(repos: Repositories, schoolId: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 100) {
    const res = await repos.cases.batch(
      schoolId,
      docs.slice(i, i + 100).map((d) => ({ operationType: 'Create' as const, resourceBody: d })),
    );
    if (!res.ok) throw new Error(`batch failed: ${res.status}`);
  }
}

async function seedSchool(repos: Repositories, schoolId: string, closedHistory: number): Promise<void> {
  const docs: object[] = [];
  for (let n = 0; n < 200; n++)
    docs.push(
      signal(schoolId, n, OPEN_STATES[n % OPEN_STATES.length], new Date(NOW.getTime() - (n + 1) * 3_600_000 * 20)),
    );
  for (let n = 200; n < 205; n++)
    docs.push(signal(schoolId, n, 'closed', new Date(SINCE.getTime() + (n - 199) * 3_600_000)));
  for (let n = 1000; n < 1000 + closedHistory; n++) docs.push(signal(schoolId, n, 'closed', LONG_AGO));
  await insert(repos, schoolId, docs);
}

const school = (schoolId: string): DigestSchool => ({
  schoolId,
  name: schoolId,
  region: 'r',
  holidays: [],
  limits: { unclaimedSchoolDays: 2, escalationUnclaimedSchoolDays: 3 },
  digest: { weekday: 1, time: '08:00' },
});
const noStaff = { listStaff: async () => [] };

describe('digest queries on the embedded Cosmos server', () => {
  let repos: Repositories;
  let ports: DigestPorts;

  beforeAll(async () => {
    repos = await openRepositories({ databaseId: `digest-${randomUUID().slice(0, 6)}`, clock: fixedClock(NOW) });
    ports = { store: new DigestRepository(repos.cases, repos.signals, repos.directory), rounds: NO_ROUND_DATA };
    await seedSchool(repos, 'big', 10_000);
    await seedSchool(repos, 'small', 100);
  }, 180_000);
  afterAll(async () => repos.close());

  async function measured(schoolId: string) {
    repos.cosmos.meter.reset();
    const gathered = await gatherDigest(ports, noStaff, school(schoolId), SINCE, NOW);
    return { gathered, meter: repos.cosmos.meter.snapshot() };
  }

  it('reads the 200 open signals and the 5 closed since the last digest, not the 10,000 closed before', async () => {
    const { gathered } = await measured('big');
    expect(gathered.read).toEqual({ open: 200, closedSince: 5, roundPages: 0 });
    expect(gathered.digest.open.total).toBe(200);
    const openSince = gathered.open.filter((s) => s.createdAt >= SINCE.toISOString()).length;
    expect(openSince).toBeGreaterThan(0);
    expect(gathered.digest.newSignals.total).toBe(5 + openSince);
  });

  it('costs the same requests and documents with 10,000 closed signals as with 100', async () => {
    const big = await measured('big');
    const small = await measured('small');
    expect(big.gathered.read).toEqual(small.gathered.read);
    expect(big.meter.requests).toBe(small.meter.requests);
    expect(big.meter.byKind).toEqual(small.meter.byKind);
    // one query for the open signals and one for the closed-since, each fitting a few pages at most
    expect(big.meter.requests).toBeLessThanOrEqual(6);
    process.stdout.write(
      `digest reads: ${JSON.stringify({ big: { ...big.meter, read: big.gathered.read }, small: { ...small.meter, read: small.gathered.read } })}\n`,
    );
  });

  it('posts a school slot once when two instances run the digest at the same moment', async () => {
    const s = school('small');
    expect(await postScheduledDigest(ports, noStaff, s, new Date('2026-11-18T09:00:00.000Z'))).toEqual({
      kind: 'baseline',
    });
    const at = new Date('2026-11-23T07:05:00.000Z'); // Monday 08:05 Amsterdam
    const outcomes = await Promise.all([
      postScheduledDigest(ports, noStaff, s, at),
      postScheduledDigest(ports, noStaff, s, at),
    ]);
    expect(outcomes.filter((o) => o.kind === 'posted')).toHaveLength(1);
    // the loser finds the slot's snapshot already there, or the state changed under it: either way it writes nothing
    expect(outcomes.filter((o) => o.kind === 'already-posted' || o.kind === 'conflict')).toHaveLength(1);
    const messages = await repos.cases.queryValues<number>(
      "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.payload.kind = 'digest.channel'",
      {},
      'small',
    );
    expect(messages[0]).toBe(1);
    expect(await postScheduledDigest(ports, noStaff, s, new Date('2026-11-23T10:00:00.000Z'))).toEqual({
      kind: 'none',
    });
  });
});
