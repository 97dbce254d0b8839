/**
 * `npm run package`: builds build/appPackage/waakvlam.zip, the Teams app package to upload.
 *
 *   npm run package                       local defaults for anything not set
 *   npm run package -- --strict           refuse to fall back to local defaults (real tenants)
 *   npm run package -- --env-file env/.env.dev --out build/appPackage/waakvlam.dev.zip
 *
 * Reads BOT_ID (or MICROSOFT_APP_ID), TEAMS_APP_ID, BOT_DOMAIN, PRIVACY_URL, TERMS_URL, WEBSITE_URL
 * and DEVELOPER_NAME from the environment; `.env` in the repo root is loaded when present
 * (variables already set win). NODE_ENV=production implies --strict.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppPackageError, buildAppPackage, REQUIRED_IN_STRICT } from './app-package';

const ROOT = path.resolve(__dirname, '..');

interface CliArgs {
  strict: boolean;
  out: string;
  appPackageDir: string;
  envFiles: string[];
}

const USAGE = `Usage: tsx scripts/package-app.ts [--strict] [--out FILE] [--app-package DIR] [--env-file FILE]...`;

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    strict: false,
    out: path.join(ROOT, 'build', 'appPackage', 'waakvlam.zip'),
    appPackageDir: path.join(ROOT, 'appPackage'),
    envFiles: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--strict') args.strict = true;
    else if (a === '--out') args.out = path.resolve(value());
    else if (a === '--app-package') args.appPackageDir = path.resolve(value());
    else if (a === '--env-file') args.envFiles.push(path.resolve(value()));
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown argument '${a}'\n${USAGE}`);
  }
  return args;
}

function loadEnvFiles(files: string[]): string[] {
  const loaded: string[] = [];
  if (typeof process.loadEnvFile !== 'function') return loaded; // Node < 20.12
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    process.loadEnvFile(file);
    loaded.push(path.relative(process.cwd(), file) || file);
  }
  return loaded;
}

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  for (const f of args.envFiles) {
    if (!fs.existsSync(f)) {
      console.error(`--env-file ${f} does not exist`);
      return 2;
    }
  }
  // Explicit env files first: process.loadEnvFile never overwrites a variable that is already set.
  const loaded = loadEnvFiles([...args.envFiles, path.join(ROOT, '.env')]);
  if (loaded.length > 0) console.log(`Loaded ${loaded.join(', ')}`);
  const strict = args.strict || process.env.NODE_ENV === 'production';

  try {
    const result = await buildAppPackage({
      appPackageDir: args.appPackageDir,
      outFile: args.out,
      env: process.env,
      strict,
    });
    const v = result.settings.values;
    console.log(`Teams app package: ${path.relative(process.cwd(), result.zipPath)}`);
    console.log(`  entries:      ${result.entries.join(', ')}`);
    console.log(`  manifest:     v${String(result.manifest.manifestVersion)}, valid against the bundled schema`);
    const derived = result.settings.defaulted.includes('TEAMS_APP_ID') ? ' (derived from BOT_ID)' : '';
    console.log(`  TEAMS_APP_ID: ${v.TEAMS_APP_ID}${derived}`);
    console.log(`  BOT_ID:       ${v.BOT_ID}`);
    console.log(`  BOT_DOMAIN:   ${v.BOT_DOMAIN}`);
    const local = result.settings.defaulted.filter((n) => (REQUIRED_IN_STRICT as readonly string[]).includes(n));
    if (local.length > 0) {
      console.warn(
        `Note: local defaults used for ${local.join(', ')}. ` +
          `Set them (or use --strict) before uploading to a real tenant; see docs/deploy.md.`,
      );
    }
    return 0;
  } catch (e) {
    if (e instanceof AppPackageError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
