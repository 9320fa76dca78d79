import { describe, expect, it } from 'vitest';
import { contextAround, matchAll } from '../../src/detection/context.js';

/** Offsets of `needle` in `text`, as a recognizer would have them. */
const around = (text: string, needle: string, words: Parameters<typeof contextAround>[3]) => {
  const start = text.indexOf(needle);
  return contextAround(text.toLowerCase(), start, start + needle.length, words);
};

describe('contextAround', () => {
  const words = { positive: [/\bphone\b/, /\bcall me\b/], negative: [/\border\b/, /\btracking\b/] };
  it.each([
    { text: 'my phone is 5550100', positive: 'phone', negative: undefined },
    { text: 'Call me at 5550100', positive: 'call me', negative: undefined },
    { text: 'order 5550100', positive: undefined, negative: 'order' },
    { text: '5550100 is my tracking no', positive: undefined, negative: 'tracking' },
    { text: 'phone or order 5550100', positive: 'phone', negative: 'order' },
    { text: 'headphones 5550100', positive: undefined, negative: undefined },
    { text: 'just 5550100', positive: undefined, negative: undefined },
  ])('$text', ({ text, positive, negative }) => {
    expect(around(text, '5550100', words)).toEqual({ positive, negative });
  });

  it('only looks within the windows', () => {
    const far = `phone ${'x'.repeat(50)} 5550100`;
    expect(around(far, '5550100', words).positive).toBeUndefined();
    expect(around(far, '5550100', { ...words, before: 60 }).positive).toBe('phone');
    const after = `5550100 ${'y'.repeat(30)} order`;
    expect(around(after, '5550100', words).negative).toBeUndefined();
    expect(around(after, '5550100', { ...words, after: 40 }).negative).toBe('order');
  });

  it('does not look inside the match itself', () => {
    expect(around('x phone-5550100 y', 'phone-5550100', words).positive).toBeUndefined();
  });

  it('gives the same answer when a shared global regex is reused', () => {
    const g = { positive: [/phone/g] };
    const text = 'phone 5550100';
    const first = around(text, '5550100', g);
    const second = around(text, '5550100', g);
    expect(second).toEqual(first);
    expect(second.positive).toBe('phone');
  });
});

describe('matchAll', () => {
  it.each([
    { re: /\d+/g, text: 'a1 b22 c333', want: ['1', '22', '333'] },
    { re: /\d+/, text: 'a1 b22', want: ['1', '22'] }, // not global: still terminates and finds every match
    { re: /x*/g, text: 'ab', want: ['', '', ''] }, // zero-length matches advance
    { re: /\d+/g, text: '', want: [] },
  ])('$re on $text', ({ re, text, want }) => {
    expect([...matchAll(re, text)].map((m) => m[0])).toEqual(want);
  });

  it('restarts from 0 even if the regex was left mid-way', () => {
    const re = /\d/g;
    re.exec('1 2 3');
    expect([...matchAll(re, '1 2 3')].map((m) => m.index)).toEqual([0, 2, 4]);
  });
});
