import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/policy/changes.js';
import { enforceableGuard, requiredLevel } from '../../src/policy/levels.js';
import { parsePolicy } from '../../src/policy/loader.js';
import { type SelectionHint, selectPolicy } from '../../src/policy/select.js';

const BASE = readFileSync(new URL('../../policies/retail.yaml', import.meta.url), 'utf8');
const base = parsePolicy(BASE).policy;
const edited = (from: string, to: string) => {
  if (!BASE.includes(from)) throw new Error(`retail.yaml no longer contains ${from}`);
  return parsePolicy(BASE.replace(from, to)).policy;
};

describe('settings diff: weakening changes are flagged with what changed', () => {
  it.each([
    [
      'an entity switched to keep',
      'EMAIL: { action: placeholder }',
      'EMAIL: { action: keep }',
      'masking.entities.EMAIL.action',
      'placeholder',
      'keep',
    ],
    [
      'drop-message relaxed',
      'CARD_SECURITY_CODE: { action: drop-message }',
      'CARD_SECURITY_CODE: { action: redact }',
      'masking.entities.CARD_SECURITY_CODE.action',
      'drop-message',
      'redact',
    ],
    [
      'a longer visible tail',
      'LOYALTY_ID: { action: partial, keepLast: 3 }',
      'LOYALTY_ID: { action: partial, keepLast: 6 }',
      'masking.entities.LOYALTY_ID.keepLast',
      '3',
      '6',
    ],
    ['the default minScore raised', 'minScore: 0.5', 'minScore: 0.8', 'masking.minScore', '0.5', '0.8'],
    [
      'a per-type minScore raised',
      'PHONE: { action: placeholder }',
      'PHONE: { action: placeholder, minScore: 0.9 }',
      'masking.entities.PHONE.minScore',
      '0.5',
      '0.9',
    ],
    ['an allow-list entry added', 'allow: []', 'allow: [ACME-1]', 'masking.allow', '[]', 'added [ACME-1]'],
    [
      'a deny-list entry removed',
      '    - { value: VIP-GOLD-7781, type: PROMO_CODE }\n',
      '    []\n',
      'masking.deny',
      '[PROMO_CODE:VIP-GOLD-7781]',
      'removed [PROMO_CODE:VIP-GOLD-7781]',
    ],
    [
      'a guard level lowered',
      'discloseAt: possession',
      'discloseAt: knowledge',
      'guard.discloseAt',
      'possession',
      'knowledge',
    ],
    [
      'a per-kind level lowered',
      'address: authenticated',
      'address: possession',
      'guard.disclose.address',
      'authenticated',
      'possession',
    ],
    [
      'a never-disclose kind removed',
      'neverDisclose: [CREDIT_CARD, SSN, PASSWORD]',
      'neverDisclose: [CREDIT_CARD, SSN]',
      'guard.neverDisclose',
      '[CREDIT_CARD, SSN, PASSWORD]',
      'removed [PASSWORD]',
    ],
    [
      'a flag requirement lowered',
      'fraud-watch: authenticated',
      'fraud-watch: knowledge',
      'guard.flags.fraud-watch',
      'authenticated',
      'knowledge',
    ],
    [
      'a flag requirement removed',
      '  flags:\n    fraud-watch: authenticated\n',
      '  flags: {}\n',
      'guard.flags.fraud-watch',
      'authenticated',
      '(not set)',
    ],
    [
      'a step-up action dropped',
      'actions: [address-change, email-change,',
      'actions: [email-change,',
      'guard.freshStepUp.actions',
      '[address-change, email-change, phone-change, payment-change, card-reissue, shipping-redirect]',
      'removed [address-change]',
    ],
    ['more code attempts', 'maxAttempts: 3', 'maxAttempts: 10', 'guard.otp.maxAttempts', '3', '10'],
    ['shorter codes', 'length: 6', 'length: 4', 'guard.otp.length', '6', '4'],
    [
      'an owner notification dropped',
      'owner: [claim-unverified, code-failed,',
      'owner: [code-failed,',
      'notifications.owner',
      '[claim-unverified, code-failed, code-locked, fraud-watch-contact, verified]',
      'removed [claim-unverified]',
    ],
    [
      'transcripts kept longer',
      'transcriptsDays: 30',
      'transcriptsDays: 365',
      'retention.transcriptsDays',
      '30',
      '365',
    ],
    ['audit kept for less time', 'auditDays: 365', 'auditDays: 30', 'retention.auditDays', '365', '30'],
    [
      'a channelData field let through',
      'channelData:\n  allow: []',
      'channelData:\n  allow: [clientInfo]',
      'channelData.allow',
      '[]',
      'added [clientInfo]',
    ],
    [
      'a business phone added',
      "phones: ['+1 800 555 0199']",
      "phones: ['+1 800 555 0199', '+1 800 555 0111']",
      'business.phones',
      '[+1 800 555 0199]',
      'added [+1 800 555 0111]',
    ],
    [
      'a recognizer pattern removed',
      "      - { regex: '\\b\\d{10}\\b', score: 0.3 }\n",
      '',
      'recognizers.loyalty-id.patterns',
      expect.any(String),
      expect.stringMatching(/^removed/),
    ],
    [
      'a pattern score lowered',
      "score: 0.9 }\n      - { regex: '\\b\\d{10}",
      "score: 0.4 }\n      - { regex: '\\b\\d{10}",
      'recognizers.loyalty-id.patterns[0].score',
      '0.9',
      '0.4',
    ],
    [
      'context words removed',
      'words: [loyalty, rewards, member number]',
      'words: [loyalty]',
      'recognizers.loyalty-id.context.words',
      expect.any(String),
      'removed [rewards, member number]',
    ],
  ])('%s', (_name, from, to, field, was, now) => {
    const changes = comparePolicies(base, edited(from, to));
    expect(changes.filter((c) => c.weakens)).toEqual([{ field, from: was, to: now, weakens: true }]);
  });

  it('a removed recognizer is a weakening', () => {
    const without = parsePolicy(BASE.replace(/ {2}- name: card-security-code[\s\S]*?flags: i\n/, '')).policy;
    expect(comparePolicies(base, without).filter((c) => c.weakens)).toEqual([
      {
        field: 'recognizers.card-security-code',
        from: 'finds CARD_SECURITY_CODE',
        to: 'removed',
        weakens: true,
      },
    ]);
  });

  it.each([
    ['an entity masked harder', 'EMAIL: { action: placeholder }', 'EMAIL: { action: redact }'],
    ['minScore lowered', 'minScore: 0.5', 'minScore: 0.3'],
    ['a guard level raised', 'discloseAt: possession', 'discloseAt: authenticated'],
    [
      'a never-disclose list unchanged but reordered',
      'neverDisclose: [CREDIT_CARD, SSN, PASSWORD]',
      'neverDisclose: [SSN, CREDIT_CARD, PASSWORD]',
    ],
    ['fewer attempts', 'maxAttempts: 3', 'maxAttempts: 2'],
    ['a security alert added', 'security: [code-locked,', 'security: [code-failed, code-locked,'],
    ['transcripts kept shorter', 'transcriptsDays: 30', 'transcriptsDays: 7'],
    ['a description edited', 'description: SMS support', 'description: Text-message support'],
    ['match rules changed', 'channelIds: [sms]', 'channelIds: [sms, whatsapp]'],
  ])('not a weakening: %s', (_name, from, to) => {
    expect(comparePolicies(base, edited(from, to)).filter((c) => c.weakens)).toEqual([]);
  });

  it('the same policy has no changes; strengthening changes are still listed', () => {
    expect(comparePolicies(base, base)).toEqual([]);
    expect(comparePolicies(base, edited('discloseAt: possession', 'discloseAt: authenticated'))).toEqual([
      { field: 'guard.discloseAt', from: 'possession', to: 'authenticated', weakens: false },
    ]);
  });
});

describe('disclosure levels', () => {
  const guard = parsePolicy(
    'name: x\nmasking: {}\nguard:\n  discloseAt: possession\n  disclose: { address: authenticated, name: knowledge }\n  flags: { fraud-watch: authenticated, vip: knowledge }\n',
  ).policy.guard;
  it.each([
    [[], 'email', 'possession'],
    [[], 'address', 'authenticated'],
    [[], 'name', 'knowledge'],
    [['fraud-watch'], 'name', 'authenticated'],
    [['vip'], 'email', 'possession'], // a flag never lowers
    [['unknown-flag'], 'email', 'possession'],
    [['constructor'], 'email', 'possession'],
    [[], undefined, 'authenticated'], // unknown kind: the strictest
  ] as const)('flags %j, kind %s -> %s', (flags, kind, level) => {
    expect(requiredLevel(guard, flags, kind)).toBe(level);
  });

  it('the enforceable guard raises discloseAt to the strictest per-kind level, never lowers it', () => {
    expect(enforceableGuard(guard).discloseAt).toBe('authenticated');
    const lower = parsePolicy('name: x\nmasking: {}\nguard:\n  disclose: { name: none }\n').policy.guard;
    expect(enforceableGuard(lower).discloseAt).toBe('possession');
    expect(enforceableGuard(lower)).toBe(lower);
  });
});

describe('policy selection', () => {
  const p = (name: string, match?: Record<string, string[]>) => ({ name, match });
  const all = [
    p('default'),
    p('sms', { channelIds: ['sms'] }),
    p('acme-sms', { channelIds: ['sms'], tenants: ['acme'] }),
    p('bot-b', { recipientIds: ['bot-b'] }),
    p('also-bot-b', { recipientIds: ['bot-b'] }),
    p('default-match-ignored', undefined),
  ];
  it.each([
    [{ channelId: 'sms' }, 'sms'],
    [{ channelId: 'sms', tenant: 'acme' }, 'acme-sms'],
    [{ channelId: 'sms', tenant: 'other' }, 'sms'],
    [{ channelId: 'webchat', tenant: 'acme' }, 'default'],
    [{ recipientId: 'bot-b' }, 'also-bot-b'], // ties: alphabetical, never file order
    [{}, 'default'],
  ] as [SelectionHint, string][])('%j -> %s', (hint, name) => {
    expect(selectPolicy(all, hint)?.name).toBe(name);
    expect(selectPolicy([...all].reverse(), hint)?.name).toBe(name);
  });
  it('no default and no match: nothing', () => {
    expect(selectPolicy([p('sms', { channelIds: ['sms'] })], { channelId: 'webchat' })).toBeUndefined();
  });
});
