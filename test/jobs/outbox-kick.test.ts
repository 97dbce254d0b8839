import { configureLog } from '../../src/log';
import { OutboxRunner } from '../../src/jobs/outbox-runner';
import type { DirectoryRepository } from '../../src/store/directory-repository';
import type { OutboxRepository } from '../../src/store/outbox-repository';

describe('waking the outbox runner', () => {
  afterEach(() => configureLog('silent'));

  it('logs the name of what a kicked pass throws, never its message', async () => {
    const lines: string[] = [];
    configureLog('debug', (line) => lines.push(line));
    const outbox = {
      due: async () => {
        throw new TypeError('store gone near Jansen');
      },
    } as unknown as OutboxRepository;
    const runner = new OutboxRunner({
      outbox,
      directory: {} as DirectoryRepository,
      deliver: async () => ({ status: 'skipped' }),
      now: () => new Date('2026-11-23T08:00:00Z'),
      pollMs: 60_000,
    });
    runner.start();
    runner.kick();
    await new Promise((r) => setTimeout(r, 50));
    await runner.stop();
    const kicked = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'outbox.kick_failed');
    expect(kicked).toEqual([expect.objectContaining({ level: 'error', error: 'TypeError' })]);
    expect(lines.join('\n')).not.toContain('Jansen');
  });
});
