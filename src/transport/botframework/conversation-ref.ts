import type { Activity } from './activity.js';

export interface ConversationParty {
  id: string;
  name?: string | undefined;
}

/**
 * Where and to whom a reply goes, taken from the raw (unmasked) inbound activity. Plain data, so the
 * pipeline can store it with the conversation.
 */
export interface ConversationRef {
  serviceUrl: string;
  conversationId: string;
  /** the customer's activity being answered; omitted to post to the conversation */
  activityId?: string | undefined;
  channelId: string;
  /** Teams and other AAD channels expect the tenant back on the conversation */
  tenantId?: string | undefined;
  bot: ConversationParty;
  user: ConversationParty;
}

/** The reply goes from the account the customer wrote to, back to the customer. */
export function conversationRefFromActivity(activity: Activity): ConversationRef {
  return {
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    activityId: activity.id ?? undefined,
    channelId: activity.channelId,
    tenantId: activity.conversation.tenantId ?? undefined,
    bot: party(activity.recipient),
    user: party(activity.from),
  };
}

const party = (a: { id: string; name?: string | null | undefined }): ConversationParty =>
  a.name ? { id: a.id, name: a.name } : { id: a.id };
