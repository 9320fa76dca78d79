import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { createDetector } from '../../src/detection/engine.js';
import { maskText, ruleFor } from '../../src/masking/engine.js';
import { emptyTokenMap } from '../../src/masking/types.js';
import { loadPolicyFile } from '../../src/policy/loader.js';
import { type Policy, PolicySchema } from '../../src/policy/schema.js';

// Properties of the real engine (built-in recognizers) with the shipped default policy. The generators
// embed realistic PII in chat-like and hostile Unicode text, so the safety properties bite as soon as
// recognizers find things; a policy deny list adds findings that exist regardless of recognizers.

const DEFAULT = loadPolicyFile(fileURLToPath(new URL('../../policies/default.yaml', import.meta.url))).policy;

/** Default policy plus deny-listed words whose replacements contain other deny-listed words. */
const WITH_DENY: Policy = PolicySchema.parse({
  ...DEFAULT,
  masking: {
    ...DEFAULT.masking,
    entities: {
      ...DEFAULT.masking.entities,
      CODENAME: { action: 'placeholder' },
      SECRET: { action: 'hash' },
      WORD: { action: 'redact' },
      PIN: { action: 'partial', keepLast: 4 },
    },
    deny: [
      { value: 'falcon', type: 'CODENAME' },
      { value: 'codename', type: 'SECRET' },
      { value: 'secret', type: 'WORD' },
      { value: 'redacted', type: 'CODENAME' },
      { value: 'email', type: 'WORD' },
      { value: 'PIN-424242', type: 'PIN' },
      { value: '4242', type: 'CODENAME' },
      { value: 'withheld', type: 'WORD' },
    ],
  },
});

const SECRET = 'property-test-key';

// ---------- generators ----------

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

const luhnCheckDigit = (body: number[]): number => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body[body.length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
};

const card = fc
  .tuple(fc.constantFrom([4], [5, 1], [5, 5], [3, 7]), digits(14), fc.constantFrom(' ', '-', ''))
  .map(([prefix, rest, sep]) => {
    const len = prefix[0] === 3 ? 14 : 15;
    const body = [...prefix, ...rest].slice(0, len);
    const all = [...body, luhnCheckDigit(body)].join('');
    return (all.match(/.{1,4}/g) ?? []).join(sep);
  });

const ibanFor = (country: string, bban: string): string => {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const ch of rearranged) mod = (mod * 10 + Number(ch)) % 97;
  return `${country}${String(98 - mod).padStart(2, '0')}${bban}`;
};

const iban = fc
  .tuple(fc.constantFrom(['DE', 18], ['GB', 14], ['FR', 23], ['NL', 10]), digits(23), fc.boolean())
  .map(([[country, n], ds, spaced]) => {
    const bban =
      country === 'GB'
        ? `NWBK${ds.slice(0, n as number).join('')}`
        : country === 'NL'
          ? `ABNA${ds.slice(0, n as number).join('')}`
          : ds.slice(0, n as number).join('');
    const value = ibanFor(country as string, bban);
    return spaced ? (value.match(/.{1,4}/g) ?? []).join(' ') : value;
  });

const word = fc.constantFrom(
  'hi',
  'hello',
  'my',
  'order',
  'is',
  'late',
  'please',
  'help',
  'the',
  'card',
  'email',
  'phone',
  'number',
  'thanks',
  'can',
  'you',
  'update',
  'address',
  'to',
  'call',
  'me',
  'at',
  'refund',
  'for',
  'W764243438',
  '$49.99',
  'tracking',
  '1Z999AA10123456784',
  'tomorrow',
  'Dec',
  '8',
  'ok',
  'falcon',
  'codename',
  'secret',
  'redacted',
  'withheld',
  'PIN-424242',
  '4242',
  'Springfield',
  'né',
  'café',
  'שלום',
  'مرحبا',
  '😀',
  '👩‍👩‍👧',
);

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z]{3,8}(\.[a-z]{2,6})?$/),
    fc.stringMatching(/^[a-z]{3,9}$/),
    fc.constantFrom('com', 'org', 'net', 'de', 'co.uk'),
  )
  .map(([l, d, t]) => `${l}@${d}.${t}`);

const phone = fc
  .tuple(
    fc.integer({ min: 201, max: 989 }),
    fc.integer({ min: 200, max: 989 }),
    fc.integer({ min: 0, max: 9999 }),
  )
  .chain(([a, b, c]) => {
    const last = String(c).padStart(4, '0');
    return fc.constantFrom(
      `(${a}) ${b}-${last}`,
      `${a}-${b}-${last}`,
      `+1 ${a} ${b} ${last}`,
      `${a}.${b}.${last}`,
    );
  });

const ssn = fc
  .tuple(fc.integer({ min: 1, max: 665 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(
    ([a, b, c]) =>
      `${String(a).padStart(3, '0')}-${String(b).padStart(2, '0')}-${String(c).padStart(4, '0')}`,
  );

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));

const pii = fc.oneof(email, phone, card, iban, ssn, ipv4);

/** Any UTF-16 code unit, lone surrogates included: what a broken client can send. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const hostileUnit = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 1 }),
  fc.string({ unit: 'grapheme', maxLength: 1 }),
  codeUnit,
  fc.constantFrom(
    '\u200f',
    '\u202e',
    '\u00a0',
    '\u2028',
    '\n',
    '\r\n',
    '\t',
    '\u0301',
    '\ufeff',
    'İ',
    'ß',
    'ﬃ',
  ),
);
const hostile = fc.string({ unit: hostileUnit, maxLength: 40 });

const chatText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: word },
      { weight: 2, arbitrary: pii },
      { weight: 1, arbitrary: hostile },
    ),
    {
      maxLength: 40,
    },
  )
  .chain((parts) => fc.tuple(fc.constant(parts), fc.constantFrom(' ', ', ', '\n', ': ')))
  .map(([parts, sep]) => parts.join(sep));

const anyText = fc.oneof(chatText, hostile, fc.string({ unit: 'binary', maxLength: 300 }));

// ---------- properties ----------

const detectors = [
  { name: 'default policy', policy: DEFAULT, detector: createDetector(DEFAULT) },
  { name: 'default policy + deny list', policy: WITH_DENY, detector: createDetector(WITH_DENY) },
];

const checkOffsets = (text: string, findings: readonly Finding[]) => {
  let last = 0;
  for (const f of findings) {
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(f.start).toBeGreaterThanOrEqual(last); // sorted, non-overlapping
    expect(f.end).toBeGreaterThan(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.value).toBe(text.slice(f.start, f.end));
    last = f.end;
  }
};

describe.each(detectors)('$name', ({ policy, detector }) => {
  const mask = (text: string) => {
    const findings = detector.detect(text);
    return { findings, result: maskText(text, findings, emptyTokenMap(), policy, { secret: SECRET }) };
  };

  it('never throws; offsets are valid UTF-16 ranges and values are their slices', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { findings, result } = mask(text);
        checkOffsets(text, findings);
        for (const r of result.replacements) {
          expect(0 <= r.start && r.start < r.end && r.end <= text.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the masked text never contains a detected value (partial: at most the kept tail)', () => {
    fc.assert(
      fc.property(chatText, (text) => {
        const { findings, result } = mask(text);
        if (result.dropped) {
          for (const f of findings) expect(result.masked).not.toContain(f.value);
          return;
        }
        // What stays readable by design: untouched text, kept values and partial tails. A detected value may
        // legitimately appear there (typed twice, once where no recognizer fired), but nowhere else.
        let visible = '';
        let cursor = 0;
        findings.forEach((f, i) => {
          const r = result.replacements[i]!;
          const shown = r.action === 'keep' || r.action === 'partial' ? r.replacement : '';
          visible += `${text.slice(cursor, f.start)}\u0000${shown}\u0000`;
          cursor = f.end;
        });
        visible += text.slice(cursor);
        findings.forEach((f, i) => {
          const rule = ruleFor(policy, f.type);
          if (rule.action === 'keep') return;
          const replacement = result.replacements[i]!.replacement;
          if (rule.action === 'partial') {
            const chars = f.value.replace(/[^\p{L}\p{N}]/gu, '');
            const tail = replacement.replace(/^\*{4}/, '');
            expect(chars.endsWith(tail)).toBe(true);
            expect(tail.length).toBeLessThanOrEqual(
              Math.min(rule.keepLast ?? 4, Math.floor(chars.length / 2)),
            );
          } else {
            expect(replacement).not.toContain(f.value);
          }
          // Values of 1–3 characters can occur by chance inside Veil's own tokens ("[PHONE_1]", hash hex).
          if (!visible.includes(f.value) && f.value.length >= 4) expect(result.masked).not.toContain(f.value);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('masking masked text changes nothing (idempotence)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = mask(text).result.masked;
        const again = mask(once);
        expect(again.result.masked).toBe(once);
        expect(again.findings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('handles a very long message', () => {
    const text = fc.sample(chatText, { numRuns: 400, seed: 42 }).join('\n').repeat(3);
    expect(text.length).toBeGreaterThan(50_000);
    const { findings, result } = mask(text);
    checkOffsets(text, findings);
    expect(mask(result.masked).result.masked).toBe(result.masked);
  });
});

describe('the deny list makes the properties bite before any recognizer does', () => {
  it('finds and masks deny-listed words with every operator', () => {
    const d = detectors[1]!;
    const text = 'codename falcon is secret, PIN-424242 and 4242';
    const findings = d.detector.detect(text);
    expect(findings.map((f) => f.value)).toEqual(['codename', 'falcon', 'secret', 'PIN-424242', '4242']);
    const masked = maskText(text, findings, emptyTokenMap(), d.policy, { secret: SECRET }).masked;
    expect(masked).toMatch(
      /^\[SECRET#[0-9a-f]{10}\] \[CODENAME_1\] is \[REDACTED WORD\], \*{4}4242 and \[CODENAME_2\]$/,
    );
  });
});
