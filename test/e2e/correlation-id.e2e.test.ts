import { randomUUID } from 'node:crypto';
import { configureLog } from '../../src/log';
import type { AuditDoc } from '../../src/store/schemas/audit-doc';
import { actionsOf, inputsOf } from '../support/card-walk';
import { demoPupils, pupilFullName } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
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

/** The audit entries written inside app use cases carry the turn's id too (issue 15 point 7). */
describe('one correlation id per turn in the audit entries of the use cases', () => {
  let tb: TestBot;
  const school = 'demo-school';
  const teacher = person('mentor', 0);
  const worker = person('preventiewerker', 0);
  const coordinator = person('zorgcoordinator');
  const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
  /** Posts one activity and returns the audit entries of the school that carry its id. */
  const auditOfTurn = async (activity: { id: string }): Promise<AuditDoc[]> => {
    expect((await tb.post(activity)).status).toBe(200);
    return (await tb.repos.audit.forSchool(school)).filter((a) => a.correlationId === activity.id);
  };
  const raise = () =>
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${school}|pupil:${pupil.number}`,
      categories: 'gedrag',
      level: '2',
      observation: 'Trekt zich terug.',
      urgency: 'normal',
    });

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    for (const who of [teacher, worker, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
  });
  afterAll(async () => tb.close());

  it('gives the signal.raise entry of a submit the activity id of that turn', async () => {
    const activity = raise();
    expect(await auditOfTurn(activity)).toEqual([
      expect.objectContaining({ action: 'signal.raise', outcome: 'ok', pupilId: `pupil:${pupil.number}` }),
    ]);
  });

  it('gives the signal.claim entry of a claim the activity id of that turn', async () => {
    const [raised] = (await tb.repos.audit.forSchool(school, 'signal.raise')).filter((a) => a.outcome === 'ok');
    const signal = (await tb.repos.signals.get(school, raised.signalId!))!.doc;
    const activity = invokeAction(tb, worker, 'signal.claim', {
      signalId: signal.id,
      schoolId: school,
      v: signal.updatedAt,
    });
    expect(await auditOfTurn(activity)).toEqual([
      expect.objectContaining({ action: 'signal.claim', outcome: 'ok', signalId: signal.id }),
    ]);
  });

  it('gives the round.savePage entry of a saved round page the activity id of that turn', async () => {
    expect((await tb.post(message(tb, coordinator, '/ronde open'))).status).toBe(200);
    const [opened] = await tb.repos.audit.forSchool(school, 'round.openNow');
    const ref = { schoolId: school, roundId: opened.subject!, classId: '1a', page: 0 };
    const form = (await tb.post(invokeAction(tb, worker, 'round.openPage', ref))).body.value;
    const data: Record<string, unknown> = { ...actionsOf(form, 'round.savePage')[0].data };
    for (const input of inputsOf(form).filter((i) => i.id.startsWith('level:'))) data[input.id] = '1';
    const activity = invokeAction(tb, worker, 'round.savePage', data);
    expect(await auditOfTurn(activity)).toEqual([expect.objectContaining({ action: 'round.savePage', outcome: 'ok' })]);
  });

  it('gives the pupil.export entry of /inzage the activity id of that turn', async () => {
    const activity = message(tb, coordinator, `/inzage ${pupil.number}`);
    expect(await auditOfTurn(activity)).toEqual([
      expect.objectContaining({ action: 'pupil.export', outcome: 'ok', pupilId: `pupil:${pupil.number}` }),
    ]);
  });

  it('gives the pupil.story entry of /leerling the activity id of that turn', async () => {
    const activity = message(tb, coordinator, `/leerling ${pupilFullName(pupil)}`);
    expect(await auditOfTurn(activity)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'pupil.story', outcome: 'ok', pupilId: `pupil:${pupil.number}` }),
      ]),
    );
  });
});
