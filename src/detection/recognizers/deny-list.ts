import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Values a policy says are always masked, matched case-insensitively on word boundaries. */
export function denyListRecognizer(entries: readonly { value: string; type: string }[]): Recognizer {
  const compiled = entries.map((e) => ({
    type: e.type,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(e.value.toLowerCase())}(?![\\p{L}\\p{N}])`, 'gu'),
  }));
  return {
    id: 'deny-list',
    types: [...new Set(entries.map((e) => e.type))],
    detect({ text, lower }) {
      const out: Finding[] = [];
      for (const { type, re } of compiled) {
        re.lastIndex = 0;
        for (let m = re.exec(lower); m; m = re.exec(lower)) {
          out.push({ type, start: m.index, end: m.index + m[0].length, score: 1, recognizer: 'deny-list', value: text.slice(m.index, m.index + m[0].length) });
        }
      }
      return out;
    },
  };
}
