import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configureLog } from '../../src/log';
import { openCosmos } from '../../src/store/cosmos';
import { DirectoryRepository } from '../../src/store/directory-repository';
import { DocStore } from '../../src/store/doc-store';
import type { LocalStoreInfo } from '../../src/store/local-store-file';

/**
 * `npm run roster:import` next to a running local bot (`npm start` / `npm run dev` without
 * COSMOS_ENDPOINT, so with the embedded store inside the bot's process): the bot publishes its
 * loopback store in a git-ignored file, the command imports into it, and a re-import updates in
 * place. Both run as a user runs them: separate processes started through tsx.
 */
const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const DEMO_PUPILS = path.join(ROOT, 'demo', 'roster', 'pupils.csv');
const DEMO_STAFF = path.join(ROOT, 'demo', 'roster', 'staff.csv');

jest.setTimeout(120_000);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
let storeFile: string;
let bot: ChildProcess | undefined;
let botOutput = '';

const env = () => ({ ...process.env, COSMOS_ENDPOINT: '', COSMOS_KEY: '', WAAKVLAM_LOCAL_STORE_FILE: storeFile });

function importCli(...files: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, 'scripts', 'roster-import.ts'), '--school', 'demo-school', ...files],
      { cwd: ROOT, env: env() },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; bot said: ${botOutput.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo pupils file with one pupil moved to 1B, one left, and one new. */
function changedPupilsFile(): string {
  const lines = readFileSync(DEMO_PUPILS, 'utf8').trimEnd().split(/\r?\n/);
  const out = lines
    .filter((l) => !l.startsWith('260102;'))
    .map((l) => (l.startsWith('260101;') ? l.replace(';1A;m.vandijk@', ';1B;m.vandijk@') : l));
  out.push('269999;Fenna;van der;Meer;1A;m.vandijk@demo-school.example');
  const p = path.join(dir, 'leerlingen-nieuw.csv');
  writeFileSync(p, out.join('\n') + '\n');
  return p;
}

beforeAll(async () => {
  configureLog('silent');
  dir = mkdtempSync(path.join(os.tmpdir(), 'roster-running-bot-'));
  storeFile = path.join(dir, 'embedded-store.json');
  bot = spawn(TSX, ['src/index.ts'], {
    cwd: ROOT,
    env: {
      ...env(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DISABLE_JOBS: 'true',
      DEMO_DATA: 'on',
      NODE_ENV: 'development',
    },
  });
  bot.stdout?.on('data', (d) => (botOutput += String(d)));
  bot.stderr?.on('data', (d) => (botOutput += String(d)));
  await waitFor(() => existsSync(storeFile), 'the bot to publish its store');
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    bot.kill('SIGTERM');
    await new Promise((r) => bot!.once('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
});

async function pupilDoc(id: string) {
  const info = JSON.parse(readFileSync(storeFile, 'utf8')) as LocalStoreInfo;
  const cosmos = await openCosmos({
    endpoint: info.endpoint,
    key: info.key,
    databaseId: info.database,
    selfSigned: true,
  });
  try {
    return await new DirectoryRepository(new DocStore(cosmos.containers.directory)).getPupil('demo-school', id);
  } finally {
    cosmos.client.dispose();
  }
}

describe('roster:import into the running local bot (embedded store)', () => {
  it('the bot publishes its loopback store in a file only this user can read', () => {
    const info = JSON.parse(readFileSync(storeFile, 'utf8')) as LocalStoreInfo;
    expect(info.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info).toMatchObject({ database: 'waakvlam', pid: expect.any(Number) });
    if (process.platform !== 'win32') expect(statSync(storeFile).mode & 0o077).toBe(0);
  });

  it("imports the demo roster CSVs into the running bot's store and says so (all unchanged: the bot loaded them at start)", async () => {
    const run = await importCli(DEMO_PUPILS, DEMO_STAFF);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/ingebouwde database van de lokale bot die nu draait/);
    expect(run.stdout).toContain('Rooster geïmporteerd.');
    expect(run.stdout).toContain(
      'Personeel (staff.csv): 11 regels; 0 nieuw, 0 bijgewerkt, 11 ongewijzigd, 0 als vertrokken gemarkeerd, 0 afgekeurd',
    );
    expect(run.stdout).toContain(
      'Leerlingen (pupils.csv): 60 regels; 0 nieuw, 0 bijgewerkt, 60 ongewijzigd, 0 als vertrokken gemarkeerd, 0 afgekeurd',
    );
    expect(run.stdout).not.toContain('Proefdraai');
  });

  it('a changed file updates in place: a moved pupil is updated, a new one added, one who left is marked and kept', async () => {
    const changed = changedPupilsFile();
    const run = await importCli(changed, DEMO_STAFF);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Leerlingen (leerlingen-nieuw.csv): 60 regels; 1 nieuw, 1 bijgewerkt, 58 ongewijzigd, 1 als vertrokken gemarkeerd, 0 afgekeurd',
    );
    expect((await pupilDoc('pupil:260101'))?.classId).toBe('1b');
    expect(await pupilDoc('pupil:269999')).toMatchObject({
      firstName: 'Fenna',
      lastNamePrefix: 'van der',
      lastName: 'Meer',
    });
    expect((await pupilDoc('pupil:260102'))?.leftAt).toEqual(expect.any(String));

    const again = await importCli(changed, DEMO_STAFF);
    expect(again.stdout).toContain('60 regels; 0 nieuw, 0 bijgewerkt, 60 ongewijzigd, 0 als vertrokken gemarkeerd');
    expect(again.stdout).toContain('0 document(en) geschreven.');
  });

  it('once the bot stops, the file is gone and the command only checks the files, saying how to import into the bot', async () => {
    bot!.kill('SIGTERM');
    await new Promise((r) => bot!.once('exit', r));
    expect(existsSync(storeFile)).toBe(false);
    const run = await importCli(DEMO_PUPILS, DEMO_STAFF);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Proefdraai: er is niets opgeslagen.');
    expect(run.stdout).toMatch(/start hem eerst \(npm run dev of npm start/);
  });
});
