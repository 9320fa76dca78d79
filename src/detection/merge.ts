import type { Finding } from '../core/finding.js';

/**
 * Resolves overlapping findings deterministically.
 * - Overlapping findings of the same type become one span (their union) with the higher score.
 * - Across types, the more confident finding wins; on a tie the longer one; then the earlier; then by
 *   recognizer id, so the result never depends on recognizer order.
 */
export function mergeFindings(text: string, findings: readonly Finding[]): Finding[] {
  const sameType = unionSameType(text, findings);
  const ranked = [...sameType].sort(
    (a, b) =>
      b.score - a.score ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      (a.recognizer < b.recognizer ? -1 : a.recognizer > b.recognizer ? 1 : 0),
  );
  const chosen: Finding[] = [];
  for (const f of ranked) {
    if (!chosen.some((c) => Math.min(c.end, f.end) > Math.max(c.start, f.start))) chosen.push(f);
  }
  return chosen.sort((a, b) => a.start - b.start);
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
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let cur: Finding | undefined;
    for (const f of list) {
      if (cur && f.start < cur.end) {
        const end = Math.max(cur.end, f.end);
        const winner = f.score > cur.score ? f : cur;
        cur = {
          ...winner,
          start: cur.start,
          end,
          value: text.slice(cur.start, end),
          score: Math.max(cur.score, f.score),
        };
      } else {
        if (cur) out.push(cur);
        cur = { ...f };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}
