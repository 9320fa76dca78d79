import { z } from 'zod';
import { VeilError } from '../core/errors.js';
import { OWNER_EVENTS } from '../core/notifications.js';

/** Owner events, plus the security team's alerts and the one-time code itself. */
export const NOTIFICATION_KINDS = [...OWNER_EVENTS, 'security-alert', 'otp'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'security'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A message to an account owner, sent to the contact on file (never to one the chat supplied). */
export const NotificationSchema = z
  .object({
    /** Unique; receivers use it to drop retried deliveries. */
    id: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
    accountId: z.string().min(1),
    kind: z.enum(NOTIFICATION_KINDS),
    channel: z.enum(NOTIFICATION_CHANNELS),
    to: z.string().min(1),
    conversationId: z.string().min(1),
    /** The one-time code, for `otp` only. */
    code: z
      .string()
      .regex(/^\d{4,10}$/, 'code must be 4 to 10 digits')
      .optional(),
  })
  .strict()
  .refine((n) => (n.kind === 'otp') === (n.code !== undefined), {
    message: 'a code is required for otp notifications and not allowed on others',
    path: ['code'],
  });

export type Notification = z.infer<typeof NotificationSchema>;

export interface Notifier {
  /** Resolves once the notification is accepted for delivery; rejects with NotificationError otherwise. */
  notify(n: Notification): Promise<void>;
}

export type NotificationErrorReason = 'invalid' | 'rejected' | 'unavailable' | 'write-failed';

/** Final failure of one notification, for the caller to audit and count. Never carries `to` or `code`. */
export class NotificationError extends VeilError {
  readonly reason: NotificationErrorReason;
  readonly notificationId: string | undefined;
  readonly attempts: number;
  /** Last HTTP status seen, when there was one. */
  readonly httpStatus: number | undefined;

  constructor(
    reason: NotificationErrorReason,
    message: string,
    opts: {
      notificationId?: string;
      attempts?: number;
      httpStatus?: number;
      field?: string;
      cause?: unknown;
    } = {},
  ) {
    super({
      code: `notify_${reason.replace('-', '_')}`,
      status: reason === 'invalid' ? 400 : 502,
      message,
      field: opts.field,
      cause: opts.cause,
    });
    this.name = 'NotificationError';
    this.reason = reason;
    this.notificationId = opts.notificationId;
    this.attempts = opts.attempts ?? 0;
    this.httpStatus = opts.httpStatus;
  }
}

/** Validates at the edge where a notification leaves Veil; the error names the field, not its value. */
export function checkNotification(n: Notification): Notification {
  const parsed = NotificationSchema.safeParse(n);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || '(notification)';
    throw new NotificationError('invalid', `notification ${field}: ${issue.message}`, {
      field,
      ...(typeof n?.id === 'string' ? { notificationId: n.id } : {}),
    });
  }
  return parsed.data;
}
