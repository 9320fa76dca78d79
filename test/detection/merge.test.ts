import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { createDetector } from '../../src/detection/engine.js';
import { mergeFindings } from '../../src/detection/merge.js';
import type { Recognizer } from '../../src/detection/types.js';
import { PolicySchema } from '../../src/policy/schema.js';

const TEXT = 'abcdefghijklmnopqrstuvwxyz0123456789';

const f = (type: string, start: number, end: number, score = 0.8, recognizer = 'r'): Finding => ({
  type,
  start,
  end,
  score,
  recognizer,
  value: TEXT.slice(start, end),
});

const spans = (fs: readonly Finding[]) =>
  fs.map((x) => `${x.type}[${x.start},${x.end})@${x.score}/${x.recognizer}`);

describe('mergeFindings', () => {
  it.each([
    {
      name: 'disjoint findings all stay, sorted by start',
      in: [f('B', 10, 12), f('A', 0, 3)],
      out: ['A[0,3)@0.8/r', 'B[10,12)@0.8/r'],
    },
    {
      name: 'touching spans do not overlap',
      in: [f('A', 0, 3), f('A', 3, 6)],
      out: ['A[0,3)@0.8/r', 'A[3,6)@0.8/r'],
    },
    {
      name: 'same type overlapping -> union, higher score',
      in: [f('A', 0, 5, 0.6, 'x'), f('A', 3, 9, 0.9, 'y')],
      out: ['A[0,9)@0.9/y'],
    },
    {
      name: 'same type chain -> one union',
      in: [f('A', 0, 4), f('A', 3, 8), f('A', 7, 12)],
      out: ['A[0,12)@0.8/r'],
    },
    {
      name: 'same type nested -> outer span',
      in: [f('A', 2, 4, 0.9, 'in'), f('A', 0, 10, 0.5, 'out')],
      out: ['A[0,10)@0.9/in'],
    },
    {
      name: 'same type identical, score tie -> recognizer id',
      in: [f('A', 0, 4, 0.7, 'zz'), f('A', 0, 4, 0.7, 'aa')],
      out: ['A[0,4)@0.7/aa'],
    },
    {
      name: 'across types: higher score wins its span',
      in: [f('A', 2, 7, 0.6), f('B', 0, 7, 0.9)],
      out: ['B[0,7)@0.9/r'],
    },
    {
      name: 'across types: the loser keeps what sticks out',
      in: [f('A', 0, 10, 0.6), f('B', 5, 7, 0.9)],
      out: ['A[0,5)@0.6/r', 'B[5,7)@0.9/r', 'A[7,10)@0.6/r'],
    },
    {
      name: 'across types: score tie -> longer wins',
      in: [f('A', 2, 4, 0.7), f('B', 0, 9, 0.7)],
      out: ['B[0,9)@0.7/r'],
    },
    {
      name: 'across types: score and length tie -> earlier',
      in: [f('B', 2, 6, 0.7), f('A', 0, 4, 0.7)],
      out: ['A[0,4)@0.7/r', 'B[4,6)@0.7/r'],
    },
    {
      name: 'across types: full tie -> recognizer id',
      in: [f('A', 0, 4, 0.7, 'zeta'), f('B', 0, 4, 0.7, 'alpha')],
      out: ['B[0,4)@0.7/alpha'],
    },
    {
      name: 'across types: full tie, one recognizer -> type',
      in: [f('B', 0, 4, 0.7), f('A', 0, 4, 0.7)],
      out: ['A[0,4)@0.7/r'],
    },
    {
      name: 'lower-ranked findings are cut around the chosen ones',
      in: [f('A', 0, 10, 0.5), f('B', 8, 12, 0.9), f('C', 2, 5, 0.6)],
      out: ['A[0,2)@0.5/r', 'C[2,5)@0.6/r', 'A[5,8)@0.5/r', 'B[8,12)@0.9/r'],
    },
    { name: 'empty', in: [], out: [] },
  ])('$name', ({ in: input, out }) => {
    expect(spans(mergeFindings(TEXT, input))).toEqual(out);
  });

  it('leftover pieces are trimmed to letters and digits, and dropped when nothing readable is left', () => {
    const text = 'Ann, 12 Main St. (x) 😀 𝐀b';
    const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length] as const;
    const mk = (type: string, s: string, score: number): Finding => {
      const [start, end] = at(s);
      return { type, start, end, score, recognizer: 'r', value: s };
    };
    const out = mergeFindings(text, [
      mk('ADDRESS', 'Ann, 12 Main St. (x', 0.6),
      mk('PERSON', 'Ann', 0.9),
      mk('X', 'x', 0.9),
    ]);
    expect(out.map((o) => `${o.type}:${o.value}`)).toEqual(['PERSON:Ann', 'ADDRESS:12 Main St', 'X:x']);
    const emoji = mergeFindings(text, [mk('A', '(x) 😀 𝐀b', 0.5), mk('B', 'x', 0.9), mk('C', 'b', 0.9)]);
    // the emoji is not a letter, the mathematical bold A is (and is astral: kept whole)
    expect(emoji.map((o) => `${o.type}:${o.value}`)).toEqual(['B:x', 'A:𝐀', 'C:b']);
  });

  it('union value is the text it covers and keeps the winner reasons', () => {
    const [u] = mergeFindings(TEXT, [
      { ...f('A', 0, 5, 0.6), reasons: ['x'] },
      { ...f('A', 3, 9, 0.9), reasons: ['y'] },
    ]);
    expect(u).toMatchObject({ value: TEXT.slice(0, 9), reasons: ['y'] });
  });

  it('does not mutate its input', () => {
    const input = [f('A', 0, 5), f('A', 3, 9)];
    const copy = structuredClone(input);
    mergeFindings(TEXT, input);
    expect(input).toEqual(copy);
  });
});

const findingArb = fc
  .record({
    type: fc.constantFrom('EMAIL', 'PHONE', 'PERSON'),
    start: fc.integer({ min: 0, max: TEXT.length - 1 }),
    len: fc.integer({ min: 1, max: 8 }),
    score: fc.constantFrom(0.5, 0.6, 0.8, 1),
    recognizer: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
  })
  .map(({ len, ...r }) => f(r.type, r.start, Math.min(TEXT.length, r.start + len), r.score, r.recognizer));

describe('merge properties', () => {
  it('output is non-overlapping, in order, and every value is its slice', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), (input) => {
        const out = mergeFindings(TEXT, input);
        for (let i = 0; i < out.length; i++) {
          const o = out[i]!;
          expect(o.value).toBe(TEXT.slice(o.start, o.end));
          if (i > 0) expect(out[i - 1]!.end).toBeLessThanOrEqual(o.start);
        }
      }),
    );
  });

  it('every character any input finding covers stays covered (nothing detected leaks)', () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 30 }), (input) => {
        const out = mergeFindings(TEXT, input);
        for (const x of input) {
          for (let i = x.start; i < x.end; i++) expect(out.some((o) => o.start <= i && i < o.end)).toBe(true);
        }
      }),
    );
  });

  it('the result does not depend on input order', () => {
    fc.assert(
      fc.property(
        fc
          .array(findingArb, { maxLength: 20 })
          .chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length }))),
        ([a, b]) => {
          expect(mergeFindings(TEXT, b)).toEqual(mergeFindings(TEXT, a));
        },
      ),
    );
  });

  it('the engine result does not depend on recognizer order', () => {
    const policy = PolicySchema.parse({ name: 'test', masking: { minScore: 0.5 } });
    const recognizersArb = fc
      .array(fc.array(findingArb, { maxLength: 6 }), { minLength: 1, maxLength: 5 })
      .map((groups) =>
        groups.map(
          (g, i): Recognizer => ({
            id: `rec${i}`,
            types: [],
            detect: () => g.map((x) => ({ ...x, recognizer: `rec${i}` })),
          }),
        ),
      );
    fc.assert(
      fc.property(
        recognizersArb.chain((rs) =>
          fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length })),
        ),
        ([rs, shuffled]) => {
          const a = createDetector(policy, { recognizers: rs }).detect(TEXT);
          const b = createDetector(policy, { recognizers: shuffled }).detect(TEXT);
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
