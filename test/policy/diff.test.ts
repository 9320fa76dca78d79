import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CorpusItem, diffPolicies, parseCorpusLine } from '../../src/policy/diff.js';
import { parsePolicy } from '../../src/policy/loader.js';

const DEFAULT = readFileSync(new URL('../../policies/default.yaml', import.meta.url), 'utf8');
const load = (text: string) => parsePolicy(text);
const old = load(DEFAULT);

const corpus: CorpusItem[] = [
  { id: 'e1', text: 'my email is a.b@example.org' },
  { id: 'e2', text: 'write to c.d@example.net or e.f@example.com' },
  { id: 'p1', text: 'call me on +1 415 555 0199' },
  { id: 'o1', text: 'where is order W764243438?' },
  { id: 'l1', text: 'member LY-12345678' },
  {
    id: 'a1',
    agent: 'Your email is h.vance@example.org',
    level: 'knowledge',
    account: {
      id: 'A-1',
      name: 'Harriet Vance',
      emails: ['h.vance@example.org'],
      phones: [],
      addresses: [],
      cardLast4: [],
      flags: [],
    },
  },
];

describe('veil policy diff over a corpus', () => {
  it('an entity switched to keep shows as newly visible, by type with example ids and no values', () => {
    const d = diffPolicies(
      old,
      load(DEFAULT.replace('EMAIL: { action: placeholder }', 'EMAIL: { action: keep }')),
      corpus,
    );
    expect(d.newlyVisible).toEqual([{ key: 'EMAIL', count: 3, examples: ['e1', 'e2'] }]);
    expect(d.newlyMasked).toEqual([]);
    expect(d.settings).toEqual([
      { field: 'masking.entities.EMAIL.action', from: 'placeholder', to: 'keep', weakens: true },
    ]);
    expect(JSON.stringify(d)).not.toMatch(/example\.(org|net|com)/);
    expect(d).toMatchObject({ messages: 5, agentMessages: 1 });
  });

  it('a new recognizer shows as newly masked', () => {
    const withLoyalty = DEFAULT.replace(
      'business:',
      "recognizers:\n  - name: loyalty-id\n    type: LOYALTY_ID\n    patterns: [{ regex: 'LY-\\d{8}', score: 0.9 }]\n\nbusiness:",
    );
    const d = diffPolicies(old, load(withLoyalty), corpus);
    expect(d.newlyMasked).toEqual([{ key: 'LOYALTY_ID', count: 1, examples: ['l1'] }]);
    expect(d.newlyVisible).toEqual([]);
    // The reverse change removes it: newly visible, and a weakening.
    const back = diffPolicies(load(withLoyalty), old, corpus);
    expect(back.newlyVisible).toEqual([{ key: 'LOYALTY_ID', count: 1, examples: ['l1'] }]);
    expect(back.settings.filter((c) => c.weakens).map((c) => c.field)).toEqual(['recognizers.loyalty-id']);
  });

  it('a guard level change shows agent messages newly delivered or newly blocked', () => {
    const lax = load(DEFAULT.replace('discloseAt: possession', 'discloseAt: knowledge'));
    expect(diffPolicies(old, lax, corpus).newlyDelivered).toEqual([
      { key: 'guard.disclosure.on-file', count: 1, examples: ['a1'] },
    ]);
    expect(diffPolicies(lax, old, corpus).newlyBlocked).toEqual([
      { key: 'guard.disclosure.on-file', count: 1, examples: ['a1'] },
    ]);
    expect(diffPolicies(old, old, corpus)).toMatchObject({
      newlyBlocked: [],
      newlyDelivered: [],
      newlyMasked: [],
      newlyVisible: [],
      settings: [],
    });
  });

  it.each([
    ['', null],
    ['not json', { error: 'not valid JSON' }],
    ['[1]', { error: 'expected an object {"id","text"}' }],
    ['{"id":"x"}', { error: 'needs "text" or "agent"' }],
    ['{"text":5}', { error: '"text" must be a string' }],
    [
      '{"agent":"hi","level":"root"}',
      { error: '"level" must be one of none, knowledge, possession, authenticated' },
    ],
    ['{"text":"hi"}', { id: 'line 7', text: 'hi', agent: undefined, level: undefined, account: undefined }],
    [
      '{"id":12,"agent":"hi","level":"possession"}',
      { id: '12', text: undefined, agent: 'hi', level: 'possession', account: undefined },
    ],
  ])('corpus line %s', (line, expected) => {
    expect(parseCorpusLine(line, 7)).toEqual(expected);
  });

  it('a bad line error never quotes the line', () => {
    const r = parseCorpusLine('{"text": "jane@example.org", oops}', 1);
    expect(JSON.stringify(r)).not.toContain('jane');
  });
});

describe('settings are compared as written', () => {
  it('a per-kind level shows as itself, not as the raised discloseAt the guard is given', () => {
    const stricter = load(
      DEFAULT.replace('  flags:\n', '  disclose: { address: authenticated }\n  flags:\n'),
    );
    expect(diffPolicies(old, stricter, []).settings).toEqual([
      { field: 'guard.disclose.address', from: 'possession', to: 'authenticated', weakens: false },
    ]);
  });
});
