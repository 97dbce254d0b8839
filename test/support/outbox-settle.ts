import type { TestBot } from './test-bot';

/** Runs the outbox until every queued message is delivered (the background runner may hold some). */
export async function settleOutbox(tb: TestBot): Promise<void> {
  for (let i = 0; i < 250; i++) {
    await tb.bot.outbox.runOnce();
    const pending = (await tb.repos.outbox.countByStatus('pending')).reduce((n, x) => n + x, 0);
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('outbox did not settle');
}
