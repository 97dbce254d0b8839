import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { findAction, inputsOf } from '../support/card-walk';
import { settleOutbox } from '../support/outbox-settle';
import { urgentUnclaimedJob } from '../../src/jobs/urgent-unclaimed-job';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

/**
 * Issue 16, point 5: urgency that acts. "Vandaag nog" (and level 3 from the reporter) reaches both
 * prevention workers at once with the urgency visible; when nobody claimed it within the school's
 * working hours (default 3, 08:00–17:00 on school days) the coordinator is told, once.
 */
const SCHOOL = 'demo-school';
const [demi, anouk] = staffWith('preventiewerker');
const teacher = person('mentor', 0);
const coordinator = person('zorgcoordinator');
const admin = staffWith('beheerder')[0];
const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
const OBSERVATION = 'Zei in de les dat ze vanavond niet naar huis durft.';

const text = (c: unknown) => JSON.stringify(c);
const conv = (who: DemoStaff) => personalConversationId(who);

describe('urgent signals (issue 16, point 5)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    for (const who of [demi, anouk, teacher, coordinator, admin])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  const settle = () => settleOutbox(tb);
  const raise = async (urgency: string, level = '2') => {
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'thuissituatie',
        level,
        observation: OBSERVATION,
        urgency,
        openChoice: 'new',
      }),
    );
    expect(res.status).toBe(200);
    const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((x) => x.reference === reference)!;
  };
  const claim = async (who: DemoStaff, s: Signal) => {
    const fresh = (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
    const res = await tb.post(
      invokeAction(tb, who, 'signal.claim', { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt }),
    );
    expect(res.status).toBe(200);
  };
  /** one scheduler tick at this Amsterdam time, then the outbox delivered */
  const tickAt = async (iso: string) => {
    tb.clock.set(iso);
    await tb.bot.scheduler.runOnce();
    await settle();
  };
  const unclaimedNotices = (s: Signal) =>
    tb.connector.cards(conv(coordinator)).filter((c) => text(c).includes(`Nog niet opgepakt: ${s.reference}`));
  /** the admin changes the setting on the /instellingen card, as in Teams */
  const setWorkingHours = async (hours: number) => {
    const settingsCards = () => tb.connector.cards(conv(admin)).filter((c) => findAction(c, 'school.saveSettings'));
    const had = settingsCards().length;
    await tb.post(message(tb, admin, '/instellingen'));
    await tb.connector.waitFor(() => settingsCards().length === had + 1);
    const card = settingsCards().at(-1);
    const shown = Object.fromEntries(inputsOf(card).map((i) => [i.id, i.value === undefined ? '' : String(i.value)]));
    expect(shown.urgentUnclaimedWorkingHours).toMatch(/^\d+$/);
    const submit = {
      ...shown,
      ...findAction(card, 'school.saveSettings').data,
      urgentUnclaimedWorkingHours: String(hours),
    };
    const res = await tb.post(invokeAction(tb, admin, 'school.saveSettings', submit));
    expect(text(res.body.value)).toContain('Opgeslagen');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.doc.limits.urgentUnclaimedWorkingHours).toBe(hours);
  };

  it('brings a "vandaag nog" signal to both prevention workers at once, the urgency at the top of the card and first in the activity feed', async () => {
    tb.clock.set('2026-11-23T09:00:00+01:00'); // Monday
    const s = await raise('today');
    await settle();
    for (const who of [demi, anouk]) {
      const card = tb.connector.cards(conv(who)).find((c) => text(c).includes(s.reference))!;
      expect(card.body[0]).toMatchObject({ text: 'Vandaag nog oppakken', color: 'Attention' });
      const summaries = tb.connector.sentTo(conv(who)).map((c) => c.body?.summary);
      expect(summaries).toContain(`Vandaag nog: nieuw signaal ${s.reference}`);
    }
  });

  it('tells the coordinator once when nobody claimed it within 3 working hours, not again on later ticks', async () => {
    tb.clock.set('2026-11-23T09:00:00+01:00');
    const s = await raise('today');
    await settle();
    await tickAt('2026-11-23T11:59:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(0);

    await tickAt('2026-11-23T12:00:00+01:00');
    await tickAt('2026-11-23T12:05:00+01:00');
    await tickAt('2026-11-23T15:00:00+01:00');
    const notices = unclaimedNotices(s);
    expect(notices).toHaveLength(1);
    const notice = text(notices[0]);
    expect(notice).toContain('na 3 werkuren nog door geen van de preventiewerkers opgepakt');
    expect(notice).toContain('Thuissituatie');
    expect(notice).toContain('Vandaag nog');
    expect(notice).not.toContain(OBSERVATION);
    expect(notice).not.toContain(pupil.lastName);
    const summaries = tb.connector.sentTo(conv(coordinator)).map((c) => c.body?.summary);
    expect(summaries).toContain(`Nog niet opgepakt: ${s.reference} (Vandaag nog)`);
    // the prevention workers and the reporter hear nothing of it
    for (const who of [demi, anouk, teacher])
      expect(text(tb.connector.cards(conv(who)))).not.toContain('Nog niet opgepakt');
  });

  it('tells the coordinator once when two instances run the job at the same moment', async () => {
    tb.clock.set('2026-11-23T13:00:00+01:00');
    const s = await raise('today');
    tb.clock.set('2026-11-23T16:00:00+01:00');
    const [a, b] = [
      urgentUnclaimedJob({ repos: tb.repos }, 'instance-a'),
      urgentUnclaimedJob({ repos: tb.repos }, 'instance-b'),
    ];
    await Promise.all([a.run(tb.clock.now()), b.run(tb.clock.now())]);
    await settle();
    expect(unclaimedNotices(s)).toHaveLength(1);
  });

  it('does not tell the coordinator about an urgent signal claimed in time', async () => {
    tb.clock.set('2026-11-24T09:00:00+01:00'); // Tuesday
    const s = await raise('today');
    tb.clock.set('2026-11-24T10:30:00+01:00');
    await claim(anouk, s);
    await tickAt('2026-11-24T12:00:00+01:00');
    await tickAt('2026-11-24T16:00:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(0);
  });

  it('does not tell the coordinator about an unclaimed signal without urgency', async () => {
    tb.clock.set('2026-11-24T09:00:00+01:00');
    const s = await raise('soon');
    await tickAt('2026-11-24T16:00:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(0);
  });

  it('handles level 3 from the reporter the same way: the coordinator hears of the crisis at once, and once more when nobody claimed it', async () => {
    tb.clock.set('2026-11-25T09:00:00+01:00'); // Wednesday
    const s = await raise('normal', '3');
    await settle();
    for (const who of [demi, anouk]) {
      const card = tb.connector.cards(conv(who)).find((c) => text(c).includes(s.reference))!;
      expect(card.body[0]).toMatchObject({ text: 'Crisis/nood (3): graag vandaag nog oppakken', color: 'Attention' });
    }
    const atOnce = tb.connector
      .cards(conv(coordinator))
      .filter((c) => text(c).includes(`Crisis/nood gemeld: ${s.reference}`));
    expect(atOnce).toHaveLength(1);

    await tickAt('2026-11-25T12:00:00+01:00');
    await tickAt('2026-11-25T13:00:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(1);
    expect(text(unclaimedNotices(s)[0])).toContain('Crisis/nood (3)');
    // the notice at intake was not sent again
    expect(
      tb.connector.cards(conv(coordinator)).filter((c) => text(c).includes(`Crisis/nood gemeld: ${s.reference}`)),
    ).toHaveLength(1);
  });

  it('tells nobody about a level-3 signal claimed in time', async () => {
    tb.clock.set('2026-11-25T09:00:00+01:00');
    const s = await raise('today', '3');
    await claim(demi, s);
    await tickAt('2026-11-25T17:00:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(0);
  });

  it('rolls a signal raised at 16:00 into the next school morning: told at 10:00, not in the evening', async () => {
    tb.clock.set('2026-11-26T16:00:00+01:00'); // Thursday
    const s = await raise('today');
    await tickAt('2026-11-26T20:00:00+01:00');
    await tickAt('2026-11-27T09:59:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(0);
    await tickAt('2026-11-27T10:00:00+01:00');
    expect(unclaimedNotices(s)).toHaveLength(1);
  });

  it("follows the school's setting, changed on /instellingen: with 5 working hours the coordinator is told at 14:00, not at 12:00", async () => {
    await setWorkingHours(5);
    try {
      tb.clock.set('2026-11-30T09:00:00+01:00'); // Monday
      const s = await raise('today');
      await tickAt('2026-11-30T12:00:00+01:00');
      expect(unclaimedNotices(s)).toHaveLength(0);
      await tickAt('2026-11-30T14:00:00+01:00');
      expect(unclaimedNotices(s)).toHaveLength(1);
      expect(text(unclaimedNotices(s)[0])).toContain('na 5 werkuren');
    } finally {
      await setWorkingHours(3);
    }
  });
});
