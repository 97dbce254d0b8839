import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { setLeave, type LeaveOutcome, type LeaveRequest } from '../../app/handover/set-leave';
import type { Actor } from '../../domain/roles';
import type { BotDeps } from '../core/bot-deps';
import { correlationIdOf } from '../core/correlation';
import { noticeCard } from '../core/notice-card';
import { refusalText } from '../core/refusal-texts';
import type { CardJson } from '../core/render-card';
import { roleNamesAt } from '../core/role-names';
import { formatDate } from '../core/texts';
import { personOf } from '../core/turn';
import { literal, markdownOf } from '../core/literal-text';
import { schoolLabelOf } from '../signals/school-board';
import { absenceCard, partnersText } from './absence-card';
import { handoverDepsOf } from './handover-deps';
import { HO } from './handover-texts';

const END_WORDS = new Set(['uit', 'stop', 'einde', 'terug', 'klaar']);

/** What `/afwezig …` asks: nothing (the card), an end, or a last day. */
const requestOf = (args: string): LeaveRequest | undefined => {
  const a = args.trim().toLowerCase();
  if (a === '') return undefined;
  if (END_WORDS.has(a)) return { kind: 'end' };
  return { kind: 'set', untilText: a };
};

/** The Dutch answer to a leave outcome (refusals of the date also name the forms it accepts). */
async function answerOf(deps: BotDeps, actor: Actor, outcome: LeaveOutcome, request: LeaveRequest): Promise<string> {
  if (!outcome.ok) {
    const text = refusalText(outcome.code, await roleNamesAt(deps, actor.schoolId));
    return outcome.code === 'invalid-date' || outcome.code === 'date-in-past' ? HO.invalidDate(text) : text;
  }
  if (request.kind === 'end') return outcome.changed ? HO.leaveEnded : HO.leaveNotAway;
  const until = formatDate(outcome.leave!.until);
  return outcome.changed ? HO.leaveSet(until, await partnersText(deps, actor)) : HO.leaveUnchanged(until);
}

/** The card's status line: short, since the card's own text below states the absence (no repeat). */
async function cardStatusOf(
  deps: BotDeps,
  actor: Actor,
  outcome: LeaveOutcome,
  request: LeaveRequest,
): Promise<string> {
  if (!outcome.ok) return answerOf(deps, actor, outcome, request);
  if (!outcome.changed) return HO.nothingChangedOnCard;
  return request.kind === 'end' ? HO.leaveEndedOnCard : HO.leaveSavedOnCard(await partnersText(deps, actor));
}

/**
 * `/afwezig` (issue 16): a prevention worker's absence. Without arguments the card per school
 * where she works; `/afwezig tot 12 december` sets it, `/afwezig uit` ends it — at every school
 * where she is a prevention worker (she is away as a person). Anyone else is refused, audited.
 */
export async function absenceCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const hd = handoverDepsOf(deps);
  const person = await personOf(deps, context);
  const correlationId = correlationIdOf(context);
  const workerAt = person.actors.filter((a) => a.roles.includes('preventionWorker'));
  if (!hd || workerAt.length === 0) {
    if (hd)
      await setLeave(hd, person, {
        schoolId: person.actors[0]?.schoolId ?? '_none',
        request: { kind: 'end' },
        correlationId,
      }); // refused and audited: not a prevention worker
    const names = await roleNamesAt(deps, person.actors[0]?.schoolId);
    await context.sendActivity(
      person.actors.length ? refusalText('leave-not-prevention-worker', names) : refusalText('unknown-user'),
    );
    return;
  }
  const request = requestOf(args);
  if (!request) {
    for (const actor of workerAt)
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(await absenceCard(deps, hd, actor))),
      );
    return;
  }
  const answers: string[] = [];
  for (const actor of workerAt) {
    const outcome = await setLeave(hd, person, { schoolId: actor.schoolId, request, correlationId });
    const school = await schoolLabelOf(deps, actor);
    const answer = await answerOf(deps, actor, outcome, request);
    answers.push(school ? HO.atSchool(literal(school), answer) : answer);
  }
  deps.kickOutbox();
  await context.sendActivity(markdownOf(answers.join('\n\n')));
}

const SetLeaveSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  v: z.string().min(1).max(200),
  leave: z.enum(['set', 'end']),
  until: z.string().max(40).optional(),
});

/** staff.setLeave: the card's Save or 'Ik ben er weer', pinned to the staff record's ETag it was drawn on. */
export async function staffSetLeave(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const hd = handoverDepsOf(deps);
  const parsed = SetLeaveSchema.safeParse(data);
  if (!hd || !parsed.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  const request: LeaveRequest =
    parsed.data.leave === 'end' ? { kind: 'end' } : { kind: 'set', untilText: parsed.data.until ?? '' };
  const outcome = await setLeave(hd, person, {
    schoolId: parsed.data.schoolId,
    request,
    expectedEtag: parsed.data.v,
    correlationId: correlationIdOf(context),
  });
  const actor = person.actors.find((a) => a.schoolId === parsed.data.schoolId && a.roles.includes('preventionWorker'));
  if (!actor) return noticeCard(refusalText(outcome.ok ? 'forged' : outcome.code));
  deps.kickOutbox();
  const text =
    !outcome.ok && outcome.code === 'stale' ? HO.leaveStale : await cardStatusOf(deps, actor, outcome, request);
  return absenceCard(deps, hd, actor, { text, color: outcome.ok ? 'Good' : 'Attention' });
}
