import { configureLog } from '../../src/log';
import type { AuditDoc } from '../../src/store/schemas/audit-doc';
import {
  installation,
  invokeAction,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/** One correlation id per turn: the HTTP answer, the log lines and the audit entries all carry it (issue 15). */
describe('one correlation id per turn', () => {
  let tb: TestBot;
  const lines: string[] = [];
  const teacher = person('mentor', 0);
  const school = 'demo-school';
  // a note without its card version: the verb guard refuses it as stale and audits that
  const staleNote = (id?: string) => ({
    ...invokeAction(tb, teacher, 'signal.note', { schoolId: school, signalId: 'signal:corr-1', note: 'Gebeld.' }),
    ...(id === undefined ? {} : { id }),
  });
  const logged = (msg: string) =>
    lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
  const auditedAs = async (correlationId: string): Promise<AuditDoc[]> =>
    (await tb.repos.audit.forSchool(school, 'signal.note')).filter((a) => a.correlationId === correlationId);

  beforeAll(async () => {
    tb = await startTestBot();
    configureLog('debug', (line) => lines.push(line));
    expect((await tb.post(installation(tb, teacher))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.sentTo(personalConversationId(teacher)).length > 0);
  });
  afterAll(async () => {
    configureLog('silent');
    await tb.close();
  });
  beforeEach(() => {
    lines.length = 0;
  });
  afterEach(() => jest.restoreAllMocks());

  /** The audit write lands, then the turn fails: a store fault right after the refusal was recorded. */
  const failAfterTheAuditEntry = () => {
    const record = tb.repos.audit.record.bind(tb.repos.audit);
    jest.spyOn(tb.repos.audit, 'record').mockImplementationOnce(async (entry) => {
      await record(entry);
      throw Object.assign(new TypeError('store gone'), { code: 'E_TEST' });
    });
  };

  it('gives a turn that fails with 500 the activity id in the answer, the log lines and its audit entry', async () => {
    failAfterTheAuditEntry();
    const activity = staleNote();
    const res = await tb.post(activity);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'internal', correlationId: activity.id });
    expect(logged('turn.error')).toEqual([expect.objectContaining({ correlationId: activity.id, code: 'E_TEST' })]);
    expect(logged('turn.failed')).toEqual([expect.objectContaining({ correlationId: activity.id, status: 500 })]);
    expect(await auditedAs(activity.id)).toEqual([expect.objectContaining({ outcome: 'refused', code: 'stale' })]);
  });

  it('uses one generated UUID for answer, log and audit when the activity id is not fit to carry', async () => {
    failAfterTheAuditEntry();
    const res = await tb.post(staleNote(`not fit ${'x'.repeat(200)}`));
    expect(res.status).toBe(500);
    const id = res.body.correlationId as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(logged('turn.error')).toEqual([expect.objectContaining({ correlationId: id })]);
    expect(logged('turn.failed')).toEqual([expect.objectContaining({ correlationId: id })]);
    expect(await auditedAs(id)).toHaveLength(1);
  });

  it('gives a refused turn’s audit entry the id its log line carries', async () => {
    const activity = staleNote();
    const res = await tb.post(activity);
    expect(res.status).toBe(200);
    const [refused] = logged('turn.refused');
    expect(refused).toMatchObject({ correlationId: activity.id, action: 'signal.note', code: 'stale' });
    expect(await auditedAs(activity.id)).toEqual([expect.objectContaining({ outcome: 'refused', code: 'stale' })]);
  });
});
