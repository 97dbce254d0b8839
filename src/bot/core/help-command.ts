import type { TurnContext } from 'botbuilder';
import { allRoles } from '../../app/core/actors';
import type { BotDeps } from './bot-deps';
import { helpText } from './texts';
import { roleNamesFor } from './role-names';
import { personOf } from './turn';

/** /help: the commands this person's roles allow, in Dutch (S1). */
export async function helpCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const person = await personOf(deps, context);
  await context.sendActivity(
    helpText(allRoles(person), { demo: !!deps.demo, names: await roleNamesFor(deps, person) }),
  );
}
