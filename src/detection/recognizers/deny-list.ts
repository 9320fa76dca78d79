import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whitespace inside a value matches any run of whitespace, so "ACME  1234" is still "ACME 1234". */
const pattern = (value: string): string => value.trim().split(/\s+/u).map(escapeRegExp).join('\\s+');

/**
 * Values a policy says are always masked, with the type the policy gives them. Matched case-insensitively
 * (Unicode case folding, on the original text so offsets are exact) and only as whole words: a letter or
 * digit right before or after means it is part of something else.
 */
export function denyListRecognizer(entries: readonly { value: string; type: string }[]): Recognizer {
  const compiled = entries
    .filter((e) => e.value.trim().length > 0)
    .map((e) => ({
      type: e.type,
      re: new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${pattern(e.value)}(?![\\p{L}\\p{N}\\p{M}])`, 'giu'),
    }));
  return {
    id: 'deny-list',
    types: [...new Set(entries.map((e) => e.type))],
    detect({ text }) {
      const out: Finding[] = [];
      for (const { type, re } of compiled) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          const end = m.index + m[0].length;
          out.push({ type, start: m.index, end, score: 1, recognizer: 'deny-list', value: m[0] });
        }
      }
      return out;
    },
  };
}
