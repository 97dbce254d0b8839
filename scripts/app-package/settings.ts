/**
 * The values that fill the `${{NAME}}` placeholders of appPackage/manifest.json, read from the
 * environment with defaults that are good enough for a local try-out.
 */
import { createHash } from 'node:crypto';

export interface PackageSettings {
  BOT_ID: string;
  TEAMS_APP_ID: string;
  BOT_DOMAIN: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
  WEBSITE_URL: string;
  DEVELOPER_NAME: string;
}

export interface ResolvedSettings {
  values: PackageSettings;
  /** Which values fell back to a default (printed so nobody uploads a local package by mistake). */
  defaulted: (keyof PackageSettings)[];
}

/** Used only when neither BOT_ID nor MICROSOFT_APP_ID is set: not a real app registration. */
export const LOCAL_BOT_ID = '00000000-0000-0000-0000-000000000000';
export const LOCAL_BOT_DOMAIN = 'localhost';

/** Namespace for deriving TEAMS_APP_ID from BOT_ID (UUID v5). Never change it: ids would change. */
export const TEAMS_APP_ID_NAMESPACE = '5c7e2a63-9d1b-4f0e-8a4c-3b6f1d2e9a70';

/** The variables that must be set explicitly in strict mode (a package meant for a real tenant). */
export const REQUIRED_IN_STRICT = ['BOT_ID', 'BOT_DOMAIN', 'PRIVACY_URL', 'TERMS_URL'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`App package settings are invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SettingsError';
  }
}

/** RFC 4122 version-5 (SHA-1, name-based) UUID. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Invalid UUID namespace: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Teams app id used when TEAMS_APP_ID is not set: stable for one BOT_ID, different per bot. */
export function deriveTeamsAppId(botId: string): string {
  return uuidV5(botId.toLowerCase(), TEAMS_APP_ID_NAMESPACE);
}

function clean(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** Accepts `host`, `host:port` or a URL, and returns the bare host (what validDomains wants). */
export function normaliseDomain(raw: string): string {
  let d = raw.trim().replace(/^https?:\/\//i, '');
  d = d.replace(/\/+$/, '');
  return d.toLowerCase();
}

function checkHttpsUrl(name: string, value: string, problems: string[]): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name} must be an https:// URL, got '${value}'`);
    return;
  }
  if (url.protocol !== 'https:') problems.push(`${name} must use https://, got '${value}'`);
}

/**
 * Reads the settings from `env`. In strict mode every variable of REQUIRED_IN_STRICT must be set;
 * otherwise missing ones get local defaults (listed in `defaulted`).
 */
export function resolveSettings(env: NodeJS.ProcessEnv, opts: { strict?: boolean } = {}): ResolvedSettings {
  const problems: string[] = [];
  const defaulted: (keyof PackageSettings)[] = [];

  const botIdRaw = clean(env.BOT_ID) ?? clean(env.MICROSOFT_APP_ID);
  const domainRaw = clean(env.BOT_DOMAIN);
  const given: Record<(typeof REQUIRED_IN_STRICT)[number], string | undefined> = {
    BOT_ID: botIdRaw,
    BOT_DOMAIN: domainRaw,
    PRIVACY_URL: clean(env.PRIVACY_URL),
    TERMS_URL: clean(env.TERMS_URL),
  };
  if (opts.strict) {
    for (const name of REQUIRED_IN_STRICT) {
      if (!given[name]) {
        problems.push(name === 'BOT_ID' ? 'BOT_ID (or MICROSOFT_APP_ID) is not set' : `${name} is not set`);
      }
    }
  }

  const BOT_ID = (botIdRaw ?? LOCAL_BOT_ID).toLowerCase();
  if (!botIdRaw) defaulted.push('BOT_ID');
  if (!GUID.test(BOT_ID)) problems.push(`BOT_ID must be the bot's Microsoft App ID (a GUID), got '${BOT_ID}'`);

  const teamsAppIdRaw = clean(env.TEAMS_APP_ID);
  const TEAMS_APP_ID = (teamsAppIdRaw ?? (GUID.test(BOT_ID) ? deriveTeamsAppId(BOT_ID) : '')).toLowerCase();
  if (!teamsAppIdRaw) defaulted.push('TEAMS_APP_ID');
  if (teamsAppIdRaw && !GUID.test(TEAMS_APP_ID)) problems.push(`TEAMS_APP_ID must be a GUID, got '${teamsAppIdRaw}'`);

  const BOT_DOMAIN = normaliseDomain(domainRaw ?? LOCAL_BOT_DOMAIN);
  if (!domainRaw) defaulted.push('BOT_DOMAIN');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/.test(BOT_DOMAIN)) {
    problems.push(
      `BOT_DOMAIN must be a host name such as 'waakvlam-bot.azurewebsites.net' (no path), got '${domainRaw}'`,
    );
  }

  const siteOrigin = `https://${BOT_DOMAIN}`;
  const PRIVACY_URL = given.PRIVACY_URL ?? `${siteOrigin}/privacy`;
  if (!given.PRIVACY_URL) defaulted.push('PRIVACY_URL');
  const TERMS_URL = given.TERMS_URL ?? `${siteOrigin}/terms`;
  if (!given.TERMS_URL) defaulted.push('TERMS_URL');
  const WEBSITE_URL = clean(env.WEBSITE_URL) ?? siteOrigin;
  if (!clean(env.WEBSITE_URL)) defaulted.push('WEBSITE_URL');
  const DEVELOPER_NAME = clean(env.DEVELOPER_NAME) ?? 'Waakvlam';
  if (!clean(env.DEVELOPER_NAME)) defaulted.push('DEVELOPER_NAME');

  checkHttpsUrl('PRIVACY_URL', PRIVACY_URL, problems);
  checkHttpsUrl('TERMS_URL', TERMS_URL, problems);
  checkHttpsUrl('WEBSITE_URL', WEBSITE_URL, problems);

  if (problems.length > 0) throw new SettingsError(problems);
  return {
    values: { BOT_ID, TEAMS_APP_ID, BOT_DOMAIN, PRIVACY_URL, TERMS_URL, WEBSITE_URL, DEVELOPER_NAME },
    defaulted,
  };
}
