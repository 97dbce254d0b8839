/**
 * Builds the Teams app package: fill the manifest's placeholders, validate it offline against its
 * schema, check the icons, and zip manifest.json + color.png + outline.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { checkColorIcon, checkOutlineIcon } from './icons';
import { fillPlaceholders, validateManifest } from './manifest';
import { resolveSettings, SettingsError, type ResolvedSettings } from './settings';

export interface BuildOptions {
  /** Folder with manifest.json and the icons it names (appPackage/). */
  appPackageDir: string;
  /** Where the zip goes (build/appPackage/waakvlam.zip). */
  outFile: string;
  env?: NodeJS.ProcessEnv;
  /** Require every real-tenant setting instead of falling back to local defaults. */
  strict?: boolean;
}

export interface BuildResult {
  zipPath: string;
  /** The filled manifest, also written beside the zip as <name>.manifest.json for inspection. */
  manifest: Record<string, unknown>;
  manifestPath: string;
  settings: ResolvedSettings;
  /** Names of the entries in the zip. */
  entries: string[];
}

export class AppPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n  - ${problems.join('\n  - ')}`);
    this.name = 'AppPackageError';
  }
}

/** A fixed timestamp for zip entries, so the same input gives the same zip. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

function iconPath(appPackageDir: string, role: string, value: unknown, problems: string[]): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    problems.push(`icons.${role} is not set`);
    return undefined;
  }
  if (path.isAbsolute(value) || value.split(/[\\/]/).includes('..') || /[\\/]/.test(value)) {
    problems.push(`icons.${role} must be a file name next to manifest.json, got '${value}'`);
    return undefined;
  }
  const file = path.join(appPackageDir, value);
  if (!fs.existsSync(file)) {
    problems.push(`icons.${role} names ${value}, which does not exist in ${appPackageDir}`);
    return undefined;
  }
  return file;
}

export async function buildAppPackage(opts: BuildOptions): Promise<BuildResult> {
  const problems: string[] = [];
  const outFile = path.resolve(opts.outFile);
  // e.g. build/appPackage/waakvlam.manifest.json: never a name that could overwrite a source manifest.json
  const manifestPath = `${outFile.replace(/\.zip$/i, '')}.manifest.json`;
  // Never leave an older package behind that could be mistaken for the result of a failed build.
  fs.rmSync(outFile, { force: true });
  fs.rmSync(manifestPath, { force: true });

  let settings: ResolvedSettings;
  try {
    settings = resolveSettings(opts.env ?? process.env, { strict: opts.strict });
  } catch (e) {
    if (e instanceof SettingsError) throw new AppPackageError(e.problems);
    throw e;
  }

  const manifestFile = path.join(opts.appPackageDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new AppPackageError([`${manifestFile} does not exist`]);
  const template = fs.readFileSync(manifestFile, 'utf8').replace(/^\uFEFF/, '');

  const { text, missing } = fillPlaceholders(template, { ...settings.values });
  for (const name of missing) problems.push(`manifest.json uses \${{${name}}} but no value is known for it`);

  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new AppPackageError([...problems, `manifest.json is not valid JSON: ${(e as Error).message}`]);
  }
  problems.push(...(await validateManifest(manifest)));

  const validDomains = manifest.validDomains;
  if (Array.isArray(validDomains) && !validDomains.includes(settings.values.BOT_DOMAIN)) {
    problems.push(`validDomains does not contain BOT_DOMAIN (${settings.values.BOT_DOMAIN})`);
  }

  const icons = (manifest.icons ?? {}) as { color?: unknown; outline?: unknown };
  const colorFile = iconPath(opts.appPackageDir, 'color', icons.color, problems);
  const outlineFile = iconPath(opts.appPackageDir, 'outline', icons.outline, problems);
  const colorPng = colorFile ? fs.readFileSync(colorFile) : undefined;
  const outlinePng = outlineFile ? fs.readFileSync(outlineFile) : undefined;
  if (colorPng) problems.push(...checkColorIcon(String(icons.color), colorPng));
  if (outlinePng) problems.push(...checkOutlineIcon(String(icons.outline), outlinePng));

  if (problems.length > 0 || !colorPng || !outlinePng) throw new AppPackageError(problems);

  const manifestOut = `${JSON.stringify(manifest, null, 2)}\n`;
  const zip = new JSZip();
  zip.file('manifest.json', manifestOut, { date: ZIP_DATE });
  zip.file(String(icons.color), colorPng, { date: ZIP_DATE });
  zip.file(String(icons.outline), outlinePng, { date: ZIP_DATE });
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });

  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, buf);
  fs.writeFileSync(manifestPath, manifestOut);

  return { zipPath: outFile, manifest, manifestPath, settings, entries: Object.keys(zip.files).sort() };
}
