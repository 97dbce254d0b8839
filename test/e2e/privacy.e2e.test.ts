import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { pupilSubject } from '../../src/app/privacy/coordinator-pupil';
import {
  demoPupils,
  demoStaff,
  pupilFullName,
  staffWith,
  type DemoPupil,
  type DemoStaff,
} from '../support/demo-people';
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
import { addSchool } from '../support/schools';
import { RAW_CODES, pdfText } from '../support/pdf-text';

const SCHOOL = 'demo-school';
const text = (c: unknown) => JSON.stringify(c);
const teacher = person('mentor', 0);
const [pw1, pw2] = staffWith('preventiewerker');
const coordinator = person('zorgcoordinator');
const conv = (who: DemoStaff) => personalConversationId(who);
const MONTH = 31 * 24 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;

/** A pupil of the teacher's classes whose names and number occur nowhere else in the roster. */
function distinctivePupil(skip: string[] = []): DemoPupil {
  const others = (p: DemoPupil) =>
    [...demoPupils.filter((o) => o !== p).map(pupilFullName), ...demoStaff.map((s) => s.name)].join('|');
  return demoPupils.find(
    (p) =>
      teacher.classes.includes(p.className) &&
      !skip.includes(p.number) &&
      !others(p).includes(p.firstName) &&
      !others(p).includes(p.lastName),
  )!;
}

async function install(tb: TestBot, people: DemoStaff[]) {
  for (const who of people) expect((await tb.post(installation(tb, who))).status).toBe(200);
  await tb.connector.waitFor((calls) => calls.length >= people.length);
}

async function raise(tb: TestBot, pupil: DemoPupil, observation: string): Promise<Signal> {
  const res = await tb.post(
    invokeAction(tb, teacher, 'signal.submit', {
      submissionId: randomUUID(),
      pupil: `${SCHOOL}|pupil:${pupil.number}`,
      categories: 'gedrag',
      level: '2',
      observation,
      urgency: 'normal',
    }),
  );
  const reference = /S-\d{4}-\d{4}/.exec(text(res.body.value))![0];
  return (await tb.repos.signals.listByReporter(SCHOOL, teacher.entraId)).find((s) => s.reference === reference)!;
}

async function act(tb: TestBot, who: DemoStaff, verb: string, s: Signal, extra: object = {}): Promise<any> {
  const fresh = (await tb.repos.signals.get(SCHOOL, s.id))!.doc;
  const res = await tb.post(
    invokeAction(tb, who, verb, { signalId: s.id, schoolId: SCHOOL, v: fresh.updatedAt, ...extra }),
  );
  expect(res.status).toBe(200);
  return res.body.value;
}

async function lastCardTo(tb: TestBot, who: DemoStaff): Promise<any> {
  await tb.connector.waitFor(() => tb.connector.cards(conv(who)).length > 0);
  const cards = tb.connector.cards(conv(who));
  return cards[cards.length - 1];
}

/** Every document of every container, as stored. */
async function everyDocument(tb: TestBot): Promise<{ container: string; doc: any }[]> {
  const out: { container: string; doc: any }[] = [];
  for (const [name, container] of Object.entries(tb.repos.cosmos.containers)) {
    const { resources } = await container.items.query('SELECT * FROM c').fetchAll();
    for (const doc of resources) out.push({ container: name, doc });
  }
  return out;
}

async function raiseClaimedSignalWithCopies(
  tb: TestBot,
  pupil: DemoPupil,
  observation: string,
  note: string,
): Promise<Signal> {
  const s = await raise(tb, pupil, observation);
  await tb.connector.waitFor(() =>
    [pw1, pw2].every((pw) => tb.connector.cards(conv(pw)).some((c) => text(c).includes(s.reference))),
  );
  await act(tb, pw1, 'signal.claim', s);
  await act(tb, pw1, 'signal.note', s, { note });
  await tb.bot.outbox.runOnce();
  expect((await tb.repos.outbox.deliveriesOf(SCHOOL, s.id)).length).toBe(2);
  return s;
}

describe('audit trail, inzage and vergetelheid (issue 7)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await install(tb, [teacher, pw1, pw2, coordinator]);
  });
  afterAll(async () => tb.close());
  beforeEach(() => tb.connector.reset());

  it('audits the pupil names on the intake card once per school, with the count and no names', async () => {
    await tb.post(message(tb, teacher, '/signaal'));
    await tb.connector.waitFor(() => tb.connector.cards(conv(teacher)).length === 1);
    const entries = (await tb.repos.audit.forSchool(SCHOOL, 'pupil.list')).filter((a) => a.actorId === teacher.entraId);
    expect(entries).toHaveLength(1);
    expect(entries[0].code).toMatch(/^count=\d+$/);
    expect(entries[0].pupilId).toBeUndefined();
  });

  it('audits a type-ahead search as pupil.search with the number of results', async () => {
    const res = await tb.post(searchInvoke(tb, teacher, 'a'));
    const shown = (res.body.value.results as unknown[]).length;
    const entries = (await tb.repos.audit.forSchool(SCHOOL, 'pupil.search')).filter(
      (a) => a.actorId === teacher.entraId,
    );
    expect(entries.at(-1)!.code).toBe(`count=${shown}`);
  });

  it('shows the coordinator the pupil’s audit trail with who, role, what and outcome in Dutch', async () => {
    const pupil = distinctivePupil();
    const s = await raise(tb, pupil, 'Oogt moe.');
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, teacher, 'signal.claim', s); // refused: a teacher cannot claim
    await tb.post(message(tb, coordinator, `/audit ${pupil.number}`));
    const card = text(await lastCardTo(tb, coordinator));
    expect(card).toContain('Logboek van');
    expect(card).toContain('Signaal opgepakt');
    expect(card).toContain('geweigerd');
    expect(card).toContain(`${pw1.name} (preventiewerker)`);
    expect(card).toContain('Signaal gedaan');
    const audited = await tb.repos.audit.forSchool(SCHOOL, 'pupil.auditTrail');
    expect(
      audited.some(
        (a) => a.actorId === coordinator.entraId && a.outcome === 'ok' && a.pupilId === `pupil:${pupil.number}`,
      ),
    ).toBe(true);
  });

  it('refuses /audit, /inzage and /vergeet to a teacher and audits each refusal', async () => {
    const pupil = distinctivePupil();
    for (const [command, action] of [
      ['audit', 'pupil.auditTrail'],
      ['inzage', 'pupil.export'],
      ['vergeet', 'pupil.erase.preview'],
    ]) {
      tb.connector.reset();
      await tb.post(message(tb, teacher, `/${command} ${pupil.number}`));
      await tb.connector.waitFor(() => tb.connector.texts(conv(teacher)).length === 1);
      expect(tb.connector.texts(conv(teacher))[0]).toContain('Alleen de zorgcoördinator');
      expect(tb.connector.cards(conv(teacher))).toHaveLength(0);
      const refused = await tb.repos.audit.forSchool(SCHOOL, action);
      expect(
        refused.some((a) => a.actorId === teacher.entraId && a.outcome === 'refused' && a.code === 'not-coordinator'),
      ).toBe(true);
    }
  });

  it('refuses a coordinator of another school and audits it at their own school', async () => {
    const other = {
      name: 'Olga Anders',
      upn: 'o.anders@other.example',
      roles: ['zorgcoordinator'],
      classes: [],
      entraId: randomUUID(),
    };
    await addSchool(tb, 'other-school');
    await tb.repos.directory.upsertStaff({
      id: `staff:${other.entraId}`,
      type: 'staff',
      schoolId: 'other-school',
      userId: other.entraId,
      displayName: other.name,
      roles: ['coordinator'],
      classIds: [],
    });
    const pupil = distinctivePupil();
    await tb.post(message(tb, other, `/inzage ${pupil.number}`));
    await tb.connector.waitFor(() => tb.connector.texts(conv(other)).length === 1);
    expect(tb.connector.texts(conv(other))[0]).toContain('Geen leerling met dit leerlingnummer');
    const refused = await tb.repos.audit.forSchool('other-school', 'pupil.export');
    expect(
      refused.some(
        (a) =>
          a.actorId === other.entraId && a.outcome === 'refused' && a.code === 'pupil-number-unknown' && !a.pupilId,
      ),
    ).toBe(true);
    expect(JSON.stringify(refused)).not.toContain(pupil.number);
  });

  it('gives the coordinator a one-time download of everything held about the pupil, and audits it', async () => {
    const pupil = distinctivePupil();
    const observation = `Waarneming-${randomUUID()}`;
    const note = `Notitie-${randomUUID()}`;
    const s = await raiseClaimedSignalWithCopies(tb, pupil, observation, note);
    tb.connector.reset();
    await tb.post(message(tb, coordinator, `/inzage ${pupil.number}`));
    const card = await lastCardTo(tb, coordinator);
    const open = card.actions.find((a: any) => a.type === 'Action.OpenUrl');
    expect(open.url).toMatch(new RegExp(`^${tb.bot.url}/export/[A-Za-z0-9_-]{40,}$`));
    const res = await fetch(open.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="inzage-waakvlam.pdf"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await pdfText(Buffer.from(await res.arrayBuffer()));
    for (const expected of [
      `Inzage Waakvlam: ${pupilFullName(pupil)}`,
      pupil.number,
      `Signaal ${s.reference}`,
      observation,
      note,
      'Logboek (',
      'Signaal opgepakt',
      'Berichten van Waakvlam in Teams',
      pw1.name,
    ])
      expect(text).toContain(expected);
    for (const code of RAW_CODES) expect({ code, found: text.includes(code) }).toEqual({ code, found: false });
    // one-time: a second download is refused, with a Dutch explanation
    const again = await fetch(open.url);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('verlopen of al gebruikt');
    const downloads = await tb.repos.audit.forSchool(SCHOOL, 'pupil.export.download');
    expect(
      downloads.filter(
        (a) => a.outcome === 'ok' && a.actorId === coordinator.entraId && a.pupilId === `pupil:${pupil.number}`,
      ),
    ).toHaveLength(1);
    // a used or unknown link names no school or pupil: it is audited under '_export'
    expect(
      (await tb.repos.audit.forSchool('_export', 'pupil.export.download')).some(
        (a) => a.outcome === 'refused' && a.code === 'export-link-invalid',
      ),
    ).toBe(true);
  });

  it('refuses an export link after 10 minutes', async () => {
    const pupil = distinctivePupil();
    await tb.post(message(tb, coordinator, `/inzage ${pupil.number}`));
    const card = await lastCardTo(tb, coordinator);
    const url = card.actions.find((a: any) => a.type === 'Action.OpenUrl').url;
    tb.clock.advance(11 * 60 * 1000);
    expect((await fetch(url)).status).toBe(410);
  });

  it('asks for the typed pupil number before erasing, and erases nothing on a mismatch', async () => {
    const pupil = distinctivePupil();
    await tb.post(message(tb, coordinator, `/vergeet ${pupil.number}`));
    const card = await lastCardTo(tb, coordinator);
    expect(text(card)).toContain('definitief wissen?');
    expect(text(card)).toContain('pupil.erase');
    const res = await tb.post(
      invokeAction(tb, coordinator, 'pupil.erase', {
        schoolId: SCHOOL,
        pupilId: `pupil:${pupil.number}`,
        confirmNumber: '999999',
      }),
    );
    expect(text(res.body.value)).toContain('Het getypte leerlingnummer klopt niet');
    expect(await tb.repos.directory.getPupil(SCHOOL, `pupil:${pupil.number}`)).toBeDefined();
  });

  it('refuses an erase submit by a prevention worker and audits it', async () => {
    const pupil = distinctivePupil();
    const res = await tb.post(
      invokeAction(tb, pw1, 'pupil.erase', {
        schoolId: SCHOOL,
        pupilId: `pupil:${pupil.number}`,
        confirmNumber: pupil.number,
      }),
    );
    expect(text(res.body.value)).toContain('Alleen de zorgcoördinator');
    expect(await tb.repos.directory.getPupil(SCHOOL, `pupil:${pupil.number}`)).toBeDefined();
    expect(
      (await tb.repos.audit.forSchool(SCHOOL, 'pupil.erase')).some(
        (a) => a.actorId === pw1.entraId && a.outcome === 'refused',
      ),
    ).toBe(true);
  });

  it('erases a pupil from every container, neutralises the Teams copies and keeps only an anonymous record of the erasure', async () => {
    const pupil = distinctivePupil();
    const observation = `Waarneming-${randomUUID()}`;
    const note = `Notitie-${randomUUID()}`;
    const signals = [
      await raiseClaimedSignalWithCopies(tb, pupil, observation, note),
      await raiseClaimedSignalWithCopies(tb, pupil, observation, note),
    ];
    // a round score doc and a shared round page, as the rounds capability may store them
    await tb.repos.cases.upsert({
      id: `score:r1:${pupil.number}`,
      type: 'score',
      schoolId: SCHOOL,
      pupilId: `pupil:${pupil.number}`,
      level: 2,
      note,
    });
    await tb.repos.cases.upsert({
      id: 'roundPage:r1:1A',
      type: 'roundPage',
      schoolId: SCHOOL,
      roundId: 'r1',
      entries: [
        { pupilId: `pupil:${pupil.number}`, level: 3, note },
        { pupilId: 'pupil:someone-else', level: 1 },
      ],
    });
    await tb.post(message(tb, coordinator, `/inzage ${pupil.number}`)); // an open export link must go too
    const signalCount = (await tb.repos.signals.listByPupil(SCHOOL, `pupil:${pupil.number}`)).length; // earlier tests raised some too
    const deliveryCount = (
      await Promise.all(
        (await tb.repos.signals.listByPupil(SCHOOL, `pupil:${pupil.number}`)).map((x) =>
          tb.repos.outbox.deliveriesOf(SCHOOL, x.id),
        ),
      )
    ).flat().length;
    expect(signalCount).toBeGreaterThanOrEqual(2);
    tb.connector.reset();

    await tb.post(message(tb, coordinator, `/vergeet ${pupil.number}`));
    await lastCardTo(tb, coordinator);
    const res = await tb.post(
      invokeAction(tb, coordinator, 'pupil.erase', {
        schoolId: SCHOOL,
        pupilId: `pupil:${pupil.number}`,
        confirmNumber: ` ${pupil.number} `,
      }),
    );
    expect(text(res.body.value)).toContain('Gegevens gewist');
    await tb.bot.outbox.runOnce();

    // every Teams copy of the signal cards is overwritten in place with a neutral text
    for (const pw of [pw1, pw2]) {
      await tb.connector.waitFor((calls) =>
        signals.every(
          () =>
            calls.filter(
              (c) =>
                c.method === 'PUT' &&
                c.status === 200 &&
                c.conversationId === conv(pw) &&
                text(c.body).includes('recht op vergetelheid'),
            ).length >= signals.length,
        ),
      );
    }
    const neutral = tb.connector.calls.filter((c) => c.method === 'PUT' && text(c.body).includes('vergetelheid'));
    for (const c of neutral)
      for (const secret of [pupil.firstName, pupil.lastName, observation, note])
        expect(text(c.body)).not.toContain(secret);

    const needles = [`pupil:${pupil.number}`, pupil.number, pupil.firstName, pupil.lastName, observation, note];
    const hits = (await everyDocument(tb)).filter(({ doc }) => needles.some((n) => JSON.stringify(doc).includes(n)));
    expect(hits.map((h) => `${h.container}/${h.doc.id}`)).toEqual([]);

    const erasures = (await tb.repos.audit.forSchool(SCHOOL, 'pupil.erase')).filter((a) => a.outcome === 'ok');
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ actorId: coordinator.entraId, subject: pupilSubject(SCHOOL, pupil.number) });
    expect(erasures[0].code).toMatch(
      new RegExp(`^signals=${signalCount};scores=2;deliveries=${deliveryCount};audit=\\d+$`),
    );
    expect(erasures[0].pupilId).toBeUndefined();
    // the other pupil's round entry stays
    expect(
      JSON.stringify(await tb.repos.cases.queryValues('SELECT * FROM c WHERE c.id = @id', { id: 'roundPage:r1:1A' })),
    ).toContain('pupil:someone-else');
    // a second click on the card changes nothing and says so
    const again = await tb.post(
      invokeAction(tb, coordinator, 'pupil.erase', {
        schoolId: SCHOOL,
        pupilId: `pupil:${pupil.number}`,
        confirmNumber: pupil.number,
      }),
    );
    expect(text(again.body.value)).toContain('al gewist');
  });
});

describe('retention purge (issue 7)', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { SCHEDULER_TICK_MS: '3600000' } });
    await install(tb, [teacher, pw1, pw2, coordinator]);
  });
  afterAll(async () => tb.close());

  it('sets a Cosmos TTL on a signal when it closes, as a second line behind the purge job', async () => {
    const s = await raise(tb, distinctivePupil(), 'Oogt moe.');
    await act(tb, pw1, 'signal.claim', s);
    await act(tb, pw1, 'signal.close', s, { outcome: 'resolved' });
    const raw = (await tb.repos.cases.queryValues<any>('SELECT * FROM c WHERE c.id = @id', { id: s.id }))[0];
    expect(raw.ttl).toBe((24 * 31 + 31) * 24 * 3600);
  });

  it('removes closed signals, old scores and old audit entries after the retention, updates the Teams copies and keeps the purge audit', async () => {
    const pupil = distinctivePupil();
    const observation = `Waarneming-${randomUUID()}`;
    const closed = await raiseClaimedSignalWithCopies(tb, pupil, observation, 'Notitie bij afsluiten');
    await act(tb, pw1, 'signal.close', closed, { outcome: 'resolved' });
    const open = await raise(tb, distinctivePupil([pupil.number]), 'Nog lopend signaal.');
    await tb.bot.outbox.runOnce();
    // a pupil who left 30 months ago, with a round score; another who left last month
    const leftLongAgo = demoPupils.find((p) => p.number !== pupil.number && !teacher.classes.includes(p.className))!;
    const leftRecently = demoPupils.filter(
      (p) => p.number !== pupil.number && !teacher.classes.includes(p.className),
    )[1];
    for (const [p, monthsAgo] of [
      [leftLongAgo, 5],
      [leftRecently, -24],
    ] as const) {
      const doc = (await tb.repos.directory.getPupil(SCHOOL, `pupil:${p.number}`))!;
      // leftAt relative to the moment the purge will run (25 months from now)
      await tb.repos.directory.upsertPupil({
        ...doc,
        leftAt: new Date(tb.clock.now().getTime() - monthsAgo * MONTH).toISOString(),
      });
      await tb.repos.cases.upsert({
        id: `score:r1:${p.number}`,
        type: 'score',
        schoolId: SCHOOL,
        pupilId: `pupil:${p.number}`,
        level: 1,
      });
    }
    await tb.repos.audit.record({
      schoolId: SCHOOL,
      actorId: 'x',
      actorRoles: [],
      action: 'signal.view',
      outcome: 'ok',
      at: new Date(tb.clock.now().getTime() - 40 * MONTH).toISOString(),
    });
    tb.connector.reset();

    tb.clock.advance(25 * MONTH);
    await tb.bot.scheduler.runOnce();
    await tb.bot.outbox.runOnce();

    expect(await tb.repos.signals.get(SCHOOL, closed.id)).toBeUndefined();
    expect(await tb.repos.signals.get(SCHOOL, open.id)).toBeDefined();
    expect(await tb.repos.outbox.deliveriesOf(SCHOOL, closed.id)).toEqual([]);
    const leftovers = (await everyDocument(tb)).filter(({ doc }) => JSON.stringify(doc).includes(observation));
    expect(leftovers.map((h) => `${h.container}/${h.doc.id}`)).toEqual([]);
    for (const pw of [pw1, pw2]) {
      await tb.connector.waitFor((calls) =>
        calls.some(
          (c) =>
            c.method === 'PUT' &&
            c.status === 200 &&
            c.conversationId === conv(pw) &&
            text(c.body).includes('Dit bericht is verwijderd volgens het bewaarbeleid van de school.'),
        ),
      );
    }
    const scores = await tb.repos.cases.queryValues<any>("SELECT * FROM c WHERE c.type = 'score'");
    expect(scores.map((d) => d.id)).toEqual([`score:r1:${leftRecently.number}`]);
    const purges = await tb.repos.audit.forSchool(SCHOOL, 'retention.purge');
    expect(purges).toHaveLength(1);
    // two closed signals: this one and the one of the TTL test, each with two card copies
    expect(purges[0].code).toMatch(/^signals=2;deliveries=4;scores=1;audit=\d+;digests=0$/);
    expect(Number(/audit=(\d+)/.exec(purges[0].code!)![1])).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(purges)).not.toContain(pupil.lastName);

    // idempotent: the next day's run finds nothing more and writes no second purge entry
    tb.clock.advance(24 * 3600 * 1000);
    await tb.bot.scheduler.runOnce();
    expect(await tb.repos.audit.forSchool(SCHOOL, 'retention.purge')).toHaveLength(1);
    // and the purge record outlives the audit retention
    tb.clock.advance(61 * MONTH);
    await tb.bot.scheduler.runOnce();
    expect((await tb.repos.audit.forSchool(SCHOOL, 'retention.purge')).length).toBeGreaterThanOrEqual(1);
  });

  it('removes a posted digest 90 days after its period and keeps the newer ones', async () => {
    const snapshot = (id: string, until: Date) => ({
      id: `digest:${id}`,
      type: 'digestSnapshot',
      schoolId: SCHOOL,
      schoolName: 'Demo College De Linde',
      slotKey: id,
      since: new Date(until.getTime() - 7 * DAY).toISOString(),
      until: until.toISOString(),
      slotsCovered: 1,
      late: false,
      digest: { generatedAt: until.toISOString(), newSignals: {}, open: {} },
      workerNames: {},
    });
    tb.clock.advance(DAY); // the purge runs once a day: a new day
    const now = tb.clock.now();
    await tb.repos.cases.upsert(snapshot('old', new Date(now.getTime() - 91 * DAY)));
    await tb.repos.cases.upsert(snapshot('recent', new Date(now.getTime() - 89 * DAY)));
    await tb.repos.cases.upsert({
      ...snapshot('other-school', new Date(now.getTime() - 200 * DAY)),
      schoolId: 'other-school',
    });

    await tb.bot.scheduler.runOnce();

    const left = await tb.repos.cases.queryValues<any>(
      "SELECT c.id, c.schoolId FROM c WHERE c.type = 'digestSnapshot' AND c.id IN ('digest:old', 'digest:recent', 'digest:other-school')",
    );
    expect(left.map((d) => `${d.schoolId}/${d.id}`).sort()).toEqual([
      'demo-school/digest:recent',
      'other-school/digest:other-school',
    ]);
    const purge = (await tb.repos.audit.forSchool(SCHOOL, 'retention.purge')).at(-1)!;
    expect(purge.code).toMatch(/;digests=1$/);
  });
});
