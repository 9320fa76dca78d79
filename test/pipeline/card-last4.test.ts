import { describe, expect, it } from 'vitest';
import { cardLast4Claims } from '../../src/pipeline/card-last4.js';

describe('cardLast4Claims', () => {
  it.each([
    ['the card ending 4417', ['4417']],
    ['my visa ending in 0005 was charged', ['0005']],
    ['Mastercard ends with 9031.', ['9031']],
    ['last four of my card are 5520', ['5520']],
    ['the card, last 4 digits: 1881', ['1881']],
    ['credit card ending in 1234 and debit ending 5678', ['1234', '5678']],
  ])('%s', (text, expected) => {
    expect(cardLast4Claims(text).map((f) => f.value)).toEqual(expected);
  });

  it.each([
    'order ending 4417',
    'my phone ends in 0117',
    'the card arrived on 12/04',
    'card 4111 1111 1111 1111',
  ])('no claim: %s', (text) => {
    expect(cardLast4Claims(text)).toEqual([]);
  });
});
