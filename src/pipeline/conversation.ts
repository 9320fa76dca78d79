import { createHmac, randomBytes } from 'node:crypto';
import type { CustomerTurn } from '../guard/types.js';
import { emptyTokenMap, type TokenMap } from '../masking/types.js';
import type { ConversationRef } from '../transport/botframework/conversation-ref.js';
import { initialState } from '../verification/state.js';
import type { VerificationState } from '../verification/types.js';

/**
 * Everything Veil keeps about one conversation between turns. Holds raw customer values (token map,
 * recent texts, the reply address), so stores encrypt it at rest; agents only ever see derived views.
 */
export interface ConversationDoc {
  v: 1;
  id: string;
  channelId: string;
  policyName: string;
  createdAt: string;
  updatedAt: string;
  lastCustomerAt?: string | undefined;
  lastFrom: 'customer' | 'agent' | 'none';
  ref: ConversationRef;
  tokens: TokenMap;
  verification: VerificationState;
  /** Identity analysis of the last customer messages, oldest first (the guard's claim context). */
  recentTurns: CustomerTurn[];
  /** The last customer messages, raw, newest last: used only to recognise an agent's echo. */
  customerTexts: string[];
  blockedMessages: number;
  /** The last activity ids processed (`type:id`), so channel retries are processed once. */
  processed?: string[];
}

export const RECENT_TURNS = 3;
export const RECENT_TEXTS = 20;
export const PROCESSED_IDS = 64;

/**
 * Veil's own conversation id: a keyed hash of channel and channel conversation id. Channel ids can be
 * phone numbers or emails (SMS, email channels), and Veil's id appears in URLs and logs, so it must not
 * carry them.
 */
export function conversationKey(secret: string, channelId: string, channelConversationId: string): string {
  return `c-${createHmac('sha256', secret).update(`${channelId}\u0000${channelConversationId}`).digest('base64url').slice(0, 22)}`;
}

export function newConversation(
  id: string,
  channelId: string,
  policyName: string,
  ref: ConversationRef,
  now: Date,
): ConversationDoc {
  const at = now.toISOString();
  return {
    v: 1,
    id,
    channelId,
    policyName,
    createdAt: at,
    updatedAt: at,
    lastFrom: 'none',
    ref,
    tokens: emptyTokenMap(),
    verification: initialState(id, randomBytes(16).toString('hex')),
    recentTurns: [],
    customerTexts: [],
    blockedMessages: 0,
  };
}

export const pushBounded = <T>(list: readonly T[], item: T, max: number): T[] => [...list, item].slice(-max);
