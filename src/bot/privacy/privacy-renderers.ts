import { PRIVACY_NOTIFY } from '../../app/privacy/privacy-ports';
import { renderCard } from '../core/render-card';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { Rendered, Renderer } from '../core/renderer';
import { PT } from './privacy-texts';

/**
 * The neutral text that replaces the bot's own Teams copies of a purged or erased signal (Teams
 * keeps what was posted). Rendered from the payload alone: the signal no longer exists.
 */
export const PRIVACY_RENDERERS: Record<KindsOf<typeof PRIVACY_NOTIFY>, Renderer> = {
  [PRIVACY_NOTIFY.messageRemoved]: async (_deps, _schoolId, msg): Promise<Rendered> => {
    const text = msg.payload.params.reason === 'erasure' ? PT.messageRemovedErasure : PT.messageRemovedRetention;
    return {
      card: renderCard('notice', { title: 'Waakvlam', text, color: 'Default', facts: [] }),
      summary: PT.messageRemovedSummary,
    };
  },
};
