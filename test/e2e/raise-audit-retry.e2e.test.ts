import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../src/app/core/ports';
import { SCHOOL, pupil, teacher } from '../support/claimed-signal';
import { installation, invokeAction, startTestBot, type TestBot } from '../support/test-bot';

/**
 * A turn that stored a signal and then failed on its audit entry answers 5xx; the client's retry of
 * the same card finds the signal raised (a duplicate) and must still leave exactly one entry. The
 * store-faults e2e found the gap at random (1 run in about 6); this makes it happen every time.
 */
describe('auditing a raise the client retried', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    await tb.post(installation(tb, teacher));
  });
  afterAll(async () => tb.close());

  const raiseEntries = async (signalId: string) =>
    (await tb.repos.audit.forSchool(SCHOOL, 'signal.raise')).filter(
      (e) => e.signalId === signalId && e.outcome === 'ok',
    );

  it('audits the raise once when its entry failed and the same card came again, twice', async () => {
    const card = {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: 'gedrag',
      level: '2',
      observation: 'Zit vaak alleen in de pauze.',
      urgency: 'normal',
    };
    const record = tb.repos.audit.record.bind(tb.repos.audit);
    let failed = false;
    const failing = jest.spyOn(tb.repos.audit, 'record').mockImplementation(async (entry: AuditEntry) => {
      if (!failed && entry.action === 'signal.raise') {
        failed = true;
        throw new Error('audit store down');
      }
      return record(entry);
    });
    expect((await tb.post(invokeAction(tb, teacher, 'signal.submit', card))).status).toBe(500);
    failing.mockRestore();
    const [signal] = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).filter(
      (s) => s.submissionId === card.submissionId,
    );
    expect(await raiseEntries(signal.id)).toHaveLength(0);
    // the client's retries of the same card
    for (let i = 0; i < 2; i++) {
      const again = await tb.post(invokeAction(tb, teacher, 'signal.submit', card));
      expect(JSON.stringify(again.body.value)).toContain(signal.reference);
    }
    expect(await raiseEntries(signal.id)).toHaveLength(1);
    expect(
      (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).filter(
        (s) => s.submissionId === card.submissionId,
      ),
    ).toHaveLength(1);
  });
});
