import { describe, expect, it } from 'vitest';
import { evaluate, type GuardInput } from '../../src/guard/index.js';
import { JANE } from '../fixtures/guard/accounts.js';
import { POLICY } from '../fixtures/guard/accounts.js';
import type { Scenario } from '../fixtures/guard/scenarios.js';
import { inputFor } from './harness.js';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const MIN = 60_000;
const verified = (level: Scenario['level']): Scenario => ({
  level,
  accountId: JANE.id,
  accounts: [JANE],
  customer: [],
});
const at = (text: string, level: Scenario['level'], verifiedAgoMinutes?: number): GuardInput => ({
  ...inputFor(verified(level), text),
  now: NOW,
  verifiedAt: verifiedAgoMinutes === undefined ? undefined : NOW - verifiedAgoMinutes * MIN,
});
const rule = (input: GuardInput) => evaluate(input).rule ?? 'deliver';

describe('guard.step-up.fresh', () => {
  const CHANGES = [
    "I've updated your delivery address.",
    'Done, the email on the account has been changed.',
    'I changed the phone number on file for you.',
    "I've added the new card as your default payment method.",
    'A replacement card has been ordered and will arrive in 5 days.',
    "I'll reissue the card today.",
    "I've redirected the parcel to the new location.",
    'I can reroute the package to your office now.',
  ];

  it.each(CHANGES)('holds "%s" without a recent code, even when verified long ago', (text) => {
    // Unverified, another rule may speak first (e.g. confirming on-file data); it is held either way.
    expect(rule(at(text, 'knowledge'))).not.toBe('deliver');
    expect(rule(at(text, 'possession', 40))).toBe('guard.step-up.fresh');
  });

  it.each(CHANGES)('delivers "%s" within the freshness window', (text) => {
    expect(rule(at(text, 'possession', 5))).toBe('deliver');
    expect(rule(at(text, 'authenticated', 1))).toBe('deliver');
  });

  it.each([
    'To change your address I first need to send you a verification code.',
    'Would you like to update your email?',
    "I can't change the phone number until you're verified.",
    'Your order has shipped and the tracking number is 1Z999AA10123456784.',
    'You can update your address any time in your account settings?',
  ])('delivers explanations and questions: %s', (text) => {
    expect(rule(at(text, 'knowledge'))).not.toBe('guard.step-up.fresh');
  });

  it('follows the policy: actions left out are not held, and the window is configurable', () => {
    const policy = {
      ...POLICY,
      guard: { ...POLICY.guard, freshStepUp: { actions: ['card-reissue' as const], maxAgeMinutes: 60 } },
    };
    const address = { ...at("I've updated your delivery address.", 'possession', 40), policy };
    expect(rule(address)).toBe('deliver');
    const card = { ...at("I'll reissue the card today.", 'possession', 40), policy };
    expect(rule(card)).toBe('deliver');
    expect(rule({ ...card, verifiedAt: NOW - 61 * MIN })).toBe('guard.step-up.fresh');
  });
});
