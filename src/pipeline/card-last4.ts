import type { Finding } from '../core/finding.js';

/**
 * "the card ending 4417", "visa ending in 4417", "last 4 of my card are 4417": a claim about the card on
 * file. Four digits alone are not PII (the detector leaves them), but they identify an account, so the
 * pipeline passes them to the directory and the verification machine as `CARD_LAST4` claims.
 */
const CARD_LAST4 =
  /\b(?:card|visa|master ?card|amex|discover|debit|credit)\b[^.!?\n\d]{0,24}?\b(?:ending|ends|last\s*(?:4|four)(?:\s*digits)?)\b(?:\s*(?:in|with|is|are|of|:))*\s*(\d{4})\b/gi;

const LAST4_OF_CARD =
  /\blast\s*(?:4|four)(?:\s*digits)?\s+(?:of|on)\s+(?:my|the|our)\s+(?:card|visa|master ?card|amex|discover|debit card|credit card)\b(?:\s*(?:is|are|:))?\s*(\d{4})\b/gi;

export function cardLast4Claims(text: string): Finding[] {
  const out: Finding[] = [];
  for (const m of [...text.matchAll(CARD_LAST4), ...text.matchAll(LAST4_OF_CARD)]) {
    const digits = m[1]!;
    const start = m.index + m[0].length - digits.length;
    out.push({
      type: 'CARD_LAST4',
      start,
      end: start + 4,
      score: 0.9,
      recognizer: 'card-last4-claim',
      value: digits,
    });
  }
  return out;
}
