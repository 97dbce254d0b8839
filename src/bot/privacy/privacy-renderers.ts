import { PRIVACY_NOTIFY } from '../../app/privacy/privacy-ports';
import { renderCard } from '../core/render-card';
import { extraRenderers, type Rendered } from '../core/notification-renderer';
import { PT } from './privacy-texts';

/**
 * The neutral text that replaces the bot's own Teams copies of a purged or erased signal (Teams
 * keeps what was posted). Rendered from the payload alone: the signal no longer exists.
 */
export function registerPrivacyRenderers(): void {
  extraRenderers[PRIVACY_NOTIFY.messageRemoved] = async (_deps, _schoolId, msg): Promise<Rendered> => {
    const text = msg.payload.params.reason === 'erasure' ? PT.messageRemovedErasure : PT.messageRemovedRetention;
    return {
      card: renderCard('notice', { title: 'Waakvlam', text, color: 'Default', facts: [] }),
      summary: 'Bericht verwijderd',
    };
  };
}
