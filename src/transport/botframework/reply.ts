import type { Logger } from 'pino';
import { VeilError } from '../../core/errors.js';
import { type ChannelAuth, sdkConfigFor } from './auth.js';
import type { ConversationRef } from './conversation-ref.js';
import { createThreadedReplyCore, type ReplyThreadOptions } from './reply-thread.js';
import {
  buildSdkAuthentication,
  createSdkReplyCore,
  type ReplyCore,
  type ReplyJob,
  type ReplyOutcome,
  loadSdk,
} from './sdk-core.js';

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
  /** Waits for replies in flight, then releases the reply thread (if any). */
  close?(): Promise<void>;
  /** where the SDK runs: on a thread of its own, or on the calling thread */
  readonly mode?: 'thread' | 'inline';
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

export interface ReplySenderOptions {
  /** whole-send deadline, token acquisition and the SDK's own retries included (default 15000 ms) */
  timeoutMs?: number;
  log?: Pick<Logger, 'warn'>;
  /**
   * `thread` (default in the server): the SDK runs on a worker thread of its own (reply-thread.ts);
   * `inline`: on the calling thread.
   */
  mode?: 'thread' | 'inline';
  /** thread mode: passed to the thread host (tests) */
  thread?: ReplyThreadOptions;
}

export function createReplySender(auth: ChannelAuth, options: ReplySenderOptions = {}): ReplySender {
  const config = sdkConfigFor(auth);
  const timeoutMs = options.timeoutMs ?? DEFAULT_REPLY_TIMEOUT_MS;
  const core: ReplyCore & { close?: () => Promise<void>; mode?: string } =
    options.mode === 'thread'
      ? createThreadedReplyCore(config, {
          ...options.thread,
          onError: (e) => {
            options.log?.warn(
              { event: 'reply_thread_failed', error: e.name },
              'reply thread failed; replies now go out on the main thread',
            );
            options.thread?.onError?.(e);
          },
        })
      : createSdkReplyCore(loadSdk(), buildSdkAuthentication, config);

  return {
    get mode() {
      return core.mode === 'thread' ? 'thread' : 'inline';
    },
    async send(ref, reply) {
      const job: ReplyJob = {
        serviceUrl: ref.serviceUrl,
        conversationId: ref.conversationId,
        activityId: ref.activityId,
        activity: toActivity(ref, reply),
        timeoutMs,
      };
      // The core aborts the SDK call at the deadline; this guards against a core that never answers.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<ReplyOutcome>((resolve) => {
        timer = setTimeout(() => resolve({ ok: false, timedOut: true }), timeoutMs + 1000);
        timer.unref();
      });
      const outcome = await Promise.race([core.send(job), deadline]).finally(() => clearTimeout(timer));
      if (outcome.ok) return outcome.id ? { id: outcome.id } : {};
      const failure = outcome.timedOut ? timeoutError(outcome) : classify(outcome);
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
    },
    async close() {
      await core.close?.();
    },
  };
}

const timeoutError = (cause: unknown) => new ReplyDeliveryError('timeout', undefined, cause);

// The SDK's model marks some optional protocol fields (account names) as required; we omit what we lack,
// so the activity stays a plain record until the SDK core hands it over.
function toActivity(ref: ConversationRef, reply: Reply): Record<string, unknown> {
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
  return activity;
}

const party = (p: ConversationRef['bot']) => (p.name ? { id: p.id, name: p.name } : { id: p.id });

function classify(err: Extract<ReplyOutcome, { ok: false }>): ReplyDeliveryError {
  const status = err.statusCode;
  if (status !== undefined) {
    if (status === 401 || status === 403) return new ReplyDeliveryError('credentials', status, err);
    if (status === 408 || status === 429 || status >= 500)
      return new ReplyDeliveryError('unavailable', status, err);
    return new ReplyDeliveryError('rejected', status, err);
  }
  if (err.name === 'RestError') return new ReplyDeliveryError('unreachable', undefined, err);
  // Anything else came from getting the bot's token (MSAL) before a request was made.
  return new ReplyDeliveryError('credentials', undefined, err);
}
