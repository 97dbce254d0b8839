import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { schoolClosedDays } from '../../src/domain/school-closed-days';
import { schoolDayOf } from '../../src/jobs/undeliverable-notices';
import { DigestRepository } from '../../src/store/digest-repository';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import {
  installation,
  invokeAction,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/**
 * Issue 14: every school-day count skips the school's closed days — the official holidays of its
 * region (the demo school is in region midden: Christmas holiday 19 December 2026 t/m 3 January
 * 2027) and its own extra closed days. The clock is moved across the Christmas holiday.
 */
const text = (c: unknown) => JSON.stringify(c);
const SCHOOL = 'demo-school';
const teacher = person('mentor', 0);
const [pw1, pw2] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const conv = (who: DemoStaff) => personalConversationId(who);
const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;

describe('school days skip the school holidays and the school’s own closed days (issue 14)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false }); // the test alone ticks the scheduler, after moving the clock
    for (const who of [teacher, pw1, pw2, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    const school = (await tb.repos.directory.getSchool(SCHOOL))!.doc;
    expect(school.holidayRegion).toBe('midden'); // from demo/school.json
    // one extra closed day of the school's own, and one round whose deadline lies after Christmas
    await tb.repos.directory.saveSchool({
      ...school,
      closedDays: ['2026-11-30'],
      roundWindows: { 2026: [{ roundNo: 2, opensOn: '2026-12-14', deadline: '2027-01-08' }] },
    });
    await settle();
  });
  afterAll(async () => tb.close());

  const settle = async () => {
    for (let i = 0; i < 250; i++) {
      await tb.bot.outbox.runOnce();
      if ((await tb.repos.outbox.countByStatus('pending')).reduce((n, x) => n + x, 0) === 0) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('outbox did not settle');
  };
  const tickAt = async (iso: string) => {
    tb.clock.set(iso);
    await tb.bot.scheduler.runOnce();
    await settle();
  };
  const current = async (s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;

  async function raise(): Promise<Signal> {
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'gedrag',
        level: '2',
        observation: 'Trekt zich terug in de les.',
        urgency: 'normal',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((s) => s.reference === reference)!;
  }

  async function raiseClaimAndEscalate(): Promise<Signal> {
    const s = await raise();
    expect(
      (await tb.post(invokeAction(tb, pw1, 'signal.claim', { signalId: s.id, schoolId: SCHOOL, v: s.updatedAt })))
        .status,
    ).toBe(200);
    const claimed = await current(s);
    const res = await tb.post(
      invokeAction(tb, pw1, 'signal.escalate', {
        signalId: s.id,
        schoolId: SCHOOL,
        v: claimed.updatedAt,
        reason: 'thuissituatie',
        question: 'Kan het OT het gezin ondersteunen?',
        urgency: 'soon',
        parentsInformed: 'ja',
        parentsConsented: 'ja',
        noConsentReason: '',
      }),
    );
    expect(res.status).toBe(200);
    const escalated = await current(s);
    expect(escalated).toMatchObject({ state: 'escalated', escalation: { status: 'open' } });
    return escalated;
  }

  const roundReminders = (who: DemoStaff) =>
    tb.connector.cards(conv(who)).filter((c) => text(c).includes('Herinnering') && text(c).includes('round.openPage'));

  it('does not count the school’s own closed day: a Friday signal is re-announced a day later than without it', async () => {
    tb.clock.set('2026-11-27T09:00:00+01:00'); // Friday; Monday 30 November is the school's closed day
    const s = await raise();
    await tickAt('2026-12-02T16:00:00+01:00'); // Wednesday: without the closed day 3 school days, with it 2
    expect((await current(s)).reannouncedAt).toBeUndefined();
    await tickAt('2026-12-03T08:00:00+01:00'); // Thursday: over the limit of 2
    expect((await current(s)).reannouncedAt).toBeDefined();
  });

  let signal: Signal;
  let escalated: Signal;

  it('sends the five-days round reminder on the last school day before Christmas, not on New Year’s Day', async () => {
    await tickAt('2026-12-14T08:05:00+01:00'); // the round opens
    expect((await tb.repos.rounds.getRound(SCHOOL, '2026-2'))?.doc).toMatchObject({
      status: 'open',
      deadline: '2027-01-08',
    });
    expect(roundReminders(pw1)).toHaveLength(0);
    tb.clock.set('2026-12-17T11:00:00+01:00'); // Thursday: an escalation nobody in the OT claims
    escalated = await raiseClaimAndEscalate();
    await tickAt('2026-12-18T08:05:00+01:00'); // Friday, the last school day: 5 school days before Friday 8 January
    await tb.connector.waitFor(() => roundReminders(pw1).length === 1);
  });

  it('does not re-announce a signal or an escalation during the Christmas holiday, and does so after the second school day following it', async () => {
    tb.clock.set('2026-12-18T10:00:00+01:00'); // Friday 18 December, the last school day before the holiday
    signal = await raise();
    await settle();
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw2)).some((c) => text(c).includes(signal.reference)));
    tb.connector.reset();

    for (const during of ['2026-12-23T16:00:00+01:00', '2026-12-31T16:00:00+01:00', '2027-01-03T16:00:00+01:00']) {
      await tickAt(during); // without the holiday both would be overdue by 23 December
      expect((await current(signal)).reannouncedAt).toBeUndefined();
      expect((await current(escalated)).escalation?.reannouncedAt).toBeUndefined();
    }
    await tickAt('2027-01-05T16:00:00+01:00'); // Tuesday: the second school day after the holiday, not over the limits
    expect((await current(signal)).reannouncedAt).toBeUndefined();
    expect((await current(escalated)).escalation?.reannouncedAt).toBeUndefined();
    expect(roundReminders(pw1)).toHaveLength(0);
    expect(tb.connector.cards(conv(pw1)).filter((c) => text(c).includes('nog door niemand opgepakt'))).toHaveLength(0);

    await tickAt('2027-01-06T08:00:00+01:00'); // Wednesday: over the limit of 2 (signal) and 3 (escalation)
    expect((await current(signal)).reannouncedAt).toBe('2027-01-06T07:00:00.000Z');
    expect((await current(escalated)).escalation?.reannouncedAt).toBe('2027-01-06T07:00:00.000Z');
    await tb.connector.waitFor(() =>
      [pw1, pw2].every((pw) =>
        tb.connector
          .cards(conv(pw))
          .some((c) => text(c).includes(signal.reference) && text(c).includes('nog door niemand opgepakt')),
      ),
    );
  });

  it('sends the last round reminder one school day before the deadline after the holiday', async () => {
    await tickAt('2027-01-07T08:05:00+01:00');
    await tb.connector.waitFor(() => roundReminders(pw1).length === 1);
  });

  it('gives the digest and the undeliverable notice the same closed days', async () => {
    const row = await new DigestRepository(tb.repos.cases, tb.repos.signals, tb.repos.directory).getSchool(SCHOOL);
    expect(row!.holidays).toEqual(expect.arrayContaining(['2026-11-30', '2026-12-25', '2027-01-01']));
    const school = (await tb.repos.directory.getSchool(SCHOOL))!.doc;
    expect(schoolDayOf(new Date('2026-12-23T10:00:00+01:00'), schoolClosedDays(school))).toBe('2027-01-04');
  });
});
