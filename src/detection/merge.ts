import type { Finding } from '../core/finding.js';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Resolves overlapping findings deterministically.
 * - Overlapping findings of the same type become one span (their union) with the higher score.
 * - Across types, the more confident finding wins; on a tie the longer one; then the earlier; then by
 *   recognizer id (then type), so the result never depends on recognizer order.
 * - A losing finding keeps the parts that stick out of the winners (trimmed to letters and digits), so no
 *   character anyone detected is left readable: fail closed.
 */
export function mergeFindings(text: string, findings: readonly Finding[]): Finding[] {
  const sameType = unionSameType(text, findings);
  const ranked = sameType.sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      byString(a.recognizer, b.recognizer) ||
      byString(a.type, b.type),
  );
  // Chosen findings never overlap, so sorted by start they are sorted by end too: overlap lookups are
  // a binary search, which keeps long messages (hundreds of findings) linear-ish.
  const chosen: Finding[] = [];
  for (const f of ranked) {
    const first = firstEndingAfter(chosen, f.start);
    let last = first;
    while (last < chosen.length && chosen[last]!.start < f.end) last++;
    if (first === last) {
      chosen.splice(first, 0, f);
      continue;
    }
    const pieces: Finding[] = [];
    let cursor = f.start;
    for (let i = first; i <= last; i++) {
      const gapEnd = i < last ? chosen[i]!.start : f.end;
      const piece = cursor < gapEnd ? trimToWord(text, { start: cursor, end: gapEnd }) : undefined;
      if (piece)
        pieces.push({ ...f, start: piece.start, end: piece.end, value: text.slice(piece.start, piece.end) });
      if (i < last) cursor = chosen[i]!.end;
    }
    // Pieces lie in the gaps between chosen[first..last), in order: insert each at its place.
    for (const p of pieces) chosen.splice(firstEndingAfter(chosen, p.start), 0, p);
  }
  return chosen;
}

interface Span {
  start: number;
  end: number;
}

/** Index of the first span in `sorted` (non-overlapping, by start) that ends after `pos`. */
function firstEndingAfter(sorted: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Shrinks a leftover piece to its first..last letter or digit; nothing readable left means no piece. */
function trimToWord(text: string, p: Span): Span | undefined {
  let { start, end } = p;
  while (start < end) {
    const ch = String.fromCodePoint(text.codePointAt(start)!);
    if (WORD_CHAR.test(ch)) break;
    start += ch.length;
  }
  while (end > start) {
    const pair = end - start >= 2 && /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(text.slice(end - 2, end));
    const ch = text.slice(pair ? end - 2 : end - 1, end);
    if (WORD_CHAR.test(ch)) break;
    end -= ch.length;
  }
  return start < end ? { start, end } : undefined;
}

function unionSameType(text: string, findings: readonly Finding[]): Finding[] {
  const byType = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byType.get(f.type);
    if (list) list.push(f);
    else byType.set(f.type, [f]);
  }
  const out: Finding[] = [];
  for (const list of byType.values()) {
    // Full ordering, so which finding lends its recognizer and reasons to a union never depends on input order.
    list.sort(
      (a, b) =>
        a.start - b.start || b.end - a.end || b.score - a.score || byString(a.recognizer, b.recognizer),
    );
    let cur: Finding | undefined;
    for (const f of list) {
      if (cur && f.start < cur.end) {
        const end = Math.max(cur.end, f.end);
        const winner = f.score > cur.score ? f : cur;
        cur = { ...winner, start: cur.start, end, value: text.slice(cur.start, end) };
      } else {
        if (cur) out.push(cur);
        cur = { ...f };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}
