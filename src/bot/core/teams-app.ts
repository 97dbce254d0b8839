import { ActivityTypes, type TurnContext } from 'botbuilder';
// Modules, not the package's index (which loads the AI planners, models and tokenizer the bot never uses).
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { log } from '../../log';
import type { BotDeps } from './bot-deps';
import { isFirstDelivery } from './activity-dedupe';
import { noticeCard } from './notice-card';
import { onInstalled, onMembersAdded, rememberConversation } from './installation';
import { pupilSearch } from '../signals/signal-intake';
import { COMMANDS, VERB_ROUTES, findCommand, parseCommand, type Scope } from './routes';
import { T } from './texts';
import { refreshingFor } from './refresh-recipients';
import { isPersonal } from './turn';
import { DATASETS } from './verbs';
import { answerInvoke, auditRefusal, refusalBeforeHandler, scopeOfConversation } from './verb-guard';

const scopeOf = (context: TurnContext): Scope => scopeOfConversation(context) ?? 'personal';

/** Builds the teams-ai Application from the route table. */
export function buildTeamsApp(adapter: TeamsAdapter, botAppId: string, deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  // Every verb passes the route table's checks first (src/bot/core/verb-guard.ts). Every answer goes
  // back as the invoke response itself, to the person who clicked: teams-ai, given a card with a
  // `refresh`, would also replace the message for everyone with that person's view (an extra
  // connector call per click, and in a channel a personal answer shown to all until the outbox's
  // update replaces it). Other viewers' copies are updated by the outbox (issue 18).
  for (const route of VERB_ROUTES) {
    app.adaptiveCards.actionExecute(route.verb, async (context, _state, data) => {
      const refusal = await refusalBeforeHandler(deps, context, route, data);
      const answer = refusal ?? (await route.handler(deps, context, data));
      // in a personal chat the card keeps refreshing by itself for the person who has it (refresh-recipients.ts)
      const card = isPersonal(context) ? refreshingFor(answer, context.activity.from?.id) : answer;
      await answerInvoke(context, card);
      return card;
    });
  }

  app.adaptiveCards.search(DATASETS.pupils, async (context, _state, query) =>
    pupilSearch(deps, context, String(query.parameters?.queryText ?? ''), Number(query.count ?? 15)),
  );

  app.activity(ActivityTypes.InstallationUpdate, async (context) => onInstalled(deps, context));
  app.conversationUpdate('membersAdded', async (context) => onMembersAdded(deps, context));

  app.activity(ActivityTypes.Message, async (context) => {
    const text = typeof context.activity.text === 'string' ? context.activity.text.slice(0, 2000) : '';
    const { command, args } = parseCommand(text);
    const route = findCommand(command);
    if (!(await isFirstDelivery(deps, context, { shared: !!route && !route.readOnly }))) return;
    await rememberConversation(deps, context);
    const scope = scopeOf(context);
    if (!route) {
      await context.sendActivity(scope === 'personal' || !text ? T.unknownCommand : T.channelNotAllowed);
      return;
    }
    if (!route.scopes.includes(scope)) {
      await auditRefusal(deps, context, `/${route.command}`, undefined, 'wrong-conversation');
      await context.sendActivity(route.wrongScopeText ?? T.channelNotAllowed);
      return;
    }
    await route.handler(deps, context, args);
  });

  // Any other invoke (an unknown verb, a forged action type): a clear answer, never a 5xx.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const name = String(context.activity.name ?? '');
    log.warn('invoke.unrouted', {
      name: name.slice(0, 60),
      verb: String((context.activity.value as { action?: { verb?: unknown } })?.action?.verb ?? '').slice(0, 60),
    });
    const body =
      name === 'adaptiveCard/action'
        ? {
            statusCode: 200,
            type: 'application/vnd.microsoft.card.adaptive',
            value: noticeCard(T.unknownButton),
          }
        : {
            statusCode: 400,
            type: 'application/vnd.microsoft.error',
            value: { code: 'BadRequest', message: 'Unsupported invoke' },
          };
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: name === 'adaptiveCard/action' ? 200 : 400, body },
    });
  });

  void COMMANDS;
  return app;
}
