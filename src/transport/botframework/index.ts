/**
 * The Bot Framework channel adapter. Everything specific to botframework-connector (end of life; successor
 * `@microsoft/agents-hosting`) stays in this folder: the rest of Veil sees plain types only.
 */
export {
  type Activity,
  type Attachment,
  activitySchema,
  type CardAction,
  type ChannelAccount,
  parseActivity,
} from './activity.js';
export {
  type ChannelAuth,
  type ChannelAuthEndpoints,
  type ChannelAuthMode,
  type ChannelAuthOptions,
  type ChannelIdentity,
  createChannelAuth,
  DEFAULT_AUTH_TIMEOUT_MS,
} from './auth.js';
export {
  type ConversationParty,
  type ConversationRef,
  conversationRefFromActivity,
} from './conversation-ref.js';
export { extractText } from './extract-text.js';
export {
  looksLikeContact,
  MASKED_ID,
  type MaskActivityOptions,
  type MaskString,
  maskActivity,
  TRANSCRIPT_CONTENT_TYPE,
} from './mask-activity.js';
export {
  createReplySender,
  DEFAULT_REPLY_TIMEOUT_MS,
  type DeliveryFailure,
  type Reply,
  ReplyDeliveryError,
  type ReplySender,
  type ReplySenderOptions,
} from './reply.js';
