import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time a process has used, read from /proc (Linux): the bench reports what a turn costs in
 * CPU beside what it costs in throughput. Throughput ratios move with whatever else the machine
 * runs; CPU time per turn moves far less (docs/performance.md, fifth round).
 */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU time of a process so far, in ms; undefined where /proc cannot tell. */
export function cpuMsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const f = statFields(pid);
  if (!f) return undefined;
  // after the name: state, ppid, …; utime and stime are the 14th and 15th fields of the line
  return ((Number(f[11]) + Number(f[12])) * 1000) / clockTicks();
}

/** The processes whose parent is `pid` (the bot's embedded store runs as one). */
export function childPidsOf(pid: number | undefined): number[] {
  if (pid === undefined) return [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.map(Number).filter((p) => statFields(p)?.[1] === String(pid));
}

/** Runs `work` and returns its result with the CPU ms each process used meanwhile. */
export async function withCpu<T>(
  pids: Record<string, number | undefined>,
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: Record<string, number | undefined> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([k, p]) => [k, cpuMsOf(p)]));
  const result = await work();
  const cpuMs = Object.fromEntries(
    Object.entries(pids).map(([k, p]) => {
      const a = before[k];
      const b = cpuMsOf(p);
      return [k, a === undefined || b === undefined ? undefined : b - a];
    }),
  );
  return { result, cpuMs };
}
