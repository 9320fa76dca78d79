import type { Finding } from '../core/finding.js';
import type { RecognizerSpec, ValidatorName } from '../policy/schema.js';
import { ibanMod97, IBAN_LENGTHS, luhn, ssnValid } from './recognizers/support/validators.js';
import type { Recognizer } from './types.js';

/** Check-digit tests a policy can ask for, on the match with spaces, dashes and dots removed. */
const VALIDATE: Readonly<Record<ValidatorName, (compact: string) => boolean>> = {
  luhn: (v) => /^\d{2,}$/.test(v) && luhn(v),
  mod97: (v) => /^[0-9A-Z]{3,}$/.test(v) && mod97(v),
  iban: (v) => /^[A-Z]{2}\d{2}[0-9A-Z]+$/.test(v) && IBAN_LENGTHS[v.slice(0, 2)] === v.length && ibanMod97(v),
  ssn: (v) => /^\d{9}$/.test(v) && ssnValid(v.slice(0, 3), v.slice(3, 5), v.slice(5)),
};

/** ISO 7064 MOD 97-10 over digits and letters (A=10 … Z=35): valid when the remainder is 1. */
function mod97(v: string): boolean {
  let rem = 0;
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    rem = c <= 57 ? (rem * 10 + (c - 48)) % 97 : (rem * 100 + (c - 55)) % 97;
  }
  return rem === 1;
}

/** Recognizer ids of policy-defined recognizers start with this; the engine trusts them over keep spans. */
export const CUSTOM_PREFIX = 'custom:';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Builds a recognizer from a policy's `recognizers` entry. The schema has already refused invalid or
 * backtracking-prone patterns, so compiling here cannot fail for a loaded policy. Patterns are compiled
 * once, when the detector is built.
 */
export function customRecognizer(spec: RecognizerSpec): Recognizer {
  const id = `${CUSTOM_PREFIX}${spec.name}`;
  // Same flags as the schema's check (src/policy/regex.ts compileRegex): global and unicode.
  const flags = `${[...new Set(spec.flags)].join('')}gu`;
  const patterns = spec.patterns.map((p) => ({ re: new RegExp(p.regex, flags), score: p.score }));
  const validate = spec.validator ? VALIDATE[spec.validator] : undefined;
  const context = spec.context
    ? {
        re: new RegExp(
          `(?<![\\p{L}\\p{N}])(?:${spec.context.words.map((w) => escapeRegExp(w.toLowerCase())).join('|')})(?![\\p{L}\\p{N}])`,
          'u',
        ),
        boost: spec.context.boost,
        window: spec.context.window,
      }
    : undefined;
  return {
    id,
    types: [spec.type],
    detect({ text, lower }) {
      const out: Finding[] = [];
      for (const { re, score } of patterns) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const start = m.index;
          const end = start + m[0].length;
          if (validate && !validate(m[0].replace(/[\s.-]/g, '').toUpperCase())) continue;
          let s = score;
          const reasons: string[] = [];
          if (context) {
            const near = `${lower.slice(Math.max(0, start - context.window), start)} ${lower.slice(end, end + context.window)}`;
            if (context.re.test(near)) {
              s = Math.min(1, s + context.boost);
              reasons.push('context');
            }
          }
          if (validate) reasons.push(spec.validator!);
          out.push({
            type: spec.type,
            start,
            end,
            score: s,
            recognizer: id,
            value: m[0],
            ...(reasons.length > 0 ? { reasons } : {}),
          });
        }
      }
      return out;
    },
  };
}

export const customRecognizers = (specs: readonly RecognizerSpec[]): Recognizer[] =>
  specs.map(customRecognizer);
