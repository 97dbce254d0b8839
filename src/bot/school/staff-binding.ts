import { TeamsInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  bindStaffOnFirstContact,
  type BindStaffDeps,
  type BindingOutcome,
  type MemberIdentity,
} from '../../app/school/bind-staff';
import { log } from '../../log';
import { correlationIdOf } from '../core/correlation';
import { BINDING_TEXTS } from './staff-binding-texts';

/** What of the Bot Connector's member answer (a TeamsChannelAccount) is used; the rest is ignored. */
const MemberSchema = z.object({
  aadObjectId: z.string().max(128).optional().nullable(),
  userPrincipalName: z.string().max(320).optional().nullable(),
  email: z.string().max(320).optional().nullable(),
  tenantId: z.string().max(128).optional().nullable(),
});

/** How long a sender who could not be bound is not looked up again (per process). */
export const NOT_BINDABLE_MS = 2 * 60_000;
const MAX_REMEMBERED = 50_000;

/** The tenant an activity came from (the HTTP edge has checked both agree where tenants are allowed). */
export function activityTenant(context: TurnContext): string {
  const a = context.activity;
  const fromChannelData = (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const t = a.conversation?.tenantId ?? fromChannelData;
  return typeof t === 'string' ? t : '';
}

/**
 * The bot-edge half of binding on first contact (issue 14): asks the Bot Connector who an unknown
 * sender is (TeamsInfo.getMember: GET {serviceUrl}/v3/conversations/{conversation}/members/{from.id},
 * or the team's members in a channel) and hands their UPN and e-mail to the use case.
 *
 * - Tried on any turn whose sender the store does not know (a command, opening or installing the
 *   bot, a card action, a search); a sender bound once is found by id from then on.
 * - A sender who could not be bound (no match, refused, look-up failed) is not looked up again for
 *   `NOT_BINDABLE_MS`: type-ahead and repeated commands do not call Teams on every turn.
 * - Concurrent turns of one sender (installationUpdate and conversationUpdate arrive together)
 *   share one attempt.
 * - A refusal is told once, in Dutch, on a message or install turn; invokes answer as for anyone
 *   unknown. Nothing about the sender's addresses is logged.
 */
export class StaffBinder {
  private readonly notBindableUntil = new Map<string, number>();
  private readonly inFlight = new Map<string, Promise<BindingOutcome | undefined>>();
  private readonly checkedKnownUntil = new Map<string, number>();

  constructor(
    private readonly deps: BindStaffDeps,
    private readonly nowMs: () => number,
  ) {}

  /**
   * A person already known at one school who opens the bot (install, conversationUpdate) is bound
   * at further schools of the tenant that imported them by UPN since (a staff member of a school
   * board). Uses the UPNs of their stored records, so no member look-up; at most once per
   * `NOT_BINDABLE_MS` per person, and never on commands, cards or search (their turn cost stays).
   * true when a record was bound.
   */
  async bindElsewhere(context: TurnContext, aadObjectId: string, known: { upn?: string }[]): Promise<boolean> {
    const type = context.activity.type;
    if (type !== 'installationUpdate' && type !== 'conversationUpdate') return false;
    const until = this.checkedKnownUntil.get(aadObjectId);
    if (until !== undefined && until > this.nowMs()) return false;
    if (this.checkedKnownUntil.size >= MAX_REMEMBERED) this.checkedKnownUntil.clear();
    this.checkedKnownUntil.set(aadObjectId, this.nowMs() + NOT_BINDABLE_MS);
    const addresses = known.map((s) => s.upn).filter((u): u is string => !!u);
    const tenantId = activityTenant(context);
    if (addresses.length === 0 || !tenantId) return false;
    const outcome = await bindStaffOnFirstContact(
      this.deps,
      { aadObjectId, tenantId, addresses },
      correlationIdOf(context),
    );
    if (outcome.kind !== 'no-match')
      log.info('staff.binding', { correlationId: correlationIdOf(context), outcome: outcome.kind, known: true });
    return outcome.kind === 'bound';
  }

  /** Tries to bind the sender; undefined when not tried (recently failed) or the look-up failed. */
  tryBind(context: TurnContext, aadObjectId: string): Promise<BindingOutcome | undefined> {
    const until = this.notBindableUntil.get(aadObjectId);
    if (until !== undefined && until > this.nowMs()) return Promise.resolve(undefined);
    const running = this.inFlight.get(aadObjectId);
    if (running) return running;
    const attempt = this.attempt(context, aadObjectId).finally(() => this.inFlight.delete(aadObjectId));
    this.inFlight.set(aadObjectId, attempt);
    return attempt;
  }

  private async attempt(context: TurnContext, aadObjectId: string): Promise<BindingOutcome | undefined> {
    const tenantId = activityTenant(context);
    const member = tenantId ? await this.lookUp(context, aadObjectId, tenantId) : undefined;
    const outcome = member ? await bindStaffOnFirstContact(this.deps, member, correlationIdOf(context)) : undefined;
    log.info('staff.binding', {
      correlationId: correlationIdOf(context),
      outcome: outcome ? outcome.kind : 'not-looked-up',
      ...(outcome?.kind === 'refused' ? { refusal: outcome.reason } : {}),
    });
    if (outcome?.kind !== 'bound' && outcome?.kind !== 'conflict') {
      if (this.notBindableUntil.size >= MAX_REMEMBERED) this.notBindableUntil.clear();
      this.notBindableUntil.set(aadObjectId, this.nowMs() + NOT_BINDABLE_MS);
    }
    if (
      outcome?.kind === 'refused' &&
      (context.activity.type === 'message' ||
        context.activity.type === 'installationUpdate' ||
        context.activity.type === 'conversationUpdate')
    ) {
      await context.sendActivity(BINDING_TEXTS[outcome.reason]);
    }
    return outcome;
  }

  /** The sender as the Bot Connector knows them; undefined when it does not answer or answers for someone else. */
  private async lookUp(
    context: TurnContext,
    aadObjectId: string,
    tenantId: string,
  ): Promise<MemberIdentity | undefined> {
    const fromId = context.activity.from?.id;
    if (typeof fromId !== 'string' || !fromId) return undefined;
    try {
      const parsed = MemberSchema.safeParse(await TeamsInfo.getMember(context, fromId));
      if (!parsed.success) return undefined;
      const m = parsed.data;
      if (m.aadObjectId && m.aadObjectId.toLowerCase() !== aadObjectId.toLowerCase()) return undefined;
      if (m.tenantId && m.tenantId !== tenantId) return undefined;
      return {
        aadObjectId,
        tenantId,
        addresses: [m.userPrincipalName, m.email].filter((a): a is string => typeof a === 'string' && a !== ''),
      };
    } catch (err) {
      const status = (err as { statusCode?: unknown })?.statusCode;
      log.info('staff.binding.lookup-failed', {
        correlationId: correlationIdOf(context),
        status: typeof status === 'number' ? status : 0,
      });
      return undefined;
    }
  }
}
