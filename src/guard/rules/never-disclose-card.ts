import { digitsOf } from '../../verification/normalize.js';
import type { GuardRule } from '../types.js';

const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
};

const CARD_WORDS =
  /\b(?:card|visa|mastercard|amex|debit|credit|pan|tarjeta|carte|karte|kreditkarte|cartao|carta|kaart|karta|full number|numero completo|numero complet|vollstandige nummer)\b/;
/** Printed like a card ("4152 3138 0077 6690", "3782-822463-10005"), whatever its checksum. */
const CARD_SHAPE = /^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?$|^\d{4}([ -])\d{6}\2\d{4,5}$/;

/** A full card number, at any level. Checked on the text too, in case the detector missed it. */
export const neverDiscloseCard: GuardRule = {
  id: 'guard.never-disclose.card',
  check(ctx) {
    const last4 = ctx.input.accounts.flatMap((a) => a.cardLast4.map(digitsOf)).filter((d) => d.length === 4);
    const found =
      ctx.input.findings.some((f) => f.type === 'CREDIT_CARD' && digitsOf(f.value).length >= 13) ||
      ctx.runs.some(
        (r) =>
          r.digits.length >= 13 &&
          r.digits.length <= 19 &&
          // A made-up or mistyped number is still sent as a card number when it is called one.
          (luhn(r.digits) ||
            last4.some((l) => r.digits.endsWith(l)) ||
            CARD_WORDS.test(ctx.folded.slice(Math.max(0, r.start - 40), r.start)) ||
            CARD_SHAPE.test(ctx.text.slice(r.start, r.end).trim())),
      );
    return found
      ? {
          reason: 'The message contains a full card number, which is never sent in chat.',
          hint: 'Remove the card number. After verification you may refer to a card by its last four digits.',
        }
      : undefined;
  },
};
