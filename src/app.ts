import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import type { Config } from './config.js';
import { createHttpDirectory } from './directory/http.js';
import { openJsonDirectory } from './directory/json-file.js';
import type { Directory } from './directory/port.js';
import { createChannelTokenVerifier } from './identity/channel-token.js';
import type { Logger } from './logging.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createOutboxNotifier } from './notify/outbox.js';
import type { Notifier } from './notify/port.js';
import { createWebhookNotifier } from './notify/webhook.js';
import type { ConversationDoc } from './pipeline/conversation.js';
import type { PolicyProvider } from './pipeline/policies.js';
import { createPolicyRegistry } from './policy/registry.js';
import { createAdminRouter } from './transport/admin/router.js';
import { requireAgent } from './transport/agent/auth.js';
import type { VeilService } from './pipeline/service.js';
import { createVeil } from './pipeline/veil.js';
import type { Stores } from './storage/ports.js';
import { openStores } from './storage/open.js';
import { createChannelAuth } from './transport/botframework/auth.js';
import { createReplySender, type ReplySender } from './transport/botframework/reply.js';
import { consoleRouter } from './transport/console/static.js';
import { createHttp } from './transport/http/app.js';

/** The repository root (policies/, examples/), whether running from src/ or dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export interface Veil {
  app: Express;
  /** What to listen with: `app`, plus the direct path for the channel endpoint (see createHttp). */
  listener: RequestListener;
  service: VeilService;
  stores: Stores<ConversationDoc>;
  policies: PolicyProvider;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface VeilOverrides {
  stores?: Stores<ConversationDoc>;
  directory?: Directory;
  notifier?: Notifier;
  replies?: ReplySender;
  policies?: PolicyProvider;
  now?: () => Date;
}

/** The composition root: builds every adapter from config and wires the pipeline and the HTTP app. */
export async function buildVeil(config: Config, log: Logger, overrides: VeilOverrides = {}): Promise<Veil> {
  const metrics = createMetrics();
  const stores = metrics.instrument(
    overrides.stores ??
      (await openStores<ConversationDoc>({
        ...config.storage,
        sqlitePath: config.VEIL_DB,
        secret: config.secret,
        log,
      })),
  );
  // Policy events are audited: a rejected edit or a weakening change leaves a record with its version.
  const registry = overrides.policies
    ? undefined
    : createPolicyRegistry({
        dir: config.VEIL_POLICY_DIR,
        log,
        onEvent: (e) =>
          void stores.audit
            .append({
              at: new Date().toISOString(),
              kind: 'policy',
              rule: e.kind,
              policyVersion: e.version ?? 'none',
              detail: e.error ?? e.file,
              data: { file: e.file, ...(e.changes ? { changes: e.changes } : {}) },
            })
            .catch((err: unknown) =>
              log.error({ event: 'audit-failed', reason: (err as Error).name }, 'policy audit failed'),
            ),
      });
  const policies: PolicyProvider = overrides.policies ?? registry!;
  // Warm the engines before reporting ready: the first detect pays for regex compilation and word lists.
  policies
    .forConversation({})
    .detector.detect('warm up: Jane Doe, jane@example.com, +1 (503) 555-0117, 77 Birchwood Court');
  const directory = overrides.directory ?? (await openDirectory(config, log));
  const notifier =
    overrides.notifier ??
    (config.VEIL_NOTIFIER === 'webhook'
      ? createWebhookNotifier({
          url: config.VEIL_WEBHOOK_URL!,
          ...(config.VEIL_WEBHOOK_SECRET ? { signingSecret: config.VEIL_WEBHOOK_SECRET } : {}),
        })
      : createOutboxNotifier({ path: config.VEIL_OUTBOX }));
  const channelAuth = createChannelAuth({
    appId: config.MICROSOFT_APP_ID ?? '',
    appPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    tenantId: config.MICROSOFT_APP_TENANT_ID,
    log,
  });
  const replies =
    overrides.replies ?? createReplySender(channelAuth, { log, mode: config.VEIL_REPLY_SENDER });
  const channelTokens = createChannelTokenVerifier({
    secret: config.VEIL_CHANNEL_JWT_SECRET,
    jwksUrl: config.VEIL_CHANNEL_JWKS_URL,
    issuer: config.VEIL_CHANNEL_JWT_ISSUER,
    audience: config.VEIL_CHANNEL_JWT_AUDIENCE,
  });
  const service = createVeil({
    stores,
    policies,
    directory,
    notifier,
    channelAuth,
    replies,
    channelTokens,
    log,
    secret: config.secret,
    observer: metrics.observer,
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const { app, listener } = createHttp({
    service,
    agentKeys: config.VEIL_AGENT_KEYS,
    bodyLimit: config.VEIL_BODY_LIMIT,
    log,
    metrics,
    metricsToken: config.VEIL_METRICS_TOKEN,
    mount: (app) => {
      app.use('/console', consoleRouter());
      if (registry) {
        app.use(
          '/admin/v1',
          createAdminRouter({
            registry,
            audit: stores.audit,
            requireRole: requireAgent(
              config.VEIL_AGENT_KEYS,
              ['supervisor', 'compliance'],
              'use the admin API',
            ),
            secret: config.secret,
          }),
        );
      }
    },
  });
  const purgeTimer = setInterval(() => void purgeExpired(stores, policies, log), PURGE_INTERVAL_MS);
  purgeTimer.unref();
  void purgeExpired(stores, policies, log);
  return {
    app,
    listener,
    service,
    stores,
    policies,
    metrics,
    async close() {
      clearInterval(purgeTimer);
      registry?.close();
      await service.close();
      await replies.close?.();
      await stores.close();
      (directory as { close?: () => Promise<void> | void }).close?.();
    },
  };
}

const PURGE_INTERVAL_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention: deletes transcripts and audit records older than the default policy's retention. Safe on
 * several instances at once (deletes are idempotent). Its own run is audited.
 */
export async function purgeExpired(
  stores: Stores<ConversationDoc>,
  policies: PolicyProvider,
  log: Logger,
  now = Date.now(),
): Promise<{ transcripts: number; audit: number }> {
  const { policy, version } = policies.forConversation({});
  try {
    const transcripts = await stores.transcripts.purge(
      new Date(now - policy.retention.transcriptsDays * DAY_MS),
    );
    const audit = await stores.audit.purge(new Date(now - policy.retention.auditDays * DAY_MS));
    if (transcripts + audit > 0) {
      await stores.audit.append({
        at: new Date(now).toISOString(),
        kind: 'retention',
        rule: 'retention.purge',
        policyVersion: version,
        detail: `purged ${transcripts} transcript entries and ${audit} audit records`,
        data: { transcripts, audit },
      });
    }
    return { transcripts, audit };
  } catch (e) {
    log.error({ event: 'purge-failed', reason: (e as Error).name }, 'retention purge failed');
    return { transcripts: 0, audit: 0 };
  }
}

async function openDirectory(config: Config, log: Logger): Promise<Directory> {
  if (config.DIRECTORY_URL) {
    return createHttpDirectory({
      searchUrl: config.DIRECTORY_URL,
      accountUrl: config.DIRECTORY_ACCOUNT_URL!,
      timeoutMs: config.DIRECTORY_TIMEOUT_MS,
      ...(config.DIRECTORY_TOKEN ? { headers: { authorization: `Bearer ${config.DIRECTORY_TOKEN}` } } : {}),
    });
  }
  const path = config.DIRECTORY_FILE ?? join(packageRoot(), 'examples', 'directory.json');
  if (!config.DIRECTORY_FILE)
    log.warn({ event: 'directory-example' }, 'DIRECTORY_FILE not set: using the example directory');
  return openJsonDirectory({
    path,
    onReloadError: (e) =>
      log.error(
        { event: 'directory-reload-failed', reason: e.message },
        'directory file edit rejected; keeping the last good data',
      ),
  });
}

/** Listens and installs graceful shutdown: stop accepting, finish in-flight turns, close stores. */
export async function serve(veil: Veil, config: Config, log: Logger): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(veil.listener).listen(config.PORT, config.HOST, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  log.info(
    { event: 'listening', port: typeof address === 'object' && address ? address.port : config.PORT },
    'Veil is listening',
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'shutdown', signal }, 'shutting down: no new requests, finishing in-flight turns');
    const force = setTimeout(() => {
      log.error({ event: 'shutdown-timeout' }, 'in-flight work did not finish in time; exiting');
      process.exit(1);
    }, config.VEIL_SHUTDOWN_TIMEOUT_MS);
    force.unref();
    server.close();
    server.closeIdleConnections();
    await veil.close();
    server.closeAllConnections();
    log.info({ event: 'stopped' }, 'Veil stopped');
    clearTimeout(force);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  return server;
}
