import { ESCALATION_NOTIFY, caseWorker } from '../../app/escalation/escalation-messages';
import type { OutboxMessage } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';

/**
 * S6: Teams answered 403/404 for a school channel (the bot was removed from the team, or the
 * channel is gone). The message is parked like one for an unlinked channel — nothing is lost; it
 * goes out after `/koppel` — and for a new escalation post the prevention worker is told at once.
 * (The outbox runner tells the coordinators when it parks the message.)
 */
export async function channelUnreachable(
  deps: BotDeps,
  schoolId: string,
  msg: Pick<OutboxMessage, 'target' | 'payload'>,
): Promise<{ status: 'waiting'; reason: string }> {
  const p = msg.payload;
  if (p.kind === ESCALATION_NOTIFY.channelPost && !p.updateOf && p.signalId) {
    const signal = (await deps.ports.signals.get(schoolId, p.signalId))?.doc;
    const worker = signal && caseWorker(signal, await deps.ports.directory.listStaff(schoolId));
    if (signal && worker) {
      await deps.outbox.enqueue(
        schoolId,
        [
          {
            key: `${String(p.params.deliveryKey ?? p.signalId)}:channel-down:${worker}`,
            target: { kind: 'user', userId: worker },
            payload: {
              kind: ESCALATION_NOTIFY.channelDown,
              signalId: signal.id,
              params: { n: Number(p.params.n ?? 0) },
            },
          },
        ],
        deps.ports.clock.now(),
      );
    }
  }
  return { status: 'waiting', reason: 'channel-unreachable' };
}
