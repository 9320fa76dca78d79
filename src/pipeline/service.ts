import type { AgentIdentity } from '../transport/agent/auth.js';

/**
 * What the transports need from Veil: the wired pipeline. HTTP, the replay command and tests all drive
 * this one interface, so every path a message can take goes through the same checks.
 */
export interface CustomerTurnResult {
  status: 'processed' | 'duplicate' | 'ignored';
  conversationId: string;
  /** What the agent sees of the activity (masked), when it was a message. */
  agentView?: string | undefined;
  /** The customer's message was a one-time code: consumed by Veil, never shown to the agent. */
  consumedCode?: boolean;
}

export type AgentSendResult =
  | { decision: 'deliver'; delivered: true; activityId?: string | undefined; text: string }
  | { decision: 'block'; rule: string; reason: string; hint: string };

export interface ConversationSummary {
  id: string;
  channelId: string;
  status: 'waiting' | 'active';
  updatedAt: string;
  level: string;
  /** e.g. "claims match A-1001: name, email; not verified" — never on-file values. */
  accountSummary: string;
  accountId?: string | undefined;
  flags: string[];
  codeState: string;
  blockedMessages: number;
  lastCustomerAt?: string | undefined;
}

export interface VeilService {
  customerActivity(body: unknown, authHeader: string | undefined): Promise<CustomerTurnResult>;
  /**
   * `idempotencyKey`: a retried request with the same key (per agent, 24 h) is refused with 409 instead
   * of reaching the customer twice.
   */
  agentMessage(
    conversationId: string,
    agent: AgentIdentity,
    text: string,
    opts?: { idempotencyKey?: string | undefined },
  ): Promise<AgentSendResult>;
  startVerification(
    conversationId: string,
    agent: AgentIdentity,
  ): Promise<{ message: string; codeState: string }>;
  listConversations(): Promise<ConversationSummary[]>;
  conversation(conversationId: string): Promise<ConversationSummary>;
  transcript(conversationId: string, opts?: { afterSeq?: number; limit?: number }): Promise<unknown[]>;
  audit(query: { conversationId?: string; limit?: number }): Promise<unknown[]>;
  subscribe(handler: (event: { type: string; conversationId?: string; data: unknown }) => void): () => void;
  readonly ready: boolean;
  close(): Promise<void>;
}
