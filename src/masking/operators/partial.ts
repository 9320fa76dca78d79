import type { MaskOperator } from '../types.js';

/** `****4242`: keeps the last N letters or digits of the value (default 4), masks the rest. */
export const partial: MaskOperator = ({ finding, rule }) => {
  const keep = rule.keepLast ?? 4;
  const chars = finding.value.replace(/[^\p{L}\p{N}]/gu, '');
  // Never reveal more than half of a short value.
  const shown = Math.min(keep, Math.floor(chars.length / 2));
  return `****${shown > 0 ? chars.slice(-shown) : ''}`;
};
