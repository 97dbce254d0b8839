import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { cleanName } from '../../src/app/roster/dutch-names';
import { channelInvoke, channelMessage } from '../support/channel-activities';
import { demoPupils, staffWith, type DemoStaff } from '../support/demo-people';
import { actionsOf, inputsOf } from '../support/card-walk';
import { allStrings, literalTextProblems, markdownTexts } from '../support/literal-text-check';
import {
  installation,
  invokeAction,
  message,
  person,
  searchInvoke,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';
import { pdfText } from '../support/pdf-text';

/**
 * Issue 19, must-be-true 1: user text is shown literally everywhere. Hostile text goes in through
 * every card submit that takes free text, and hostile names through the roster; every card the
 * bot sent (connector stand-in) or answered (invoke responses), and the inzage export, are then
 * searched for a link, an image, a bare address, a control character or a leaked mark.
 */
const SCHOOL = 'demo-school';
const HOSTILE = (what: string) =>
  `${what} [klik hier voor het dossier](https://evil.example/phish) ![](https://evil.example/x.png) \u202E\u0007\u0000 **vet** <b>x</b> https://evil.example\n- lijst\n1. genummerd`;
const HOSTILE_NAME = '[Klik](https://evil.example/naam) **Jan**';

const text = (c: unknown) => JSON.stringify(c);
const teacher = person('mentor', 0);
const [pw1, pw2] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const ot = person('ot');
const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
const conv = (who: DemoStaff) => personalConversationId(who);

/** No shown text holds a link, image, bare address or control character; no string anywhere a mark or control character. */
function expectLiteral(everything: unknown[]): void {
  const problems = markdownTexts(everything).flatMap((t) =>
    literalTextProblems(t).map((p) => `${p} in ${JSON.stringify(t.slice(0, 120))}`),
  );
  expect(problems).toEqual([]);
  const leaks = allStrings(everything).filter((t) => /[\ufdd0\ufdd1\u0000\u0007\u202e]/.test(t));
  expect(leaks).toEqual([]);
}

describe('user text is shown as literal text (issue 19)', () => {
  let tb: TestBot;
  const answers: unknown[] = [];
  const post = async (activity: object): Promise<any> => {
    const res = await tb.post(activity);
    expect(res.status).toBe(200);
    answers.push(res.body);
    return res.body?.value;
  };
  const current = async (s: Signal) => (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
  const act = async (who: DemoStaff, verb: string, s: Signal, extra: object = {}) =>
    post(invokeAction(tb, who, verb, { signalId: s.id, schoolId: SCHOOL, v: (await current(s)).updatedAt, ...extra }));

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    // names from the roster are user text too: the import keeps Markdown (it is just characters)
    const p = (await tb.repos.directory.getPupil(SCHOOL, `pupil:${pupil.number}`))!;
    await tb.repos.directory.upsertPupil({
      ...p,
      firstName: cleanName(`${HOSTILE_NAME}\u202E`),
      lastName: cleanName('_Schuin_ ![](https://evil.example/p.png)'),
    });
    for (const who of [teacher, pw1]) {
      const doc = (await tb.repos.directory.listStaff(SCHOOL)).find((s) => s.userId === who.entraId)!;
      await tb.repos.directory.upsertStaff({
        ...doc,
        displayName: cleanName(`${HOSTILE_NAME} ${who === teacher ? 'docent' : 'pw'}\u0007`),
      });
    }
    for (const who of [teacher, pw1, pw2, coordinator, ot]) await post(installation(tb, who));
    await post(channelMessage(tb, coordinator, '/koppel ot'));
  }, 60_000);
  afterAll(async () => tb.close());

  it('keeps control, bidi and hidden characters out of what it stores', async () => {
    const res = await post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'thuissituatie',
        level: '2',
        observation: `\u200b${HOSTILE('OBS')}\u2066`,
        urgency: 'soon',
      }),
    );
    const reference = /S-\d{4}-\d{4}/.exec(text(res))![0];
    const s = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((x) => x.reference === reference)!;
    expect(s.observation).toBe(HOSTILE('OBS').replace(/[\u202E\u0007\u0000]/g, ''));
  });

  it('shows hostile text from every free-text field and every roster name literally, in every card, answer and the export', async () => {
    const s = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId))[0];
    await act(pw1, 'signal.claim', s);
    await act(pw1, 'signal.note', s, { note: HOSTILE('NOTE') });
    await act(pw1, 'signal.ask', s, { question: HOSTILE('ASK') });
    const q = (await current(s)).questions[0];
    await post(
      invokeAction(tb, teacher, 'signal.answer', {
        signalId: s.id,
        schoolId: SCHOOL,
        v: (await current(s)).updatedAt,
        questionId: q.id,
        answer: HOSTILE('ANSWER'),
      }),
    );
    await act(pw1, 'signal.escalateForm', s);
    await act(pw1, 'signal.escalate', s, {
      reason: 'thuissituatie',
      question: HOSTILE('OTQ'),
      urgency: 'soon',
      parentsInformed: 'ja',
      parentsConsented: 'nee',
      noConsentReason: HOSTILE('NOCONSENT'),
    });
    expect((await current(s)).state).toBe('escalated');
    const ref = { signalId: s.id, schoolId: SCHOOL, n: 0 };
    await post(channelInvoke(tb, ot, 'escalation.claim', ref));
    await post(channelInvoke(tb, ot, 'escalation.details', ref));
    await post(invokeAction(tb, ot, 'escalation.note', { ...ref, note: HOSTILE('OTNOTE') }));
    await post(
      invokeAction(tb, ot, 'escalation.deEscalate', { ...ref, summary: HOSTILE('SUMMARY'), checkInDate: '2099-12-14' }),
    );
    await act(pw1, 'signal.refresh', s);
    await act(teacher, 'signal.refresh', s);
    await post(message(tb, pw1, '/mijn'));
    await post(message(tb, teacher, '/signaal'));
    // the type-ahead answer is plain text: the name as it is, no escapes, no marks
    const found = await post(searchInvoke(tb, teacher, 'Klik'));
    expect(JSON.stringify(found)).toContain('[Klik](https://evil.example/naam) **Jan**');
    await tb.connector.waitFor(() => tb.connector.cards(conv(pw1)).some((c) => text(c).includes('SUMMARY')));

    // the coordinator's audit trail, erase preview and digest name the pupil and the staff
    await post(message(tb, coordinator, `/audit ${pupil.number}`));
    await post(message(tb, coordinator, `/vergeet ${pupil.number}`));
    await post(message(tb, coordinator, '/overzicht'));
    await tb.connector.waitFor(
      () => tb.connector.cards(conv(coordinator)).filter((c) => text(c).includes('Jan')).length >= 2,
    );
    // the inzage export, downloaded the way the coordinator does
    await post(message(tb, coordinator, `/inzage ${pupil.number}`));
    await tb.connector.waitFor(() => tb.connector.cards(conv(coordinator)).some((c) => text(c).includes('/export/')));
    const exportCard = tb.connector
      .cards(conv(coordinator))
      .filter((c) => text(c).includes('/export/'))
      .at(-1);
    const url: string = exportCard.actions.find((a: any) => a.type === 'Action.OpenUrl').url;
    const pdf = Buffer.from(await (await fetch(url)).arrayBuffer());
    const md = await pdfText(pdf);

    const sent = tb.connector.calls.filter((c) => c.status < 300 && c.method !== 'GET').map((c) => c.body);
    const everything = [...sent, ...answers];
    const shown = markdownTexts(everything);
    // not vacuous: every hostile field and name reached a card, escaped
    for (const marker of [
      'OBS',
      'NOTE',
      'ASK',
      'ANSWER',
      'OTQ',
      'NOCONSENT',
      'SUMMARY',
      '\\[Klik\\]\\(https\\://evil.example/naam) \\*\\*Jan\\*\\*',
      '\\_Schuin\\_',
    ]) {
      expect([marker, shown.some((t) => t.includes(marker))]).toEqual([marker, true]);
    }
    expect(shown.some((t) => t.includes('\\[klik hier voor het dossier\\]\\(https\\://evil.example/phish)'))).toBe(
      true,
    );
    expectLiteral(everything);

    for (const marker of ['OBS', 'NOTE', 'ASK', 'ANSWER', 'OTQ', 'NOCONSENT', 'SUMMARY', 'OTNOTE'])
      expect(md).toContain(marker);
    // the export is a PDF without markup: user text stands in it as typed, and it carries no link at all
    expect(pdf.toString('latin1')).not.toMatch(/\/(URI|Link|Annots)\b/);
    // Markdown syntax in user text is just characters there (it reads as typed), never a link
    expect(md.replace(/\s+/g, '')).toContain('[klikhiervoorhetdossier](https://evil.example/phish)');
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  }, 60_000);

  it('shows a hostile round note and the roster name of the pupil literally on the round cards', async () => {
    tb.clock.set('2026-12-01T08:05:00+01:00'); // round 2 opens (default windows)
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();
    const before = answers.length;
    const classId = pupil.className.toLowerCase();
    const form = await post(
      invokeAction(tb, pw1, 'round.openPage', { schoolId: SCHOOL, roundId: '2026-2', classId, page: 0 }),
    );
    const data: Record<string, unknown> = { ...actionsOf(form, 'round.savePage')[0].data };
    for (const input of inputsOf(form).filter((i) => i.id.startsWith('level:'))) {
      const own = input.id === `level:pupil:${pupil.number}`;
      data[input.id] = own ? '3' : '1';
      data[`note:${input.id.slice('level:'.length)}`] = own ? HOSTILE('ROUNDNOTE') : '';
    }
    const saved = await post(invokeAction(tb, pw1, 'round.savePage', data));
    expect(JSON.stringify(saved)).toContain('Opgeslagen');
    const stored = await tb.repos.rounds.getPage(SCHOOL, '2026-2', classId, 0);
    expect(stored?.doc.scores.find((x) => x.pupilId === `pupil:${pupil.number}`)?.note).toBe(
      HOSTILE('ROUNDNOTE').replace(/[\u202E\u0007\u0000]/g, ''),
    );
    const shown = markdownTexts(answers.slice(before));
    expect(
      shown.some((t) => t.includes('ROUNDNOTE \\[klik hier voor het dossier\\]\\(https\\://evil.example/phish)')),
    ).toBe(true);
    expect(shown.some((t) => t.includes('\\[Klik\\]\\(https\\://evil.example/naam) \\*\\*Jan\\*\\*'))).toBe(true);
    // the note goes back into the form's input as typed, not escaped
    const again = await post(
      invokeAction(tb, pw1, 'round.openPage', { schoolId: SCHOOL, roundId: '2026-2', classId, page: 0 }),
    );
    expect(inputsOf(again).find((i) => i.id === `note:pupil:${pupil.number}`)?.value).toBe(
      stored?.doc.scores.find((x) => x.pupilId === `pupil:${pupil.number}`)?.note,
    );
    expectLiteral([
      ...answers.slice(before),
      ...tb.connector.calls.filter((c) => c.status < 300 && c.method !== 'GET').map((c) => c.body),
    ]);
  }, 60_000);
});
