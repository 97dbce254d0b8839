/**
 * Stages what Azure App Service runs into build/webapp/: the compiled dist/, the card templates
 * (as dist/cards, where src/bot/core/render-card.ts looks once compiled) and the package files, so production dependencies can be installed there with
 * `npm ci --omit=dev --ignore-scripts` and the folder zip-deployed (m365agents.yml, deploy stage).
 * The install command is exported (PRODUCTION_INSTALL) so docs and tests name the one command.
 *
 * Usage: npx tsx scripts/stage-webapp.ts [outDir] [--install]   (run `npx tsc -p tsconfig.build.json` first;
 *        --install then runs the production install in outDir)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/** The production install in the staged folder (and the Dockerfile's): the lock file exactly, no devDependencies, no install scripts. */
export const PRODUCTION_INSTALL = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];

/** Paths (relative to the repo root) that the running bot needs; the optional ones may be absent. */
const REQUIRED = ['dist/src/index.js', 'package.json', 'package-lock.json'];
const COPY = ['dist', 'package.json', 'package-lock.json', '.npmrc'];
/** Non-TypeScript assets that the compiled code finds next to dist/src, as the sources find them next to src/. */
const ASSETS = ['cards'];

export function stageWebapp(outDir: string): string[] {
  const missing = REQUIRED.filter((p) => !fs.existsSync(path.join(ROOT, p)));
  if (missing.length > 0) {
    throw new Error(`Cannot stage the web app, missing: ${missing.join(', ')} (run: npx tsc -p tsconfig.build.json)`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const copied: string[] = [];
  for (const rel of COPY) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(outDir, rel), { recursive: true });
    copied.push(rel);
  }
  for (const rel of ASSETS) {
    const from = path.join(ROOT, rel);
    if (!fs.existsSync(from)) continue;
    fs.cpSync(from, path.join(outDir, 'dist', rel), { recursive: true });
    copied.push(`${rel} -> dist/${rel}`);
  }
  return copied;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(ROOT, 'build', 'webapp'));
  try {
    const copied = stageWebapp(outDir);
    console.log(`Staged ${copied.join(', ')} in ${path.relative(process.cwd(), outDir) || outDir}`);
    if (args.includes('--install')) execFileSync('npm', PRODUCTION_INSTALL, { cwd: outDir, stdio: 'inherit' });
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
