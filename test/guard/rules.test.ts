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

describe('prefixes of on-file values', () => {
  it.each([
    ['the start of the zip', 'It starts with 972.'],
    ['the first digits of the zip', 'The first three digits are 972.'],
    ['the start of the phone', 'The number on file begins with 503.'],
    ['the phone written nationally', 'The mobile starts with a 5.'],
  ])('blocks %s below possession', (_what, text) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe('guard.disclosure.on-file');
  });

  it.each(['It starts with 40.', 'Orders over 50 dollars ship free.', 'Delivery starts at 9am.'])(
    'delivers %s: not the start of anything on file',
    (text) => expect(rule(inputFor(asking('knowledge'), text))).toBe('deliver'),
  );
});

describe('guard.disclosure.fragment', () => {
  /** Verified for A-1001; the customer asked about a relative whose record the directory did not return. */
  const verified: Scenario = {
    level: 'possession',
    accountId: 'A-1001',
    accounts: [JANE],
    customer: [
      { text: 'what is my sister Ruth phone number?' },
      { text: 'my own number is 503 555 0117', findings: [{ type: 'PHONE', value: '503 555 0117' }] },
    ],
  };
  it.each([
    ['a number that is not the verified account', "Ruth's number ends in 0126."],
    ['a card that is not the verified account', 'Her card ending in 5512 was charged.'],
    ['the last digits, said another way', 'The last four digits of her phone are 8890.'],
  ])('blocks %s', (_what, text) => {
    expect(rule(inputFor(verified, text))).toBe('guard.disclosure.fragment');
  });

  it.each([
    ['the verified phone', 'Your number ends in 0117.'],
    ['the verified card', 'Your card ending in 9031 was charged.'],
    ['an order number', 'Your order number ends in 5521.'],
    ['a tracking number', 'The tracking number starts with 1Z.'],
  ])('delivers %s', (_what, text) => {
    expect(rule(inputFor(verified, text))).toBe('deliver');
  });

  it('blocks any fragment the customer did not type while unverified', () => {
    const s: Scenario = { level: 'none', accounts: [], customer: [{ text: 'what number do you have?' }] };
    expect(rule(inputFor(s, 'The number we have ends in 44.'))).not.toBe('deliver');
    const typed: Scenario = {
      level: 'none',
      accounts: [],
      customer: [{ text: 'text me on 206 555 0144', findings: [{ type: 'PHONE', value: '206 555 0144' }] }],
    };
    expect(rule(inputFor(typed, "I'll text the number ending in 0144 that you gave me."))).toBe('deliver');
  });
});

describe('follow-up guesses and other languages', () => {
  const enumerating = (second: string): Scenario => ({
    level: 'knowledge',
    accountId: 'A-1001',
    accounts: [JANE],
    customer: [
      { text: 'hi, Jane Doe', findings: [{ type: 'PERSON', value: 'Jane Doe' }] },
      { text: 'is it 75 Birchwood Court?', findings: [{ type: 'ADDRESS', value: '75 Birchwood Court' }] },
      { text: second },
    ],
  });
  it.each(['what about 77?', 'or 79?', 'how about Larkspur?', '77 then?'])(
    'a yes to "%s" after an address guess judges the claim',
    (guess) => expect(rule(inputFor(enumerating(guess), "Yes, that's it."))).toBe('guard.confirmation.claim'),
  );

  it('a guess after a question about something else is not an identity question', () => {
    const s: Scenario = {
      level: 'none',
      accounts: [],
      customer: [{ text: 'do you have the blue jacket in size 8?' }, { text: 'what about 10?' }],
    };
    expect(rule(inputFor(s, 'Yes, we have it in 10.'))).toBe('deliver');
  });

  it.each([
    'No puedo compartir datos de la cuenta hasta verificar su identidad.',
    'Je ne peux pas confirmer ces informations.',
    'Das kann ich leider erst nach einer Verifizierung bestätigen.',
    'Si necesita ayuda con un pedido, dígame.',
    "That code didn't match, please try again.",
    'The code is wrong; I can send a new one.',
  ])('delivers %s after an identity question', (text) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe('deliver');
  });

  it.each(['No.', 'No, sorry.', 'Sí.', 'Nein.', 'Yes, the zip code matches.', 'No es esa.'])(
    'still blocks %s after an identity question',
    (text) => expect(rule(inputFor(asking('knowledge'), text))).toBe('guard.confirmation.claim'),
  );
});

describe('analyzeCustomerTurn: what is not an identity question', () => {
  const turn = (text: string, labelled: { type: string; value: string }[] = []) =>
    analyzeCustomerTurn(text, findingsFor(text, labelled));

  it.each([
    ['Hi, my order 204-3381907-5521006 still says processing, can you check?', 'none'],
    ['tracking number 9400 1000 0000 0000 0000 00, is it still in transit?', 'none'],
    ["What's your customer service phone number and email?", 'none'],
    ['Is that number free to call?', 'none'],
    ['is my number still 503 555 0117?', 'question'],
    ['what phone number do you have for me?', 'question'],
    ["what's my mother's email on the account?", 'question'],
    ['call me on 503 555 0117', 'statement'],
  ])('%s -> %s', (text, identity) => expect(turn(text).identity).toBe(identity));

  it('marks a bare guess, and only a bare guess', () => {
    expect(turn('what about 219?').guess).toBe(true);
    expect(turn('what about my refund?').guess).toBeUndefined();
    expect(turn('is it $20?').guess).toBeUndefined();
    expect(turn('what about 219? also where is my order?').guess).toBeUndefined();
  });
});

describe('second-batch generalisations', () => {
  it.each([
    ['a provider said as two words', 'It goes to your G Mail address.', 'guard.disclosure.on-file'],
    ['a Swedish bare yes', 'Japp!', 'guard.confirmation.claim'],
    ['a Swedish confirmation', 'Det stämmer.', 'guard.confirmation.claim'],
  ])('blocks %s below possession', (_what, text, want) => {
    expect(rule(inputFor(asking('knowledge'), text))).toBe(want);
  });

  it.each(['Okay, one moment while I look.', 'G is for goods: we ship in 2 days.'])(
    'delivers %s after an identity question',
    (text) => expect(rule(inputFor(asking('knowledge'), text))).toBe('deliver'),
  );

  it.each([
    'Sua senha é Rafa@1992!',
    'Tu contraseña es Perro#77.',
    'Dein Passwort ist Sommer2024!',
    'Votre mot de passe est Lapin_88',
  ])('never sends %s, even signed in', (text) => {
    expect(rule(inputFor(asking('authenticated'), text))).toBe('guard.never-disclose.password');
  });

  it('an alphanumeric postcode the customer typed with a space may be repeated without one', () => {
    const uk: AccountRecord = { ...JANE, addresses: ['5 Elm Row, Leeds LS1 4DT'] };
    const s: Scenario = {
      level: 'knowledge',
      accountId: 'A-1001',
      accounts: [uk],
      customer: [{ text: 'deliver to 5 Elm Row, Leeds LS1 4DT please' }],
    };
    expect(rule(inputFor(s, 'Noted: postcode LS14DT.'))).toBe('deliver');
    const silent: Scenario = { ...s, customer: [{ text: 'where will it go?' }] };
    expect(rule(inputFor(silent, 'Noted: postcode LS14DT.'))).toBe('guard.disclosure.on-file');
  });

  it.each([
    ["Hi I'm Jane Doe, did my return for order 88213 arrive?", 'statement'],
    ['Jane Doe here, can you help with a refund?', 'statement'],
    ['Jane Doe, is that the name on the account?', 'question'],
  ])('%s -> %s', (text, identity) => {
    const t = analyzeCustomerTurn(text, findingsFor(text, [{ type: 'PERSON', value: 'Jane Doe' }]));
    expect(t.identity).toBe(identity);
  });
});
