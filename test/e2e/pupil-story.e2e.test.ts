import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { seedDemoRoundHistory } from '../../src/demo-round-history';
import { pupilDocId, staffDocId } from '../../src/store/schemas/directory-docs';
import { actionsOf } from '../support/card-walk';
import { addSchool } from '../support/schools';
import { demoPupils, pupilFullName, staffWith } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const text = (card: unknown) => JSON.stringify(card);

describe('a pupil’s whole story with /leerling, and reopening a closed signal (issue 16)', () => {
  let tb: TestBot;
  const mentor = person('mentor', 0); // mentor of 1A
  const reporter = person('docent', 4); // teaches 1A, mentors nobody
  const [pw1, pw2] = staffWith('preventiewerker');
  const coordinator = person('zorgcoordinator');
  const ot = person('ot');
  const pupil = demoPupils.find((p) => p.className === '1A' && p.mentorUpn === mentor.upn)!;
  const pupilId = `pupil:${pupil.number}`;
  let closed: Signal;
  let open: Signal;

  const raise = async (observation: string): Promise<Signal> => {
    const res = await tb.post(
      invokeAction(tb, reporter, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|${pupilId}`,
        categories: 'verzuim',
        level: '2',
        observation,
        urgency: 'normal',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
    return (await tb.repos.signals.listByPupil(SCHOOL, pupilId)).find((s) => s.reference === reference)!;
  };
  const current = async (s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
  const story = async (who: typeof pw1, query = pupilFullName(pupil)) => {
    tb.connector.reset();
    const typed = message(tb, who, `/leerling ${query}`);
    expect((await tb.post(typed)).status).toBe(200);
    // the answer is the reply to the typed command; a notice the outbox delivers meanwhile is not
    const isReply = (c: { path: string }) => c.path.endsWith(`/activities/${encodeURIComponent(typed.id)}`);
    await tb.connector.waitFor(() => tb.connector.sentTo(personalConversationId(who)).some(isReply));
    const body = tb.connector.sentTo(personalConversationId(who)).find(isReply)!.body as {
      text?: string;
      attachments?: { content: unknown }[];
    };
    return { text: body.text ?? '', card: body.attachments?.[0]?.content };
  };

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    for (const who of [mentor, reporter, pw1, pw2, coordinator, ot])
      expect((await tb.post(installation(tb, who))).status).toBe(200);
    await seedDemoRoundHistory(tb.repos, SCHOOL, tb.clock.now());
    closed = await raise('Vaak afwezig op maandag.');
    await tb.post(
      invokeAction(tb, pw1, 'signal.claim', { signalId: closed.id, schoolId: SCHOOL, v: closed.updatedAt }),
    );
    closed = await current(closed);
    await tb.post(
      invokeAction(tb, pw1, 'signal.close', {
        signalId: closed.id,
        schoolId: SCHOOL,
        v: closed.updatedAt,
        outcome: 'resolved',
      }),
    );
    closed = await current(closed);
    expect(closed.state).toBe('closed');
    open = await raise('Weer vaak afwezig.');
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it.each([
    ['a prevention worker', pw1],
    ['the coordinator', coordinator],
    ['an OT member', ot],
  ])(
    'shows %s one card with the open and the closed signal, the round scores, and audits the read',
    async (_w, who) => {
      const activity = await story(who);
      const card = activity.card;
      const body = text(card);
      expect(body).toContain(pupilFullName(pupil));
      expect(body).toContain(closed.reference);
      expect(body).toContain(open.reference);
      expect(body).toContain('Afgesloten');
      expect(body).toContain('Opgelost');
      expect(body).toContain('waarvan 1 open');
      // no observation on the story card
      expect(body).not.toContain('Vaak afwezig op maandag.');
      // the 1-2-3 level per round, as stored
      const scores = await tb.repos.rounds.scoresOf(SCHOOL, ['2025-4', '2026-1'], [pupilId]);
      const level = scores.find((s) => s.roundId === '2026-1')?.level;
      expect(level).toBeDefined();
      expect(body).toMatch(new RegExp(`(Ronde|Meting) 1 \\(2026-2027\\)","value":"${level}"`));
      expect(body).toMatch(/(Ronde|Meting) 1 \(2026-2027\)","value":"\d"/);
      expect(body).toMatch(/(Ronde|Meting) 4 \(2025-2026\)","value":"\d"/);
      // each signal openable by a worker or coordinator; the OT only what was escalated to it
      const opens = actionsOf(card, 'story.openSignal');
      expect(opens).toHaveLength(who === ot ? 0 : 2);
      const audited = await tb.repos.audit.forSchool(SCHOOL, 'pupil.story');
      expect(audited.some((a) => a.actorId === who.entraId && a.pupilId === pupilId && a.outcome === 'ok')).toBe(true);
    },
  );

  it('refuses a teacher and audits the attempt', async () => {
    const activity = await story(reporter);
    expect(activity.text).toContain('alleen voor');
    const audited = await tb.repos.audit.forSchool(SCHOOL, 'pupil.story');
    expect(audited.some((a) => a.actorId === reporter.entraId && a.outcome === 'refused')).toBe(true);
  });

  it('lists /leerling in the help of the care roles only', async () => {
    for (const [who, listed] of [
      [pw1, true],
      [ot, true],
      [reporter, false],
    ] as const) {
      tb.connector.reset();
      await tb.post(message(tb, who, '/help'));
      await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(who)).length > 0);
      expect(tb.connector.texts(personalConversationId(who)).join('\n').includes('/leerling')).toBe(listed);
    }
  });

  it('answers a name nobody has in Dutch, and several matches with a choice card', async () => {
    expect((await story(pw1, 'Xyzzyq')).text).toContain('Geen leerling gevonden');
    const choice = (await story(pw1, '1A')).card;
    const buttons = actionsOf(choice, 'story.open');
    expect(buttons.length).toBeGreaterThan(1);
    const mine = buttons.find((b) => b.data.pupilId === pupilId)!;
    const res = await tb.post(invokeAction(tb, pw1, 'story.open', mine.data));
    expect(text(res.body.value)).toContain(closed.reference);
  });

  it('opens a signal of the story as the signal card, checking the rights again', async () => {
    const card = (await story(pw1)).card;
    const open1 = actionsOf(card, 'story.openSignal').find((a) => a.data.signalId === closed.id);
    tb.connector.reset();
    const res = await tb.post(invokeAction(tb, pw1, 'story.openSignal', open1.data));
    expect(text(res.body.value)).toContain('De signaalkaart staat hieronder');
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(pw1)).some((c) => text(c).includes(`Signaal ${closed.reference}`)),
    );
    const forged = await tb.post(invokeAction(tb, reporter, 'story.openSignal', open1.data));
    expect(text(forged.body.value)).toContain('geweigerd');
  });

  it('refuses a reopen by a teacher (audited), on a stale card, and without a reason', async () => {
    const data = { signalId: closed.id, schoolId: SCHOOL, v: closed.updatedAt, reason: 'Opnieuw zorgen.' };
    const teacher = await tb.post(invokeAction(tb, reporter, 'signal.reopen', data));
    expect(text(teacher.body.value)).toContain('geweigerd');
    const stale = await tb.post(invokeAction(tb, pw2, 'signal.reopen', { ...data, v: '2020-01-01T00:00:00.000Z' }));
    expect(text(stale.body.value)).toContain('intussen gewijzigd');
    const empty = await tb.post(invokeAction(tb, pw2, 'signal.reopen', { ...data, reason: '  ' }));
    expect(text(empty.body.value)).toContain('Vul de reden in');
    expect((await current(closed)).state).toBe('closed');
    const audited = await tb.repos.audit.forSchool(SCHOOL, 'signal.reopen');
    expect(audited.some((a) => a.actorId === reporter.entraId && a.outcome === 'refused')).toBe(true);
  });

  it('lets a prevention worker reopen a closed signal with a reason; reporter and mentor hear only that it is reopened', async () => {
    const card = (await tb.post(invokeAction(tb, pw2, 'signal.refresh', { signalId: closed.id, schoolId: SCHOOL })))
      .body.value;
    expect(actionsOf(card, 'signal.reopen').length).toBeGreaterThan(0);
    const reason = 'Moeder belde: het verzuim is terug.';
    const res = await tb.post(
      invokeAction(tb, pw2, 'signal.reopen', { signalId: closed.id, schoolId: SCHOOL, v: closed.updatedAt, reason }),
    );
    expect(text(res.body.value)).toContain('Signaal heropend');
    const after = await current(closed);
    expect(after).toMatchObject({ state: 'inProgress', ownerId: pw2.entraId });
    expect(after.closedAt).toBeUndefined();
    expect(after.outcome).toBeUndefined();
    expect(after.history.at(-1)).toMatchObject({ action: 'reopen', note: reason, visibility: 'care' });
    for (const who of [reporter, mentor]) {
      await tb.connector.waitFor(() =>
        tb.connector.cards(personalConversationId(who)).some((c) => text(c).includes('heropend')),
      );
      for (const c of tb.connector.cards(personalConversationId(who))) expect(text(c)).not.toContain(reason);
    }
    const audited = await tb.repos.audit.forSchool(SCHOOL, 'signal.reopen');
    expect(audited.some((a) => a.actorId === pw2.entraId && a.outcome === 'ok')).toBe(true);
    // the retention purge takes closed signals only: a reopened one is not among them
    expect((await tb.repos.privacy.closedSignalsBefore(SCHOOL, '2999-01-01')).map((s) => s.id)).not.toContain(
      closed.id,
    );
  });

  it('searches a two-school person only at the school where she has a care role', async () => {
    const OTHER = 'school-b';
    await addSchool(tb, OTHER);
    // the coordinator also teaches at another school, where a pupil has the same name
    await tb.repos.directory.upsertStaff({
      id: staffDocId(coordinator.entraId),
      type: 'staff',
      schoolId: OTHER,
      userId: coordinator.entraId,
      upn: coordinator.upn,
      displayName: coordinator.name,
      roles: ['teacher'],
      classIds: ['b1'],
    });
    await tb.repos.directory.upsertPupil({
      id: pupilDocId('B0001'),
      type: 'pupil',
      schoolId: OTHER,
      pupilNumber: 'B0001',
      firstName: pupil.firstName,
      lastName: pupil.lastName,
      classId: 'b1',
      className: 'B1',
    });
    const shown = await story(coordinator);
    expect(text(shown.card)).toContain(closed.reference);
    expect(text(shown.card)).not.toContain('B1');
    // a forged choice naming the other school is refused and audited
    const forged = await tb.post(
      invokeAction(tb, coordinator, 'story.open', { schoolId: OTHER, pupilId: 'pupil:B0001' }),
    );
    expect(text(forged.body.value)).toContain('alleen voor');
    const audited = await tb.repos.audit.forSchool(OTHER, 'pupil.story');
    expect(
      audited.some(
        (a) => a.actorId === coordinator.entraId && a.outcome === 'refused' && a.actorRoles.includes('teacher'),
      ),
    ).toBe(true);
  });
});
