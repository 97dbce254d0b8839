/**
 * Filling and validating the Teams app manifest, offline: the JSON schema for the manifest's
 * `manifestVersion` comes from the copy bundled in @microsoft/app-manifest, never from the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';

/** `${{NAME}}`, the Agents Toolkit placeholder syntax. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function listPlaceholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
}

/**
 * Replaces every `${{NAME}}` with its value, JSON-escaped (the placeholders sit inside JSON
 * strings). Names without a value are returned in `missing` and left in place.
 */
export function fillPlaceholders(
  template: string,
  values: Record<string, string | undefined>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(v).slice(1, -1);
  });
  return { text, missing: [...missing].sort() };
}

/** Directory of the JSON schemas shipped inside @microsoft/app-manifest. */
export function bundledSchemaDir(): string {
  const pkg = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(pkg), 'build', 'json-schemas', 'teams');
}

/** Manifest versions (e.g. '1.22') for which a schema is bundled. */
export function bundledManifestVersions(): string[] {
  return fs
    .readdirSync(bundledSchemaDir())
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1));
}

export function loadBundledSchema(manifestVersion: string): object {
  if (!/^\d+\.\d+$/.test(manifestVersion)) {
    throw new Error(`manifestVersion '${manifestVersion}' is not a Teams manifest version such as '1.22'`);
  }
  const file = path.join(bundledSchemaDir(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!fs.existsSync(file)) {
    throw new Error(
      `No schema for manifestVersion ${manifestVersion} is bundled in @microsoft/app-manifest ` +
        `(bundled: ${bundledManifestVersions().join(', ')})`,
    );
  }
  // The published schemas contain a few escapes JSON does not allow; the library cleans them the same way.
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as object;
}

type ManifestJson = {
  $schema?: unknown;
  manifestVersion?: unknown;
  icons?: { color?: unknown; outline?: unknown };
  bots?: { botId?: unknown; commandLists?: { scopes?: unknown[]; commands?: { title?: unknown }[] }[] }[];
  webApplicationInfo?: { id?: unknown; resource?: unknown };
};

/**
 * Validates a filled manifest against its version's bundled JSON schema, plus the consistency
 * rules this project relies on. Returns a list of problems; empty means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return ['manifest.json must contain a JSON object'];
  }
  const m = manifest as ManifestJson;
  if (typeof m.manifestVersion !== 'string') return ['manifest.json has no manifestVersion'];

  let schema: object;
  try {
    schema = loadBundledSchema(m.manifestVersion);
  } catch (e) {
    return [(e as Error).message];
  }

  const problems: string[] = [];
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest, schema as never);
  problems.push(...schemaErrors.map((e) => `schema v${String(m.manifestVersion)}: ${e}`));

  if (typeof m.$schema === 'string' && !m.$schema.includes(`/v${m.manifestVersion}/`)) {
    problems.push(`$schema (${m.$schema}) does not match manifestVersion ${m.manifestVersion}`);
  }

  const bot = m.bots?.[0];
  if (!bot) {
    problems.push('manifest declares no bot');
  } else {
    if (m.webApplicationInfo && m.webApplicationInfo.id !== bot.botId) {
      problems.push('webApplicationInfo.id must be the bot id (BOT_ID)');
    }
    if (m.webApplicationInfo && m.webApplicationInfo.resource !== `api://botid-${String(bot.botId)}`) {
      problems.push(`webApplicationInfo.resource must be api://botid-${String(bot.botId)}`);
    }
    for (const list of bot.commandLists ?? []) {
      const titles = (list.commands ?? []).map((c) => String(c.title));
      const dupes = titles.filter((t, i) => titles.indexOf(t) !== i);
      if (dupes.length > 0)
        problems.push(`command list for ${JSON.stringify(list.scopes)} repeats: ${dupes.join(', ')}`);
    }
  }
  return problems;
}
