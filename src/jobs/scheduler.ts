import { log } from '../log';
import type { LeaseRepository } from '../store/lease-repository';

/** A scheduled job: runs on every tick of the instance holding its lease; must be idempotent. */
export interface Job {
  name: string;
  run(now: Date): Promise<void>;
}

/**
 * Runs registered jobs on a timer. Each job runs under a lease in Cosmos, so with several bot
 * instances one runs it at a time; the steps inside a job use once-markers
 * (`LeaseRepository.claimOnce`) so nothing is sent twice even when a lease changes hands.
 * Missed time is caught up on the next tick: jobs look at what is due at `now`, not at what
 * happened since the last tick.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(
    private readonly deps: {
      leases: LeaseRepository;
      now: () => Date;
      holder: string;
      tickMs: number;
      leaseMs?: number;
    },
  ) {}

  register(job: Job): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`Job ${job.name} registered twice`);
    this.jobs.push(job);
  }

  get names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      await this.runOnce();
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.deps.tickMs);
    };
    this.timer = setTimeout(() => void loop(), 50);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One tick: every job whose lease this instance can take. Tests call this after moving the clock. */
  runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const job of this.jobs) {
        const now = this.deps.now();
        try {
          const mine = await this.deps.leases.acquire(
            `job:${job.name}`,
            this.deps.holder,
            now,
            this.deps.leaseMs ?? Math.max(60_000, this.deps.tickMs * 3),
          );
          if (!mine) continue;
          await job.run(now);
        } catch (err) {
          log.error('job.failed', {
            job: job.name,
            error: String((err as Error)?.name ?? 'Error'),
            code: String((err as { code?: unknown })?.code ?? ''),
          });
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}
