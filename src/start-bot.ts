import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
// The module itself, not the package's index: that loads teams-ai's AI planners, models and tokenizer too (~150 ms of cold start; docs/performance.md).
import { WaakvlamAdapter } from './bot/core/waakvlam-adapter';
import { shiftableClock, type Clock } from './domain/clock';
import type { Config } from './config';
import { configureLog, log } from './log';
import { openRepositories, type Repositories } from './store';
import type { BotDeps } from './bot/core/bot-deps';
import { buildTeamsApp } from './bot/core/teams-app';
import { createHttpServer } from './bot/core/http-server';
import { registerExportDownload } from './bot/privacy/export-download';
import { botAuthSettings, botCredentialSettings } from './bot/core/auth-settings';
import { cosmosCredential } from './cosmos-credential';
import { correlationIdOf } from './bot/core/correlation';
import { T } from './bot/core/texts';
import { PROCESSED_MARKER_TTL_SECONDS } from './bot/core/activity-dedupe';
import { ProcessedActivityRepository } from './store/processed-activity-repository';
import { RecentActivities } from './bot/core/recent-activities';
import { StaffBinder } from './bot/school/staff-binding';
import { StaffBindingRepository } from './store/staff-binding-repository';
import { DocStore } from './store/doc-store';
import { ProactiveSender } from './bot/core/proactive-sender';
import { OutboxRunner } from './jobs/outbox-runner';
import { Scheduler } from './jobs/scheduler';
import { registerJobs } from './jobs/register-jobs';
import { digestPorts } from './jobs/digest-wiring';
import { randomUUID } from 'node:crypto';
import { DEMO_SCHOOL_ID, seedDemoSchool } from './demo-seed';
import { seedDemoRoundHistory } from './demo-round-history';
import type { ConversationPort, OutboxPort } from './app/core/ports';

export interface RunningBot {
  url: string;
  port: number;
  repos: Repositories;
  outbox: OutboxRunner;
  scheduler: Scheduler;
  deps: BotDeps;
  clock: Clock;
  /** connector and user-token clients the adapter keeps for reuse (src/bot/core/reused-connector-clients.ts) */
  reusedClients(): number;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  /** reuse an already-open store (tests that restart the bot over one database) */
  repos?: Repositories;
  startJobs?: boolean;
  /** the embedded store's process, when the entry point started it before loading the bot (`startEmbeddedStoreEarly`) */
  embeddedStarting?: Promise<import('./store/embedded-cosmos').EmbeddedCosmos>;
}

const isLoopback = (url: string | undefined) =>
  !!url && /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i.test(url);

/** Wires store, bot and jobs together and starts listening. */
export async function startBot(config: Config, opts: StartOptions = {}): Promise<RunningBot> {
  configureLog(config.LOG_LEVEL);
  const baseClock: Clock = opts.clock ?? { now: () => new Date() };
  // The demo (never production: loadConfig refuses demo data there) gets a clock `/demo tijd` can move forward.
  const demoClock = config.demoData && config.NODE_ENV !== 'production' ? shiftableClock(baseClock) : undefined;
  const clock: Clock = demoClock ?? baseClock;
  const t0 = Date.now();
  const repos =
    opts.repos ??
    (await openRepositories({
      endpoint: config.COSMOS_ENDPOINT,
      key: config.COSMOS_KEY,
      credential: cosmosCredential(config.cosmosAuth),
      databaseId: config.COSMOS_DATABASE,
      clock,
      embeddedInChildProcess: config.EMBEDDED_COSMOS === 'child-process',
      embeddedStarting: opts.embeddedStarting,
    }));
  if (config.demoData) await seedDemoSchool(repos, clock.now());
  // The demo's earlier 1-2-3 rounds (last round's scores, trends); tests set up their own history.
  if (config.demoData && config.NODE_ENV !== 'test') await seedDemoRoundHistory(repos, DEMO_SCHOOL_ID, clock.now());

  const botCredential = botCredentialSettings({
    appId: config.MICROSOFT_APP_ID,
    password: config.MICROSOFT_APP_PASSWORD,
    type: config.MICROSOFT_APP_TYPE,
    tenantId: config.MICROSOFT_APP_TENANT_ID,
  });
  const credentials = new ConfigurationServiceClientCredentialFactory(botCredential);
  const adapter = new WaakvlamAdapter(
    { ...botCredential, ...botAuthSettings(config.BOT_OPENID_METADATA) },
    credentials,
  );
  // Never throws: whatever escaped here would reach botbuilder's console.error(err), which can print request bodies.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error('turn.error', {
      correlationId: correlationIdOf(context),
      error: String(error?.name ?? 'Error').slice(0, 60),
      code: String((error as { code?: unknown })?.code ?? '').slice(0, 60),
      type: String(context.activity?.type ?? '').slice(0, 40),
    });
    if (context.activity.type === 'invoke') {
      await context
        .sendActivity({ type: 'invokeResponse', value: { status: 500, body: { error: 'internal' } } })
        .catch(() => undefined);
    } else {
      await context.sendActivity(T.turnFailed).catch(() => undefined);
    }
  };

  const conversations: ConversationPort = {
    saveConversation: (schoolId, userId, reference, now) =>
      repos.directory.saveConversation(schoolId, userId, reference, now),
    getConversation: async (schoolId, userId) => {
      const doc = await repos.directory.getConversation(schoolId, userId);
      return doc && { reference: doc.reference };
    },
    confirmedSinceStart: new Map(),
  };
  const outboxPort: OutboxPort = {
    releaseWaiting: (schoolId, target, now) => repos.outbox.releaseWaiting(schoolId, target, now),
    retryNow: (schoolId, target, now) => repos.outbox.retryNow(schoolId, target, now),
    enqueue: (schoolId, messages, now) => repos.outbox.enqueue(schoolId, messages, now),
  };
  let runner: OutboxRunner | undefined;
  let schedulerRef: Scheduler | undefined;
  let publicBase = '';
  const deps: BotDeps = {
    ports: { clock, directory: repos.directory, signals: repos.signals, audit: repos.audit },
    conversations,
    outbox: outboxPort,
    isPlayground: (serviceUrl) =>
      config.PLAYGROUND_MODE === 'on' ||
      (config.PLAYGROUND_MODE === 'auto' && isLoopback(serviceUrl) && config.NODE_ENV !== 'test'),
    kickOutbox: () => runner?.kick(),
    rounds: repos.rounds,
    processedActivities: new ProcessedActivityRepository(repos.cases, PROCESSED_MARKER_TTL_SECONDS),
    recentActivities: new RecentActivities(),
    privacy: repos.privacy,
    digest: digestPorts(repos),
    publicUrl: () => config.PUBLIC_BASE_URL ?? publicBase,
    schoolSettings: { port: repos.directory, audit: repos.audit },
    handover: { staff: repos.directory, audit: repos.audit },
    staffBinding: new StaffBinder(
      {
        binding: new StaffBindingRepository(
          new DocStore(repos.cosmos.containers.directory),
          repos.directory,
          repos.cases,
        ),
        audit: repos.audit,
        tenantOf: (schoolId) => repos.directory.schoolTenant(schoolId),
      },
      () => clock.now().getTime(),
    ),
    demo: demoClock && {
      clock: demoClock,
      runJobsNow: async () => {
        await schedulerRef?.runOnce(); // a tick already under way ran with the old time: run once more
        await schedulerRef?.runOnce();
        runner?.kick();
      },
    },
  };
  const app = buildTeamsApp(adapter, config.MICROSOFT_APP_ID, deps);
  const sender = new ProactiveSender(
    adapter,
    config.MICROSOFT_APP_ID,
    deps,
    {
      channelReference: async (schoolId, channel) =>
        (await repos.directory.getSchool(schoolId))?.doc.channels[channel]?.reference,
      previousDelivery: async (schoolId, subjectId, target) => {
        const all = await repos.outbox.deliveriesOf(schoolId, subjectId);
        const d = all.find((x) => JSON.stringify(x.target) === JSON.stringify(target));
        return d && { conversationId: d.conversationId, activityId: d.activityId };
      },
    },
    config.CONNECTOR_SDK_RETRIES !== 'off',
  );
  runner = new OutboxRunner({
    outbox: repos.outbox,
    directory: repos.directory,
    deliver: (doc, pass) => sender.deliver({ schoolId: doc.schoolId, target: doc.target, payload: doc.payload }, pass),
    now: () => clock.now(),
    pollMs: config.OUTBOX_POLL_MS,
    backoffBaseMs: config.OUTBOX_BACKOFF_BASE_MS,
    teamsRateLimits: config.OUTBOX_TEAMS_LIMITS !== 'off',
  });

  const scheduler = new Scheduler({
    leases: repos.leases,
    now: () => clock.now(),
    holder: config.INSTANCE_ID ?? `instance-${randomUUID()}`,
    tickMs: config.SCHEDULER_TICK_MS,
  });
  schedulerRef = scheduler;
  registerJobs(scheduler, {
    repos,
    ports: deps.ports,
    digest: deps.digest,
    kickOutbox: deps.kickOutbox,
    holder: config.INSTANCE_ID ?? 'scheduler',
  });

  const allowed = new Set(config.allowedTenants);
  const server = createHttpServer({
    adapter,
    app,
    tenantAllowed: async (context) => {
      if (allowed.size === 0 && config.NODE_ENV !== 'production') return true;
      const a = context.activity;
      const fromConversation = a.conversation?.tenantId;
      const fromChannelData = (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const ok =
        !!fromConversation &&
        !!fromChannelData &&
        fromConversation === fromChannelData &&
        allowed.has(fromConversation);
      if (!ok) {
        log.warn('tenant.refused', {
          correlationId: correlationIdOf(context),
          tenant: String(fromConversation ?? fromChannelData ?? 'none').slice(0, 64),
        });
        await repos.audit.record({
          schoolId: '_tenant',
          actorId: String(a.from?.aadObjectId ?? a.from?.id ?? 'unknown').slice(0, 128),
          actorRoles: [],
          action: 'tenant.refused',
          outcome: 'refused',
          code: 'tenant-not-allowed',
          subject: String(fromConversation ?? fromChannelData ?? 'none').slice(0, 64),
          correlationId: correlationIdOf(context),
        });
      }
      return ok;
    },
    health: async () => ({ ok: true, detail: { store: config.embeddedStore ? 'embedded' : 'cosmos' } }),
  });
  registerExportDownload(server, deps);
  await new Promise<void>((resolve) => {
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = server.address().port;
  publicBase = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  if (opts.startJobs !== false && !config.DISABLE_JOBS) {
    runner.start();
    scheduler.start();
  }
  log.info('bot.listening', { port, embeddedStore: config.embeddedStore, startupMs: Date.now() - t0 });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    repos,
    outbox: runner,
    scheduler,
    deps,
    clock,
    reusedClients: () => adapter.reusedClients(),
    close: async () => {
      await runner?.stop();
      await scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      if (!opts.repos) await repos.close();
    },
  };
}
