import { describe, expect, it } from 'vitest';
import { customRecognizer } from '../../src/detection/custom.js';
import { createDetector } from '../../src/detection/engine.js';
import { lowerSameLength } from '../../src/detection/engine.js';
import { PolicySchema, type PolicyInput, type RecognizerSpec } from '../../src/policy/schema.js';

const spec = (over: Partial<RecognizerSpec> & Pick<RecognizerSpec, 'patterns'>): RecognizerSpec => ({
  name: 'test',
  type: 'LOYALTY_ID',
  flags: '',
  ...over,
});
const run = (s: RecognizerSpec, text: string) =>
  customRecognizer(s).detect({ text, lower: lowerSameLength(text) });

describe('custom recognizers from a policy', () => {
  it('finds every match of every pattern, with offsets and its own id', () => {
    const r = run(
      spec({
        patterns: [
          { regex: 'LY-\\d{4}', score: 0.9 },
          { regex: 'M\\d{3}', score: 0.6 },
        ],
      }),
      'LY-1234 and M555, LY-9999',
    );
    expect(r.map((f) => [f.value, f.start, f.end, f.score, f.recognizer])).toEqual([
      ['LY-1234', 0, 7, 0.9, 'custom:test'],
      ['LY-9999', 18, 25, 0.9, 'custom:test'],
      ['M555', 12, 16, 0.6, 'custom:test'],
    ]);
  });

  it('flags apply: i ignores case, none is case-sensitive', () => {
    expect(run(spec({ patterns: [{ regex: 'ly-\\d{4}', score: 0.9 }] }), 'LY-1234')).toEqual([]);
    expect(run(spec({ flags: 'i', patterns: [{ regex: 'ly-\\d{4}', score: 0.9 }] }), 'LY-1234')).toHaveLength(
      1,
    );
  });

  it.each([
    ['luhn', '4111 1111 1111 1111', true],
    ['luhn', '4111 1111 1111 1112', false],
    ['mod97', '123456789012345678 00', false],
    ['iban', 'DE89 3704 0044 0532 0130 00', true],
    ['iban', 'DE89 3704 0044 0532 0130 01', false],
    ['iban', 'DE89 3704 0044 0532 0130', false],
    ['ssn', '123-45-6789', true],
    ['ssn', '666-45-6789', false],
    ['ssn', '123-00-6789', false],
  ] as const)('validator %s on %s: %s', (validator, value, ok) => {
    const s = spec({ validator, patterns: [{ regex: '[A-Z0-9][A-Z0-9 -]{5,40}[A-Z0-9]', score: 0.9 }] });
    expect(run(s, value).length).toBe(ok ? 1 : 0);
  });

  it('mod97 accepts a value whose ISO 7064 remainder is 1 and nothing else', () => {
    // Built from the definition (a multiple of 97, plus 1) rather than copied from elsewhere.
    const base = 1234567890n;
    const valid = (base * 97n + 1n).toString();
    const s = spec({ validator: 'mod97', patterns: [{ regex: '\\d{6,}', score: 0.9 }] });
    expect(run(s, valid)).toHaveLength(1);
    expect(run(s, (base * 97n + 2n).toString())).toHaveLength(0);
  });

  it('context words near a match add the boost, capped at 1; far away they do not', () => {
    const s = spec({
      patterns: [{ regex: '\\b\\d{10}\\b', score: 0.3 }],
      context: { words: ['loyalty', 'member number'], boost: 0.4, window: 20 },
    });
    expect(run(s, 'my loyalty number is 1234567890')[0]?.score).toBeCloseTo(0.7);
    expect(run(s, '1234567890 is my member number')[0]?.score).toBeCloseTo(0.7);
    expect(run(s, `loyalty ${'x'.repeat(30)} 1234567890`)[0]?.score).toBeCloseTo(0.3);
    expect(run(s, 'disloyalty 1234567890')[0]?.score).toBeCloseTo(0.3); // whole words only
    const capped = spec({
      patterns: [{ regex: '\\d{4}', score: 0.9 }],
      context: { words: ['pin'], boost: 0.5, window: 10 },
    });
    expect(run(capped, 'pin 1234')[0]?.score).toBe(1);
  });
});

const policy = (extra: Partial<PolicyInput> = {}) =>
  PolicySchema.parse({
    name: 'p',
    masking: { entities: {} },
    recognizers: [
      {
        name: 'loyalty-id',
        type: 'LOYALTY_ID',
        patterns: [
          { regex: '\\bLY-?\\d{8}\\b', score: 0.9 },
          { regex: '\\b\\d{10}\\b', score: 0.3 },
        ],
        context: { words: ['loyalty'], boost: 0.4, window: 30 },
      },
    ],
    ...extra,
  });

describe('the engine runs policy recognizers alongside the built-ins', () => {
  it('adds them to the detector; the built-ins still run', () => {
    const d = createDetector(policy());
    expect(d.recognizers.map((r) => r.id)).toContain('custom:loyalty-id');
    const types = d.detect('LY-12345678, email a.b@example.org').map((f) => f.type);
    expect(types.sort()).toEqual(['EMAIL', 'LOYALTY_ID']);
  });

  it('applies the minScore of the type: a weak match counts only with its context', () => {
    const d = createDetector(policy());
    expect(d.detect('my order 1234567890 is late')).toEqual([]);
    expect(d.detect('loyalty 1234567890').map((f) => f.type)).toEqual(['LOYALTY_ID']);
    const strict = createDetector(
      policy({ masking: { entities: { LOYALTY_ID: { action: 'placeholder', minScore: 0.95 } } } }),
    );
    expect(strict.detect('LY-12345678')).toEqual([]);
  });

  it('wins over the keep heuristics (an explicit policy statement) but not over the allow list', () => {
    expect(
      createDetector(policy())
        .detect('member LY-12345678 here')
        .map((f) => f.value),
    ).toEqual(['LY-12345678']);
    const allowed = createDetector(policy({ masking: { allow: ['LY-12345678'] } }));
    expect(allowed.detect('member LY-12345678 here')).toEqual([]);
  });

  it('a policy without recognizers behaves as before', () => {
    const plain = createDetector(PolicySchema.parse({ name: 'p', masking: {} }));
    expect(plain.recognizers.some((r) => r.id.startsWith('custom:'))).toBe(false);
    expect(plain.detect('LY-12345678 for member')).toEqual([]);
  });
});
