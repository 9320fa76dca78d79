import type { Finding } from '../../core/finding.js';
import type { Recognizer } from '../types.js';
import { IBAN_LENGTHS, ibanMod97 } from './support/validators.js';
import { makeFinding } from './support/words.js';

const ID = 'iban';

/** Country code + check digits; the body is walked by hand so the country's length decides the end. */
const START = /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?=[ -]?[a-z0-9])/gu;
const ALNUM = /[a-z0-9]/;

/**
 * A mod-97-valid IBAN of its country's exact length is enough on its own (1 in 97 random strings pass,
 * and the length must match too). Groups may be separated by single spaces or dashes, any case, or one
 * line break where the number wrapped.
 */
export const ibanRecognizer: Recognizer = {
  id: ID,
  types: ['IBAN'],
  detect({ text, lower }) {
    const out: Finding[] = [];
    START.lastIndex = 0;
    for (let m = START.exec(lower); m !== null; m = START.exec(lower)) {
      const len = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
      if (len === undefined) continue;
      let compact = m[0].toUpperCase();
      let i = m.index + 4;
      while (compact.length < len && i < lower.length) {
        const c = lower[i]!;
        if (ALNUM.test(c)) compact += c.toUpperCase();
        else if (
          (c === ' ' || c === '-' || c === '\n') &&
          ALNUM.test(lower[i + 1] ?? '') &&
          lower[i - 1] !== ' '
        ) {
          // a separator only between groups; a line break where the number wrapped
        } else break;
        i++;
      }
      if (compact.length !== len || /[\p{L}\p{N}]/u.test(lower[i] ?? '')) continue;
      if (!ibanMod97(compact)) continue;
      out.push(makeFinding('IBAN', text, m.index, i, 0.97, ID, ['mod97']));
      START.lastIndex = i;
    }
    return out;
  },
};
