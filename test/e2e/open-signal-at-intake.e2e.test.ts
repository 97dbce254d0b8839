import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { SCHOOL, pupil, pw1, startWithClaimedSignal, teacher, ot } from '../support/claimed-signal';
import { invokeAction, person, personalConversationId, type TestBot } from '../support/test-bot';

const cardText = (card: unknown) => JSON.stringify(card);
type Action = { verb: string; title: string; data: Record<string, string> };

describe('no silent duplicates at intake (issue 16)', () => {
  let tb: TestBot;
  let open: Signal;
  const colleague = person('docent', 4);
  const observation = 'Zat de hele les met het hoofd op tafel.';
  const submit = (submissionId = randomUUID()) => ({
    submissionId,
    pupil: `${SCHOOL}|pupil:${pupil.number}`,
    categories: 'sociaal-emotioneel',
    level: '2',
    observation,
    knowsPupil: 'false',
    knowsParents: 'false',
    knowsMentor: 'true',
    urgency: 'normal',
    // the reporter has made no choice yet: the step before raising runs
    openChoice: '',
  });
  const signalsOfPupil = () => tb.repos.signals.listByPupil(SCHOOL, `pupil:${pupil.number}`);
  const actionsOf = (card: { actions?: Action[] }) => card.actions ?? [];

  beforeAll(async () => {
    ({ tb, claimed: open } = await startWithClaimedSignal({}, [teacher, pw1, ot, colleague]));
    expect(colleague.entraId).not.toBe(teacher.entraId);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it('answers a submit about a pupil with an open signal with its reference, casushouder and date only, and audits it', async () => {
    const before = (await signalsOfPupil()).length;
    const res = await tb.post(invokeAction(tb, colleague, 'signal.submit', submit()));
    expect(res.status).toBe(200);
    const card = res.body.value;
    const text = cardText(card.body);
    expect(text).toContain('Er loopt al een signaal');
    expect(text).toContain(open.reference);
    expect(text).toContain(pw1.name);
    expect(text).toMatch(/Sinds/);
    // nothing of the open signal's content: not its observation, categories or level
    expect(text).not.toContain(open.observation);
    expect(text).not.toMatch(/Gedrag|signaal —|Niveau|Inschatting/);
    expect(actionsOf(card).map((a) => a.title)).toEqual(['Toevoegen aan het open signaal', 'Toch een nieuw signaal']);
    // the card carries what was filled in
    for (const a of actionsOf(card)) expect(a.data.observation).toBe(observation);
    expect((await signalsOfPupil()).length).toBe(before);
    const audited = await tb.repos.audit.forSchool(SCHOOL, 'signal.openExists');
    expect(audited.some((a) => a.actorId === colleague.entraId && a.signalId === open.id)).toBe(true);
  });

  it('adds the observation to the open signal once on a double click and tells the casushouder', async () => {
    const first = await tb.post(invokeAction(tb, colleague, 'signal.submit', submit()));
    const add = actionsOf(first.body.value).find((a) => a.data.openChoice === 'add')!;
    expect(add.verb).toBe('signal.submit');
    const before = (await signalsOfPupil()).length;
    const [a, b] = await Promise.all([
      tb.post(invokeAction(tb, colleague, add.verb, add.data)),
      tb.post(invokeAction(tb, colleague, add.verb, add.data)),
    ]);
    for (const r of [a, b]) expect(cardText(r.body.value)).toContain(`signaal ${open.reference}`);
    const stored = (await tb.repos.signals.get(SCHOOL, open.id))!.doc;
    const additions = stored.history.filter((h) => h.action === 'addObservation');
    expect(additions).toHaveLength(1);
    expect(additions[0]).toMatchObject({ actorId: colleague.entraId, note: observation, visibility: 'care' });
    expect((await signalsOfPupil()).length).toBe(before);
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(pw1)).some((c) => cardText(c).includes('Aanvulling op signaal')),
    );
    // the original reporter is not shown the other reporter's observation
    expect(tb.connector.cards(personalConversationId(teacher)).some((c) => cardText(c).includes(observation))).toBe(
      false,
    );
  });

  it('tells the casushouder a crisis added to the open signal as urgent, with the estimate and urgency', async () => {
    const first = await tb.post(
      invokeAction(tb, colleague, 'signal.submit', { ...submit(), level: '3', urgency: 'today' }),
    );
    const add = actionsOf(first.body.value).find((a) => a.data.openChoice === 'add')!;
    expect(add.data).toMatchObject({ level: '3', urgency: 'today' });
    await tb.post(invokeAction(tb, colleague, add.verb, add.data));
    await tb.connector.waitFor(() =>
      tb.connector
        .cards(personalConversationId(pw1))
        .some((c) => cardText(c).includes('Aanvulling op signaal') && cardText(c).includes('3 — crisis/nood')),
    );
    const notice = tb.connector
      .cards(personalConversationId(pw1))
      .find((c) => cardText(c).includes('Aanvulling op signaal') && cardText(c).includes('3 — crisis/nood'));
    expect(cardText(notice)).toContain('Vandaag nog');
    expect(cardText(notice)).toContain('"color":"Attention"');
  });

  it('raises a second signal when the reporter chooses a new one anyway, once on a double click', async () => {
    const first = await tb.post(invokeAction(tb, colleague, 'signal.submit', submit()));
    const raise = actionsOf(first.body.value).find((a) => a.data.openChoice === 'new')!;
    const before = (await signalsOfPupil()).length;
    const [a, b] = await Promise.all([
      tb.post(invokeAction(tb, colleague, raise.verb, raise.data)),
      tb.post(invokeAction(tb, colleague, raise.verb, raise.data)),
    ]);
    const ref = (r: { body: { value: unknown } }) => /S-\d{4}-\d{4}/.exec(cardText(r.body.value))?.[0];
    expect(ref(a)).toBeDefined();
    expect(ref(a)).not.toBe(open.reference);
    expect(ref(b)).toBe(ref(a));
    expect((await signalsOfPupil()).length).toBe(before + 1);
  });

  it('adds nothing twice when the add was clicked before "Toch een nieuw signaal"', async () => {
    const first = await tb.post(invokeAction(tb, colleague, 'signal.submit', submit()));
    const [add, raise] = ['add', 'new'].map((c) => actionsOf(first.body.value).find((a) => a.data.openChoice === c)!);
    await tb.post(invokeAction(tb, colleague, add.verb, add.data));
    const before = (await signalsOfPupil()).length;
    const again = await tb.post(invokeAction(tb, colleague, raise.verb, raise.data));
    expect(cardText(again.body.value)).toContain('niets dubbel');
    expect((await signalsOfPupil()).length).toBe(before);
  });

  it('adds nothing when the card names a signal that is not an open signal of the chosen pupil', async () => {
    const before = (await tb.repos.signals.get(SCHOOL, open.id))!.doc.history.length;
    const res = await tb.post(
      invokeAction(tb, colleague, 'signal.submit', { ...submit(), openChoice: 'add', openSignal: 'signal:forged-1' }),
    );
    expect(cardText(res.body.value)).toContain('Het open signaal is intussen afgesloten');
    expect((await tb.repos.signals.get(SCHOOL, open.id))!.doc.history.length).toBe(before);
  });
});
