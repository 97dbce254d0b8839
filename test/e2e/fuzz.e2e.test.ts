import { randomUUID } from 'node:crypto';
import { VERBS } from '../../src/bot/core/verbs';
import { demoPupils } from '../support/demo-people';
import { TENANT, person, startTestBot, type TestBot } from '../support/test-bot';
import type { DemoStaff } from '../support/demo-people';

/** A small deterministic PRNG (mulberry32): the same seed gives the same run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

const SEED = 20261123;
const TOTAL = 3000;
const PARALLEL = 12;

/** An object with an own key that a literal cannot make (`__proto__`), as JSON.parse would. */
const withKey = (o: Record<string, unknown>, key: string, value: unknown) => {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  return o;
};
const POLLUTERS = ['__proto__', 'constructor', 'prototype'];
const pollution = (r: Rng): Record<string, unknown> => {
  const payload = { polluted: 'yes', isAdmin: true, roles: ['zorgcoordinator'] };
  const key = r.pick(POLLUTERS);
  return key === 'constructor' ? withKey({}, 'constructor', { prototype: payload }) : withKey({}, key, payload);
};

const STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '💥'.repeat(50),
  'S-2026-0001',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE c; --",
  '${pupil}',
  '{{x}}',
  'null',
  'undefined',
  'true',
  '-1',
  '1e309',
  'NaN',
  'other-school|pupil:1',
  'demo-school|pupil:999999',
  'demo-school|pupil:',
  '|',
  'a'.repeat(5000),
  'x\r\ny',
];

function junkString(r: Rng): string {
  if (r.chance(0.02)) return 'ä'.repeat(50_000 + r.int(50_000));
  if (r.chance(0.5)) return r.pick(STRINGS);
  const len = r.int(40);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(r.chance(0.8) ? 32 + r.int(95) : r.int(0xd7ff));
  return s;
}

function junk(r: Rng, depth = 0): unknown {
  const k = r.int(depth > 2 ? 6 : 9);
  switch (k) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53 + 1, 1e308, -1e308, 42]);
    case 3:
    case 4:
    case 5:
      return junkString(r);
    case 6:
      return Array.from({ length: r.int(5) }, () => junk(r, depth + 1));
    case 7:
      return r.chance(0.3)
        ? pollution(r)
        : Object.fromEntries(Array.from({ length: r.int(5) }, () => [junkString(r).slice(0, 20), junk(r, depth + 1)]));
    default:
      return withKey({ signalId: junk(r, depth + 1) }, r.pick(POLLUTERS), junk(r, depth + 1));
  }
}

interface Case {
  kind: string;
  body: Buffer | string;
  contentType?: string;
  /** a demo user on the other end of a personal conversation: expects a Dutch answer there */
  answerIn?: string;
  /** an Action.Execute from a demo user: expects a card in the invoke answer */
  cardAnswer?: boolean;
}

const staffPool = ['mentor', 'docent', 'preventiewerker', 'zorgcoordinator', 'ot', 'leerplichtambtenaar', 'beheerder']
  .map((role) => person(role))
  .filter((p): p is DemoStaff => !!p);
const COMMAND_WORDS = [
  '/signaal',
  '/melding',
  '/mijn',
  '/help',
  '/hulp',
  '/?',
  '/audit',
  '/inzage',
  '/vergeet',
  '/koppel',
  '/onbekend',
  'signaal',
  'hallo',
  '',
  '/',
];
const OTHER_SCHOOL_IDS = ['other-school', 'demo-school-2', '_global', '_tenant', '', '../demo-school'];

/** Builds case n; deterministic in the PRNG. */
function makeCase(r: Rng, serviceUrl: string): Case {
  const who = r.pick(staffPool);
  const base = (conversationId = `a:fuzz-${randomUUID()}`) => ({
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${who.entraId}`, aadObjectId: who.entraId, name: who.name },
    recipient: { id: '28:waakvlam-bot', name: 'Waakvlam' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
    id: `fuzz-${randomUUID()}`,
  });
  const json = (o: unknown) => JSON.stringify(o);
  const roll = r.int(100);

  if (roll < 8) {
    // Not an activity at all.
    const raw = r.pick([
      () => '',
      () => '{',
      () => '{"type":"message",',
      () => '[]',
      () => '[{"type":"message"}]',
      () => 'null',
      () => '42',
      () => '"message"',
      () => 'true',
      () => json(junk(r)),
      () => '{"type":"message","text":"x"}'.repeat(3),
      () => `{"type":"message","text":"${'a'.repeat(300 * 1024)}"}`, // over the 256 KB limit
      () => '{"type":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
    ])();
    return {
      kind: 'raw',
      body: raw,
      contentType: r.pick(['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded']),
    };
  }
  if (roll < 14) {
    // Invalid UTF-8 inside an otherwise valid message from a person.
    const a = base();
    const [head, tail] = json({ ...a, type: 'message', text: '@@TEXT@@' }).split('@@TEXT@@');
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc]);
    return {
      kind: 'invalid-utf8-message',
      body: Buffer.concat([Buffer.from(head), Buffer.from(r.pick(COMMAND_WORDS) + ' '), bad, Buffer.from(tail)]),
      answerIn: a.conversation.id,
    };
  }
  if (roll < 38) {
    // A message from a demo user: a command with garbage, or garbage instead of text.
    const a = base();
    const textRoll = r.int(10);
    const text =
      textRoll < 5
        ? `${r.pick(COMMAND_WORDS)} ${junkString(r)}`
        : textRoll < 7
          ? junkString(r)
          : textRoll < 8
            ? 'x'.repeat(100_000 + r.int(50_000))
            : junk(r);
    const extra = r.chance(0.3) ? { value: junk(r), entities: [junk(r)], attachments: [junk(r), junk(r)] } : {};
    const activity = { ...a, type: 'message', text, ...extra };
    // A text that is no string is not something Teams sends: the caller gets a 4xx.
    if (typeof text !== 'string') return { kind: 'message-text-not-a-string', body: json(activity) };
    return { kind: 'person-message', body: json(activity), answerIn: a.conversation.id };
  }
  if (roll < 70) {
    // A card action from a demo user: known and unknown verbs, garbage data.
    const verbs = Object.values(VERBS);
    const verb = r.chance(0.85)
      ? r.pick(verbs)
      : r.pick(['signal.delete', 'admin.grant', '', '__proto__', 'constructor', 'signal.submit ', 'SIGNAL.SUBMIT']);
    let data: unknown;
    if (verb === VERBS.signalSubmit) {
      // Never a valid submit: another school's pupil, an unknown pupil, a pupil of the wrong type,
      // or no usable submission id.
      const pupil = demoPupils[r.int(demoPupils.length)];
      const submit: Record<string, unknown> = {
        submissionId: randomUUID(),
        pupil: `demo-school|pupil:${pupil.number}`,
        categories: 'verzuim',
        level: '2',
        observation: 'Fuzz observatie tekst.',
        knowsPupil: 'true',
        knowsParents: 'false',
        knowsMentor: 'false',
        urgency: 'normal',
      };
      const breakIt = r.int(5);
      if (breakIt === 0) submit.pupil = `${r.pick(OTHER_SCHOOL_IDS)}|pupil:${pupil.number}`;
      else if (breakIt === 1) submit.pupil = junk(r) ?? 'demo-school|pupil:999999';
      else if (breakIt === 2) submit.submissionId = junk(r);
      else if (breakIt === 3) delete submit.submissionId;
      else submit.pupil = 'demo-school|pupil:999999';
      for (const key of Object.keys(submit))
        if (key !== 'pupil' && key !== 'submissionId' && r.chance(0.3)) submit[key] = junk(r);
      data = r.chance(0.2) ? Object.assign(pollution(r), submit) : submit;
    } else {
      const garbage: Record<string, unknown> = {
        signalId: r.chance(0.5) ? randomUUID() : junk(r),
        schoolId: r.chance(0.5) ? r.pick(OTHER_SCHOOL_IDS) : junk(r),
        v: junk(r),
        page: junk(r),
        pupilId: junk(r),
        text: junk(r),
        action: junk(r),
      };
      for (const key of Object.keys(garbage)) if (r.chance(0.4)) delete garbage[key];
      data = r.chance(0.15) ? junk(r) : r.chance(0.2) ? Object.assign(pollution(r), garbage) : garbage;
    }
    const action: Record<string, unknown> = { type: r.chance(0.9) ? 'Action.Execute' : junk(r), verb, data };
    if (r.chance(0.1)) delete action.data;
    const value = r.chance(0.08) ? junk(r) : { action };
    return {
      kind: 'card-action',
      body: json({ ...base(), type: 'invoke', name: 'adaptiveCard/action', replyToId: `card-${r.int(1000)}`, value }),
      cardAnswer: typeof value === 'object' && value !== null && !Array.isArray(value),
    };
  }
  if (roll < 78) {
    // Other invokes: search with garbage, unknown invoke names.
    const name = r.pick([
      'application/search',
      'application/search',
      'composeExtension/query',
      'task/fetch',
      'signin/verifyState',
      junkString(r),
      'adaptiveCard/action',
    ]);
    const value = r.chance(0.5)
      ? {
          kind: 'search',
          queryText: junk(r),
          queryOptions: { skip: junk(r), top: junk(r) },
          dataset: r.chance(0.7) ? 'pupils' : junk(r),
        }
      : junk(r);
    return { kind: 'invoke', body: json({ ...base(), type: 'invoke', name, value }) };
  }
  // Structural garbage: every field of an activity with the wrong type or missing.
  const a: Record<string, unknown> = {
    ...base(),
    type: r.pick([
      'message',
      'invoke',
      'installationUpdate',
      'conversationUpdate',
      'messageReaction',
      'event',
      'typing',
      'endOfConversation',
      'bogus',
      '',
    ]),
    text: '/help',
    name: 'adaptiveCard/action',
    action: r.pick(['add', 'remove', junk(r)]),
  };
  const fields = [
    'from',
    'recipient',
    'conversation',
    'channelData',
    'serviceUrl',
    'channelId',
    'timestamp',
    'localTimestamp',
    'expiration',
    'locale',
    'id',
    'replyToId',
    'membersAdded',
    'membersRemoved',
    'value',
    'entities',
    'attachments',
    'text',
    'name',
    'deliveryMode',
  ];
  for (let i = 0, n = 1 + r.int(4); i < n; i++) {
    const f = r.pick(fields);
    if (f === 'conversation' && r.chance(0.5))
      a.conversation = {
        id: r.chance(0.5) ? 'a:fuzz' : junk(r),
        conversationType: r.pick(['channel', 'groupChat', 'personal', 'bogus', 42, null, '']),
        tenantId: TENANT,
      };
    else if (f === 'serviceUrl') a.serviceUrl = r.pick([junk(r), 'not a url', 'http://127.0.0.1:1/', 42, serviceUrl]);
    else if (f === 'membersAdded') a.membersAdded = r.pick([junk(r), [{ id: '28:waakvlam-bot' }], [junk(r)]]);
    else if (r.chance(0.2)) delete a[f];
    else a[f] = junk(r);
  }
  const body = r.chance(0.2) ? Object.assign(pollution(r), a) : a;
  return { kind: 'structural', body: json(body) };
}

/** Words any Dutch answer of the bot holds at least one of (none is English). */
const DUTCH =
  /\b(je|jij|jouw|het|de|een|niet|geen|ik|is|dat|dit|deze|van|bij|voor|met|op|er|kaart|signaal|leerling\w*|gebruik)\b/i;

describe('fuzzing /api/messages with malformed activities and card payloads (issue 7)', () => {
  let tb: TestBot;
  const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).sort();

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
  });
  afterAll(async () => tb.close());

  const countCases = async () => {
    const rows = await tb.repos.cases.queryValues<{ type: string }>('SELECT c.type FROM c');
    const by = (t: string) => rows.filter((x) => x.type === t).length;
    return { signals: by('signal'), outbox: by('outbox'), all: rows.filter((x) => x.type !== 'processed').length };
  };

  it(`survives ${TOTAL} malformed requests from seed ${SEED}: no 5xx, no crash, no write but audit entries, a Dutch answer to every person`, async () => {
    const before = await countCases();
    const r = prng(SEED);
    const cases = Array.from({ length: TOTAL }, () => makeCase(r, tb.connector.url));
    const results: { c: Case; status: number; body: string }[] = [];
    const started = Date.now();
    for (let i = 0; i < cases.length; i += PARALLEL) {
      const batch = cases.slice(i, i + PARALLEL);
      results.push(
        ...(await Promise.all(
          batch.map(async (c) => {
            const res = await fetch(`${tb.bot.url}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': c.contentType ?? 'application/json' },
              body: c.body,
            });
            return { c, status: res.status, body: await res.text() };
          }),
        )),
      );
    }
    const elapsed = Date.now() - started;

    const byKind: Record<string, Record<number, number>> = {};
    for (const x of results) {
      byKind[x.c.kind] ??= {};
      byKind[x.c.kind][x.status] = (byKind[x.c.kind][x.status] ?? 0) + 1;
    }
    // The figures for the report.
    process.stdout.write(
      `fuzz: ${results.length} requests in ${elapsed} ms (seed ${SEED}): ${JSON.stringify(byKind)}\n`,
    );

    const serverErrors = results.filter((x) => x.status >= 500);
    expect(
      serverErrors.map((x) => `${x.status} ${x.c.kind} ${String(x.c.body).slice(0, 300)} -> ${x.body.slice(0, 200)}`),
    ).toEqual([]);
    // No error detail ever reaches the caller.
    expect(
      results
        .filter((x) => /at .+\.(js|ts):\d+|Error:|TypeError|ZodError|stack/.test(x.body))
        .map((x) => x.body.slice(0, 200)),
    ).toEqual([]);

    // Everyone on the other end of a personal conversation got a Dutch answer.
    // (A body over the 256 KB limit is refused with 413 before anyone can be answered.)
    expect(results.filter((x) => x.c.answerIn && x.status !== 200 && x.status !== 413)).toEqual([]);
    const unanswered = results.filter(
      (x) =>
        x.c.answerIn &&
        x.status === 200 &&
        !tb.connector.sentTo(x.c.answerIn).some((call) => DUTCH.test(JSON.stringify(call.body))),
    );
    expect(
      unanswered.map((x) => `${x.status} ${String(x.c.body).slice(0, 200)} ... ${String(x.c.body).slice(-600)}`),
    ).toEqual([]);
    const cardless = results.filter(
      (x) => x.c.cardAnswer && x.status !== 413 && (x.status !== 200 || !DUTCH.test(x.body)),
    );
    expect(cardless.map((x) => `${x.status} ${String(x.c.body).slice(0, 200)} -> ${x.body.slice(0, 200)}`)).toEqual([]);

    // Still alive, nothing written but audit entries (and redelivery markers), prototypes clean.
    const health = await fetch(`${tb.bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await countCases()).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeysBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(results).toHaveLength(TOTAL);
  }, 120_000);
});
