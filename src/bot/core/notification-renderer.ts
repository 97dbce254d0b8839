import type { NotificationKind } from '../../app/core/notification-kinds';
import type { BotDeps } from './bot-deps';
import type { Rendered, RenderMessage, Renderer } from './renderer';
import { SIGNAL_RENDERERS } from '../signals/signal-renderers';
import { SIGNAL_HANDLING_RENDERERS } from '../signals/signal-handling-renderers';
import { ESCALATION_RENDERERS } from '../escalation/escalation-renderers';
import { ROUND_RENDERERS } from '../rounds/round-renderers';
import { DIGEST_RENDERERS } from '../digest/digest-renderer';
import { PRIVACY_RENDERERS } from '../privacy/privacy-renderers';
import { ADDITION_RENDERERS } from '../signals/addition-renderers';
import { HANDOVER_RENDERERS } from '../handover/handover-renderers';
import { URGENT_RENDERERS } from '../signals/urgent-renderers';

/**
 * One renderer per notification kind, gathered from the feature folders. Typed as a Record over
 * the whole union: a kind without a renderer fails `tsc`.
 */
const RENDERERS: Record<NotificationKind, Renderer> = {
  ...SIGNAL_RENDERERS,
  ...SIGNAL_HANDLING_RENDERERS,
  ...ESCALATION_RENDERERS,
  ...ROUND_RENDERERS,
  ...DIGEST_RENDERERS,
  ...PRIVACY_RENDERERS,
  ...ADDITION_RENDERERS,
  ...HANDOVER_RENDERERS,
  ...URGENT_RENDERERS,
};

/**
 * Renders an outbox message for its recipient at delivery time, from current state: a card
 * queued before a claim shows the claim when it goes out. Returns skip when there is nothing left
 * to say (the signal was erased, or the recipient left).
 */
export function renderNotification(deps: BotDeps, schoolId: string, msg: RenderMessage): Promise<Rendered> {
  return RENDERERS[msg.payload.kind](deps, schoolId, msg);
}
