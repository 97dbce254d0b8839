import { randomUUID } from 'node:crypto';
import { digestJob } from '../../src/jobs/digest-job';
import { Scheduler } from '../../src/jobs/scheduler';
import { digestPorts } from '../../src/jobs/digest-wiring';
import { auditEntries } from '../support/audit-entries';
import { actionsOf } from '../support/card-walk';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import {
  TENANT,
  TestClock,
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const TEAM = '19:demo-school-algemeen@thread.tacv2';
const CHANNEL = '19:zorgcoordinatoren@thread.tacv2';
const text = (c: unknown) => JSON.stringify(c);

const teacher = person('mentor', 0);
const [pw1] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');

/** Every demo pupil's first and last name, as whole words (case-sensitive: they are names). */
const PUPIL_NAMES = [...new Set(demoPupils.flatMap((p) => [p.firstName, p.lastName]))];
const namesIn = (payload: string) =>
  PUPIL_NAMES.filter((n) => new RegExp(`(?<!\\p{L})${n}(?!\\p{L})`, 'u').test(payload));

const channelCalls = (tb: TestBot) =>
  tb.connector.calls.filter((c) => c.conversationId.startsWith(CHANNEL) && c.status < 300);
const channelDigests = (tb: TestBot) =>
  channelCalls(tb).filter((c) => text(c.body).includes('Overzicht Demo College De Linde'));

async function raise(tb: TestBot, pupilIndex: number): Promise<string> {
  const pupil = demoPupils.filter((p) => teacher.classes.includes(p.className))[pupilIndex];
  const res = await tb.post(
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: pupilIndex % 2 ? 'pesten' : 'gedrag',
      level: pupilIndex === 0 ? '3' : '2',
      observation: 'Trekt zich terug in de les.',
      urgency: 'normal',
    }),
  );
  return /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
}

async function settle(tb: TestBot) {
  for (let i = 0; i < 5; i++) await tb.bot.outbox.runOnce();
}

async function tick(tb: TestBot) {
  await tb.bot.scheduler.runOnce();
  await settle(tb);
}

/** Links the coordinators' channel the way a coordinator does it: `/koppel overzicht` typed in the channel. */
async function linkChannel(tb: TestBot, who: DemoStaff) {
  const res = await tb.post(
    message(tb, who, '/koppel overzicht', {
      conversation: {
        id: `${CHANNEL};messageid=1700000000000`,
        conversationType: 'channel',
        tenantId: TENANT,
        isGroup: true,
      },
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: CHANNEL } },
    }),
  );
  expect(res.status).toBe(200);
}

describe('digests for coordinators (issue 6)', () => {
  let tb: TestBot;
  const references: string[] = [];

  beforeAll(async () => {
    tb = await startTestBot({
      clock: new TestClock(new Date('2026-11-23T09:00:00+01:00')),
      env: { SCHEDULER_TICK_MS: '3600000' },
    });
    for (const who of [teacher, pw1, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    // the first run after install starts the count: no digest of the past for a new school
    await tick(tb);
    for (let i = 0; i < 4; i++) references.push(await raise(tb, i));
    await settle(tb);
  }, 60_000);
  afterAll(async () => tb.close());

  it("posts the weekly digest into the coordinators' channel at the slot, with counts and no pupil name anywhere", async () => {
    await linkChannel(tb, coordinator);
    tb.clock.set('2026-11-30T07:29:00+01:00'); // Monday, a minute before the demo school's 07:30
    await tick(tb);
    expect(channelDigests(tb)).toHaveLength(0);
    expect(await tb.bot.deps.digest!.store.getSnapshot(SCHOOL, 'digest:2026-11-30')).toBeUndefined();

    tb.clock.set('2026-11-30T07:31:00+01:00');
    await tick(tb);
    await tb.connector.waitFor(() => channelDigests(tb).length >= 1);
    const posts = channelDigests(tb);
    expect(posts).toHaveLength(1);
    const payload = text(posts[0].body);
    expect(payload).toContain('Over de periode 23 november 2026 t/m 30 november 2026');
    expect(payload).toContain('4 nieuwe signalen');
    expect(payload).toContain('Chart.HorizontalBar');
    // flagged by reference (unclaimed for a week), never by name
    expect(payload).toContain(references[0]);
    expect(namesIn(payload)).toEqual([]);
    expect(payload).not.toContain('Trekt zich terug');
  });

  it('posts a slot once when two scheduler instances run, and once more when both run the job again', async () => {
    const second = new Scheduler({
      leases: tb.repos.leases,
      now: () => tb.clock.now(),
      holder: 'second-instance',
      tickMs: 60_000,
    });
    const job = () => digestJob({ digest: digestPorts(tb.repos), directory: tb.repos.directory });
    second.register(job());
    tb.clock.set('2026-12-07T07:35:00+01:00');
    await Promise.all([tb.bot.scheduler.runOnce(), second.runOnce()]);
    // past the lease: both instances run the job itself at once
    await Promise.all([job().run(tb.clock.now()), job().run(tb.clock.now())]);
    await settle(tb);
    await tb.connector.waitFor(() => channelDigests(tb).length >= 2);
    await new Promise((r) => setTimeout(r, 300)); // a second post, were there one, would land by now
    const slot = channelDigests(tb).filter((c) => text(c.body).includes('t/m 7 december 2026'));
    expect(slot).toHaveLength(1);
    expect(channelDigests(tb)).toHaveLength(2);
  });

  it('posts missed slots once after a restart, as one digest that says which period it covers', async () => {
    tb.clock.set('2026-12-23T10:00:00+01:00'); // the bot was down over the slots of 14 and 21 December
    await tb.restart();
    await tick(tb);
    await tick(tb);
    await tb.connector.waitFor(() => channelDigests(tb).length >= 3);
    const late = channelDigests(tb).filter((c) => text(c.body).includes('t/m 23 december 2026'));
    expect(late).toHaveLength(1);
    const payload = text(late[0].body);
    expect(payload).toContain('Over de periode 7 december 2026 t/m 23 december 2026');
    expect(payload).toContain('2 geplande momenten niet bereikbaar');
    expect(namesIn(payload)).toEqual([]);
    expect(channelDigests(tb)).toHaveLength(3);
  });

  it('refuses /overzicht to a teacher, in Dutch, and audits the attempt', async () => {
    tb.connector.reset();
    expect((await tb.post(message(tb, teacher, '/overzicht'))).status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(teacher)).length > 0);
    expect(tb.connector.texts(personalConversationId(teacher)).join(' ')).toContain('alleen voor zorgcoördinatoren');
    expect(tb.connector.cards(personalConversationId(teacher))).toEqual([]);
    const refused = (await auditEntries(tb, 'digest.view')).filter(
      (e) => e.outcome === 'refused' && e.actorId === teacher.entraId,
    );
    expect(refused.length).toBeGreaterThan(0);
  });

  it('answers /overzicht for a coordinator with the names behind the flagged items, each opening its signal card', async () => {
    tb.connector.reset();
    await tb.post(message(tb, coordinator, '/overzicht'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(coordinator)).length > 0);
    const card = tb.connector.cards(personalConversationId(coordinator))[0];
    const payload = text(card);
    expect(payload).toContain('met namen');
    const pupil = demoPupils.filter((p) => teacher.classes.includes(p.className))[0];
    expect(payload).toContain(`${pupil.firstName}`);
    expect(payload).toContain(references[0]);
    const buttons = actionsOf(card, 'digest.openSignal');
    expect(buttons.length).toBe(4);

    tb.connector.reset();
    const res = await tb.post(invokeAction(tb, coordinator, 'digest.openSignal', buttons[0].data));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).toContain('met namen'); // the digest stays in place
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(personalConversationId(coordinator))
        .some((c) => text(c).includes(references[0]) && !text(c).includes('met namen')),
    );

    // a teacher replaying the button gets nothing
    const forged = await tb.post(invokeAction(tb, teacher, 'digest.openSignal', buttons[0].data));
    expect(text(forged.body.value)).toContain('geweigerd');
    expect(namesIn(text(forged.body.value))).toEqual([]);
  });

  it('posts the channel digest on demand with /overzicht kanaal (the Playground trigger)', async () => {
    tb.connector.reset();
    await tb.post(message(tb, coordinator, '/overzicht kanaal'));
    await settle(tb);
    await tb.connector.waitFor(() => channelDigests(tb).length === 1);
    const payload = text(channelDigests(tb)[0].body);
    expect(payload).toContain('Op verzoek verstuurd');
    expect(namesIn(payload)).toEqual([]);
  });

  it('gives the project lead a region digest with counts only and small numbers suppressed', async () => {
    const lead = {
      name: 'Petra Projectleider',
      entraId: '5b9c4c1e-0000-4000-8000-00000000ab01',
      upn: 'p.lead@demo-school.example',
      roles: ['projectleider'],
      classes: [],
    } as DemoStaff;
    await tb.repos.directory.upsertStaff({
      id: `staff:${lead.entraId}`,
      type: 'staff',
      schoolId: SCHOOL,
      userId: lead.entraId,
      upn: lead.upn,
      displayName: lead.name,
      roles: ['projectLead'],
      classIds: [],
    });
    tb.connector.reset();
    await tb.post(message(tb, lead, '/overzicht regio'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(lead)).length > 0);
    const payload = text(tb.connector.cards(personalConversationId(lead))[0]);
    expect(payload).toContain('Regio-overzicht Demo-regio');
    expect(payload).toContain('<5');
    expect(namesIn(payload)).toEqual([]);
    for (const ref of references) expect(payload).not.toContain(ref);

    tb.connector.reset();
    await tb.post(message(tb, teacher, '/overzicht regio'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(teacher)).length > 0);
    expect(tb.connector.texts(personalConversationId(teacher)).join(' ')).toContain('alleen voor de projectleider');
  });
});
