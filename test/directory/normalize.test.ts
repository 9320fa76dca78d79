import { describe, expect, it } from 'vitest';
import { nameTokens, namesMatch, phoneDigits, phonesMatch } from '../../src/directory/normalize.js';

describe('directory normalisation', () => {
  it('reads phone digits, treating a 00 prefix as +', () => {
    expect(phoneDigits('+1 (503) 555-0117')).toBe('15035550117');
    expect(phoneDigits('0044 20 7946 0958')).toBe('442079460958');
    expect(phoneDigits('020 7946 0958')).toBe('02079460958');
  });

  it('does not let a country-code allowance join different numbers', () => {
    expect(phonesMatch('+1 503 555 0117', '(503) 555-0117')).toBe(true);
    expect(phonesMatch('+1 503 555 0117', '+49 503 555 0117')).toBe(false);
    expect(phonesMatch('5550117', '+1 503 555 0117')).toBe(false);
    expect(phonesMatch('12345', '12345')).toBe(false);
    expect(phonesMatch('+1234 503 555 0117', '503 555 0117')).toBe(false);
  });

  it('turns names into comparable words', () => {
    expect(nameTokens("O'Neill, Margaret")).toEqual(['margaret', 'oneill']);
    expect(nameTokens('Zoë  Müller-Lüdenscheidt')).toEqual(['zoe', 'muller', 'ludenscheidt']);
    expect(namesMatch('Margaret ONeill', 'O’Neill, Margaret')).toBe(true);
    expect(namesMatch('Margaret Neill', "Margaret O'Neill")).toBe(false);
    expect(namesMatch('', 'Jane Doe')).toBe(false);
  });
});
