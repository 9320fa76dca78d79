import type { Finding } from '../core/finding.js';
import type { Policy } from '../policy/schema.js';
import { CUSTOM_PREFIX, customRecognizers } from './custom.js';
import { findKeepSpans } from './keep.js';
import { mergeFindings } from './merge.js';
import { denyListRecognizer } from './recognizers/deny-list.js';
import { builtinRecognizers } from './registry.js';
import type { Detector, KeepSpan, Recognizer, ScanInput } from './types.js';

export interface DetectorOptions {
  /**
   * Replaces the built-in recognizers (tests, custom builds). Policy deny lists and policy-defined
   * recognizers are always added.
   */
  recognizers?: readonly Recognizer[];
}

/**
 * Builds a detector for a policy: runs every recognizer, drops findings inside spans agents must read
 * (order, tracking, case numbers, prices) and inside Veil's own mask tokens, drops allow-listed values,
 * applies per-type thresholds, and merges overlaps. Pure and synchronous; safe to share across conversations.
 */
export function createDetector(policy: Policy, options: DetectorOptions = {}): Detector {
  const recognizers: Recognizer[] = [...(options.recognizers ?? builtinRecognizers())];
  recognizers.push(...customRecognizers(policy.recognizers ?? []));
  if (policy.masking.deny.length > 0) recognizers.push(denyListRecognizer(policy.masking.deny));
  // The business's own public contact details are not customer PII, so they are allowed like `allow`.
  const allow = new Set(
    [...policy.masking.allow, ...policy.business.emails, ...policy.business.phones]
      .map(normalizeAllow)
      .filter((v) => v.length > 0),
  );
  const defaultMin = policy.masking.minScore;
  const minScore = (type: string): number =>
    (Object.hasOwn(policy.masking.entities, type) ? policy.masking.entities[type]?.minScore : undefined) ??
    defaultMin;

  /** Every recognizer over one text, offsets and values taken from the original (same length). */
  const scan = (text: string, scanned: string, lower = lowerSameLength(scanned)): Finding[] => {
    const input: ScanInput = { text: scanned, lower };
    const out: Finding[] = [];
    for (const r of recognizers) {
      for (const f of r.detect(input)) {
        const sane = sanitize(text, f);
        if (sane && sane.score >= minScore(sane.type)) out.push(sane);
      }
    }
    return out;
  };

  return {
    recognizers,
    detect(text: string): Finding[] {
      if (text.length === 0) return [];
      // Veil's own tokens are invisible to recognizers: "[REDACTED SSN]" or "[PHONE_1]" must not act as a
      // context cue for the number next to it, or masked text would score differently from the original.
      const tokens = findMaskTokens(text);
      const visible = tokens.length > 0 ? blank(text, tokens) : text;
      // one lowercase copy serves the first scan and the keep spans when no mask token was blanked
      const lower = lowerSameLength(text);
      const raw = visible === text ? scan(text, visible, lower) : scan(text, visible);
      if (raw.length === 0) return raw;
      const keep = findKeepSpans({ text, lower });
      const wanted = (f: Finding): boolean => {
        if (insideAny(tokens, f)) return false;
        // A deny-listed value is masked even inside a keep span or when also allowed: fail closed.
        if (f.recognizer === 'deny-list') return true;
        if (allow.has(normalizeAllow(f.value))) return false;
        // A policy's own recognizer is an explicit statement that its matches are personal data; the keep
        // heuristics ("looks like an order number") must not overrule it.
        return isCustom(f) || !insideAny(keep, f);
      };
      // Merging can cut a losing finding into pieces; each piece faces the same rules (keep spans, allow list).
      let found = mergeFindings(text, raw.filter(wanted)).filter(wanted);
      // Values typed back to back ("card 4111… 5500…", "+1 702 946 1355 10.0.0.1") can hide each other: a
      // recognizer sees one over-long number and rejects it. Once the first is masked its neighbour stands
      // alone and would be found on the next message that quotes it. Rescanning with what was found blanked
      // out finds it now, and makes masking idempotent.
      for (let pass = 1; pass < MAX_PASSES && found.length > 0; pass++) {
        const more = scan(text, blank(visible, found)).filter(wanted);
        if (more.length === 0) break;
        found = mergeFindings(text, [...found, ...more]).filter(wanted);
      }
      return found;
    },
  };
}

const MAX_PASSES = 3;

const isCustom = (f: Finding): boolean => f.recognizer.startsWith(CUSTOM_PREFIX);

/** The text with the given spans (sorted by start) replaced by spaces: same offsets, nothing left to match. */
function blank(text: string, spans: readonly { start: number; end: number }[]): string {
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    const start = Math.max(cursor, s.start);
    out += text.slice(cursor, start) + ' '.repeat(s.end - start);
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

/** Case and format-insensitive identity for allow lists: "+1 (800) 555-0100" equals "18005550100". */
export const normalizeAllow = (v: string): string => v.toLowerCase().replace(/[^\p{L}\p{N}@]/gu, '');

const insideAny = (spans: readonly { start: number; end: number }[], f: Finding): boolean =>
  spans.some((s) => s.start <= f.start && f.end <= s.end);

/**
 * Text Veil itself writes in place of a value (see src/masking/operators): `[EMAIL_1]`, `[REDACTED SSN]`,
 * `[EMAIL#3f9a1c0e2b]`, `****4242` and the drop-message notice. Kept in step with the operators by
 * test/masking/operators.test.ts.
 */
const MASK_TOKEN =
  /\[(?:[A-Z][A-Z0-9_]*_\d+|REDACTED [A-Z][A-Z0-9_]*|[A-Z][A-Z0-9_]*#[0-9a-f]{10}|message withheld: it contained [A-Z0-9_, ]+)\]|\*{4,}[\p{L}\p{N}]{0,8}(?![\p{L}\p{N}])/gu;

export function findMaskTokens(text: string): KeepSpan[] {
  const out: KeepSpan[] = [];
  MASK_TOKEN.lastIndex = 0;
  for (let m = MASK_TOKEN.exec(text); m !== null; m = MASK_TOKEN.exec(text)) {
    out.push({ kind: 'MASK_TOKEN', start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Lowercase with the same UTF-16 offsets as the text, which recognizers rely on. `toLowerCase` can grow a
 * string (U+0130 "İ" becomes "i̇"); such characters are left as they are.
 */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * Guards against recognizer bugs: offsets are clamped into the text and widened so no surrogate pair is
 * split (a half-masked emoji would be a broken character, and widening only masks more), and `value` is
 * always the text it covers. Empty or non-finite spans are dropped.
 */
function sanitize(text: string, f: Finding): Finding | undefined {
  if (!Number.isFinite(f.start) || !Number.isFinite(f.end) || !Number.isFinite(f.score)) return undefined;
  let start = Math.max(0, Math.min(text.length, Math.floor(f.start)));
  let end = Math.max(0, Math.min(text.length, Math.ceil(f.end)));
  if (end <= start) return undefined;
  if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start--;
  if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end++;
  // "…3827 3) 1 December": a list's own number after a value is the list's, not the value's.
  // (the closing bracket is tested first: most findings are followed by something else)
  if (text[end] === ')') {
    const enumerator = /\s+\d{1,2}$/.exec(text.slice(start, end));
    if (enumerator && !text.slice(start, end).includes('(') && enumerator.index > 0)
      end = start + enumerator.index;
  }
  if (start === f.start && end === f.end && f.value === text.slice(start, end)) return f;
  return { ...f, start, end, value: text.slice(start, end) };
}
