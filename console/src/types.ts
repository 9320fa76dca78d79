/** The agent API's shapes, as the console reads them (src/transport/http/app.ts). */

export type Level = 'none' | 'knowledge' | 'possession' | 'authenticated';
export type CodeState = 'none' | 'sent' | 'expired' | 'locked' | 'verified';

export interface ConversationSummary {
  id: string;
  channelId: string;
  status: 'waiting' | 'active';
  updatedAt: string;
  level: Level;
  accountSummary: string;
  accountId?: string;
  flags: string[];
  codeState: CodeState;
  blockedMessages: number;
  lastCustomerAt?: string;
}

export interface VerificationView {
  level: Level;
  accountId?: string;
  matched: { accountId: string; kinds: string[]; mismatched: string[] }[];
  flags: string[];
  code: CodeState;
  attemptsLeft: number;
  summary: string;
}

export interface ConversationDetail extends ConversationSummary {
  verification: VerificationView;
}

export interface TranscriptEntry {
  seq: number;
  at: string;
  from: 'customer' | 'agent' | 'system' | 'veil';
  text: string;
  decision?: 'deliver' | 'block';
  rule?: string;
  visibility: 'all' | 'agent-only';
  meta?: {
    reason?: string;
    hint?: string;
    agent?: string;
    withheld?: boolean;
    attachments?: { contentType?: string }[];
  };
}

export interface AuditRecord {
  id?: number;
  at: string;
  kind: string;
  rule?: string;
  actor?: string;
  detail: string;
  policyVersion?: string;
}

export type SendResult =
  | { decision: 'deliver' }
  | { decision: 'block'; rule: string; reason: string; hint: string };

export type Role = 'agent' | 'supervisor';

export type ServerEvent =
  | { type: 'transcript'; conversationId: string; data: TranscriptEntry }
  | { type: 'verification'; conversationId: string; data: VerificationView };
