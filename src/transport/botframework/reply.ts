import { ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import type { Logger } from 'pino';
import { VeilError } from '../../core/errors.js';
import { type ChannelAuth, sdkAuthFor } from './auth.js';
import type { ConversationRef } from './conversation-ref.js';

/** What an agent's (already guarded) message becomes on the channel. Plain data. */
export interface Reply {
  text: string;
  textFormat?: 'plain' | 'markdown' | 'xml' | undefined;
  locale?: string | undefined;
  attachments?:
    | Array<{ contentType: string; content?: unknown; contentUrl?: string; name?: string }>
    | undefined;
  suggestedActions?:
    | {
        actions: Array<{
          type: string;
          title?: string;
          value?: unknown;
          text?: string;
          displayText?: string;
        }>;
      }
    | undefined;
  channelData?: Record<string, unknown> | undefined;
}

export interface ReplySender {
  /** Resolves once the Connector accepted the reply; rejects with ReplyDeliveryError otherwise. */
  send(ref: ConversationRef, reply: Reply): Promise<{ id?: string }>;
}

export interface ReplySenderOptions {
  /** whole-send deadline, token acquisition and the SDK's own retries included (default 15000 ms) */
  timeoutMs?: number;
  log?: Pick<Logger, 'warn'>;
}

export type DeliveryFailure = 'timeout' | 'rejected' | 'unavailable' | 'unreachable' | 'credentials';

/** A reply the channel did not take: the pipeline reports it to the agent as "not delivered". */
export class ReplyDeliveryError extends VeilError {
  readonly reason: DeliveryFailure;
  /** HTTP status the Connector answered with, when it answered */
  readonly upstreamStatus: number | undefined;
  /** whether sending the same reply again may succeed */
  readonly retryable: boolean;

  constructor(reason: DeliveryFailure, upstreamStatus: number | undefined, cause: unknown) {
    super({
      code: 'reply_not_delivered',
      status: reason === 'timeout' ? 504 : 502,
      message: MESSAGES[reason] + (upstreamStatus === undefined ? '' : ` (HTTP ${upstreamStatus})`),
      hint: HINTS[reason],
      cause,
    });
    this.name = 'ReplyDeliveryError';
    this.reason = reason;
    this.upstreamStatus = upstreamStatus;
    this.retryable = reason !== 'rejected';
  }
}

const MESSAGES: Record<DeliveryFailure, string> = {
  timeout: 'the channel did not confirm the reply in time',
  rejected: 'the channel rejected the reply',
  unavailable: 'the channel service failed',
  unreachable: 'the channel service could not be reached',
  credentials: 'the bot could not authenticate to the channel service',
};

const HINTS: Record<DeliveryFailure, string> = {
  timeout: 'the reply may or may not have arrived; check the conversation before resending',
  rejected: 'the conversation may have ended or the reply is malformed; do not resend unchanged',
  unavailable: 'try again shortly',
  unreachable: "check the activity's serviceUrl and outbound network access",
  credentials: 'check VEIL_APP_ID / VEIL_APP_PASSWORD and outbound access to the Microsoft login service',
};

export const DEFAULT_REPLY_TIMEOUT_MS = 15_000;
const MAX_CACHED_CLIENTS = 64;

export function createReplySender(auth: ChannelAuth, options: ReplySenderOptions = {}): ReplySender {
  const sdk = sdkAuthFor(auth);
  // Replies happen long after the inbound request, so the bot's own app id stands in for the inbound claims.
  const identity = new ClaimsIdentity(
    auth.mode === 'authenticated' ? [{ type: 'aud', value: auth.appId }] : [],
    true,
  );
  const factory = sdk.createConnectorFactory(identity);
  const audience = sdk.getOriginatingAudience();
  const timeoutMs = options.timeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
  const clients = new Map<string, Promise<ConnectorClient>>();

  const clientFor = (serviceUrl: string): Promise<ConnectorClient> => {
    let client = clients.get(serviceUrl);
    if (!client) {
      if (clients.size >= MAX_CACHED_CLIENTS) clients.delete(clients.keys().next().value as string);
      client = factory.create(serviceUrl, audience);
      client.catch(() => clients.delete(serviceUrl));
      clients.set(serviceUrl, client);
    }
    return client;
  };

  return {
    async send(ref, reply) {
      const activity = toActivity(ref, reply);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      timer.unref();
      const aborted = new Promise<never>((_, reject) => {
        controller.signal.addEventListener('abort', () =>
          reject(new ReplyDeliveryError('timeout', undefined, undefined)),
        );
      });
      try {
        const work = (async () => {
          const client = await clientFor(ref.serviceUrl);
          const requestOptions = { abortSignal: controller.signal };
          const response = ref.activityId
            ? await client.conversations.replyToActivity(
                ref.conversationId,
                ref.activityId,
                activity,
                requestOptions,
              )
            : await client.conversations.sendToConversation(ref.conversationId, activity, requestOptions);
          return response.id ? { id: response.id } : {};
        })();
        // the losing branch's rejection is already handled by the race below
        work.catch(() => undefined);
        return await Promise.race([work, aborted]);
      } catch (err) {
        const failure =
          err instanceof ReplyDeliveryError
            ? err
            : controller.signal.aborted
              ? timeoutError(err)
              : classify(err);
        options.log?.warn(
          {
            event: 'reply_not_delivered',
            channelId: ref.channelId,
            reason: failure.reason,
            status: failure.upstreamStatus,
          },
          'reply not delivered',
        );
        throw failure;
      } finally {
        clearTimeout(timer);
        aborted.catch(() => undefined);
      }
    },
  };
}

const timeoutError = (cause: unknown) => new ReplyDeliveryError('timeout', undefined, cause);

// The SDK's model marks some optional protocol fields (account names) as required; we omit what we lack.
type SdkActivity = Parameters<ConnectorClient['conversations']['sendToConversation']>[1];

function toActivity(ref: ConversationRef, reply: Reply): SdkActivity {
  const activity = {
    type: 'message',
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: ref.tenantId
      ? { id: ref.conversationId, tenantId: ref.tenantId }
      : { id: ref.conversationId },
    from: party(ref.bot),
    recipient: party(ref.user),
    ...(ref.activityId ? { replyToId: ref.activityId } : {}),
    text: reply.text,
    textFormat: reply.textFormat ?? 'plain',
    ...(reply.locale ? { locale: reply.locale } : {}),
    ...(reply.attachments ? { attachments: reply.attachments } : {}),
    ...(reply.suggestedActions ? { suggestedActions: reply.suggestedActions } : {}),
    ...(reply.channelData ? { channelData: reply.channelData } : {}),
  };
  return activity as SdkActivity;
}

const party = (p: ConversationRef['bot']) => (p.name ? { id: p.id, name: p.name } : { id: p.id });

function classify(err: unknown): ReplyDeliveryError {
  const e = err as { statusCode?: unknown; code?: unknown; name?: unknown } | null;
  const status = typeof e?.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined) {
    if (status === 401 || status === 403) return new ReplyDeliveryError('credentials', status, err);
    if (status === 408 || status === 429 || status >= 500)
      return new ReplyDeliveryError('unavailable', status, err);
    return new ReplyDeliveryError('rejected', status, err);
  }
  if (e?.name === 'RestError') return new ReplyDeliveryError('unreachable', undefined, err);
  // Anything else came from getting the bot's token (MSAL) before a request was made.
  return new ReplyDeliveryError('credentials', undefined, err);
}
