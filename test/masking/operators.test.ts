import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { createDetector, findMaskTokens } from '../../src/detection/engine.js';
import { hash } from '../../src/masking/operators/hash.js';
import { operators } from '../../src/masking/operators/index.js';
import { partial } from '../../src/masking/operators/partial.js';
import { placeholder } from '../../src/masking/operators/placeholder.js';
import { emptyTokenMap, type OperatorContext, valueKey } from '../../src/masking/types.js';
import { PolicySchema } from '../../src/policy/schema.js';

const finding = (type: string, value: string): Finding => ({
  type,
  start: 0,
  end: value.length,
  score: 1,
  recognizer: 'test',
  value,
});

const ctx = (type: string, value: string, over: Partial<OperatorContext> = {}): OperatorContext => ({
  finding: finding(type, value),
  rule: { action: 'placeholder' },
  label: type,
  tokens: emptyTokenMap(),
  secret: 'k1',
  ...over,
});

describe('placeholder', () => {
  it('numbers per label, reuses numbers for the same normalized value', () => {
    const tokens = emptyTokenMap();
    const seq = [
      ['EMAIL', 'jane@x.com'],
      ['EMAIL', 'bob@y.org'],
      ['PHONE', '555 0100'],
      ['EMAIL', 'Jane@X.COM'],
      ['PHONE', '(555) 0100'],
      ['PHONE', '555-0199'],
      ['EMAIL', ' jane@x.com '],
    ] as const;
    const out = seq.map(([type, value]) => placeholder(ctx(type, value, { tokens })));
    expect(out).toEqual([
      '[EMAIL_1]',
      '[EMAIL_2]',
      '[PHONE_1]',
      '[EMAIL_1]',
      '[PHONE_1]',
      '[PHONE_2]',
      '[EMAIL_1]',
    ]);
    expect(tokens.counters).toEqual({ EMAIL: 2, PHONE: 2 });
    expect(tokens.values['[EMAIL_1]']).toEqual({ type: 'EMAIL', value: 'jane@x.com' });
  });

  it('uses the label and shares its counter across types with that label', () => {
    const tokens = emptyTokenMap();
    expect(placeholder(ctx('PASSPORT', 'X1234567', { tokens, label: 'ID' }))).toBe('[ID_1]');
    expect(placeholder(ctx('DRIVER_LICENSE', 'D7654321', { tokens, label: 'ID' }))).toBe('[ID_2]');
  });

  it('keeps the same value of different types apart', () => {
    const tokens = emptyTokenMap();
    expect(placeholder(ctx('PHONE', '12345678', { tokens }))).toBe('[PHONE_1]');
    expect(placeholder(ctx('BANK_ACCOUNT', '12345678', { tokens }))).toBe('[BANK_ACCOUNT_1]');
  });

  it.each([
    ['jane@x.com', 'JANE@x.com', true],
    ['555 0100', '555-0100', true],
    ['Zoë Ann', 'zoë-ann', true],
    ['jane@x.com', 'jane.x.com', false], // '@' is part of the identity
    ['555 0100', '555 0101', false],
    ['+', '-', false], // nothing alphanumeric: not collapsed onto one key
  ])('valueKey(%s) === valueKey(%s): %s', (a, b, same) => {
    expect(valueKey('T', a) === valueKey('T', b)).toBe(same);
  });
});

describe('partial', () => {
  it.each([
    { value: '4242 4242 4242 4242', keepLast: undefined, out: '****4242' },
    { value: '4111-1111-1111-1234', keepLast: 4, out: '****1234' },
    { value: '5555555555554444', keepLast: 2, out: '****44' },
    { value: '5555555555554444', keepLast: 0, out: '****' },
    { value: 'DE89 3704 0044 0532 0130 00', keepLast: 8, out: '****32013000' },
    // short values: never more than half
    { value: '123456', keepLast: 4, out: '****456' },
    { value: '12-34', keepLast: 4, out: '****34' },
    { value: 'ab1', keepLast: 4, out: '****1' },
    { value: '7', keepLast: 4, out: '****' },
    { value: '--', keepLast: 4, out: '****' },
  ])('$value keepLast=$keepLast -> $out', ({ value, keepLast, out }) => {
    const rule = { action: 'partial' as const, ...(keepLast === undefined ? {} : { keepLast }) };
    expect(partial(ctx('CREDIT_CARD', value, { rule }))).toBe(out);
  });
});

describe('hash', () => {
  const h = (value: string, secret = 'k1', label = 'EMAIL') => hash(ctx('EMAIL', value, { secret, label }));
  it('is stable for one key, differs across keys and values, hides the value', () => {
    expect(h('jane@x.com')).toMatch(/^\[EMAIL#[0-9a-f]{10}\]$/);
    expect(h('jane@x.com')).toBe(h('jane@x.com'));
    expect(h('JANE@X.com')).toBe(h('jane@x.com'));
    expect(h('jane@x.com', 'k2')).not.toBe(h('jane@x.com'));
    expect(h('bob@x.com')).not.toBe(h('jane@x.com'));
    expect(h('jane@x.com')).not.toContain('jane');
    expect(h('jane@x.com', 'k1', 'MAIL')).toMatch(/^\[MAIL#/);
  });
});

describe('redact and keep', () => {
  it('redact writes only the label; keep writes the value', () => {
    expect(operators.redact(ctx('SSN', '123-45-6789'))).toBe('[REDACTED SSN]');
    expect(operators.redact(ctx('SSN', '123-45-6789', { label: 'TAX_ID' }))).toBe('[REDACTED TAX_ID]');
    expect(operators.keep(ctx('PERSON', 'Ann'))).toBe('Ann');
  });
});

describe('what operators write is recognized as a mask token by the detector', () => {
  // The engine must not re-detect Veil's own output (idempotent masking); its token pattern lives in
  // detection/engine.ts, so every operator's output is checked against it here.
  const policy = PolicySchema.parse({ name: 't', masking: {} });
  it.each([
    ['placeholder', 'EMAIL', 'jane@x.com'],
    ['placeholder', 'DOB', '1990-01-02'],
    ['partial', 'CREDIT_CARD', '4242 4242 4242 4242'],
    ['partial', 'EMAIL', 'jane@example.com'],
    ['partial', 'X', '7'],
    ['redact', 'SSN', '123-45-6789'],
    ['hash', 'IBAN', 'DE89370400440532013000'],
  ] as const)('%s of %s', (action, label, value) => {
    const rule = { action, keepLast: 8 } as const;
    const out = operators[action](ctx(label, value, { label, rule }));
    expect(findMaskTokens(`a ${out} b`)).toEqual([{ kind: 'MASK_TOKEN', start: 2, end: 2 + out.length }]);
    expect(createDetector(policy, { recognizers: [] }).detect(out)).toEqual([]);
  });
});
