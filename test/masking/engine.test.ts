import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { maskText, ruleFor, safeLabel } from '../../src/masking/engine.js';
import { emptyTokenMap } from '../../src/masking/types.js';
import { type PolicyInput, PolicySchema } from '../../src/policy/schema.js';

const policy = (entities: NonNullable<PolicyInput['masking']>['entities'] = {}) =>
  PolicySchema.parse({ name: 'test', masking: { entities } });

const DEFAULTISH = policy({
  EMAIL: { action: 'placeholder' },
  PHONE: { action: 'placeholder' },
  CREDIT_CARD: { action: 'partial', keepLast: 4 },
  SSN: { action: 'redact' },
  IBAN: { action: 'hash' },
  PERSON: { action: 'keep' },
  DATE_OF_BIRTH: { action: 'placeholder', label: 'DOB' },
  PASSWORD: { action: 'drop-message' },
});

/** Findings for the given values, located in the text as a detector would report them. */
const at = (text: string, ...items: [type: string, value: string][]): Finding[] =>
  items.map(([type, value]) => {
    const start = text.indexOf(value);
    if (start < 0) throw new Error(`test setup: ${value} not in text`);
    return { type, start, end: start + value.length, score: 0.9, recognizer: 'test', value };
  });

describe('maskText', () => {
  it.each([
    {
      text: 'mail jane@x.com or call 555 0100',
      items: [
        ['EMAIL', 'jane@x.com'],
        ['PHONE', '555 0100'],
      ],
      masked: 'mail [EMAIL_1] or call [PHONE_1]',
    },
    {
      text: 'card 4242 4242 4242 4242, ssn 123-45-6789',
      items: [
        ['CREDIT_CARD', '4242 4242 4242 4242'],
        ['SSN', '123-45-6789'],
      ],
      masked: 'card ****4242, ssn [REDACTED SSN]',
    },
    { text: 'I am Ann', items: [['PERSON', 'Ann']], masked: 'I am Ann' },
    { text: 'born 1990-01-02', items: [['DATE_OF_BIRTH', '1990-01-02']], masked: 'born [DOB_1]' },
    { text: 'x LOYALTY-9 y', items: [['LOYALTY_ID', 'LOYALTY-9']], masked: 'x [LOYALTY_ID_1] y' }, // no rule: placeholder
    { text: 'a@b.c a@b.c A@B.C d@e.f', items: [], masked: 'a@b.c a@b.c A@B.C d@e.f' },
    { text: '', items: [], masked: '' },
  ] as { text: string; items: [string, string][]; masked: string }[])('$text', ({ text, items, masked }) => {
    const out = maskText(text, at(text, ...items), emptyTokenMap(), DEFAULTISH);
    expect(out.masked).toBe(masked);
    expect(out.dropped).toBe(false);
    expect(out.droppedTypes).toEqual([]);
  });

  it('numbers repeated values within a message and across messages sharing a token map', () => {
    const tokens = emptyTokenMap();
    const m1 = 'from jane@x.com and bob@y.org, again jane@x.com';
    const f1: Finding[] = [
      ...at(m1, ['EMAIL', 'jane@x.com'], ['EMAIL', 'bob@y.org']),
      { ...at(m1, ['EMAIL', 'jane@x.com'])[0]!, start: m1.lastIndexOf('jane'), end: m1.length },
    ];
    expect(maskText(m1, f1, tokens, DEFAULTISH).masked).toBe('from [EMAIL_1] and [EMAIL_2], again [EMAIL_1]');
    const m2 = 'it is JANE@X.COM, not carl@z.net';
    expect(
      maskText(m2, at(m2, ['EMAIL', 'JANE@X.COM'], ['EMAIL', 'carl@z.net']), tokens, DEFAULTISH).masked,
    ).toBe('it is [EMAIL_1], not [EMAIL_3]');
    // another conversation starts again at 1
    expect(maskText(m2, at(m2, ['EMAIL', 'carl@z.net']), emptyTokenMap(), DEFAULTISH).masked).toBe(
      'it is JANE@X.COM, not [EMAIL_1]',
    );
  });

  it('hash is keyed by the secret and never contains the value', () => {
    const text = 'iban DE89370400440532013000';
    const f = at(text, ['IBAN', 'DE89370400440532013000']);
    const a = maskText(text, f, emptyTokenMap(), DEFAULTISH, { secret: 'one' }).masked;
    const b = maskText(text, f, emptyTokenMap(), DEFAULTISH, { secret: 'one' }).masked;
    const c = maskText(text, f, emptyTokenMap(), DEFAULTISH, { secret: 'two' }).masked;
    expect(a).toMatch(/^iban \[IBAN#[0-9a-f]{10}\]$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(a).not.toContain('DE89');
  });

  it('reports each replacement with its offsets in the input', () => {
    const text = 'card 4242 4242 4242 4242 and Ann';
    const out = maskText(
      text,
      at(text, ['PERSON', 'Ann'], ['CREDIT_CARD', '4242 4242 4242 4242']),
      emptyTokenMap(),
      DEFAULTISH,
    );
    expect(out.replacements).toEqual([
      { type: 'CREDIT_CARD', start: 5, end: 24, replacement: '****4242', action: 'partial' },
      { type: 'PERSON', start: 29, end: 32, replacement: 'Ann', action: 'keep' },
    ]);
    for (const r of out.replacements)
      expect(text.slice(r.start, r.end)).not.toBe(r.replacement === 'Ann' ? '' : r.replacement);
  });

  it('withholds the whole message on a drop-message rule and lists the types', () => {
    const text = 'my password is hunter2, mail jane@x.com';
    const tokens = emptyTokenMap();
    const out = maskText(
      text,
      at(text, ['EMAIL', 'jane@x.com'], ['PASSWORD', 'hunter2']),
      tokens,
      DEFAULTISH,
    );
    expect(out).toEqual({
      masked: '[message withheld: it contained PASSWORD]',
      replacements: [],
      dropped: true,
      droppedTypes: ['PASSWORD'],
    });
    expect(out.masked).not.toContain('hunter2');
    // nothing from a withheld message is remembered
    expect(tokens).toEqual(emptyTokenMap());
  });

  it('lists every type that caused a drop, once, in order of appearance', () => {
    const p = policy({ PASSWORD: { action: 'drop-message' }, SSN: { action: 'drop-message' } });
    const text = 'ssn 123-45-6789 pw hunter2 ssn 987-65-4321';
    const out = maskText(
      text,
      at(text, ['SSN', '123-45-6789'], ['PASSWORD', 'hunter2'], ['SSN', '987-65-4321']),
      emptyTokenMap(),
      p,
    );
    expect(out.droppedTypes).toEqual(['SSN', 'PASSWORD']);
    expect(out.masked).toBe('[message withheld: it contained SSN, PASSWORD]');
  });

  it('skips an overlapping finding rather than half-applying it', () => {
    const text = 'abcdefghij';
    const findings: Finding[] = [
      { type: 'A', start: 0, end: 5, score: 1, recognizer: 't', value: 'abcde' },
      { type: 'B', start: 3, end: 8, score: 1, recognizer: 't', value: 'defgh' },
    ];
    expect(maskText(text, findings, emptyTokenMap(), DEFAULTISH).masked).toBe('[A_1]fghij');
  });

  it('falls back to a placeholder for types without a rule, including prototype names', () => {
    expect(ruleFor(DEFAULTISH, 'UNKNOWN')).toEqual({ action: 'placeholder' });
    expect(ruleFor(DEFAULTISH, 'constructor')).toEqual({ action: 'placeholder' });
    expect(ruleFor(DEFAULTISH, 'SSN')).toEqual({ action: 'redact' });
    const text = 'x toString y __proto__';
    const out = maskText(
      text,
      at(text, ['toString', 'toString'], ['__proto__', '__proto__']),
      emptyTokenMap(),
      DEFAULTISH,
    );
    expect(out.masked).toBe('x [TOSTRING_1] y [PII___PROTO___1]');
  });

  it.each([
    ['EMAIL', 'EMAIL'],
    ['loyalty-id', 'LOYALTY_ID'],
    ['9LIVES', 'PII_9LIVES'],
    ['Zoë', 'ZO_'],
  ])('label %s -> %s', (raw, label) => {
    expect(safeLabel(raw)).toBe(label);
  });
});
