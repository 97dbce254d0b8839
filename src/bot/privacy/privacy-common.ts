import type { TurnContext } from 'botbuilder';
import type { PrivacyPort } from '../../app/privacy/privacy-ports';
import type { StaffRecord } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';
import { PT } from './privacy-texts';
import { IT } from './pupil-export-texts';
import { refusalText } from '../core/refusal-texts';
import type { RoleNames } from '../../domain/role-labels';
import { roleWord } from '../core/texts';
import { literal } from '../core/literal-text';

/** The privacy port, or a Dutch answer that the feature is unavailable (never a crash). */
export async function privacyOf(deps: BotDeps, context: TurnContext): Promise<PrivacyPort | undefined> {
  if (!deps.privacy) await context.sendActivity(refusalText('privacy-unavailable'));
  return deps.privacy;
}

/** `/inzage 260101` → '260101'; an empty argument gets the usage line. */
export async function pupilNumberArg(context: TurnContext, command: string, args: string): Promise<string | undefined> {
  const n = args.trim().split(/\s+/)[0] ?? '';
  if (!n) await context.sendActivity(PT.usage(command));
  return n || undefined;
}

/** 'Demi Koster (preventiewerker)' for an actor id, as the audit trail and cards show it. */
export function staffLabel(staff: StaffRecord[], id: string, roles: string[] = [], names?: RoleNames): string {
  if (id.startsWith('waakvlam:')) return IT.botActor;
  const s = staff.find((m) => m.userId === id);
  const r = (roles.length ? roles : (s?.roles ?? [])).map((x) => roleWord(x, names)).join(', ');
  return `${literal(s?.displayName ?? PT.unknownUser)}${r ? ` (${r})` : ''}`;
}
