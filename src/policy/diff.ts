import type { AccountRecord } from '../core/account.js';
import type { Finding } from '../core/finding.js';
import { VERIFICATION_LEVELS, type VerificationLevel } from '../core/verification.js';
import { AccountRecordFileSchema, toAccountRecord } from '../directory/schema.js';
import { ruleFor } from '../masking/engine.js';
import { activatePolicy } from './activate.js';
import { guardAgentMessage } from './cases.js';
import { comparePolicies, type PolicyChange } from './changes.js';
import type { ActivePolicy } from './registry.js';
import type { LoadedPolicy } from './schema.js';

/** One corpus line: a customer `text`, an `agent` message, or both. */
export interface CorpusItem {
  id: string;
  text?: string | undefined;
  agent?: string | undefined;
  level?: VerificationLevel | undefined;
  account?: AccountRecord | undefined;
}

/** A group of differences: how many, and which corpus ids show it (never the values). */
export interface DiffBucket {
  /** An entity type, or a guard rule. */
  key: string;
  count: number;
  examples: string[];
}

export interface CorpusDiff {
  settings: PolicyChange[];
  messages: number;
  agentMessages: number;
  /** Values masked under the new policy and visible to agents under the old one. */
  newlyMasked: DiffBucket[];
  /** Values visible to agents under the new policy and masked under the old one. */
  newlyVisible: DiffBucket[];
  /** Agent messages the new policy blocks and the old delivered, by the new rule. */
  newlyBlocked: DiffBucket[];
  /** Agent messages the new policy delivers and the old blocked, by the old rule. */
  newlyDelivered: DiffBucket[];
}

const MAX_EXAMPLES = 5;

/**
 * Parses one JSON Lines record of a diff corpus. Returns a reason for a bad line, worded without its
 * content (which may be PII).
 */
export function parseCorpusLine(line: string, lineNo: number): CorpusItem | { error: string } | null {
  if (line.trim() === '') return null;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { error: 'expected an object {"id","text"}' };
  const r = v as Record<string, unknown>;
  if (r.text !== undefined && typeof r.text !== 'string') return { error: '"text" must be a string' };
  if (r.agent !== undefined && typeof r.agent !== 'string') return { error: '"agent" must be a string' };
  if (r.text === undefined && r.agent === undefined) return { error: 'needs "text" or "agent"' };
  if (r.level !== undefined && !(VERIFICATION_LEVELS as readonly unknown[]).includes(r.level))
    return { error: `"level" must be one of ${VERIFICATION_LEVELS.join(', ')}` };
  let account: AccountRecord | undefined;
  if (r.account !== undefined) {
    const a = AccountRecordFileSchema.safeParse(r.account);
    if (!a.success)
      return {
        error: `"account" is not a valid account record (${a.error.issues[0]?.path.join('.') ?? ''})`,
      };
    account = toAccountRecord(a.data);
  }
  return {
    id: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : `line ${lineNo}`,
    text: r.text as string | undefined,
    agent: r.agent as string | undefined,
    level: r.level as VerificationLevel | undefined,
    account,
  };
}

/** Findings an agent would not see in clear: every action but keep. */
const maskedBy = (active: ActivePolicy, text: string): Finding[] =>
  active.detector.detect(text).filter((f) => ruleFor(active.policy, f.type).action !== 'keep');

const overlapsAny = (f: Finding, others: readonly Finding[]): boolean =>
  others.some((o) => Math.min(o.end, f.end) > Math.max(o.start, f.start));

class Buckets {
  private readonly map = new Map<string, DiffBucket>();
  add(key: string, id: string): void {
    let b = this.map.get(key);
    if (!b) {
      b = { key, count: 0, examples: [] };
      this.map.set(key, b);
    }
    b.count++;
    if (b.examples.length < MAX_EXAMPLES && !b.examples.includes(id)) b.examples.push(id);
  }
  list(): DiffBucket[] {
    return [...this.map.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

/**
 * What changes for agents and customers when `next` replaces `old`, over a corpus of messages. Messages run
 * through each policy as the pipeline would run it; settings are compared as written in the files.
 */
export function diffPolicies(
  oldLoaded: LoadedPolicy,
  nextLoaded: LoadedPolicy,
  corpus: Iterable<CorpusItem>,
): CorpusDiff {
  const old = activatePolicy(oldLoaded);
  const next = activatePolicy(nextLoaded);
  const masked = new Buckets();
  const visible = new Buckets();
  const blocked = new Buckets();
  const delivered = new Buckets();
  let messages = 0;
  let agentMessages = 0;
  for (const item of corpus) {
    if (item.text !== undefined) {
      messages++;
      const a = maskedBy(old, item.text);
      const b = maskedBy(next, item.text);
      for (const f of b) if (!overlapsAny(f, a)) masked.add(f.type, item.id);
      for (const f of a) if (!overlapsAny(f, b)) visible.add(f.type, item.id);
    }
    if (item.agent !== undefined) {
      agentMessages++;
      const input = {
        text: item.agent,
        level: item.level ?? ('none' as const),
        account: item.account,
        customerSaid: item.text !== undefined ? [item.text] : [],
      };
      const va = guardAgentMessage(old, input);
      const vb = guardAgentMessage(next, input);
      if (va.decision === 'deliver' && vb.decision === 'block') blocked.add(vb.rule, item.id);
      if (va.decision === 'block' && vb.decision === 'deliver') delivered.add(va.rule, item.id);
    }
  }
  return {
    settings: comparePolicies(oldLoaded.policy, nextLoaded.policy),
    messages,
    agentMessages,
    newlyMasked: masked.list(),
    newlyVisible: visible.list(),
    newlyBlocked: blocked.list(),
    newlyDelivered: delivered.list(),
  };
}
