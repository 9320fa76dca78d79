/**
 * The Bot Framework SDK calls Veil makes, written so that they run unchanged on the main thread or on the
 * reply thread (reply-thread.ts): each function below is self-contained. It receives the
 * botframework-connector module as a parameter and refers to nothing else in this file or outside it,
 * because the reply thread gets it as source text (`fn.toString()`). Types only are imported.
 */
import { createRequire } from 'node:module';
import type * as BotFrameworkConnector from 'botframework-connector';
import type { BotFrameworkAuthentication, ConnectorClient } from 'botframework-connector';

export type SdkModule = typeof BotFrameworkConnector;

/** The module object itself (its CommonJS exports), the same one the reply thread loads by path. */
export const loadSdk = (): SdkModule => createRequire(import.meta.url)('botframework-connector') as SdkModule;

/** Where the reply thread loads botframework-connector from. */
export const sdkModulePath = (): string => createRequire(import.meta.url).resolve('botframework-connector');

/** Everything needed to build the SDK's authentication object; plain data, so it can cross threads. */
export interface SdkAuthConfig {
  appId: string;
  appPassword: string;
  tenantId?: string | undefined;
  channelOpenIdMetadataUrl: string;
  channelTokenIssuer: string;
  emulatorOpenIdMetadataUrl: string;
  loginUrl: string;
  oAuthScope: string;
  /** stamped on authenticated activities, e.g. `urn:botframework:azure` */
  callerId: string;
}

/** `BotFrameworkAuthenticationFactory.create` with `PasswordServiceClientCredentialFactory`. */
export function buildSdkAuthentication(sdk: SdkModule, cfg: SdkAuthConfig): BotFrameworkAuthentication {
  const credentials =
    cfg.tenantId && cfg.tenantId.trim() !== ''
      ? new sdk.PasswordServiceClientCredentialFactory(cfg.appId, cfg.appPassword, cfg.tenantId)
      : new sdk.PasswordServiceClientCredentialFactory(cfg.appId, cfg.appPassword);
  return sdk.BotFrameworkAuthenticationFactory.create(
    '',
    true,
    cfg.loginUrl,
    cfg.oAuthScope,
    cfg.channelTokenIssuer,
    sdk.AuthenticationConstants.OAuthUrl,
    cfg.channelOpenIdMetadataUrl,
    cfg.emulatorOpenIdMetadataUrl,
    cfg.callerId,
    credentials,
    new sdk.AuthenticationConfiguration(),
  );
}

/** One reply to post: where, and the activity exactly as the Connector should receive it. */
export interface ReplyJob {
  serviceUrl: string;
  conversationId: string;
  /** reply to this activity; without it the activity is posted to the conversation */
  activityId?: string | undefined;
  activity: Record<string, unknown>;
  /** the SDK call (token, request, its own retries) is aborted after this long */
  timeoutMs: number;
}

/** What became of a job, as plain data (it crosses threads). */
export type ReplyOutcome =
  | { ok: true; id?: string | undefined }
  | {
      ok: false;
      /** the HTTP status the Connector answered with, when it answered */
      statusCode?: number | undefined;
      /** the error's name: `RestError` for transport and HTTP failures, anything else came from getting a token */
      name?: string | undefined;
      /** the job's own deadline aborted it */
      timedOut: boolean;
    };

export interface ReplyCore {
  send(job: ReplyJob): Promise<ReplyOutcome>;
}

/**
 * Sends replies with the SDK's ConnectorClient from the connector factory (one client per serviceUrl,
 * the bot's token from its credential factory). Replies happen long after the inbound request, so the
 * bot's own app id stands in for the inbound claims.
 */
export function createSdkReplyCore(
  sdk: SdkModule,
  build: (sdk: SdkModule, cfg: SdkAuthConfig) => BotFrameworkAuthentication,
  cfg: SdkAuthConfig,
  maxClients = 64,
): ReplyCore {
  const auth = build(sdk, cfg);
  const identity = new sdk.ClaimsIdentity(cfg.appId ? [{ type: 'aud', value: cfg.appId }] : [], true);
  const factory = auth.createConnectorFactory(identity);
  const audience = auth.getOriginatingAudience();
  const clients = new Map<string, Promise<ConnectorClient>>();
  const clientFor = (serviceUrl: string): Promise<ConnectorClient> => {
    let client = clients.get(serviceUrl);
    if (!client) {
      if (clients.size >= maxClients) clients.delete(clients.keys().next().value as string);
      client = factory.create(serviceUrl, audience);
      client.catch(() => clients.delete(serviceUrl));
      clients.set(serviceUrl, client);
    }
    return client;
  };
  type SdkActivity = Parameters<ConnectorClient['conversations']['sendToConversation']>[1];

  return {
    async send(job) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), job.timeoutMs);
      try {
        const client = await clientFor(job.serviceUrl);
        const options = { abortSignal: controller.signal };
        const activity = job.activity as unknown as SdkActivity;
        const response = job.activityId
          ? await client.conversations.replyToActivity(job.conversationId, job.activityId, activity, options)
          : await client.conversations.sendToConversation(job.conversationId, activity, options);
        return response.id ? { ok: true, id: response.id } : { ok: true };
      } catch (err) {
        const e = err as { statusCode?: unknown; name?: unknown } | null;
        return {
          ok: false,
          statusCode: typeof e?.statusCode === 'number' ? e.statusCode : undefined,
          name: typeof e?.name === 'string' ? e.name : undefined,
          timedOut: controller.signal.aborted,
        };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
