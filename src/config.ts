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
  COSMOS_KEY: z.string().optional(),
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
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
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

export type Config = z.infer<typeof EnvSchema> & {
  embeddedStore: boolean;
  allowedTenants: string[];
  demoData: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
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
    allowedTenants: c.ALLOWED_TENANTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    demoData: c.DEMO_DATA === 'on' || (c.DEMO_DATA === 'auto' && embeddedStore),
  };
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
