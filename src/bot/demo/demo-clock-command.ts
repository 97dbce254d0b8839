import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../core/bot-deps';
import { T } from '../core/texts';
import { DT } from './demo-texts';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';

const HOUR_MS = 3_600_000;
const MAX_HOURS = 24 * 120;

/** `+3`, `3d`, `+2 dagen`, `+5u`, `12 uur` → hours; undefined when it is not a forward shift we accept. */
export function parseShift(args: string): number | undefined {
  const m = /^\+?\s*(\d{1,4})\s*(d|dag|dagen|u|uur)?$/i.exec(args.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const hours = m[2] && m[2].toLowerCase().startsWith('u') ? n : n * 24;
  return hours >= 1 && hours <= MAX_HOURS ? hours : undefined;
}

/**
 * `/demo tijd [+N dagen|+N uur]`: only in the demo (embedded store with demo data, never in
 * production). Moves the bot's clock forward and runs the scheduled jobs at once, so a watch's
 * check-in date, an unclaimed signal or a round window can be tried in the Playground.
 */
export async function demoCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  if (!deps.demo) {
    await context.sendActivity(T.unknownCommand);
    return;
  }
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  const [sub = '', ...rest] = args.trim().split(/\s+/);
  if (!['tijd', 'klok'].includes(sub.toLowerCase())) {
    await context.sendActivity(DT.usage);
    return;
  }
  const shiftArgs = rest.join(' ');
  if (!shiftArgs) {
    await context.sendActivity(DT.now(deps.ports.clock.now(), deps.demo.clock.offsetMs() / HOUR_MS));
    return;
  }
  const hours = parseShift(shiftArgs);
  if (hours === undefined) {
    await context.sendActivity(DT.badShift);
    return;
  }
  const now = deps.demo.clock.shift(hours * HOUR_MS);
  await deps.ports.audit.record({
    schoolId: person.actors[0].schoolId,
    actorId: person.userId,
    actorRoles: [...new Set(person.actors.flatMap((a) => a.roles))],
    action: 'demo.clock.shift',
    outcome: 'ok',
    subject: `+${hours}h`,
    correlationId: correlationIdOf(context),
  });
  await deps.demo.runJobsNow();
  await context.sendActivity(DT.shifted(now, hours));
}
