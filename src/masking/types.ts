import type { Finding } from '../core/finding.js';
import type { EntityRule } from '../policy/schema.js';

/**
 * Per-conversation token map: the same value gets the same placeholder throughout one conversation.
 * Plain JSON so stores can persist it (raw values encrypted at rest by the store).
 */
export interface TokenMap {
  /** label -> last number issued */
  counters: Record<string, number>;
  /** normalized `${type}:${value}` -> token, e.g. "[EMAIL_1]" */
  byKey: Record<string, string>;
  /** token -> the raw value the customer typed, so agents may write the placeholder back to them */
  values: Record<string, { type: string; value: string }>;
}

export const emptyTokenMap = (): TokenMap => ({ counters: {}, byKey: {}, values: {} });

export interface OperatorContext {
  finding: Finding;
  rule: EntityRule;
  label: string;
  tokens: TokenMap;
  secret: string;
}

/** A masking operator turns one finding into the text an agent sees in its place. */
export type MaskOperator = (ctx: OperatorContext) => string;

export interface Replacement {
  type: string;
  /** offsets in the input */
  start: number;
  end: number;
  /** what replaced it */
  replacement: string;
  action: string;
}

export interface MaskResult {
  masked: string;
  replacements: Replacement[];
  /** true when a `drop-message` rule matched: the message must not be stored or shown */
  dropped: boolean;
  droppedTypes: string[];
}

/**
 * Normalized identity of a value, so "Jane@X.com" and "jane@x.com", or "555-0100" and "555 0100", share a
 * placeholder. A value with no letters or digits at all keys on itself rather than on the empty string.
 */
export const valueKey = (type: string, value: string): string => {
  const norm = value.toLowerCase().replace(/[^\p{L}\p{N}@]/gu, '');
  return `${type}:${norm || value.trim().toLowerCase()}`;
};
