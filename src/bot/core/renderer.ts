import type { OutboxMessage } from '../../app/core/ports';
import type { BotDeps } from './bot-deps';
import { renderCard, type CardJson } from './render-card';

/** A rendered notification, or nothing left to say (the signal was erased, or the recipient left). */
export type Rendered = { card: CardJson; summary: string } | { skip: true };

/** What a renderer reads of an outbox message: whom it is for and what to say (a known kind). */
export type RenderMessage = Pick<OutboxMessage, 'target' | 'payload'>;

/**
 * Draws one notification kind for its recipient at delivery time, from current state. Each
 * feature folder exports its renderers; the map in notification-renderer.ts gathers them.
 */
export type Renderer = (deps: BotDeps, schoolId: string, msg: RenderMessage) => Promise<Rendered>;

export const SKIP: Rendered = { skip: true };

/** A notice card (the `notice` template) with its title as the activity feed's summary. */
export const renderedNotice = (
  title: string,
  text: string,
  color = 'Default',
  facts: { title: string; value: string }[] = [],
): Rendered => ({ card: renderCard('notice', { title, text, color, facts }), summary: title });
