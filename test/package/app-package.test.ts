import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  AppPackageError,
  buildAppPackage,
  checkOutlineIcon,
  deriveTeamsAppId,
  uuidV5,
  validateManifest,
} from '../../scripts/app-package';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';

// @microsoft/app-manifest requires strip-bom, which is ESM-only: Node >= 20.19 loads it natively
// (so `npm run package` needs nothing), Jest's CommonJS module registry cannot. Stand in for it here.
jest.mock('strip-bom', () => (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s));

const ROOT = path.resolve(__dirname, '..', '..');
const APP_PACKAGE = path.join(ROOT, 'appPackage');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const BOT_ID = '3f2a9c1e-7b4d-4e21-9a6f-0c8d5e7b1a23';
const REAL_ENV = {
  BOT_ID,
  BOT_DOMAIN: 'waakvlam-test.azurewebsites.net',
  PRIVACY_URL: 'https://school.example.nl/waakvlam/privacy',
  TERMS_URL: 'https://school.example.nl/waakvlam/voorwaarden',
};

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'waakvlam-package-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A private copy of appPackage/ that a test may break. */
function copyOfAppPackage(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(APP_PACKAGE, dir, { recursive: true });
  return dir;
}

function editManifest(dir: string, edit: (m: Record<string, any>) => void): void {
  const file = path.join(dir, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m, null, 2));
}

function pngOf(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  return PNG.sync.write(png);
}

async function expectRefusal(dir: string, pattern: RegExp, env: NodeJS.ProcessEnv = REAL_ENV): Promise<void> {
  const outFile = path.join(tmp, `${path.basename(dir)}.zip`);
  await expect(buildAppPackage({ appPackageDir: dir, outFile, env, strict: true })).rejects.toThrow(AppPackageError);
  await expect(buildAppPackage({ appPackageDir: dir, outFile, env, strict: true })).rejects.toThrow(pattern);
  expect(fs.existsSync(outFile)).toBe(false);
}

describe('Teams app package', () => {
  it('builds a zip with manifest.json and both icons, every placeholder filled', async () => {
    const outFile = path.join(tmp, 'ok', 'waakvlam.zip');
    const result = await buildAppPackage({ appPackageDir: APP_PACKAGE, outFile, env: REAL_ENV, strict: true });
    expect(result.zipPath).toBe(outFile);

    const zip = await JSZip.loadAsync(fs.readFileSync(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(deriveTeamsAppId(BOT_ID));
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://botid-${BOT_ID}` });
    expect(manifest.validDomains).toEqual(['waakvlam-test.azurewebsites.net']);
    expect(manifest.developer.privacyUrl).toBe(REAL_ENV.PRIVACY_URL);
    expect(manifest.developer.termsOfUseUrl).toBe(REAL_ENV.TERMS_URL);
    expect(await validateManifest(manifest)).toEqual([]);

    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outlineBuf = await zip.file('outline.png')!.async('nodebuffer');
    const outline = PNG.sync.read(outlineBuf);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(checkOutlineIcon('outline.png', outlineBuf)).toEqual([]);
  });

  it('declares the Dutch commands per scope and the bot in all three scopes', async () => {
    const result = await buildAppPackage({
      appPackageDir: APP_PACKAGE,
      outFile: path.join(tmp, 'cmds.zip'),
      env: REAL_ENV,
    });
    const bot = (result.manifest.bots as any[])[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    const byScope = Object.fromEntries(
      (bot.commandLists as any[]).map((l) => [l.scopes.join(','), l.commands.map((c: any) => c.title)]),
    );
    expect(byScope).toEqual({
      personal: ['signaal', 'mijn', 'ronde', 'overzicht', 'help'],
      team: ['koppel', 'help'],
      groupChat: ['help'],
    });
    const signaal = (bot.commandLists as any[])[0].commands[0];
    expect(signaal.description).toBe('Meld een zorg over een leerling');
  });

  it('uses TEAMS_APP_ID when it is given and MICROSOFT_APP_ID when BOT_ID is not', async () => {
    const teamsAppId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const { BOT_ID: _unused, ...rest } = REAL_ENV;
    const result = await buildAppPackage({
      appPackageDir: APP_PACKAGE,
      outFile: path.join(tmp, 'ids.zip'),
      env: { ...rest, MICROSOFT_APP_ID: BOT_ID.toUpperCase(), TEAMS_APP_ID: teamsAppId },
      strict: true,
    });
    expect(result.manifest.id).toBe(teamsAppId);
    expect((result.manifest.bots as any[])[0].botId).toBe(BOT_ID);
  });

  it('derives TEAMS_APP_ID as a stable name-based UUID of BOT_ID', () => {
    // RFC 4122 test vector: v5 of www.example.com in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(deriveTeamsAppId(BOT_ID)).toBe(deriveTeamsAppId(BOT_ID.toUpperCase()));
    expect(deriveTeamsAppId(BOT_ID)).not.toBe(deriveTeamsAppId('3f2a9c1e-7b4d-4e21-9a6f-0c8d5e7b1a24'));
    expect(deriveTeamsAppId(BOT_ID)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('falls back to local defaults without --strict, and refuses them with it', async () => {
    const local = await buildAppPackage({ appPackageDir: APP_PACKAGE, outFile: path.join(tmp, 'local.zip'), env: {} });
    expect(local.settings.defaulted).toEqual(
      expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'PRIVACY_URL', 'TERMS_URL']),
    );
    await expect(
      buildAppPackage({ appPackageDir: APP_PACKAGE, outFile: path.join(tmp, 'strict.zip'), env: {}, strict: true }),
    ).rejects.toThrow(/BOT_ID \(or MICROSOFT_APP_ID\) is not set[\s\S]*PRIVACY_URL is not set/);
  });

  it('refuses settings that are not a GUID, a host name or an https URL', async () => {
    await expect(
      buildAppPackage({
        appPackageDir: APP_PACKAGE,
        outFile: path.join(tmp, 'bad-env.zip'),
        env: {
          BOT_ID: 'my-bot',
          BOT_DOMAIN: 'bot.example.nl/api',
          PRIVACY_URL: 'http://x.nl/p',
          TERMS_URL: 'https://x.nl/t',
        },
      }),
    ).rejects.toThrow(/BOT_ID must be[\s\S]*BOT_DOMAIN must be[\s\S]*PRIVACY_URL must use https/);
  });

  it('refuses a manifest that breaks its schema', async () => {
    const dir = copyOfAppPackage('schema-broken');
    editManifest(dir, (m) => {
      m.name.short = 'Waakvlam, signalen voor CJG in school'; // > 30 characters
      delete m.developer.privacyUrl;
    });
    await expectRefusal(dir, /privacyUrl[\s\S]*\/name\/short must NOT have more than 30 characters/);
  });

  it('refuses a manifest that is not JSON', async () => {
    const dir = copyOfAppPackage('not-json');
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "manifestVersion": "1.22", ');
    await expectRefusal(dir, /not valid JSON/);
  });

  it('refuses a placeholder it has no value for', async () => {
    const dir = copyOfAppPackage('unknown-placeholder');
    editManifest(dir, (m) => {
      m.developer.mpnId = '${{MPN_ID}}';
    });
    await expectRefusal(dir, /\$\{\{MPN_ID\}\} but no value is known/);
  });

  it('refuses a manifest version whose schema is not bundled', async () => {
    const dir = copyOfAppPackage('unknown-version');
    editManifest(dir, (m) => {
      m.manifestVersion = '1.99';
      m.$schema = 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.99/MicrosoftTeams.schema.json';
    });
    await expectRefusal(dir, /No schema for manifestVersion 1\.99 is bundled/);
  });

  it('refuses a colour icon of the wrong size', async () => {
    const dir = copyOfAppPackage('color-size');
    fs.writeFileSync(path.join(dir, 'color.png'), pngOf(100, 100, [20, 60, 120, 255]));
    await expectRefusal(dir, /color\.png must be 192×192 pixels, it is 100×100/);
  });

  it('refuses an outline icon of the wrong size', async () => {
    const dir = copyOfAppPackage('outline-size');
    fs.writeFileSync(path.join(dir, 'outline.png'), pngOf(48, 48, [255, 255, 255, 0]));
    await expectRefusal(dir, /outline\.png must be 32×32 pixels, it is 48×48/);
  });

  it('refuses an outline icon that is not white on transparent', async () => {
    const dir = copyOfAppPackage('outline-colour');
    const png = PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE, 'outline.png')));
    png.data.set([249, 115, 22, 255], (10 * 32 + 16) * 4); // one orange pixel at x=16, y=10
    fs.writeFileSync(path.join(dir, 'outline.png'), PNG.sync.write(png));
    await expectRefusal(dir, /white on a transparent background: 1 pixel\(s\) are not white, the first at x=16, y=10/);

    fs.writeFileSync(path.join(dir, 'outline.png'), pngOf(32, 32, [255, 255, 255, 255]));
    await expectRefusal(dir, /has no transparent background/);
  });

  it('refuses a missing icon file', async () => {
    const dir = copyOfAppPackage('missing-icon');
    fs.rmSync(path.join(dir, 'color.png'));
    await expectRefusal(dir, /icons\.color names color\.png, which does not exist/);
  });

  it('ships icons that scripts/make-icons.ts draws', () => {
    const committed = (f: string) => PNG.sync.read(fs.readFileSync(path.join(APP_PACKAGE, f))).data;
    expect(Buffer.compare(committed('color.png'), drawColorIcon().data)).toBe(0);
    expect(Buffer.compare(committed('outline.png'), drawOutlineIcon().data)).toBe(0);
  });

  describe('the npm run package command', () => {
    it('writes the zip and exits 0', () => {
      const out = path.join(tmp, 'cli', 'waakvlam.zip');
      const run = spawnSync(TSX, [path.join(ROOT, 'scripts', 'package-app.ts'), '--strict', '--out', out], {
        cwd: tmp, // no .env here; the repo's .env is loaded only if present
        env: { ...process.env, ...REAL_ENV, NODE_ENV: 'test' },
        encoding: 'utf8',
      });
      expect(run.stderr).not.toMatch(/not built/);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('valid against the bundled schema');
      expect(fs.existsSync(out)).toBe(true);
    });

    it('exits 1 with the reasons when the package is refused', () => {
      const dir = copyOfAppPackage('cli-broken');
      fs.writeFileSync(path.join(dir, 'color.png'), pngOf(64, 64, [20, 60, 120, 255]));
      const out = path.join(tmp, 'cli-broken.zip');
      const run = spawnSync(TSX, [path.join(ROOT, 'scripts', 'package-app.ts'), '--app-package', dir, '--out', out], {
        cwd: tmp,
        env: { ...process.env, ...REAL_ENV, NODE_ENV: 'test' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('The Teams app package was not built');
      expect(run.stderr).toContain('color.png must be 192×192 pixels, it is 64×64');
      expect(fs.existsSync(out)).toBe(false);
    });
  });
});
