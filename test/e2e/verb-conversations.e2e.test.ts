import { randomUUID } from 'node:crypto';
import type { Signal } from '../../src/domain/signal';
import { COMMANDS, VERB_ROUTES, type Scope } from '../../src/bot/core/routes';
import { T } from '../../src/bot/core/texts';
import {
  SCHOOL,
  current,
  escalateAsWorker,
  fullData,
  ot,
  pupil,
  pw1,
  startWithClaimedSignal,
  storeState,
  useClaimedSignal,
} from '../support/claimed-signal';
import type { DemoStaff } from '../support/demo-people';
import { TENANT, invokeAction, message, type TestBot } from '../support/test-bot';

const text = (c: unknown) => JSON.stringify(c);
const SCOPES: Scope[] = ['personal', 'team', 'groupChat'];
const outsider: DemoStaff = {
  name: 'Onbekende Bezoeker',
  upn: 'bezoeker@elders.example',
  roles: [],
  classes: [],
  entraId: 'c0ffee00-0000-4000-8000-00000000beef',
};

/** The conversation of an activity in each scope, with a fresh id so replies can be told apart. */
function conversationIn(scope: Scope | 'weird'): object {
  const id = `${scope}-${randomUUID()}`;
  if (scope === 'personal')
    return {
      conversation: { id: `a:${id}`, conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    };
  if (scope === 'team')
    return {
      conversation: { id: `19:${id}@thread.tacv2`, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      channelData: {
        tenant: { id: TENANT },
        team: { id: '19:demo-team@thread.tacv2' },
        channel: { id: `19:${id}@thread.tacv2` },
      },
    };
  if (scope === 'groupChat')
    return {
      conversation: { id: `19:${id}@thread.v2`, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
      channelData: { tenant: { id: TENANT } },
    };
  return {
    conversation: { id: `19:${id}@thread.v2`, conversationType: 'weird', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

describe('verbs and commands run only in the conversations their route declares (issue 19)', () => {
  let tb: TestBot;
  let escalated: Signal;

  beforeAll(async () => {
    let claimed: Signal;
    ({ tb, claimed } = await startWithClaimedSignal());
    escalated = await escalateAsWorker(tb, claimed);
    expect(escalated.state).toBe('escalated');
  }, 60_000);
  afterAll(async () => tb.close());

  it('declares at least one conversation type for every verb and every command', () => {
    for (const r of VERB_ROUTES) expect(r.scopes.length).toBeGreaterThan(0);
    for (const r of COMMANDS) expect(r.scopes.length).toBeGreaterThan(0);
  });

  const outside = VERB_ROUTES.flatMap((r) =>
    SCOPES.filter((s) => !r.scopes.includes(s)).map((scope) => [r.verb, scope] as const),
  );
  it.each(outside)(
    'refuses %s in a %s conversation with the neutral notice, changes nothing and audits it',
    async (verb, scope) => {
      const before = await storeState(tb);
      for (const who of [pw1, ot]) {
        const res = await tb.post({ ...invokeAction(tb, who, verb, fullData(escalated)), ...conversationIn(scope) });
        expect(res.status).toBe(200);
        expect(text(res.body.value)).toContain(T.cardUnavailable);
        // the notice names nothing of the signal or the pupil
        expect(text(res.body.value)).not.toContain(escalated.reference);
        expect(text(res.body.value)).not.toContain(pupil.firstName);
      }
      expect(await storeState(tb)).toEqual(before);
      const audit = await tb.repos.audit.forSchool(SCHOOL, verb);
      expect(
        audit.filter((a) => a.outcome === 'refused' && a.code === 'wrong-conversation' && a.actorId === pw1.entraId)
          .length,
      ).toBeGreaterThan(0);
    },
  );

  it('refuses every verb from a conversation type Teams does not send', async () => {
    for (const r of VERB_ROUTES) {
      const res = await tb.post({ ...invokeAction(tb, pw1, r.verb, fullData(escalated)), ...conversationIn('weird') });
      expect(text(res.body.value)).toContain(T.cardUnavailable);
    }
  });

  const inside = VERB_ROUTES.flatMap((r) => r.scopes.map((scope) => [r.verb, scope] as const));
  it.each(inside)('lets %s through in a %s conversation to its own handler', async (verb, scope) => {
    // an unknown signal: the handler refuses for its own reasons, never with the neutral notice
    const res = await tb.post({
      ...invokeAction(tb, ot, verb, {
        signalId: 'signal:does-not-exist',
        schoolId: SCHOOL,
        v: 'x',
        n: 0,
        roundId: '2026-1',
        pupilId: 'pupil:none',
        list: 'mine',
        page: 0,
        submissionId: randomUUID(),
        mode: 'signal',
      }),
      ...conversationIn(scope),
    });
    expect(res.status).toBe(200);
    expect(text(res.body.value)).not.toContain(T.cardUnavailable);
  });

  const commandCases = COMMANDS.flatMap((r) =>
    SCOPES.map((scope) => [r.command, scope, r.scopes.includes(scope)] as const),
  );
  it.each(commandCases)(
    'answers /%s in a %s conversation from the route (allowed: %s)',
    async (command, scope, allowed) => {
      const route = COMMANDS.find((r) => r.command === command)!;
      const where = conversationIn(scope) as { conversation: { id: string } };
      // `/koppel` without a channel name answers with its own help, which is also its wrong-place text
      const typed = { ...message(tb, outsider, command === 'koppel' ? '/koppel ot' : `/${command}`), ...where };
      const res = await tb.post(typed);
      expect(res.status).toBeLessThan(300);
      await tb.connector.waitFor(() => tb.connector.sentTo(where.conversation.id).length > 0);
      const said = text(tb.connector.sentTo(where.conversation.id).map((c) => c.body));
      const wrongScope = route.wrongScopeText ?? T.channelNotAllowed;
      if (allowed) expect(said).not.toContain(JSON.stringify(wrongScope).slice(1, -1));
      else {
        expect(said).toContain(JSON.stringify(wrongScope).slice(1, -1));
        const audit = await tb.repos.audit.forSchool('_none', `/${command}`);
        expect(
          audit.some(
            (a) =>
              a.outcome === 'refused' &&
              a.code === 'wrong-conversation' &&
              a.actorId === outsider.entraId &&
              a.correlationId === typed.id,
          ),
        ).toBe(true);
      }
    },
  );
});

describe('a state-changing verb writes nothing when its invoke names no message (issue 19)', () => {
  const bot = useClaimedSignal();

  /** An Action.Execute as Teams would send it, but without the message it came from. */
  const withoutReplyTo = (who: DemoStaff, verb: string, data: object) => {
    const activity: Record<string, unknown> = invokeAction(bot.tb, who, verb, data);
    delete activity.replyToId;
    return activity;
  };

  const writing = VERB_ROUTES.filter((r) => !r.readOnly).map((r) => r.verb);
  it.each(writing)(
    'answers %s without replyToId twice with a notice, never a 5xx, and changes nothing',
    async (verb) => {
      const before = await storeState(bot.tb);
      const data = fullData(await current(bot.tb, bot.claimed));
      for (let i = 0; i < 2; i++) {
        const res = await bot.tb.post(withoutReplyTo(pw1, verb, data));
        expect(res.status).toBe(200);
        expect(text(res.body.value)).toContain(T.cardNotPlaced);
      }
      expect(await storeState(bot.tb)).toEqual(before);
    },
  );

  it('saves a note sent once with replyToId after two tries without it exactly once', async () => {
    const s = await current(bot.tb, bot.claimed);
    const data = { signalId: s.id, schoolId: SCHOOL, v: s.updatedAt, note: 'Moeder gebeld.' };
    for (let i = 0; i < 2; i++) expect((await bot.tb.post(withoutReplyTo(pw1, 'signal.note', data))).status).toBe(200);
    expect((await current(bot.tb, s)).history.length).toBe(s.history.length);
    const res = await bot.tb.post(invokeAction(bot.tb, pw1, 'signal.note', data));
    expect(res.status).toBe(200);
    expect((await current(bot.tb, s)).history.filter((h) => h.action === 'note').length).toBe(
      s.history.filter((h) => h.action === 'note').length + 1,
    );
  });

  it('answers a read-only verb without replyToId with its card to the person who clicked, not a 5xx', async () => {
    const s = await current(bot.tb, bot.claimed);
    const res = await bot.tb.post(withoutReplyTo(pw1, 'signal.refresh', { signalId: s.id, schoolId: SCHOOL }));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).toContain(s.reference);
  });
});
