import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import { analyzeCustomerTurn, evaluate, type GuardInput } from '../../src/guard/index.js';
import { JANE, OTHER_JANE, POLICY } from '../fixtures/guard/accounts.js';
import type { Scenario } from '../fixtures/guard/scenarios.js';
import { findingsFor, inputFor } from './harness.js';

const rule = (input: GuardInput) => evaluate(input).rule ?? 'deliver';

/** Someone typed an email that is not on file, then asked whether an address is the one on file. */
const asking = (level: Scenario['level'], accounts: AccountRecord[] = [JANE, OTHER_JANE]): Scenario => ({
  level,
  accountId: 'A-1001',
  accounts,
  customer: [
    { text: 'my email is jd77@proton.me', findings: [{ type: 'EMAIL', value: 'jd77@proton.me' }] },
    { text: 'is my address 40 Pine Street?', findings: [{ type: 'ADDRESS', value: '40 Pine Street' }] },
  ],
});

describe('guard.disclosure.on-file', () => {
  it.each([
    ['the street', 'It is on Birchwood.'],
    ['the city', 'We have you in Portland.'],
    ['the zip', 'Zip 97205.'],
    ['the state by name', 'It is an Oregon address.'],
    ['the phone suffix', 'The phone ends in 0117.'],
    ['one final digit', 'Your number ends with a 7.'],
    ['the area code', 'It is a 503 phone number.'],
    ['the card suffix', 'the last four are 9031'],
    ['the email domain', 'It is a gmail address.'],
    ['the email local part spelled out', 'It is jane dot doe at something.'],
    ['the first letter', 'The email starts with a j.'],
    ['the birth year', 'Born 1985?'],
    ['the birth month', 'Your birthday is in March.'],
    ['a candidate account', 'The other profile is in Seattle.'],
    ['the name, never typed', 'Thanks, Jane!'],
  ])('blocks %s below possession', (_what, text) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe('guard.disclosure.on-file');
  });

  it.each([
    ['an echo of a typed value', 'I noted jd77@proton.me as your email.'],
    ['an echo of a typed address', 'I noted 40 Pine Street as the address you gave.'],
    ['an order number', 'Order W123456789 shipped.'],
    ['a price', 'It costs $49.99.'],
    ['a common word matching a street', 'You can park at the back.'],
    ['a month as a delivery date', 'It arrives in March.'],
    ['the business contact', 'Call +1 800 555 0100.'],
  ])('delivers %s', (_what, text) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe('deliver');
  });

  it('delivers the verified account data at possession, but never another candidate', () => {
    expect(
      rule(inputFor(asking('possession'), 'Yes, 77 Birchwood Court, Portland is the address on file.')),
    ).toBe('deliver');
    expect(rule(inputFor(asking('possession'), 'The other Jane lives in Seattle.'))).toBe(
      'guard.disclosure.on-file',
    );
  });

  it('says the account needs sign-in when a flag raises the level, without values', () => {
    const flagged = { ...JANE, flags: ['fraud-watch'] };
    const v = evaluate(inputFor(asking('possession', [flagged]), 'We have you in Portland.'));
    expect(v.decision).toBe('block');
    expect(v.rule).toBe('guard.disclosure.on-file');
    expect(v.reason).toContain('requires signed-in verification');
    expect(v.hint).toContain('sign in');
    expect(`${v.reason}${v.hint}`).not.toMatch(/portland/i);
    expect(rule(inputFor(asking('authenticated', [flagged]), 'We have you in Portland.'))).toBe('deliver');
  });
});

describe('guard.confirmation.claim', () => {
  it.each(['Yes.', 'Correct!', 'No, that is not it.', '👍', 'That matches.', 'We have a different address.'])(
    'blocks %s after an identity question',
    (text) => expect(rule(inputFor(asking('knowledge'), text))).toBe('guard.confirmation.claim'),
  );

  it.each([
    "I can't confirm or deny account details in chat; I'll send a code to the email on file.",
    'Could you type the email on the account?',
    'Thanks, one moment.',
  ])('delivers %s after an identity question', (text) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe('deliver');
  });

  it('delivers a bare yes to a question that is not about identity', () => {
    const s: Scenario = { level: 'none', accounts: [], customer: [{ text: 'can you help with my order?' }] };
    expect(rule(inputFor(s, 'Yes, of course!'))).toBe('deliver');
  });

  it('delivers confirmation once verified', () => {
    expect(rule(inputFor(asking('possession'), "Yes, that's the one on file."))).toBe('deliver');
  });
});

describe('guard.disclosure.pii', () => {
  it('blocks personal data the customer did not type, allows echoes and business contacts', () => {
    const other = 'Try tom@elsewhere.net.';
    expect(rule(inputFor(asking('knowledge'), other, [{ type: 'EMAIL', value: 'tom@elsewhere.net' }]))).toBe(
      'guard.disclosure.pii',
    );
    const echo = 'Your email jd77@proton.me is noted.';
    expect(rule(inputFor(asking('knowledge'), echo, [{ type: 'EMAIL', value: 'jd77@proton.me' }]))).toBe(
      'deliver',
    );
    const biz = 'Write to support@shopco.com.';
    expect(rule(inputFor(asking('knowledge'), biz, [{ type: 'EMAIL', value: 'support@shopco.com' }]))).toBe(
      'deliver',
    );
  });
});

describe('never-disclose rules hold at every level', () => {
  it.each(['none', 'knowledge', 'possession', 'authenticated'] as const)('%s', (level) => {
    const s = asking(level);
    expect(rule(inputFor(s, 'Card 4111 1111 1111 1111.'))).toBe('guard.never-disclose.card');
    expect(rule(inputFor(s, 'SSN 123-45-6789.'))).toBe('guard.never-disclose.ssn');
    expect(rule(inputFor(s, 'Your password is Summer2024!'))).toBe('guard.never-disclose.password');
    expect(rule(inputFor(s, 'Your password must be 8 characters long.'))).toBe('deliver');
    expect(rule(inputFor(s, 'Order 4111 is on its way.'))).not.toMatch(/never-disclose/);
  });

  it('follows policy.guard.neverDisclose', () => {
    const policy = {
      ...POLICY,
      guard: { ...POLICY.guard, neverDisclose: [] as ('CREDIT_CARD' | 'SSN' | 'PASSWORD')[] },
    };
    const input = { ...inputFor(asking('authenticated'), 'SSN 123-45-6789.'), policy };
    expect(rule(input)).toBe('deliver');
  });
});

describe('fail closed', () => {
  it('holds the message with guard.error when the input is broken', () => {
    const broken = { ...inputFor(asking('knowledge'), 'hello'), accounts: [null] } as unknown as GuardInput;
    const v = evaluate(broken);
    expect(v).toMatchObject({ decision: 'block', rule: 'guard.error' });
    expect(v.reason).toContain('held, not sent');
  });
});

describe('analyzeCustomerTurn', () => {
  const turn = (text: string, labelled: { type: string; value: string }[] = []) =>
    analyzeCustomerTurn(text, findingsFor(text, labelled));

  it.each([
    ['is it still 77 Birchwood Court?', 'question'],
    ['my email is jane@x.com, right?', 'question'],
    ['you have my phone as 555 010 0199, correct?', 'question'],
    ['can you check the address on file is 12 Elm Street', 'question'],
    ['which card do you have for me?', 'question'],
    ['what birthday do you have on my account?', 'question'],
    ['My email is jane@x.com', 'statement'],
    ['can you help with my order?', 'none'],
    ['where is order W123456789?', 'none'],
    ['Can you help me update my address?', 'none'],
    ['thanks!', 'none'],
  ])('%s -> %s', (text, identity) => {
    expect(turn(text).identity).toBe(identity);
  });

  it('uses findings and notes an unrelated question in the same message', () => {
    const t = turn('I am Jane Doe. Can you help with my order?', [{ type: 'PERSON', value: 'Jane Doe' }]);
    expect(t).toEqual({ identity: 'statement', kinds: ['name'], otherQuestion: true });
  });
});
