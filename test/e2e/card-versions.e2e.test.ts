import type { Signal } from '../../src/domain/signal';
import { VERB_ROUTES } from '../../src/bot/core/routes';
import { T } from '../../src/bot/core/texts';
import { refusalText } from '../../src/bot/core/refusal-texts';
import { SCHOOL, current, fullData, ot, pw1, storeState, useClaimedSignal } from '../support/claimed-signal';
import { invokeAction } from '../support/test-bot';

const text = (c: unknown) => JSON.stringify(c);
const notes = (s: Signal) => s.history.filter((h) => h.action === 'note').length;

describe('a state-changing card action without its version is refused as stale (issue 19)', () => {
  const bot = useClaimedSignal();

  const versioned = VERB_ROUTES.filter((r) => r.version).map((r) => [r.verb, r.version!] as const);
  it.each(versioned)('refuses %s without its %s: the stale notice, nothing changed, audited', async (verb, field) => {
    const before = await storeState(bot.tb);
    const data: Record<string, unknown> = fullData(await current(bot.tb, bot.claimed));
    delete data[field];
    const who = verb.startsWith('escalation.') ? ot : pw1;
    const res = await bot.tb.post(invokeAction(bot.tb, who, verb, data));
    expect(res.status).toBe(200);
    expect(text(res.body.value)).toContain(T.cardStale);
    expect(await storeState(bot.tb)).toEqual(before);
    const audit = await bot.tb.repos.audit.forSchool(SCHOOL, verb);
    expect(audit.some((a) => a.outcome === 'refused' && a.code === 'stale' && a.actorId === who.entraId)).toBe(true);
  });

  it('saves a note only with the version the signal has now: without one or with an old one it is stale', async () => {
    const drawnOn = await current(bot.tb, bot.claimed);
    // someone changes the signal after the card was drawn
    expect(
      (
        await bot.tb.post(
          invokeAction(bot.tb, pw1, 'signal.score', {
            signalId: drawnOn.id,
            schoolId: SCHOOL,
            v: drawnOn.updatedAt,
            level: '2',
          }),
        )
      ).status,
    ).toBe(200);
    const changed = await current(bot.tb, bot.claimed);
    const note = { signalId: drawnOn.id, schoolId: SCHOOL, note: 'Moeder gebeld.' };

    const without = await bot.tb.post(invokeAction(bot.tb, pw1, 'signal.note', note));
    expect(text(without.body.value)).toContain(T.cardStale);
    const old = await bot.tb.post(invokeAction(bot.tb, pw1, 'signal.note', { ...note, v: drawnOn.updatedAt }));
    expect(text(old.body.value)).toContain(refusalText('stale'));
    expect(notes(await current(bot.tb, bot.claimed))).toBe(notes(changed));

    const fresh = await bot.tb.post(invokeAction(bot.tb, pw1, 'signal.note', { ...note, v: changed.updatedAt }));
    expect(fresh.status).toBe(200);
    expect(notes(await current(bot.tb, bot.claimed))).toBe(notes(changed) + 1);
  });
});
