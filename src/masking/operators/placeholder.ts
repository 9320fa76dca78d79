import { type MaskOperator, valueKey } from '../types.js';

/** `[EMAIL_1]`: numbered per label; the same value keeps its number for the whole conversation. */
export const placeholder: MaskOperator = ({ finding, label, tokens }) => {
  const key = valueKey(finding.type, finding.value);
  // Own properties only: token maps are plain JSON objects.
  const existing = Object.hasOwn(tokens.byKey, key) ? tokens.byKey[key] : undefined;
  if (existing) return existing;
  const n = (Object.hasOwn(tokens.counters, label) ? tokens.counters[label]! : 0) + 1;
  tokens.counters[label] = n;
  const token = `[${label}_${n}]`;
  tokens.byKey[key] = token;
  tokens.values[token] = { type: finding.type, value: finding.value };
  return token;
};
