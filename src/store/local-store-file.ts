import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a locally running bot (no COSMOS_ENDPOINT: the embedded, in-process store) tells other
 * local commands how to reach its store: loopback endpoint, key, database and the bot's pid.
 * `npm run roster:import` reads it when no endpoint is given, so a roster can be imported into
 * the bot that `npm run dev` runs. The file is git-ignored (.localdata/) and removed when the
 * bot stops; a file left by a bot that died is ignored (its pid is gone).
 */
export interface LocalStoreInfo {
  endpoint: string;
  key: string;
  database: string;
  pid: number;
  startedAt: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** WAAKVLAM_LOCAL_STORE_FILE, else .localdata/embedded-store.json in the repository. */
export const localStoreFile = (env: NodeJS.ProcessEnv = process.env): string =>
  env.WAAKVLAM_LOCAL_STORE_FILE
    ? path.resolve(env.WAAKVLAM_LOCAL_STORE_FILE)
    : path.join(ROOT, '.localdata', 'embedded-store.json');

const isLoopback = (endpoint: string) => /^https:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+\/?$/.test(endpoint);

export function publishLocalStore(file: string, info: LocalStoreInfo): void {
  if (!isLoopback(info.endpoint)) throw new Error('Only a loopback store is published');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(info, null, 2) + '\n', { mode: 0o600 });
}

/** Removes the file if it still describes this process (a newer bot may have replaced it). */
export function withdrawLocalStore(file: string, pid = process.pid): void {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LocalStoreInfo>;
    if (info.pid === pid) fs.rmSync(file, { force: true });
  } catch {
    // no file, or not ours to judge: leave it
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export type LocalStoreLookup =
  { found: true; info: LocalStoreInfo } | { found: false; reason: 'no-file' | 'bot-stopped' | 'unreadable' };

/** The running local bot's store, if a bot published one and still runs. */
export function findLocalStore(file: string): LocalStoreLookup {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { found: false, reason: 'no-file' };
  }
  try {
    const info = JSON.parse(raw) as LocalStoreInfo;
    if (
      typeof info.endpoint !== 'string' ||
      !isLoopback(info.endpoint) ||
      typeof info.key !== 'string' ||
      typeof info.database !== 'string' ||
      !Number.isInteger(info.pid)
    ) {
      return { found: false, reason: 'unreadable' };
    }
    return alive(info.pid) ? { found: true, info } : { found: false, reason: 'bot-stopped' };
  } catch {
    return { found: false, reason: 'unreadable' };
  }
}
