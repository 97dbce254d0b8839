import { DIGEST_NOTIFY } from '../../app/digest/post-scheduled-digest';
import type { OutboxMessage } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { Rendered, Renderer } from '../core/renderer';
import { DT } from './digest-texts';
import { channelDigestCard } from './digest-cards';
import { roleNamesAt } from '../core/role-names';

/**
 * The channel digest at delivery: drawn from the snapshot taken at its slot (counts and
 * references only), so a digest that waited for `/koppel overzicht` still shows its own period.
 * Only ever to the coordinators' channel.
 */
async function channelDigest(
  deps: BotDeps,
  schoolId: string,
  msg: Pick<OutboxMessage, 'target' | 'payload'>,
): Promise<Rendered> {
  if (msg.target.kind !== 'channel' || msg.target.channel !== 'coordinators' || !deps.digest) return { skip: true };
  const snapshot = await deps.digest.store.getSnapshot(schoolId, String(msg.payload.params.snapshotId ?? ''));
  if (!snapshot) return { skip: true };
  const card = channelDigestCard({
    ...snapshot,
    manual: snapshot.slotKey.startsWith('manual-'),
    names: await roleNamesAt(deps, schoolId),
  });
  return { card, summary: DT.summaryChannel(snapshot.schoolName) };
}

/** The digest renderers (DIGEST_NOTIFY), for the notification renderer's map. */
export const DIGEST_RENDERERS: Record<KindsOf<typeof DIGEST_NOTIFY>, Renderer> = {
  [DIGEST_NOTIFY.channelDigest]: channelDigest,
};
