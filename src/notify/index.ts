export { backoffDelay, retryAfterMs } from './backoff.js';
export { createOutboxNotifier, latestCode, type OutboxOptions, readOutbox } from './outbox.js';
export {
  checkNotification,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationChannel,
  NotificationError,
  type NotificationErrorReason,
  type NotificationKind,
  NotificationSchema,
  type Notifier,
} from './port.js';
export { createWebhookNotifier, type WebhookOptions } from './webhook.js';
export { DEFAULT_OUTBOX, notifierFromEnv } from './config.js';
