/**
 * Stages what Azure App Service runs into build/webapp/: the compiled dist/, the card templates
 * (as dist/cards, where src/bot/core/render-card.ts looks once compiled) and the package files, so production dependencies can be installed there with
 * `npm ci --omit=dev` and the folder zip-deployed (m365agents.yml, deploy stage).
 *
 * Usage: npx tsx scripts/stage-webapp.ts [outDir]   (run `npx tsc -p tsconfig.build.json` first)
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

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
  const outDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'build', 'webapp'));
  try {
    const copied = stageWebapp(outDir);
    console.log(`Staged ${copied.join(', ')} in ${path.relative(process.cwd(), outDir) || outDir}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
