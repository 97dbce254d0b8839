import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Actor } from '../../domain/roles';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { refusalText } from '../core/refusal-texts';
import { personOf } from '../core/turn';
import { noticeCard } from '../core/notice-card';
import { LISTS, caseloadPageAnswer, reportedPage, sendCaseloadPage } from './my-signals';
import { mentorGroupPage } from './mentor-signals';
import { listCard } from './signal-list-card';
import { MT } from './mentor-texts';

/** list.page: the next page of a long list. Which lists exist, and who may page them. */
type Pager = {
  mayPage: (actor: Actor) => boolean;
  page: (deps: BotDeps, context: TurnContext, actor: Actor, page: number) => Promise<CardJson>;
};

/** Other lists (overviews, rounds) add their pager here under their own name. */
export const LIST_PAGERS: Record<string, Pager> = {
  [LISTS.caseload]: {
    mayPage: (a) => a.roles.includes('preventionWorker'),
    page: async (deps, context, actor, page) =>
      caseloadPageAnswer(await sendCaseloadPage(deps, context, actor, page), actor.schoolId),
  },
  [LISTS.reported]: { mayPage: () => true, page: (deps, _context, actor, page) => reportedPage(deps, actor, page) },
  // whose pupils are listed is decided by the mentor of record, never by the card
  [LISTS.mentorGroup]: {
    mayPage: () => true,
    page: async (deps, context, actor, page) =>
      (await mentorGroupPage(deps, actor, page, correlationIdOf(context))) ??
      listCard({
        title: MT.listTitle,
        text: MT.listNone,
        list: LISTS.mentorGroup,
        schoolId: actor.schoolId,
        page: 0,
        pages: 1,
      }),
  },
};

const ListPageSchema = z.object({
  list: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  page: z.coerce.number().int().min(0).max(10_000),
});

export async function listPage(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const parsed = ListPageSchema.safeParse(data);
  if (!parsed.success) return noticeCard(refusalText('invalid-card'));
  const pager = LIST_PAGERS[parsed.data.list];
  if (!pager) return noticeCard(refusalText('list-unknown'));
  const person = await personOf(deps, context);
  const actor = person.actors.find((a) => a.schoolId === parsed.data.schoolId);
  if (!actor || !pager.mayPage(actor)) {
    await deps.ports.audit.record({
      schoolId: parsed.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: actor ? [...actor.roles] : [],
      action: 'list.page',
      outcome: 'refused',
      code: 'not-allowed-role',
      subject: parsed.data.list,
      correlationId: correlationIdOf(context),
    });
    return noticeCard(refusalText('forged'));
  }
  return pager.page(deps, context, actor, parsed.data.page);
}
