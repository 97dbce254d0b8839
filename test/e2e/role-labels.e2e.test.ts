import { randomUUID } from 'node:crypto';
import { DEMO_TEAM_ID, OT_CHANNEL_ID, channelMessage } from '../support/channel-activities';
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

const SCHOOL = 'demo-school';
const text = (c: unknown) => JSON.stringify(c);

const teacher = person('mentor', 0);
const [pw1] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const ot = person('ot');
const pupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;

/** Polls until the condition holds (the outbox runner works beside the test). */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("a school's own role names (issue 14, point 4)", () => {
  let tb: TestBot;
  let reference = '';

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    // the school calls its prevention workers "jeugd- en gezinswerker" and its coordinator "ondersteuningscoördinator"
    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    const roleLabels = {
      ...school.doc.roleLabels,
      preventionWorker: 'jeugd- en gezinswerker',
      coordinator: 'ondersteuningscoördinator',
    };
    expect(await tb.repos.directory.saveSchool({ ...school.doc, roleLabels }, school.etag)).toBe('ok');
    const people: DemoStaff[] = [teacher, pw1, coordinator, ot];
    for (const who of people) expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.length >= people.length);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it("names the coordinators in /help with the school's word, and the person's own role", async () => {
    await tb.post(message(tb, coordinator, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(coordinator)).length > 0);
    const help = tb.connector.texts(personalConversationId(coordinator)).join('\n');
    expect(help).toContain('het kanaal van het OT of van de ondersteuningscoördinatoren');
    expect(help).toMatch(/Je rollen: .*ondersteuningscoördinator/);
    expect(help).not.toContain('zorgcoördinator');

    await tb.post(message(tb, pw1, '/help'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(pw1)).length > 0);
    expect(tb.connector.texts(personalConversationId(pw1)).join('\n')).toMatch(/Je rollen: .*jeugd- en gezinswerker/);
  });

  it('shows the label on the intake card and its confirmation, never the default word', async () => {
    await tb.post(message(tb, teacher, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.cards(personalConversationId(teacher)).length === 1);
    const intake = text(tb.connector.cards(personalConversationId(teacher))[0]);
    expect(intake).toContain('de jeugd- en gezinswerkers van je school krijgen het meteen');
    expect(intake).not.toContain('preventiewerker');

    const res = await tb.post(
      invokeAction(tb, teacher, 'signal.submit', {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${pupil.number}`,
        categories: 'thuissituatie',
        level: '3',
        observation: 'Trekt zich terug in de les.',
        urgency: 'soon',
      }),
    );
    const confirmation = text(res.body.value);
    reference = /S-\d{4}-\d{4}/.exec(confirmation)![0];
    expect(confirmation).toContain('Verstuurd naar de jeugd- en gezinswerkers: ');
    expect(confirmation).toContain(pw1.name);
    expect(confirmation).not.toContain('preventiewerker');
  });

  it("tells the coordinator about a level-3 signal in a notice that uses the school's word", async () => {
    await eventually(() =>
      tb.connector
        .cards(personalConversationId(coordinator))
        .some((c) => text(c).includes(`Crisis/nood gemeld: ${reference}`)),
    );
    const notice = text(
      tb.connector
        .cards(personalConversationId(coordinator))
        .find((c) => text(c).includes(`Crisis/nood gemeld: ${reference}`)),
    );
    expect(notice).toContain('De jeugd- en gezinswerkers zijn ingelicht.');
    expect(notice).not.toContain('preventiewerker');
  });

  it('names the roles in the OT channel post, on the signal card and in a refusal', async () => {
    const linked = await tb.post(channelMessage(tb, coordinator, '/koppel ot', OT_CHANNEL_ID, DEMO_TEAM_ID));
    expect(linked.status).toBe(200);
    await tb.connector.waitFor(() => tb.connector.calls.some((c) => c.conversationId.startsWith(OT_CHANNEL_ID)));
    const linkReply = text(
      tb.connector.calls.filter((c) => c.conversationId.startsWith(OT_CHANNEL_ID)).map((c) => c.body),
    );
    expect(linkReply).toContain('Verzoeken van de jeugd- en gezinswerkers aan het ondersteuningsteam verschijnen hier');
    expect(linkReply).not.toContain('(OT) (OT)');

    const signal = (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find(
      (s) => s.reference === reference,
    )!;
    const claimed = await tb.post(
      invokeAction(tb, pw1, 'signal.claim', { signalId: signal.id, schoolId: SCHOOL, v: signal.updatedAt }),
    );
    expect(text(claimed.body.value)).toContain('Score jeugd- en gezinswerker');
    const claimedNow = (await tb.repos.signals.get(SCHOOL, signal.id))!.doc;
    const wrong = await tb.post(
      invokeAction(tb, coordinator, 'signal.reassign', {
        signalId: signal.id,
        schoolId: SCHOOL,
        v: claimedNow.updatedAt,
        toUserId: teacher.entraId,
      }),
    );
    expect(text(wrong.body.value)).toContain(
      'Je kunt alleen toewijzen aan een jeugd- en gezinswerker van deze school.',
    );
    const fresh = (await tb.repos.signals.get(SCHOOL, signal.id))!.doc;
    const form = await tb.post(
      invokeAction(tb, pw1, 'signal.escalateForm', { signalId: signal.id, schoolId: SCHOOL, v: fresh.updatedAt }),
    );
    expect(text(form.body.value)).toContain('Vraag het ondersteuningsteam (OT) om deze zaak over te nemen.');
    tb.connector.reset();
    const escalated = await tb.post(
      invokeAction(tb, pw1, 'signal.escalate', {
        signalId: signal.id,
        schoolId: SCHOOL,
        v: fresh.updatedAt,
        reason: 'thuissituatie',
        question: 'Kan het OT het gezin ondersteunen?',
        urgency: 'soon',
        parentsInformed: 'ja',
        parentsConsented: 'ja',
      }),
    );
    expect(escalated.status).toBe(200);
    await eventually(() =>
      tb.connector.calls.some(
        (c) => c.conversationId.startsWith(OT_CHANNEL_ID) && c.status < 300 && text(c.body).includes(reference),
      ),
    );
    const post = text(
      tb.connector.calls.find((c) => c.conversationId.startsWith(OT_CHANNEL_ID) && text(c.body).includes(reference))!
        .body,
    );
    expect(post).toContain('Een jeugd- en gezinswerker vraagt het ondersteuningsteam om deze zaak over te nemen.');
    expect(post).not.toContain('preventiewerker');
  });

  it('names the coordinators in the answer to /overzicht kanaal', async () => {
    await tb.post(message(tb, coordinator, '/overzicht kanaal'));
    await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(coordinator)).length > 0);
    const reply = tb.connector.texts(personalConversationId(coordinator)).join('\n');
    expect(reply).toContain('klaar voor het kanaal van de ondersteuningscoördinatoren');
    expect(reply).not.toContain('zorgcoördinatoren');
  });

  it('shows a changed label within seconds, without a restart', async () => {
    const school = (await tb.repos.directory.getSchool(SCHOOL))!;
    expect(
      await tb.repos.directory.saveSchool(
        { ...school.doc, roleLabels: { ...school.doc.roleLabels, coordinator: 'zoco', coordinatorPlural: "zoco's" } },
        school.etag,
      ),
    ).toBe('ok');
    await eventually(async () => {
      tb.connector.reset();
      await tb.post(message(tb, coordinator, '/help'));
      await tb.connector.waitFor(() => tb.connector.texts(personalConversationId(coordinator)).length > 0);
      return tb.connector
        .texts(personalConversationId(coordinator))
        .join('\n')
        .includes("het kanaal van het OT of van de zoco's");
    }, 15_000);
  });
});
