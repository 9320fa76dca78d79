import { z } from 'zod';
import { errors } from '../../core/errors.js';

// Channels send explicit nulls for absent optional fields; treat them as absent rather than rejecting.
const optString = z.string().nullish();

const accountSchema = z.looseObject({
  id: z.string().min(1),
  name: optString,
  role: optString,
  aadObjectId: optString,
});

const conversationSchema = z.looseObject({
  id: z.string().min(1),
  name: optString,
  isGroup: z.boolean().nullish(),
  conversationType: optString,
  tenantId: optString,
});

const cardActionSchema = z.looseObject({
  type: z.string(),
  title: optString,
  value: z.unknown().optional(),
  text: optString,
  displayText: optString,
  image: optString,
});

const attachmentSchema = z.looseObject({
  contentType: z.string().min(1),
  content: z.unknown().optional(),
  contentUrl: optString,
  name: optString,
  thumbnailUrl: optString,
});

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * The fields of a Bot Framework activity that Veil reads. Objects are loose: channels add many fields of
 * their own, and those pass through untouched (masking treats unknown fields as possibly PII).
 */
export const activitySchema = z.looseObject({
  type: z.string().min(1),
  id: optString,
  timestamp: optString,
  localTimestamp: optString,
  channelId: z.string().min(1),
  serviceUrl: httpUrl,
  from: accountSchema,
  recipient: accountSchema,
  conversation: conversationSchema,
  text: optString,
  speak: optString,
  summary: optString,
  textFormat: optString,
  locale: optString,
  attachments: z.array(attachmentSchema).nullish(),
  suggestedActions: z
    .looseObject({ to: z.array(z.string()).nullish(), actions: z.array(cardActionSchema) })
    .nullish(),
  value: z.unknown().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  channelData: z.unknown().optional(),
  replyToId: optString,
  name: optString,
  membersAdded: z.array(accountSchema).nullish(),
  membersRemoved: z.array(accountSchema).nullish(),
});

export type Activity = z.infer<typeof activitySchema>;
export type ChannelAccount = z.infer<typeof accountSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type CardAction = z.infer<typeof cardActionSchema>;

/** Dotted path with array indexes, e.g. `attachments[0].contentType`, so a 400 names the exact field. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    const name = String(seg);
    return acc === '' ? name : `${acc}.${name}`;
  }, '');

/**
 * Validates an inbound request body as an activity. Throws a `bad_request` VeilError (HTTP 400) naming the
 * first invalid field; the message never echoes the submitted value, which may be PII.
 */
export function parseActivity(body: unknown): Activity {
  const result = activitySchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? formatPath(issue.path) : 'body';
  const message =
    issue?.code === 'invalid_type' && issue.path.length === 0
      ? 'the request body must be a JSON activity object'
      : `${field}: ${issue?.message ?? 'invalid'}`;
  throw errors.badRequest(
    field,
    message,
    'send a Bot Framework activity (see the Bot Framework Activity schema)',
  );
}
