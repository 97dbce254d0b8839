import { z } from 'zod';

/** Environment configuration, parsed once at start-up. Every variable is documented in .env.example. */
const boolish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),
  /** Comma-separated Entra tenant ids the bot serves. Empty in development = any tenant. */
  ALLOWED_TENANTS: z.string().default(''),
  COSMOS_ENDPOINT: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Account key (key auth). Empty or unset with COSMOS_ENDPOINT set: the managed identity signs in instead. */
  COSMOS_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** key | managedIdentity. Unset: managedIdentity when COSMOS_ENDPOINT is set without COSMOS_KEY, else key. */
  COSMOS_AUTH: z
    .enum(['key', 'managedIdentity', ''])
    .optional()
    .transform((v) => v || undefined),
  /** Client id of a user-assigned managed identity for Cosmos DB. Unset: the system-assigned identity. */
  AZURE_CLIENT_ID: z
    .string()
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Without COSMOS_ENDPOINT: run the embedded store in this process or in a child process of its own (as a remote Cosmos DB would be). */
  EMBEDDED_COSMOS: z.enum(['in-process', 'child-process']).default('in-process'),
  COSMOS_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .default('waakvlam'),
  /** Load the demo school and roster at start-up (default on for the embedded store). */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Treat loopback serviceUrls as the Agents Playground (static choices only). */
  PLAYGROUND_MODE: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * How often the outbox runner looks for due messages written by other instances (and for retries
   * coming due). Messages a turn queues (and the digest and urgent-signal jobs) go out at once: they
   * kick the runner. Other jobs' messages wait for the next poll.
   */
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(5000),
  /** First retry delay of the outbox (doubles per attempt, with jitter). Tests lower it; keep the default in production. */
  OUTBOX_BACKOFF_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  /** 'off' only in tests that measure delivery, not pacing: Teams' per-conversation limits. */
  OUTBOX_TEAMS_LIMITS: z.enum(['on', 'off']).default('on'),
  /** 'off': the Bot Connector client makes one attempt per call and the outbox owns every retry (visible, counted). */
  CONNECTOR_SDK_RETRIES: z.enum(['on', 'off']).default('on'),
  /** The bot's public https base URL (for the one-time inzage download link). Default: the listening address. */
  PUBLIC_BASE_URL: z.string().url().optional(),
  SCHEDULER_TICK_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** OpenID metadata URL override: only for tests of token validation against a local key server. */
  BOT_OPENID_METADATA: z.string().url().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  INSTANCE_ID: z.string().optional(),
  DISABLE_JOBS: boolish,
});

/** How the bot signs in to Cosmos DB. A managed identity's data-plane role cannot create the database or containers. */
export type CosmosAuth = { kind: 'key' } | { kind: 'managedIdentity'; clientId?: string };

export type Config = z.infer<typeof EnvSchema> & {
  embeddedStore: boolean;
  cosmosAuth: CosmosAuth;
  allowedTenants: string[];
  demoData: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `NAME=` (as in .env.example) means unset, not an empty value to validate.
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    // Name the variable and the rule, never the value (it may be a misplaced secret).
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message.replace(/,? received .*$/s, '')}`)
      .join('; ');
    throw new ConfigError(`Invalid environment: ${issues}`);
  }
  const c = parsed.data;
  const embeddedStore = !c.COSMOS_ENDPOINT;
  const config: Config = {
    ...c,
    embeddedStore,
    cosmosAuth: cosmosAuthOf(c),
    allowedTenants: c.ALLOWED_TENANTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    demoData: c.DEMO_DATA === 'on' || (c.DEMO_DATA === 'auto' && embeddedStore),
  };
  checkBotCredentials(config);
  if (config.NODE_ENV === 'production') {
    if (!config.MICROSOFT_APP_ID)
      throw new ConfigError(
        'Production mode needs MICROSOFT_APP_ID: without it botbuilder switches authentication off.',
      );
    if (config.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !config.MICROSOFT_APP_PASSWORD)
      throw new ConfigError('Production mode needs MICROSOFT_APP_PASSWORD.');
    if (config.embeddedStore)
      throw new ConfigError('Production mode needs COSMOS_ENDPOINT: the embedded store is for local use only.');
    if (config.allowedTenants.length === 0) throw new ConfigError('Production mode needs ALLOWED_TENANTS.');
    if (config.demoData) throw new ConfigError('Production mode never loads demo data (set DEMO_DATA=off).');
  }
  return config;
}

type Env = z.infer<typeof EnvSchema>;

function cosmosAuthOf(c: Env): CosmosAuth {
  const mode = c.COSMOS_AUTH ?? (c.COSMOS_ENDPOINT && !c.COSMOS_KEY ? 'managedIdentity' : 'key');
  if (mode === 'key') {
    if (c.COSMOS_ENDPOINT && !c.COSMOS_KEY)
      throw new ConfigError(
        'COSMOS_AUTH=key needs COSMOS_KEY (or leave COSMOS_KEY empty to use the managed identity).',
      );
    return { kind: 'key' };
  }
  if (!c.COSMOS_ENDPOINT)
    throw new ConfigError(
      'COSMOS_AUTH=managedIdentity needs COSMOS_ENDPOINT: the embedded store signs in with its own key.',
    );
  if (c.COSMOS_KEY)
    throw new ConfigError(
      'COSMOS_KEY is set while COSMOS_AUTH=managedIdentity: remove the key, one way of signing in only.',
    );
  return { kind: 'managedIdentity', clientId: c.AZURE_CLIENT_ID };
}

/** What botbuilder asserts for each app type, checked here so start-up fails with a plain message instead. */
function checkBotCredentials(c: Env): void {
  if (!c.MICROSOFT_APP_ID) return;
  const type = c.MICROSOFT_APP_TYPE;
  if (type !== 'MultiTenant' && !c.MICROSOFT_APP_TENANT_ID)
    throw new ConfigError(`MICROSOFT_APP_TYPE=${type} needs MICROSOFT_APP_TENANT_ID.`);
  if (type === 'UserAssignedMSI' && c.MICROSOFT_APP_PASSWORD)
    throw new ConfigError(
      'MICROSOFT_APP_PASSWORD is set while MICROSOFT_APP_TYPE=UserAssignedMSI: the managed identity needs no secret; remove it.',
    );
  if (type === 'SingleTenant' && !c.MICROSOFT_APP_PASSWORD)
    throw new ConfigError(
      'MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_PASSWORD (or use MICROSOFT_APP_TYPE=UserAssignedMSI with a managed identity).',
    );
}
