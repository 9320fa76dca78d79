import type { Finding } from '../core/finding.js';
import type { Policy } from '../policy/schema.js';
import { findKeepSpans } from './keep.js';
import { mergeFindings } from './merge.js';
import { builtinRecognizers } from './registry.js';
import { denyListRecognizer } from './recognizers/deny-list.js';
import type { Detector, Recognizer, ScanInput } from './types.js';

export interface DetectorOptions {
  /** Replaces the built-in recognizers (tests, custom builds). Policy deny lists are always added. */
  recognizers?: readonly Recognizer[];
}

/**
 * Builds a detector for a policy: runs every recognizer, drops findings inside spans agents must read
 * (order, tracking, case numbers, prices), drops allow-listed values, applies per-type thresholds, and
 * merges overlaps. Pure and synchronous; safe to share across conversations.
 */
export function createDetector(policy: Policy, options: DetectorOptions = {}): Detector {
  const recognizers: Recognizer[] = [...(options.recognizers ?? builtinRecognizers())];
  if (policy.masking.deny.length > 0) recognizers.push(denyListRecognizer(policy.masking.deny));
  const allow = new Set(policy.masking.allow.map(normalizeAllow));
  const defaultMin = policy.masking.minScore;
  const minScore = (type: string): number => policy.masking.entities[type]?.minScore ?? defaultMin;

  return {
    recognizers,
    detect(text: string): Finding[] {
      if (text.length === 0) return [];
      const input: ScanInput = { text, lower: text.toLowerCase() };
      const raw: Finding[] = [];
      for (const r of recognizers) {
        for (const f of r.detect(input)) if (f.score >= minScore(f.type)) raw.push(f);
      }
      if (raw.length === 0) return raw;
      const keep = findKeepSpans(input);
      const kept = raw.filter(
        (f) =>
          f.recognizer === 'deny-list' ||
          (!keep.some((k) => k.start <= f.start && f.end <= k.end) && !allow.has(normalizeAllow(f.value))),
      );
      return mergeFindings(text, kept);
    },
  };
}

const normalizeAllow = (v: string): string => v.toLowerCase().replace(/[\s().\-+]/g, '');
