import type { Finding } from '../core/finding.js';
import type { EntityRule, Policy } from '../policy/schema.js';
import { operators } from './operators/index.js';
import type { MaskResult, Replacement, TokenMap } from './types.js';

/** Types without a rule in the policy are still masked: fail closed. */
const FALLBACK_RULE: EntityRule = { action: 'placeholder' };

export interface MaskOptions {
  /** Key for the `hash` operator (VEIL_SECRET). */
  secret?: string;
}

/**
 * Replaces each finding with what its policy rule says. Findings must not overlap (the detector
 * guarantees it). Mutates `tokens` so numbering carries across the conversation's messages.
 */
export function maskText(
  text: string,
  findings: readonly Finding[],
  tokens: TokenMap,
  policy: Policy,
  options: MaskOptions = {},
): MaskResult {
  const secret = options.secret ?? 'veil-default-hash-key';
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const droppedTypes = [
    ...new Set(sorted.filter((f) => ruleFor(policy, f.type).action === 'drop-message').map((f) => f.type)),
  ];
  if (droppedTypes.length > 0) {
    return {
      masked: `[message withheld: it contained ${droppedTypes.join(', ')}]`,
      replacements: [],
      dropped: true,
      droppedTypes,
    };
  }
  const parts: string[] = [];
  const replacements: Replacement[] = [];
  let cursor = 0;
  for (const f of sorted) {
    if (f.start < cursor) continue; // defensive: overlapping input is skipped, never half-applied
    const rule = ruleFor(policy, f.type);
    const action = rule.action as Exclude<typeof rule.action, 'drop-message'>;
    const label = safeLabel(rule.label ?? f.type);
    const replacement = operators[action]({ finding: f, rule, label, tokens, secret });
    parts.push(text.slice(cursor, f.start), replacement);
    replacements.push({ type: f.type, start: f.start, end: f.end, replacement, action });
    cursor = f.end;
  }
  parts.push(text.slice(cursor));
  return { masked: parts.join(''), replacements, dropped: false, droppedTypes: [] };
}

/**
 * Labels are UPPER_SNAKE (the policy schema enforces it for configured ones). A recognizer's odd type name
 * is coerced too, so every token matches the pattern the detector skips (idempotence) and no label can
 * collide with an Object.prototype member in the token map.
 */
export const safeLabel = (raw: string): string => {
  const l = raw.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[A-Z]/.test(l) ? l : `PII_${l}`;
};

/** Own properties only: a type named like an Object.prototype member must not find a "rule" there. */
export const ruleFor = (policy: Policy, type: string): EntityRule =>
  Object.hasOwn(policy.masking.entities, type) ? policy.masking.entities[type]! : FALLBACK_RULE;
