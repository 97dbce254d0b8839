import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A free TCP port on this machine (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface PlaygroundProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the Agents Playground through scripts/run-playground.js (config from the roster, schema
 * shim, no browser) as `user` (of the demo, or of the school in `schoolDir`), posting to the bot
 * on `botPort`; resolves once `/_debug/ping` answers.
 */
export async function startPlayground(opts: {
  user: string;
  botPort: number;
  uiPort: number;
  timeoutMs?: number;
  schoolDir?: string;
}): Promise<PlaygroundProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLAYGROUND_USER: opts.user,
    PORT: String(opts.botPort),
    PLAYGROUND_PORT: String(opts.uiPort),
    TEAMSAPPTESTER_BROWSER: 'none',
  };
  delete env.BOT_ENDPOINT;
  // another school's folder (examples/tweede-school); else the demo's
  if (opts.schoolDir) env.PLAYGROUND_SCHOOL_DIR = opts.schoolDir;
  else delete env.PLAYGROUND_SCHOOL_DIR;
  // Its own process group, so stop() ends the launcher and the Playground it started, and nothing else.
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'scripts', 'run-playground.js')], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let port = opts.uiPort;
  child.stdout?.on('data', (c) => {
    out += c.toString();
    const m = /open http:\/\/localhost:(\d+)/.exec(out);
    if (m) port = Number(m[1]); // the Playground falls back to another port when the asked one is taken
  });
  child.stderr?.on('data', (c) => {
    out += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const killTimer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000);
    await exited;
    clearTimeout(killTimer);
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 30000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Playground exited with code ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_debug/ping`);
      if (res.ok && (await res.text()).includes('pong')) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Playground did not start within ${opts.timeoutMs ?? 30000} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://localhost:${port}`, output: () => out, stop };
}
