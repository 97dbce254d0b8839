import { loadConfig } from '../../src/config';
import { configureLog } from '../../src/log';
import { OutboxRunner } from '../../src/jobs/outbox-runner';
import type { DirectoryRepository } from '../../src/store/directory-repository';
import { HeldBack, type OutboxRepository } from '../../src/store/outbox-repository';

describe('waking the outbox runner', () => {
  afterEach(() => configureLog('silent'));

  it('logs the name of what a kicked pass throws, never its message', async () => {
    const lines: string[] = [];
    configureLog('debug', (line) => lines.push(line));
    const outbox = {
      pass: async () => {
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

  it('looks for work only once per poll interval while idle, and at once when kicked', async () => {
    const passes: number[] = [];
    const t0 = Date.now();
    const outbox = {
      pass: async () => {
        passes.push(Date.now() - t0);
        return { due: [], held: new HeldBack([]), full: false };
      },
    } as unknown as OutboxRepository;
    const runner = new OutboxRunner({
      outbox,
      directory: {} as DirectoryRepository,
      deliver: async () => ({ status: 'skipped' }),
      now: () => new Date('2026-11-23T08:00:00Z'),
      pollMs: 300,
    });
    runner.start();
    await new Promise((r) => setTimeout(r, 500));
    const idle = passes.length;
    const kickedAt = Date.now() - t0;
    runner.kick();
    await new Promise((r) => setTimeout(r, 30));
    await runner.stop();
    // the first pass after start, one poll 300 ms later: nothing in between
    expect(idle).toBe(2);
    expect(passes.length).toBe(3);
    expect(passes[2] - kickedAt).toBeLessThan(20);
  });

  it('polls every 5 seconds by default (OUTBOX_POLL_MS)', () => {
    expect(loadConfig({}).OUTBOX_POLL_MS).toBe(5000);
  });
});
