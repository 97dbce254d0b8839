import type { TurnContext } from 'botbuilder';
import { registerPersonalConversation } from '../../app/core/register-conversation';
import type { BotDeps } from './bot-deps';
import { T } from './texts';
import { isPersonal, personOf, referenceOf } from './turn';
import { literal, markdownOf } from './literal-text';

/**
 * Keeps the personal conversation reference and releases waiting messages (S2, S4). `reinstalled`:
 * the bot was (re)added to the personal chat — release even when the reference is unchanged.
 */
export async function rememberConversation(
  deps: BotDeps,
  context: TurnContext,
  opts: { reinstalled?: boolean } = {},
): Promise<number> {
  if (!isPersonal(context)) return 0;
  const person = await personOf(deps, context);
  if (person.actors.length === 0) return 0;
  const { released } = await registerPersonalConversation(
    { conversations: deps.conversations, outbox: deps.outbox, now: deps.ports.clock.now() },
    person,
    referenceOf(context),
    opts,
  );
  if (released > 0) deps.kickOutbox();
  return released;
}

/** installationUpdate / bot added: greet, and in personal scope remember the conversation. */
export async function onInstalled(deps: BotDeps, context: TurnContext): Promise<void> {
  const action = (context.activity as { action?: string }).action;
  if (action && action.startsWith('remove')) return;
  if (isPersonal(context)) {
    const person = await personOf(deps, context);
    await rememberConversation(deps, context, { reinstalled: true });
    await context.sendActivity(
      person.actors.length ? markdownOf(T.welcomePersonal(literal(person.displayName))) : T.notAStaffMember,
    );
  } else {
    await context.sendActivity(T.welcomeTeam);
  }
}

export async function onMembersAdded(deps: BotDeps, context: TurnContext): Promise<void> {
  const added = context.activity.membersAdded ?? [];
  const botId = context.activity.recipient?.id;
  // Teams (and the Playground) send installationUpdate too, which greets; here only remember.
  if (added.some((m) => m.id === botId)) await rememberConversation(deps, context, { reinstalled: true });
}
