import { describe, expect, it } from 'vitest';
import { backtrackingRisk, MAX_REGEX_LENGTH, regexProblem } from '../../src/policy/regex.js';

describe('policy regexes', () => {
  it.each([
    '\\bLY-?\\d{8}\\b',
    '\\b(?:cvv|cvc)\\s*\\d{3,4}\\b',
    '(\\d{3}-)?\\d{4}',
    '[A-Z]{2}\\d{6}',
    '(?<=member )\\d{6}',
    '(?<id>[a-z]{3})-\\d+',
    '(ab|cd){2}',
    '[(+*]+x',
    '\\(\\d+\\)+',
  ])('accepts %s', (source) => {
    expect(regexProblem(source)).toBeUndefined();
  });

  it.each([
    ['(a+)+', /repeats a group that already repeats/],
    ['(\\d+\\s?)*x', /repeats a group that already repeats/],
    ['(?:[a-z]{1,20}\\.)+com', /repeats a group that already repeats/],
    ['((ab)*c)+', /repeats a group that already repeats/],
    ['(a|ab)*c', /repeats a group of alternatives/],
    ['(x|y){2,}', /repeats a group of alternatives/],
    ['(a)\\1', /back-reference/],
    ['(?<n>a)\\k<n>', /back-reference/],
    ['[a-', /not a valid regular expression/],
    ['(abc', /not a valid regular expression/],
    ['\\-', /not a valid regular expression/], // strict unicode syntax
    ['a*', /matches empty text/],
    ['', /must not be empty/],
    ['x'.repeat(MAX_REGEX_LENGTH + 1), /the limit is 300/],
  ])('rejects %s', (source, why) => {
    expect(regexProblem(source)).toMatch(why);
  });

  it('checks with the flags the pattern will run with', () => {
    expect(regexProblem('abc', 'i')).toBeUndefined();
    expect(backtrackingRisk('[(]+')).toBeUndefined();
  });
});
