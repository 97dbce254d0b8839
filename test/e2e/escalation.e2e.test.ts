import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Signal } from '../../src/domain/signal';
import { DEMO_TEAM_ID, OT_CHANNEL_ID, channelInvoke, channelMessage } from '../support/channel-activities';
import { demoPupils, pupilFullName, staffWith, type DemoStaff } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const text = (c: unknown) => JSON.stringify(c);
const SCHOOL = 'demo-school';
/** Every question and note in these tests carries this marker, so a leak is easy to find. */
const SECRET = 'OT-VRAAG-GEHEIM';
const SUMMARY = 'SAMENVATTING-GEHEIM gezin heeft hulp gekregen';

const teacher = person('mentor', 0);
const [pw1, pw2] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const ot = person('ot');
const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
const conv = (who: DemoStaff) => personalConversationId(who);

async function install(tb: TestBot, people: DemoStaff[]) {
  const before = tb.connector.calls.length;
  for (const who of people) expect((await tb.post(installation(tb, who))).status).toBe(200);
  await tb.connector.waitFor((calls) => calls.length >= before + people.length);
}

const current = async (tb: TestBot, s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;

/** Raises a signal as the teacher and claims it as prevention worker 1. */
async function raiseAndClaim(tb: TestBot): Promise<Signal> {
  const res = await tb.post(
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: 'thuissituatie',
      level: '3',
      observation: 'OBSERVATIE-GEHEIM trekt zich terug.',
      urgency: 'soon',
    }),
  );
  const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
  const s = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((x) => x.reference === reference)!;
  const claimed = await tb.post(
    invokeAction(tb, pw1, 'signal.claim', { signalId: s.id, schoolId: SCHOOL, v: s.updatedAt }),
  );
  expect(claimed.status).toBe(200);
  return current(tb, s);
}

const FORM = {
  reason: 'thuissituatie',
  question: `${SECRET} kan het OT het gezin ondersteunen?`,
  urgency: 'soon',
  parentsInformed: 'ja',
  parentsConsented: 'ja',
  noConsentReason: '',
};

/** Escalates through the form as prevention worker 1; returns the answer card. */
async function escalate(tb: TestBot, s: Signal, form: object = FORM): Promise<any> {
  const fresh = await current(tb, s);
  const formCard = await tb.post(
    invokeAction(tb, pw1, 'signal.escalateForm', { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt }),
  );
  expect(text(formCard.body.value)).toContain('Opschalen naar het OT');
  const res = await tb.post(
    invokeAction(tb, pw1, 'signal.escalate', { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt, ...form }),
  );
  expect(res.status).toBe(200);
  return res.body.value;
}

/** Every call the bot made to the OT channel conversation. */
const channelCalls = (tb: TestBot) => tb.connector.calls.filter((c) => c.conversationId === OT_CHANNEL_ID);
const channelPostsFor = (tb: TestBot, s: Signal) =>
  channelCalls(tb).filter((c) => c.status < 300 && text(c.body).includes(s.reference));
/** Polls until the condition holds (the outbox runner works beside the test). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
const escRef = (s: Signal, n = 0) => ({ signalId: s.id, schoolId: SCHOOL, n });

describe('escalation to the OT (issue 4)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await install(tb, [teacher, pw1, pw2, coordinator, ot]);
  });
  const afterAllClose: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of afterAllClose) await close();
    await tb.close();
  });

  it('refuses /koppel ot from someone who is not coordinator or admin, with Dutch help and an audit entry', async () => {
    for (const who of [teacher, ot]) {
      const before = tb.connector.texts(OT_CHANNEL_ID).length;
      expect((await tb.post(channelMessage(tb, who, '/koppel ot'))).status).toBe(200);
      await tb.connector.waitFor(() => tb.connector.texts(OT_CHANNEL_ID).length > before);
      expect(tb.connector.texts(OT_CHANNEL_ID).at(-1)).toContain('Alleen een zorgcoördinator of functioneel beheerder');
    }
    expect((await tb.repos.directory.getSchool(SCHOOL))!.doc.channels.ot).toBeUndefined();
    const audit = await tb.repos.audit.forSchool(SCHOOL);
    expect(
      audit.some(
        (a) =>
          a.action === 'channel.link' &&
          a.outcome === 'refused' &&
          a.actorId === teacher.entraId &&
          a.code === 'link-no-role',
      ),
    ).toBe(true);
    // wrong use by a coordinator: help, nothing linked
    const before = tb.connector.texts(OT_CHANNEL_ID).length;
    await tb.post(channelMessage(tb, coordinator, '/koppel kantine'));
    await tb.connector.waitFor(() => tb.connector.texts(OT_CHANNEL_ID).length > before);
    expect(tb.connector.texts(OT_CHANNEL_ID).at(-1)).toContain('Zo koppel je een kanaal');
    // typed in the personal chat instead of the channel: the same help
    const inChat = tb.connector.texts(conv(coordinator)).length;
    await tb.post(message(tb, coordinator, '/koppel ot'));
    await tb.connector.waitFor(() => tb.connector.texts(conv(coordinator)).length > inChat);
    expect(tb.connector.texts(conv(coordinator)).at(-1)).toContain('Zo koppel je een kanaal');
    expect((await tb.repos.directory.getSchool(SCHOOL))!.doc.channels.ot).toBeUndefined();
  });

  it('keeps an escalation made before the OT channel is linked, tells the worker and the coordinator, and posts it after /koppel ot', async () => {
    const s = await raiseAndClaim(tb);
    const card = await escalate(tb, s);
    expect(text(card)).toContain('nog niet gekoppeld');
    expect((await current(tb, s)).state).toBe('escalated');
    const parked = async () =>
      (await tb.repos.outbox.waitingFor(SCHOOL, { kind: 'channel', channel: 'ot' })).filter(
        (d) => d.payload.signalId === s.id,
      );
    await eventually(async () => (await parked()).length === 1);
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(coordinator)).some((c) => text(c).includes('het OT-kanaal')),
    );
    expect(channelPostsFor(tb, s)).toHaveLength(0);

    const before = tb.connector.texts(OT_CHANNEL_ID).length;
    await tb.post(channelMessage(tb, coordinator, '/koppel ot'));
    await tb.connector.waitFor(() => tb.connector.texts(OT_CHANNEL_ID).length > before);
    expect(tb.connector.texts(OT_CHANNEL_ID).at(-1)).toContain('gekoppeld als OT-kanaal');
    const link = (await tb.repos.directory.getSchool(SCHOOL))!.doc.channels.ot!;
    expect(link).toMatchObject({ teamId: DEMO_TEAM_ID, channelId: OT_CHANNEL_ID, linkedBy: coordinator.entraId });
    expect(link.reference.conversation.id).toBe(OT_CHANNEL_ID);
    expect(
      (await tb.repos.audit.forSchool(SCHOOL)).some(
        (a) => a.action === 'channel.link' && a.outcome === 'ok' && a.actorId === coordinator.entraId,
      ),
    ).toBe(true);
    await tb.connector.waitFor(() =>
      channelPostsFor(tb, s).some((c) => c.method === 'POST' && text(c.body).includes('Verzoek aan het OT')),
    );
    // the post's activity id is kept under its own key, so claim and hand-back update it in place
    await eventually(async () =>
      (await tb.repos.outbox.deliveriesOf(SCHOOL, `${s.id}:ot:0`)).some(
        (d) => d.target.kind === 'channel' && d.conversationId === OT_CHANNEL_ID,
      ),
    );
  });

  it('re-draws the form with Dutch messages and the input kept when answers are missing', async () => {
    const s = await raiseAndClaim(tb);
    const card = await escalate(tb, s, {
      ...FORM,
      question: 'Mijn vraag blijft staan',
      parentsInformed: 'nee',
      parentsConsented: 'ja',
      urgency: '',
    });
    expect(text(card)).toContain('Ouders die niet zijn geïnformeerd');
    expect(text(card)).toContain('Kies de urgentie.');
    expect(text(card)).toContain('Mijn vraag blijft staan');
    const noReason = await escalate(tb, s, { ...FORM, parentsInformed: 'ja', parentsConsented: 'nee' });
    expect(text(noReason)).toContain('Geef aan waarom de ouders');
    expect((await current(tb, s)).state).toBe('claimed');
  });

  it('posts only reference, reason, urgency, requester and date in the channel: no pupil name, class or question', async () => {
    const s = await raiseAndClaim(tb);
    const card = await escalate(tb, s);
    expect(text(card)).toContain('Het verzoek staat in het OT-kanaal');
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    const post = channelPostsFor(tb, s)[0];
    const json = text(post.body);
    expect(json).toContain(s.reference);
    expect(json).toContain('Thuissituatie / gezin');
    expect(json).toContain('Snel (binnen twee schooldagen)');
    expect(json).toContain(pw1.name);
    // a click in the channel answers with the same minimal card
    const claimAnswer = await tb.post(channelInvoke(tb, ot, 'escalation.claim', escRef(s)));
    await tb.connector.waitFor(() => channelPostsFor(tb, s).some((c) => c.method === 'PUT'));
    const everything = text(channelCalls(tb)) + text(claimAnswer.body);
    for (const leak of [
      pupilFullName(pupil),
      pupil.firstName,
      pupil.lastName,
      `(${pupil.className})`,
      SECRET,
      'OBSERVATIE-GEHEIM',
    ]) {
      expect({ leak, found: everything.includes(leak) }).toEqual({ leak, found: false });
    }
  });

  it("refuses the details to someone outside the OT (audited) and sends them to an OT member's personal chat", async () => {
    const s = await raiseAndClaim(tb);
    await escalate(tb, s);
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    const refused = await tb.post(channelInvoke(tb, pw2, 'escalation.details', escRef(s)));
    expect(text(refused.body.value)).toContain('alleen voor leden van het ondersteuningsteam');
    expect(text(refused.body.value)).not.toContain(pupil.lastName);
    const audit = await tb.repos.audit.forSchool(SCHOOL);
    expect(
      audit.some(
        (a) =>
          a.action === 'escalation.details' &&
          a.outcome === 'refused' &&
          a.actorId === pw2.entraId &&
          a.signalId === s.id,
      ),
    ).toBe(true);

    const asOt = await tb.post(channelInvoke(tb, ot, 'escalation.details', escRef(s)));
    expect(text(asOt.body.value)).toContain('persoonlijke chat');
    expect(text(asOt.body.value)).not.toContain(pupil.lastName);
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(ot)).some((c) => text(c).includes(`OT-verzoek ${s.reference}`)),
    );
    const details = tb.connector
      .cards(conv(ot))
      .filter((c) => text(c).includes(`OT-verzoek ${s.reference}`))
      .at(-1);
    expect(text(details)).toContain(pupilFullName(pupil));
    expect(text(details)).toContain(SECRET);
    expect(tb.connector.cards(conv(pw2)).some((c) => text(c).includes(`OT-verzoek ${s.reference}`))).toBe(false);
    expect(text(channelCalls(tb))).not.toContain(SECRET);
  });

  it('lets exactly one of two OT members claim, shows who in the channel and tells the prevention worker', async () => {
    const ot2: DemoStaff = {
      name: 'Tweede Gezinswerker',
      upn: 't.gezinswerker@demo-school.example',
      roles: ['ot'],
      classes: [],
      entraId: randomUUID(),
    };
    await tb.repos.directory.upsertStaff({
      id: `staff:${ot2.entraId}`,
      type: 'staff',
      schoolId: SCHOOL,
      userId: ot2.entraId,
      displayName: ot2.name,
      roles: ['supportTeam'],
      classIds: [],
    });
    const s = await raiseAndClaim(tb);
    await escalate(tb, s);
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    const answers = await Promise.all(
      [ot, ot2].map((who) => tb.post(channelInvoke(tb, who, 'escalation.claim', escRef(s)))),
    );
    const won = answers.map((a) => text(a.body.value).includes('Je hebt dit verzoek opgepakt'));
    expect(won.filter(Boolean)).toHaveLength(1);
    const loser = answers[won.indexOf(false)];
    expect(text(loser.body.value)).toContain('al opgepakt');
    const winner = won[0] ? ot : ot2;
    const after = await current(tb, s);
    expect(after.escalation).toMatchObject({ status: 'claimed', claimedBy: winner.entraId });
    expect(after.history.filter((h) => h.action === 'claimEscalation')).toHaveLength(1);
    const postId = (await tb.repos.outbox.deliveriesOf(SCHOOL, `${s.id}:ot:0`))[0].activityId;
    await tb.connector.waitFor(() =>
      channelPostsFor(tb, s).some(
        (c) => c.method === 'PUT' && c.activityId === postId && text(c.body).includes(`Opgepakt door ${winner.name}`),
      ),
    );
    // the winner's own line was the answer to the click only: never put into the channel for all
    expect(channelPostsFor(tb, s).filter((c) => text(c.body).includes('Je hebt dit verzoek opgepakt'))).toEqual([]);
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(pw1))
        .some((c) => text(c).includes(`Het OT heeft ${s.reference} opgepakt`) && text(c).includes(winner.name)),
    );
  });

  it('hands the case back to the prevention worker in waakvlam with the OT summary; the reporter hears only that', async () => {
    const s = await raiseAndClaim(tb);
    await escalate(tb, s);
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    await tb.post(channelInvoke(tb, ot, 'escalation.claim', escRef(s)));
    // notes and the hand-back from the details card in the OT member's personal chat
    const noted = await tb.post(
      invokeAction(tb, ot, 'escalation.note', { ...escRef(s), note: 'OT-NOTITIE gesprek met moeder gepland' }),
    );
    expect(text(noted.body.value)).toContain('Je notitie is opgeslagen');
    const emptySummary = await tb.post(
      invokeAction(tb, ot, 'escalation.deEscalate', { ...escRef(s), summary: '  ', checkInDate: '2026-12-14' }),
    );
    expect(text(emptySummary.body.value)).toContain('Schrijf een korte terugkoppeling');
    expect((await current(tb, s)).state).toBe('escalated');
    const back = await tb.post(
      invokeAction(tb, ot, 'escalation.deEscalate', { ...escRef(s), summary: SUMMARY, checkInDate: '2026-12-14' }),
    );
    expect(text(back.body.value)).toContain('teruggegeven aan de preventiewerker');
    const after = await current(tb, s);
    expect(after.state).toBe('watch');
    expect(after.watch).toEqual({ checkInDate: '2026-12-14' });
    expect(after.escalation).toMatchObject({ status: 'returned', summary: SUMMARY });
    expect(after.history.some((h) => h.action === 'note' && h.actorId === ot.entraId && h.visibility === 'care')).toBe(
      true,
    );

    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(pw1))
        .some((c) => text(c).includes(`${s.reference} is terug bij jou`) && text(c).includes(SUMMARY)),
    );
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(teacher))
        .some((c) => text(c).includes(s.reference) && text(c).includes('weer bij de preventiewerker')),
    );
    const toReporter = text(tb.connector.cards(conv(teacher)).filter((c) => text(c).includes(s.reference)));
    expect(toReporter).not.toContain('SAMENVATTING-GEHEIM');
    expect(toReporter).not.toContain('OT-NOTITIE');
    await tb.connector.waitFor(() =>
      channelPostsFor(tb, s).some(
        (c) => c.method === 'PUT' && text(c.body).includes('Teruggegeven aan de preventiewerker'),
      ),
    );
    const channel = text(channelCalls(tb));
    expect(channel).not.toContain('SAMENVATTING-GEHEIM');
    expect(channel).not.toContain('OT-NOTITIE');
    // a late click on the old post is answered, not acted on
    const late = await tb.post(channelInvoke(tb, ot, 'escalation.claim', escRef(s)));
    expect(text(late.body.value)).toContain('al teruggegeven');
  });

  it('shows the prevention worker the OT question and status on the signal card, the reason as a Dutch label in the history, and the OT summary once handed back; the reporter sees none of it', async () => {
    const s = await raiseAndClaim(tb);
    const escalated = text(await escalate(tb, s));
    expect(escalated).toContain('Opgeschaald naar het OT');
    expect(escalated).toContain('Nog niet opgepakt');
    expect(escalated).toContain(SECRET);
    const historyLine = (card: string) =>
      (JSON.parse(card).body as any[])
        .map((b) => String(b.text ?? ''))
        .find((t) => /: opgeschaald naar het OT/.test(t)) ?? '';
    expect(historyLine(escalated)).toContain('Thuissituatie / gezin');
    expect(historyLine(escalated)).not.toMatch(/\bthuissituatie\b/);
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    const workerCard = async (who: DemoStaff = pw1) =>
      text((await tb.post(invokeAction(tb, who, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }))).body.value);

    await tb.post(channelInvoke(tb, ot, 'escalation.claim', escRef(s)));
    const claimed = await workerCard();
    expect(claimed).toContain(`Opgepakt door ${ot.name}`);
    expect(claimed).toContain(SECRET);

    await tb.post(
      invokeAction(tb, ot, 'escalation.deEscalate', { ...escRef(s), summary: SUMMARY, checkInDate: '2026-12-14' }),
    );
    const back = await workerCard();
    expect(back).toContain('Terug van het OT');
    expect(back).toContain('Terugkoppeling van het OT');
    expect(back).toContain(SUMMARY);
    expect(back).toContain('Teruggegeven aan de preventiewerker');

    const reporterView = await workerCard(teacher);
    expect(reporterView).toContain(s.reference);
    for (const secret of [SECRET, SUMMARY, 'Vraag aan het OT', 'Thuissituatie / gezin'])
      expect({ secret, found: reporterView.includes(secret) }).toEqual({ secret, found: false });
  });

  it('shows initials and class, never the name, when the school opted in to them', async () => {
    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    await tb.repos.directory.saveSchool({ ...school.doc, channelPostDetail: 'initialsAndClass' });
    try {
      const s = await raiseAndClaim(tb);
      await escalate(tb, s);
      await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
      const json = text(channelPostsFor(tb, s));
      expect(json).toContain(`${pupil.firstName[0]}.${pupil.lastName[0]}. (${pupil.className})`);
      expect(json).not.toContain(pupil.firstName);
      expect(json).not.toContain(pupil.lastName);
      expect(json).not.toContain(SECRET);
    } finally {
      const now = (await tb.repos.directory.getSchool(SCHOOL))!;
      await tb.repos.directory.saveSchool({ ...now.doc, channelPostDetail: 'minimal' });
    }
  });

  it('parks the post when Teams answers 404 for the OT channel, tells the prevention worker and the coordinator, and posts it after /koppel ot again', async () => {
    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    const link = school.doc.channels.ot!;
    // the bot was removed from the team: Teams answers 404 for the channel
    const gone = http.createServer((_req, res) => {
      res.statusCode = 404;
      res.end('{"error":{"code":"ConversationNotFound"}}');
    });
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', () => r()));
    afterAllClose.push(() => new Promise<void>((r) => gone.close(() => r())));
    const goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/`;
    await tb.repos.directory.saveSchool({
      ...school.doc,
      channels: { ...school.doc.channels, ot: { ...link, reference: { ...link.reference, serviceUrl: goneUrl } } },
    });
    const s = await raiseAndClaim(tb);
    await escalate(tb, s);
    await eventually(async () =>
      (await tb.repos.outbox.waitingFor(SCHOOL, { kind: 'channel', channel: 'ot' })).some(
        (d) => d.payload.signalId === s.id && d.lastError === 'channel-unreachable',
      ),
    );
    await tb.connector.waitFor(() =>
      tb.connector.cards(conv(pw1)).some((c) => text(c).includes(`OT-kanaal niet bereikbaar — ${s.reference}`)),
    );
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(conv(coordinator))
        .some((c) => text(c).includes(s.reference) && text(c).includes('het OT-kanaal')),
    );
    expect(channelPostsFor(tb, s)).toHaveLength(0);
    await tb.post(channelMessage(tb, coordinator, '/koppel ot'));
    await tb.connector.waitFor(() =>
      channelPostsFor(tb, s).some((c) => c.method === 'POST' && text(c.body).includes('Verzoek aan het OT')),
    );
  });

  it('re-announces an escalation nobody claimed within 3 school days exactly once', async () => {
    const s = await raiseAndClaim(tb);
    await escalate(tb, s);
    await tb.connector.waitFor(() => channelPostsFor(tb, s).length > 0);
    const reminders = () =>
      channelPostsFor(tb, s).filter((c) => c.method === 'POST' && text(c.body).includes('Herinnering'));
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    expect(reminders()).toHaveLength(0);
    tb.clock.advance(7 * 24 * 3600 * 1000); // Monday → next Monday: 5 school days
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    await tb.connector.waitFor(() => reminders().length > 0);
    expect(reminders()).toHaveLength(1);
    const after = await current(tb, s);
    expect(after.escalation?.reannouncedAt).toBe(tb.clock.now().toISOString());
    expect(after.history.filter((h) => h.action === 'reannounceEscalation')).toHaveLength(1);
    expect(text(reminders())).not.toContain(pupil.lastName);
  });
});
