import { randomUUID } from 'node:crypto';
import { findById } from '../support/card-walk';
import { demoPupils, pupilFullName, staffWith } from '../support/demo-people';
import {
  installation,
  invokeAction,
  message,
  person,
  personalConversationId,
  searchInvoke,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const cardText = (card: unknown) => JSON.stringify(card);
const findInput = findById;

describe('raising a signal with /signaal (issue 2)', () => {
  let tb: TestBot;
  const teacher = person('mentor', 0);
  const [pw1, pw2] = staffWith('preventiewerker');
  const coordinator = person('zorgcoordinator');
  const pupilOfTeacher = () => {
    const own = demoPupils.find((p) => teacher.classes.includes(p.className))!;
    return { pupil: own, value: `demo-school|pupil:${own.number}` };
  };
  const validSubmit = (submissionId = randomUUID(), extra: object = {}) => ({
    submissionId,
    pupil: pupilOfTeacher().value,
    categories: 'verzuim,gedrag',
    level: '2',
    observation: 'Vaak te laat en oogt moe in de les.',
    knowsPupil: 'true',
    knowsParents: 'false',
    knowsMentor: 'false',
    urgency: 'normal',
    ...extra,
  });

  beforeAll(async () => {
    tb = await startTestBot();
    for (const who of [teacher, pw1, pw2, coordinator]) expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.length >= 4);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it('answers /signaal with the intake card listing the pupils of the teacher’s own classes and type-ahead', async () => {
    const res = await tb.post(message(tb, teacher, '/signaal'));
    expect(res.status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length === 1);
    const card = tb.connector.cards(personalConversationId(teacher))[0];
    const pupilInput = findInput(card, 'pupil');
    expect(pupilInput['choices.data']).toMatchObject({ type: 'Data.Query', dataset: 'pupils' });
    expect(pupilInput.choices.length).toBeGreaterThan(0);
    expect(pupilInput.choices.length).toBeLessThanOrEqual(40);
    expect(cardText(card)).toContain(pupilFullName(pupilOfTeacher().pupil));
    expect(cardText(card)).toContain('signal.submit');
  });

  it('pre-fills the search for /signaal with part of a name', async () => {
    const target = demoPupils[5];
    await tb.post(message(tb, teacher, `/signaal ${target.lastName.slice(0, 4)}`));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length === 1);
    const choices = findInput(tb.connector.cards(personalConversationId(teacher))[0], 'pupil').choices as {
      title: string;
    }[];
    expect(choices.some((c) => c.title.includes(target.lastName))).toBe(true);
  });

  it('answers the type-ahead search with at most 15 pupils matching part of a name', async () => {
    const res = await tb.post(searchInvoke(tb, teacher, 'a'));
    expect(res.status).toBe(200);
    const results = res.body.value.results as { title: string; value: string }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(15);
    const one = demoPupils[10];
    const byName = await tb.post(searchInvoke(tb, teacher, one.firstName));
    expect((byName.body.value.results as { title: string }[]).some((r) => r.title.includes(one.firstName))).toBe(true);
  });

  it('re-draws the card with a Dutch error next to the observation and keeps the input when it is missing', async () => {
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', validSubmit(randomUUID(), { observation: '   ' })),
    );
    expect(res.status).toBe(200);
    const card = res.body.value;
    expect(cardText(card)).toContain('Beschrijf wat je hebt gezien of gehoord.');
    expect(findInput(card, 'categories').value).toBe('verzuim,gedrag');
    expect(findInput(card, 'pupil').value).toBe(pupilOfTeacher().value);
    expect(await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).toHaveLength(0);
  });

  it('stores a valid signal, confirms it with a reference and sends both prevention workers a card with Oppakken', async () => {
    const res = await tb.post(invokeAction(tb, teacher, 'signal.submit', validSubmit()));
    expect(res.status).toBe(200);
    const text = cardText(res.body.value);
    expect(text).toMatch(/S-\d{4}-\d{4}/);
    expect(text).toContain(pw1.name);
    expect(text).toContain(pw2.name);
    for (const pw of [pw1, pw2]) {
      await tb.connector.waitFor(() =>
        tb.connector.cards(personalConversationId(pw)).some((c) => cardText(c).includes('signal.claim')),
      );
    }
  });

  it('creates one signal and gives the same confirmation when the same card is submitted twice', async () => {
    const data = validSubmit();
    const [a, b] = await Promise.all([
      tb.post(invokeAction(tb, teacher, 'signal.submit', data)),
      tb.post(invokeAction(tb, teacher, 'signal.submit', data)),
    ]);
    const ref = (r: { body: any }) => /S-\d{4}-\d{4}/.exec(cardText(r.body.value))![0];
    expect(ref(a)).toBe(ref(b));
    const again = await tb.post(invokeAction(tb, teacher, 'signal.submit', data));
    expect(ref(again)).toBe(ref(a));
    const signals = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).filter(
      (s) => s.reference === ref(a),
    );
    expect(signals).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    const pwCards = tb.connector.cards(personalConversationId(pw1)).filter((c) => cardText(c).includes(ref(a)));
    expect(pwCards).toHaveLength(1);
  });

  it('refuses a pupil of another school and writes nothing', async () => {
    const before = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).length;
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', validSubmit(randomUUID(), { pupil: 'other-school|pupil:999' })),
    );
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toContain('hoort niet bij jouw school');
    expect((await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).length).toBe(before);
    const audit = await tb.repos.audit.forSchool('other-school');
    expect(audit.some((a) => a.outcome === 'refused' && a.actorId === teacher.entraId)).toBe(true);
  });

  it('lets exactly one of two prevention workers claim a signal at the same moment and updates every copy', async () => {
    const res = await tb.post(invokeAction(tb, teacher, 'signal.submit', validSubmit()));
    const reference = /S-\d{4}-\d{4}/.exec(cardText(res.body.value))![0];
    const signal = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId)).find(
      (s) => s.reference === reference,
    )!;
    await tb.connector.waitFor(() =>
      [pw1, pw2].every((pw) =>
        tb.connector.cards(personalConversationId(pw)).some((c) => cardText(c).includes(reference)),
      ),
    );
    const claim = { signalId: signal.id, schoolId: 'demo-school', v: signal.updatedAt };
    const [r1, r2] = await Promise.all([
      tb.post(invokeAction(tb, pw1, 'signal.claim', claim)),
      tb.post(invokeAction(tb, pw2, 'signal.claim', claim)),
    ]);
    const texts = [cardText(r1.body.value), cardText(r2.body.value)];
    expect(texts.filter((t) => t.includes('Je hebt dit signaal opgepakt.'))).toHaveLength(1);
    expect(texts.filter((t) => /is al opgepakt|intussen gewijzigd/.test(t))).toHaveLength(1);
    const stored = (await tb.repos.signals.get('demo-school', signal.id))!.doc;
    expect(stored.state).toBe('claimed');
    expect([pw1.entraId, pw2.entraId]).toContain(stored.ownerId);
    // the winner's new card was the answer to the click; the other copy is updated in place (PUT)
    // by the outbox to show the owner, and the winner's message is not replaced a second time
    const [winner, loser] = stored.ownerId === pw1.entraId ? [pw1, pw2] : [pw2, pw1];
    await tb.connector.waitFor((calls) =>
      calls.some(
        (c) =>
          c.method === 'PUT' &&
          c.conversationId === personalConversationId(loser) &&
          cardText(c.body).includes('Opgepakt'),
      ),
    );
    expect(
      tb.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === personalConversationId(winner)),
    ).toEqual([]);
    // and the reporter hears it, in plain words
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(teacher)).some((c) => cardText(c).includes('is opgepakt door')),
    );
  });

  it('refuses a claim by a teacher and audits it', async () => {
    const signal = (await tb.repos.signals.listByReporter('demo-school', teacher.entraId))[0];
    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.claim', { signalId: signal.id, schoolId: 'demo-school', v: signal.updatedAt }),
    );
    expect(cardText(res.body.value)).toContain('geweigerd');
    const audit = await tb.repos.audit.forSchool('demo-school', 'signal.claim');
    expect(audit.some((a) => a.outcome === 'refused' && a.actorId === teacher.entraId)).toBe(true);
  });

  it('delivers to the prevention workers after the connector answers 429 with Retry-After, exactly once', async () => {
    tb.connector.failNext({ status: 429, retryAfter: 1 });
    const res = await tb.post(invokeAction(tb, teacher, 'signal.submit', validSubmit()));
    const reference = /S-\d{4}-\d{4}/.exec(cardText(res.body.value))![0];
    await tb.connector.waitFor(
      () =>
        [pw1, pw2].every((pw) =>
          tb.connector.cards(personalConversationId(pw)).some((c) => cardText(c).includes(reference)),
        ),
      15_000,
    );
    expect(tb.connector.calls.some((c) => c.status === 429)).toBe(true);
    for (const pw of [pw1, pw2])
      expect(
        tb.connector.cards(personalConversationId(pw)).filter((c) => cardText(c).includes(reference)),
      ).toHaveLength(1);
  });
});
