import type { EntityType } from '../../../core/entities.js';
import type { Finding } from '../../../core/finding.js';

/**
 * Builds a global, unicode regex matching any of the given fragments as whole words. `\b` is ASCII-only,
 * so accented cue words (teléfono, né) need letter/number lookarounds instead.
 */
export function wordsRe(fragments: readonly string[]): RegExp {
  return new RegExp(
    `(?<![a-z0-9\\u00c0-\\u024f])(?:${fragments.join('|')})(?![a-z0-9\\u00c0-\\u024f])`,
    'gu',
  );
}

/**
 * Three or more spaces in a row mark text the engine blanked out after masking it (it rescans with found
 * values replaced by spaces); people rarely type them. A cue on the far side of one must not reach
 * across: "password is [blanked] i paid" does not make "i" a password.
 */
export const BARRIER = / {3,}/;

export function hasBarrier(lower: string, from: number, to: number): boolean {
  return to - from >= 3 && BARRIER.test(lower.slice(from, to));
}

interface CueIndex {
  lower: string;
  starts: number[];
  ends: number[];
}
/**
 * Cue positions per regex for the message being scanned: each cue regex runs once over the whole text
 * instead of once per candidate, which keeps long messages linear. Recognizers are synchronous and
 * messages are scanned one at a time, so remembering the last text per regex is enough.
 */
const cueCache = new Map<RegExp, CueIndex>();

function cueIndex(lower: string, re: RegExp): CueIndex {
  const hit = cueCache.get(re);
  if (hit && hit.lower === lower) return hit;
  const idx: CueIndex = { lower, starts: [], ends: [] };
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    idx.starts.push(m.index);
    idx.ends.push(m.index + m[0].length);
  }
  cueCache.set(re, idx);
  return idx;
}

/** Where the last cue ends in the `window` characters before `pos`; -1 when none. Distance = pos - result. */
export function lastCueEnd(lower: string, pos: number, re: RegExp, window: number): number {
  let from = Math.max(0, pos - window);
  const b = lower.slice(from, pos).lastIndexOf('   ');
  if (b >= 0) from += b + 3;
  const { starts, ends } = cueIndex(lower, re);
  // binary search for the last cue ending at or before pos
  let lo = 0;
  let hi = ends.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = found; i >= 0; i--) {
    if (ends[i]! < from) break;
    if (starts[i]! >= from) return ends[i]!;
  }
  return -1;
}

/** Where the first cue starts in the `window` characters after `pos`; -1 when none. */
export function nextCueStart(lower: string, pos: number, re: RegExp, window: number): number {
  let limit = Math.min(lower.length, pos + window);
  const b = lower.slice(pos, limit).indexOf('   ');
  if (b >= 0) limit = pos + b;
  const { starts, ends } = cueIndex(lower, re);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < starts.length && starts[i]! < limit; i++) if (ends[i]! <= limit) return starts[i]!;
  return -1;
}

/**
 * Weighs the nearest positive cue against the nearest negative one before a match (and optionally
 * after it): the closer one decides, because "order 123, my cell is 555…" and "my number for order
 * 555…" differ only in which word is next to the digits.
 */
export interface CueVerdict {
  positive: boolean;
  negative: boolean;
}

export function nearestCue(
  lower: string,
  start: number,
  end: number,
  pos: RegExp,
  neg: RegExp,
  before: number,
  after = 0,
): CueVerdict {
  const p = lastCueEnd(lower, start, pos, before);
  const n = lastCueEnd(lower, start, neg, before);
  if (p >= 0 || n >= 0) {
    if (p > n) return { positive: true, negative: false };
    return { positive: false, negative: true };
  }
  if (after > 0) {
    const pa = nextCueStart(lower, end, pos, after);
    const na = nextCueStart(lower, end, neg, after);
    if (pa >= 0 && (na < 0 || pa < na)) return { positive: true, negative: false };
    if (na >= 0) return { positive: false, negative: true };
  }
  return { positive: false, negative: false };
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Math.round(x * 1000) / 1000);

export function makeFinding(
  type: EntityType,
  text: string,
  start: number,
  end: number,
  score: number,
  recognizer: string,
  reasons?: string[],
): Finding {
  const f: Finding = { type, start, end, score: clamp01(score), recognizer, value: text.slice(start, end) };
  if (reasons && reasons.length > 0) f.reasons = reasons;
  return f;
}

/** Counts ASCII digits; the cheap prefilter most numeric recognizers start with. */
export function countDigits(s: string, stopAt = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n >= stopAt) return n;
  }
  return n;
}

export const digitsOf = (s: string): string => s.replace(/\D/g, '');
