import type { Activity } from './activity.js';
import { isPlainObject, type MaskString, maskCard, maskDeep, TOO_DEEP } from './walk.js';

export type { MaskString } from './walk.js';

export interface MaskActivityOptions {
  /** top-level channelData fields agents may see (masked); every other field is dropped */
  channelDataAllow: readonly string[];
}

export const TRANSCRIPT_CONTENT_TYPE = 'application/vnd.microsoft.transcript';

/** Channels whose user ids and conversation ids are the customer's phone number or email address. */
const CONTACT_ID_CHANNELS: ReadonlySet<string> = new Set([
  'sms',
  'email',
  'twilio-sms',
  'whatsapp',
  'acs-sms',
  'telephony',
]);

/** Identifier fields: agents and routing need them verbatim, and they carry no customer-typed content. */
const PASSTHROUGH_KEYS: ReadonlySet<string> = new Set([
  'type',
  'id',
  'timestamp',
  'localTimestamp',
  'localTimezone',
  'channelId',
  'serviceUrl',
  'replyToId',
  'textFormat',
  'locale',
  'name',
  'valueType',
  'inputHint',
  'attachmentLayout',
  'deliveryMode',
  'importance',
  'expiration',
  'callerId',
  'action',
]);

const TEXT_KEYS: ReadonlySet<string> = new Set(['text', 'speak', 'summary']);
const ACCOUNT_PASSTHROUGH: ReadonlySet<string> = new Set(['role', 'aadObjectId']);
const CONVERSATION_PASSTHROUGH: ReadonlySet<string> = new Set(['isGroup', 'conversationType', 'tenantId']);
const ENTITY_SKIP: ReadonlySet<string> = new Set(['type']);

/** Replaces an id the mask did not recognise; the raw id stays in the pipeline's copy for replies. */
export const MASKED_ID = '[CONTACT_ID]';

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const PHONE_LIKE = /^(?:[a-z][a-z-]*:)?\+?[\d\s().-]+$/i;

/** An id that is a phone number or an email address, whatever the channel calls itself. */
export function looksLikeContact(id: string): boolean {
  if (EMAIL_LIKE.test(id)) return true;
  return PHONE_LIKE.test(id) && (id.match(/\d/g)?.length ?? 0) >= 7;
}

/**
 * Returns the copy of `activity` that agents see: every place a customer's PII can travel is passed through
 * `maskString` (text, cards, submit data, entities, names, contact-like ids, allowed channelData, handoff
 * transcripts); unknown fields are masked as free-form data. The input is never mutated.
 */
export function maskActivity(
  activity: Activity,
  maskString: MaskString,
  options: MaskActivityOptions,
): Activity {
  const ctx: Ctx = { mask: maskString, allow: new Set(options.channelDataAllow) };
  return maskActivityObject(activity, ctx, 0) as Activity;
}

interface Ctx {
  mask: MaskString;
  allow: ReadonlySet<string>;
}

const MAX_TRANSCRIPT_NESTING = 4;

function maskActivityObject(
  activity: Record<string, unknown>,
  ctx: Ctx,
  nesting: number,
): Record<string, unknown> {
  const channelId = typeof activity.channelId === 'string' ? activity.channelId.toLowerCase() : '';
  const contactChannel = CONTACT_ID_CHANNELS.has(channelId);
  const entries: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(activity)) {
    entries.push([key, maskField(key, value, ctx, contactChannel, nesting)]);
  }
  return Object.fromEntries(entries);
}

function maskField(key: string, value: unknown, ctx: Ctx, contactChannel: boolean, nesting: number): unknown {
  if (value === null || value === undefined) return value;
  if (PASSTHROUGH_KEYS.has(key) && typeof value === 'string') return value;
  if (TEXT_KEYS.has(key) && typeof value === 'string') return ctx.mask(value);
  switch (key) {
    case 'from':
    case 'recipient':
      return maskAccount(value, ctx, contactChannel);
    case 'membersAdded':
    case 'membersRemoved':
      return Array.isArray(value)
        ? value.map((a) => maskAccount(a, ctx, contactChannel))
        : maskFree(value, ctx);
    case 'conversation':
      return maskConversation(value, ctx, contactChannel);
    case 'attachments':
      return Array.isArray(value) ? value.map((a) => maskAttachment(a, ctx, nesting)) : maskFree(value, ctx);
    case 'suggestedActions':
      return maskSuggestedActions(value, ctx, contactChannel);
    case 'entities':
      return maskDeep(value, ctx.mask, { skipKeys: ENTITY_SKIP, maskKeys: true });
    case 'channelData':
      return maskChannelData(value, ctx);
    default:
      return maskFree(value, ctx);
  }
}

const maskFree = (value: unknown, ctx: Ctx): unknown => maskDeep(value, ctx.mask, { maskKeys: true });

function maskId(id: string, ctx: Ctx, contactChannel: boolean): string {
  if (!contactChannel && !looksLikeContact(id)) return id;
  const masked = ctx.mask(id);
  // fail closed: a contact id the detector missed must still not reach agents
  return masked === id ? MASKED_ID : masked;
}

function maskAccount(value: unknown, ctx: Ctx, contactChannel: boolean): unknown {
  if (!isPlainObject(value)) return maskFree(value, ctx);
  const entries: Array<[string, unknown]> = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id' && typeof v === 'string') entries.push([key, maskId(v, ctx, contactChannel)]);
    else if (ACCOUNT_PASSTHROUGH.has(key) && typeof v === 'string') entries.push([key, v]);
    else entries.push([key, maskFree(v, ctx)]);
  }
  return Object.fromEntries(entries);
}

function maskConversation(value: unknown, ctx: Ctx, contactChannel: boolean): unknown {
  if (!isPlainObject(value)) return maskFree(value, ctx);
  const entries: Array<[string, unknown]> = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'id' && typeof v === 'string') entries.push([key, maskId(v, ctx, contactChannel)]);
    else if (CONVERSATION_PASSTHROUGH.has(key)) entries.push([key, v]);
    else entries.push([key, maskFree(v, ctx)]);
  }
  return Object.fromEntries(entries);
}

function maskSuggestedActions(value: unknown, ctx: Ctx, contactChannel: boolean): unknown {
  if (!isPlainObject(value)) return maskFree(value, ctx);
  const entries: Array<[string, unknown]> = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'to' && Array.isArray(v)) {
      // `to` lists recipient ids, which on SMS-like channels are phone numbers
      entries.push([
        key,
        v.map((id) => (typeof id === 'string' ? maskId(id, ctx, contactChannel) : maskFree(id, ctx))),
      ]);
    } else if (key === 'actions') entries.push([key, maskCard(v, ctx.mask)]);
    else entries.push([key, maskFree(v, ctx)]);
  }
  return Object.fromEntries(entries);
}

function maskAttachment(value: unknown, ctx: Ctx, nesting: number): unknown {
  if (!isPlainObject(value)) return maskFree(value, ctx);
  const contentType = typeof value.contentType === 'string' ? value.contentType : '';
  const entries: Array<[string, unknown]> = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === 'contentType') entries.push([key, v]);
    else if (key === 'content') entries.push([key, maskContent(contentType, v, ctx, nesting)]);
    else entries.push([key, maskFree(v, ctx)]);
  }
  return Object.fromEntries(entries);
}

function maskContent(contentType: string, content: unknown, ctx: Ctx, nesting: number): unknown {
  if (typeof content === 'string') return ctx.mask(content);
  if (contentType.toLowerCase() === TRANSCRIPT_CONTENT_TYPE && Array.isArray(content)) {
    if (nesting >= MAX_TRANSCRIPT_NESTING) return TOO_DEEP;
    return content.map((inner) =>
      isPlainObject(inner) ? maskActivityObject(inner, ctx, nesting + 1) : maskFree(inner, ctx),
    );
  }
  return maskCard(content, ctx.mask);
}

function maskChannelData(value: unknown, ctx: Ctx): unknown {
  // Non-object channelData has no named fields to allow, so none of it is allowed.
  if (!isPlainObject(value)) return undefined;
  return pickAllowed(
    value,
    [...ctx.allow].map((p) => p.split('.')),
    ctx,
  );
}

/**
 * Keeps only allow-listed paths: `tenant` keeps the whole field, `tenant.id` keeps only that leaf of it.
 * Whatever is kept is masked like any other free text.
 */
function pickAllowed(obj: Record<string, unknown>, paths: string[][], ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(obj)) {
    const matching = paths.filter((p) => p[0] === key);
    if (matching.length === 0) continue;
    if (matching.some((p) => p.length === 1)) out[key] = maskFree(v, ctx);
    else if (isPlainObject(v)) {
      const picked = pickAllowed(
        v,
        matching.map((p) => p.slice(1)),
        ctx,
      );
      if (Object.keys(picked).length > 0) out[key] = picked;
    }
  }
  return out;
}
