import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { handOverCases, type HandoverOutcome } from '../../app/handover/hand-over-cases';
import type { Actor } from '../../domain/roles';
import type { BotDeps } from '../core/bot-deps';
import { correlationIdOf } from '../core/correlation';
import { literal } from '../core/literal-text';
import { noticeCard } from '../core/notice-card';
import { refusalText } from '../core/refusal-texts';
import { renderCard, type CardJson } from '../core/render-card';
import { roleNamesAt } from '../core/role-names';
import { personOf } from '../core/turn';
import { schoolLabelOf } from '../signals/school-board';
import { handoverDepsOf } from './handover-deps';
import { HO } from './handover-texts';

type Status = { text: string; color: 'Good' | 'Attention' | 'Warning'; facts: { title: string; value: string }[] };
type Form = { from?: string; to?: string; reason?: string };

/** The `/overdragen` card of one school: from, to (its prevention workers) and the reason. */
async function handoverCard(deps: BotDeps, actor: Actor, form: Form = {}, status?: Status): Promise<CardJson> {
  const [staff, school, names] = await Promise.all([
    deps.ports.directory.listStaff(actor.schoolId),
    schoolLabelOf(deps, actor),
    roleNamesAt(deps, actor.schoolId),
  ]);
  const workers = staff
    .filter((s) => !s.leftAt && s.roles.includes('preventionWorker'))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nl'))
    .map((s) => ({ title: literal(s.displayName), value: s.userId }));
  if (workers.length < 2)
    return noticeCard(HO.handoverNoWorkers(names), school ? HO.handoverTitleAt(school) : HO.handoverTitle, 'Warning');
  return renderCard('handover', {
    title: school ? HO.handoverTitleAt(school) : HO.handoverTitle,
    status: status?.text ?? '',
    statusColor: status?.color ?? 'Default',
    facts: status?.facts ?? [],
    intro: HO.handoverIntro(names),
    fromLabel: HO.handoverFrom,
    toLabel: HO.handoverTo,
    reasonLabel: HO.handoverReason,
    reasonPlaceholder: HO.handoverReasonPlaceholder,
    required: HO.handoverRequired,
    workers,
    from: form.from ?? '',
    to: form.to ?? '',
    reason: form.reason ?? '',
    buttonTitle: HO.handoverButton,
    schoolId: actor.schoolId,
  });
}

/**
 * `/overdragen` (issue 16): a coordinator hands every open case of one prevention worker to
 * another, one card per school where she is coordinator. Anyone else is refused, audited.
 */
export async function handoverCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const hd = handoverDepsOf(deps);
  const person = await personOf(deps, context);
  const schools = person.actors.filter((a) => a.roles.includes('coordinator'));
  if (!hd || schools.length === 0) {
    if (hd)
      await handOverCases(hd, person, {
        schoolId: person.actors[0]?.schoolId ?? '_none',
        fromId: '',
        toId: '',
        reason: undefined,
        correlationId: correlationIdOf(context),
      }); // refused and audited: not a coordinator
    const names = await roleNamesAt(deps, person.actors[0]?.schoolId);
    await context.sendActivity(
      person.actors.length ? refusalText('handover-not-coordinator', names) : refusalText('unknown-user'),
    );
    return;
  }
  for (const actor of schools)
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await handoverCard(deps, actor))));
}

const SubmitSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  reason: z.string().max(2000).optional(),
});

/** What the card says after a handover: how many moved, and which changed meanwhile (run again). */
async function statusOf(deps: BotDeps, actor: Actor, outcome: HandoverOutcome, form: Form): Promise<Status> {
  if (!outcome.ok)
    return { text: refusalText(outcome.code, await roleNamesAt(deps, actor.schoolId)), color: 'Attention', facts: [] };
  const staff = await deps.ports.directory.listStaff(actor.schoolId);
  const name = (id?: string) => literal(staff.find((s) => s.userId === id)?.displayName ?? '');
  const facts = [
    ...(outcome.moved.length ? [{ title: HO.factMoved, value: outcome.moved.join(', ') }] : []),
    ...(outcome.failed.length
      ? [{ title: HO.factFailed, value: outcome.failed.map((f) => f.reference).join(', ') }]
      : []),
  ];
  if (outcome.moved.length === 0 && outcome.failed.length === 0)
    return { text: HO.handoverNone(name(form.from)), color: 'Good', facts };
  const done = HO.handoverDone(outcome.moved.length, name(form.from), name(form.to));
  if (outcome.failed.length === 0) return { text: done, color: 'Good', facts };
  return { text: `${done} ${HO.handoverPartial(outcome.failed.length)}`, color: 'Warning', facts };
}

/** handover.submit: hands the cases over and answers with the card, its result on top (the inputs kept for a re-run). */
export async function handoverSubmit(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const hd = handoverDepsOf(deps);
  const parsed = SubmitSchema.safeParse(data);
  if (!hd || !parsed.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  const form: Form = { from: parsed.data.from, to: parsed.data.to, reason: parsed.data.reason };
  const outcome = await handOverCases(hd, person, {
    schoolId: parsed.data.schoolId,
    fromId: parsed.data.from ?? '',
    toId: parsed.data.to ?? '',
    reason: parsed.data.reason,
    correlationId: correlationIdOf(context),
  });
  const actor = person.actors.find((a) => a.schoolId === parsed.data.schoolId && a.roles.includes('coordinator'));
  if (!actor) return noticeCard(refusalText(outcome.ok ? 'forged' : outcome.code));
  if (outcome.ok) deps.kickOutbox();
  return handoverCard(deps, actor, form, await statusOf(deps, actor, outcome, form));
}
