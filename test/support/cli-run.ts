import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { configureLog } from '../../src/log';

/**
 * Runs a command line script from scripts/ in tests: `cli` as `npm run …` runs it (tsx, a child
 * process), `inProcess` through its exported `main` (much faster). Neither sees a developer's
 * running local bot or a COSMOS_ENDPOINT of the shell.
 */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const NO_LOCAL_BOT = path.join(os.tmpdir(), 'waakvlam-no-local-bot.json');
const ISOLATED = { COSMOS_ENDPOINT: '', COSMOS_KEY: '', WAAKVLAM_LOCAL_STORE_FILE: NO_LOCAL_BOT };

export function cliRunners(script: string, main: (argv: string[], env: NodeJS.ProcessEnv) => Promise<number>) {
  const scriptPath = path.join(ROOT, 'scripts', script);
  const cli = (args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> =>
    new Promise((resolve) => {
      // Asynchronous on purpose: the embedded server of the endpoint tests runs in this process.
      execFile(
        TSX,
        [scriptPath, ...args],
        { cwd: ROOT, env: { ...process.env, ...ISOLATED, ...env } },
        (err, stdout, stderr) => {
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        },
      );
    });
  const inProcess = async (args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const out = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    try {
      const code = await main(args, { ...ISOLATED, ...env });
      return { code, stdout, stderr };
    } finally {
      out.mockRestore();
      err.mockRestore();
      configureLog('silent');
    }
  };
  return { cli, inProcess, root: ROOT };
}
