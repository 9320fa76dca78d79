import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import {
  agentView,
  codeReply,
  initialState,
  lookupIds,
  mayDisclose,
  stepUpTarget,
  transition,
  type VerificationEffect,
  type VerificationEvent,
  type VerificationState,
} from '../../src/verification/index.js';
import { JANE, NO_EMAIL, OTHER_JANE, POLICY, SERGIO } from '../fixtures/guard/accounts.js';

const G = POLICY.guard;
const T0 = 1_700_000_000_000;
const TTL = G.otp.ttlSeconds * 1000;
const ALL = [JANE, OTHER_JANE, SERGIO, NO_EMAIL];
const recordOf = (id: string | undefined): AccountRecord | undefined => ALL.find((r) => r.id === id);

const run = (s: VerificationState, e: VerificationEvent) => transition(s, e, G);
const typed = (s: VerificationState, values: [string, string][], records: AccountRecord[] = ALL, now = T0) =>
  run(s, {
    type: 'identifiers-typed',
    now,
    values: values.map(([type, value]) => ({ type, value })),
    records,
  });
const stepUp = (s: VerificationState, code = '482913', now = T0, record = recordOf(stepUpTarget(s))) =>
  run(s, { type: 'step-up-requested', now, code, salt: 'step-salt-1', record, by: 'agent' });
const enter = (s: VerificationState, code: string, now = T0 + 1000) =>
  run(s, { type: 'code-entered', now, code });
const ofType = <K extends VerificationEffect['type']>(effects: VerificationEffect[], type: K) =>
  effects.filter((e): e is Extract<VerificationEffect, { type: K }> => e.type === type);
const told = (effects: VerificationEffect[]) =>
  ofType(effects, 'tell-agent')
    .map((e) => e.message)
    .join(' | ');

const fresh = () => initialState('conv-1', 'conv-salt-1');
/** Jane typed name and email: knowledge of A-1001. */
const knowing = () =>
  typed(fresh(), [
    ['PERSON', 'Jane Doe'],
    ['EMAIL', 'jane.doe@gmail.com'],
  ]).state;
const codeSent = () => stepUp(knowing()).state;

describe('identifiers-typed', () => {
  it('reaches knowledge on a matching email and names the matched kinds, not values', () => {
    const { state, effects } = typed(fresh(), [
      ['PERSON', 'Jane Doe'],
      ['EMAIL', 'jane.doe@gmail.com'],
    ]);
    expect(state.level).toBe('knowledge');
    expect(state.accountId).toBe('A-1001');
    const view = agentView(state, G);
    expect(view.summary).toContain('claims match A-1001: name, email; not verified');
    expect(view.matched.find((m) => m.accountId === 'A-1002')?.kinds).toEqual(['name']);
    expect(JSON.stringify({ state, effects, view })).not.toMatch(/gmail|jane\.doe|Birchwood|0117/i);
  });

  it.each([
    [[['PERSON', 'Jane Doe']], 'none'],
    [[['EMAIL', 'nobody@nowhere.net']], 'none'],
    [[['PHONE', '503 555 0117']], 'knowledge'],
    [
      [
        ['PERSON', 'Jane Doe'],
        ['ADDRESS', '12 Old Mill Rd'],
      ],
      'knowledge',
    ],
  ] as [[string, string][], string][])('claims %j -> %s', (values, level) => {
    expect(typed(fresh(), values).state.level).toBe(level);
  });

  it('accumulates claims across turns and records that arrive later', () => {
    const t1 = typed(fresh(), [['PERSON', 'Jane Doe']], []).state;
    expect(t1.level).toBe('none');
    const t2 = typed(t1, [['ADDRESS', '77 Birchwood Court']], [JANE]).state;
    expect(t2.level).toBe('knowledge');
    expect(t2.candidates[0]).toMatchObject({ accountId: 'A-1001', matched: ['name', 'address'] });
    expect(lookupIds(t2)).toEqual(['A-1001']);
  });

  it('records mismatches for the agent', () => {
    const s = typed(knowing(), [['PHONE', '503 555 9999']]).state;
    expect(agentView(s, G).summary).toContain("don't match: phone");
  });

  it('may switch the best match while unverified, and says so', () => {
    const s1 = typed(fresh(), [
      ['PERSON', 'Jane Doe'],
      ['ADDRESS', '77 Birchwood Court'],
    ]).state;
    expect(s1.accountId).toBe('A-1001');
    const { state, effects } = typed(s1, [
      ['EMAIL', 'jdoe@example.org'],
      ['PHONE', '206 555 0199'],
    ]);
    expect(state.accountId).toBe('A-1002');
    expect(told(effects)).toContain('instead of A-1001');
  });

  it('never switches a verified conversation to another account on typed claims', () => {
    const verified = enter(codeSent(), '482913').state;
    const { state, effects } = typed(verified, [
      ['EMAIL', 'jdoe@example.org'],
      ['PHONE', '206-555-0199'],
    ]);
    expect(state.accountId).toBe('A-1001');
    expect(state.level).toBe('possession');
    expect(told(effects)).toContain('stays with A-1001');
    expect(state.candidates.map((c) => c.accountId)).toContain('A-1002');
  });

  it('notifies a fraud-watch owner and security on contact, once per conversation', () => {
    const r1 = typed(fresh(), [
      ['PERSON', 'Sergio Conceicao'],
      ['PHONE', '912 345 678'],
    ]);
    expect(ofType(r1.effects, 'notify-owner')).toEqual([
      { type: 'notify-owner', accountId: 'A-2001', kind: 'fraud-watch-contact' },
      { type: 'notify-owner', accountId: 'A-2001', kind: 'claim-unverified' },
    ]);
    expect(ofType(r1.effects, 'alert-security')).toHaveLength(1);
    const r2 = typed(r1.state, [['ADDRESS', 'Rua das Flores 28']]);
    expect(ofType(r2.effects, 'notify-owner')).toEqual([]);
    expect(agentView(r2.state, G).flags).toEqual(['fraud-watch']);
  });
});

describe('step-up', () => {
  it('sends the code to the first email on file and stores only a hash', () => {
    const { state, effects } = stepUp(knowing());
    expect(ofType(effects, 'send-code')).toEqual([
      { type: 'send-code', accountId: 'A-1001', channel: 'email', to: 'jane.doe@gmail.com', code: '482913' },
    ]);
    expect(told(effects)).toContain('email on file');
    expect(state.code.status).toBe('sent');
    expect(JSON.stringify(state)).not.toContain('482913');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });

  it('uses the phone on file when there is no email', () => {
    const s = typed(fresh(), [
      ['PHONE', '020 7946 0321'],
      ['PERSON', 'Tom Baker'],
    ]).state;
    const sends = ofType(stepUp(s).effects, 'send-code');
    expect(sends).toEqual([
      { type: 'send-code', accountId: 'A-3001', channel: 'sms', to: '+44 20 7946 0321', code: '482913' },
    ]);
  });

  it('never sends to a contact typed in the chat', () => {
    // The customer typed a phone that is not on file next to a matching email.
    const s = typed(fresh(), [
      ['EMAIL', 'jane.doe@gmail.com'],
      ['PHONE', '+1 415 000 1234'],
    ]).state;
    const sends = ofType(stepUp(s).effects, 'send-code');
    expect(sends.map((e) => e.to)).toEqual(['jane.doe@gmail.com']);
    // A record for another account than the matched one is refused, not used.
    const wrong = stepUp(s, '482913', T0, OTHER_JANE);
    expect(ofType(wrong.effects, 'send-code')).toEqual([]);
    expect(wrong.state).toEqual(s);
  });

  it.each([
    ['no account matched', () => fresh(), 'No account matched yet: ask for name and email first.'],
    ['name alone', () => typed(fresh(), [['PERSON', 'Jane Doe']]).state, 'No account matched yet'],
    [
      'fraud-watch account',
      () => typed(fresh(), [['PHONE', '912345678']]).state,
      'needs signed-in verification',
    ],
    ['already verified', () => enter(codeSent(), '482913').state, 'Already verified'],
  ])('is refused: %s', (_name, make, message) => {
    const s = make();
    const { state, effects } = stepUp(s);
    expect(ofType(effects, 'send-code')).toEqual([]);
    expect(told(effects)).toContain(message);
    expect(state).toEqual(s);
  });

  it('refuses malformed codes from the caller', () => {
    expect(ofType(stepUp(knowing(), '12ab56').effects, 'send-code')).toEqual([]);
    expect(ofType(stepUp(knowing(), '1234').effects, 'send-code')).toEqual([]);
  });

  it('caps the number of codes per conversation', () => {
    let s = knowing();
    let sends = 0;
    for (let i = 0; i < 8; i++) {
      const r = stepUp(s, String(100000 + i), T0 + i);
      sends += ofType(r.effects, 'send-code').length;
      s = r.state;
    }
    expect(sends).toBe(5);
  });

  it('a resend replaces the previous code', () => {
    const s = stepUp(stepUp(knowing(), '111111').state, '222222').state;
    expect(enter(s, '111111').state.level).toBe('knowledge');
    expect(enter(s, '222222').state.level).toBe('possession');
  });
});

describe('code-entered', () => {
  it('verifies a correct code: possession, owner told, agent told', () => {
    const { state, effects } = enter(codeSent(), '482 913');
    expect(state.level).toBe('possession');
    expect(state.code.status).toBe('verified');
    expect(ofType(effects, 'notify-owner')).toEqual([
      { type: 'notify-owner', accountId: 'A-1001', kind: 'verified' },
    ]);
    expect(agentView(state, G).summary).toBe(
      'verified by one-time code for A-1001; other candidates: A-1002',
    );
    expect(mayDisclose(state, G)).toBe(true);
  });

  it.each([
    [TTL - 1, 'possession'],
    [TTL, 'knowledge'],
    [TTL + 60_000, 'knowledge'],
  ])('expiry: entered %i ms after sending -> %s', (dt, level) => {
    const { state, effects } = enter(codeSent(), '482913', T0 + dt);
    expect(state.level).toBe(level);
    if (level === 'knowledge') {
      expect(state.code.status).toBe('expired');
      expect(told(effects)).toContain('Code expired');
      expect(state.failedAttempts).toBe(0);
    }
  });

  it('tick expires at exactly ttl, not before', () => {
    expect(run(codeSent(), { type: 'tick', now: T0 + TTL - 1 }).state.code.status).toBe('sent');
    const r = run(codeSent(), { type: 'tick', now: T0 + TTL });
    expect(r.state.code.status).toBe('expired');
    expect(agentView(r.state, G).code).toBe('expired');
  });

  it('counts wrong codes, the 5th locks and alerts, and a correct code after the lock is refused', () => {
    let s = codeSent();
    for (let i = 1; i <= 4; i++) {
      const r = enter(s, '000000');
      s = r.state;
      expect(s.code.status).toBe('sent');
      expect(told(r.effects)).toContain(`${5 - i} attempts left`);
    }
    const fifth = enter(s, '000000');
    expect(fifth.state.code.status).toBe('locked');
    expect(ofType(fifth.effects, 'alert-security')).toEqual([
      { type: 'alert-security', kind: 'code-locked', accountId: 'A-1001' },
    ]);
    expect(ofType(fifth.effects, 'notify-owner').map((e) => e.kind)).toEqual(['code-locked']);
    expect(told(fifth.effects)).toContain('locked after 5 wrong codes');
    const after = enter(fifth.state, '482913');
    expect(after.state).toEqual(fifth.state);
    expect(after.state.level).toBe('knowledge');
    const again = stepUp(fifth.state);
    expect(ofType(again.effects, 'send-code')).toEqual([]);
    expect(told(again.effects)).toContain('locked');
  });

  it('wrong codes across resends still lock', () => {
    let s = codeSent();
    for (let i = 0; i < 3; i++) s = enter(s, '000000').state;
    s = stepUp(s, '765432').state;
    for (let i = 0; i < 2; i++) s = enter(s, '000000').state;
    expect(s.code.status).toBe('locked');
  });

  it('tells the owner of the first failure only', () => {
    const r1 = enter(codeSent(), '000000');
    const r2 = enter(r1.state, '000001');
    expect(ofType(r1.effects, 'notify-owner').map((e) => e.kind)).toEqual(['code-failed']);
    expect(ofType(r2.effects, 'notify-owner')).toEqual([]);
  });

  it('reusing a code after success does nothing', () => {
    const verified = enter(codeSent(), '482913').state;
    const r = enter(verified, '482913');
    expect(r.state).toEqual(verified);
    expect(ofType(r.effects, 'notify-owner')).toEqual([]);
    expect(ofType(r.effects, 'tell-agent')).toEqual([]);
  });

  it('a code with no code outstanding does nothing', () => {
    const s = knowing();
    expect(enter(s, '482913').state).toEqual(s);
  });

  it("a code from another conversation's state does not verify this one", () => {
    const mine = codeSent();
    const other = stepUp(
      typed(initialState('conv-2', 'conv-salt-2'), [['EMAIL', 'jane.doe@gmail.com']]).state,
      '999999',
    ).state;
    // Same code typed in the other conversation, and that conversation's hash grafted into this one.
    expect(enter(mine, '999999').state.level).toBe('knowledge');
    const grafted: VerificationState = { ...mine, code: other.code };
    expect(enter(grafted, '999999').state.level).toBe('knowledge');
  });

  it('a correct code verifies only the account it was sent for', () => {
    const s = codeSent();
    const switched = typed(s, [
      ['EMAIL', 'jdoe@example.org'],
      ['PHONE', '206 555 0199'],
    ]).state;
    expect(switched.accountId).toBe('A-1002');
    const v = enter(switched, '482913').state;
    expect(v.level).toBe('possession');
    expect(v.accountId).toBe('A-1001');
  });
});

describe('channel identity', () => {
  it('authenticates the signed-in account, even a fraud-watch one, and notifies its owner', () => {
    const r = run(fresh(), {
      type: 'channel-identity-asserted',
      now: T0,
      accountId: 'A-2001',
      record: SERGIO,
    });
    expect(r.state.level).toBe('authenticated');
    expect(mayDisclose(r.state, G)).toBe(true);
    expect(ofType(r.effects, 'notify-owner').map((e) => e.kind)).toEqual(['fraud-watch-contact']);
    expect(agentView(r.state, G).summary).toBe('signed in as A-2001; flag: fraud-watch');
  });

  it('possession is not enough for fraud-watch', () => {
    const s = typed(fresh(), [
      ['PHONE', '912345678'],
      ['PERSON', 'Sérgio Conceição'],
    ]).state;
    const forced: VerificationState = { ...s, level: 'possession' };
    expect(mayDisclose(forced, G)).toBe(false);
    expect(agentView(s, G).summary).toContain('account needs signed-in verification');
  });

  it('tells the agent when the signed-in account differs from the claims', () => {
    const r = run(knowing(), {
      type: 'channel-identity-asserted',
      now: T0,
      accountId: 'A-1002',
      record: OTHER_JANE,
    });
    expect(r.state.accountId).toBe('A-1002');
    expect(told(r.effects)).toContain('earlier claims pointed at A-1001');
  });
});

describe('owner notices', () => {
  it('an unverified claim is reported to the owner as soon as it reaches the account, once', () => {
    const r1 = typed(fresh(), [
      ['PERSON', 'Jane Doe'],
      ['EMAIL', 'jane.doe@gmail.com'],
    ]);
    expect(r1.state.level).toBe('knowledge');
    expect(ofType(r1.effects, 'notify-owner')).toEqual([
      { type: 'notify-owner', accountId: 'A-1001', kind: 'claim-unverified' },
    ]);
    // More claims on the same account, and the end of the conversation, do not repeat it.
    const r2 = typed(r1.state, [['PHONE', '503 555 0117']]);
    expect(ofType(r2.effects, 'notify-owner')).toEqual([]);
    const end = run(r2.state, { type: 'conversation-ended', now: T0 });
    expect(ofType(end.effects, 'notify-owner')).toEqual([]);
  });

  it.each<[string, [string, string][]]>([
    ['a name shared by two accounts', [['PERSON', 'Jane Doe']]],
    ['an email nobody has', [['EMAIL', 'nobody@nowhere.net']]],
    ['a lone date of birth', [['DATE_OF_BIRTH', '1985-03-14']]],
  ])('%s reaches no account, so no owner is told', (_what, values) => {
    const r = typed(fresh(), values);
    expect(r.state.level).toBe('none');
    expect(ofType(r.effects, 'notify-owner')).toEqual([]);
  });

  it('each account the claims move to is reported once', () => {
    const r1 = typed(fresh(), [['EMAIL', 'jane.doe@gmail.com']]);
    const r2 = typed(r1.state, [
      ['EMAIL', 'jdoe@example.org'],
      ['PHONE', '206-555-0199'],
      ['ADDRESS', '12 Old Mill Road'],
    ]);
    expect(r2.state.accountId).toBe('A-1002');
    expect(ofType(r2.effects, 'notify-owner')).toEqual([
      { type: 'notify-owner', accountId: 'A-1002', kind: 'claim-unverified' },
    ]);
    const r3 = typed(r2.state, [['EMAIL', 'jane.doe@gmail.com']]);
    expect(ofType(r3.effects, 'notify-owner')).toEqual([]);
  });

  it('claims typed after verification or sign-in are no unverified claim', () => {
    const verified = enter(codeSent(), '482913').state;
    const r = typed(verified, [['PHONE', '503 555 0117']]);
    expect(ofType(r.effects, 'notify-owner').map((e) => e.kind)).not.toContain('claim-unverified');
    const signedIn = run(fresh(), {
      type: 'channel-identity-asserted',
      now: T0,
      accountId: 'A-1001',
      record: JANE,
    }).state;
    const r2 = typed(signedIn, [['EMAIL', 'jane.doe@gmail.com']]);
    expect(ofType(r2.effects, 'notify-owner')).toEqual([]);
  });

  it('the end of an unverified conversation reports a claim not reported yet', () => {
    // A state stored before claims were reported on arrival carries no notice key.
    const legacy: VerificationState = { ...knowing(), notified: [] };
    expect(ofType(run(legacy, { type: 'conversation-ended', now: T0 }).effects, 'notify-owner')).toEqual([
      { type: 'notify-owner', accountId: 'A-1001', kind: 'claim-unverified' },
    ]);
    const verified = enter(codeSent(), '482913').state;
    expect(ofType(run(verified, { type: 'conversation-ended', now: T0 }).effects, 'notify-owner')).toEqual(
      [],
    );
    expect(ofType(run(fresh(), { type: 'conversation-ended', now: T0 }).effects, 'notify-owner')).toEqual([]);
  });

  it('a blocked disclosure is reported once per conversation', () => {
    const r1 = run(knowing(), { type: 'disclosure-blocked', now: T0, rule: 'guard.disclosure.on-file' });
    const r2 = run(r1.state, { type: 'disclosure-blocked', now: T0, rule: 'guard.confirmation.claim' });
    expect(ofType(r1.effects, 'notify-owner').map((e) => e.kind)).toEqual(['disclosure-blocked']);
    expect(ofType(r2.effects, 'notify-owner')).toEqual([]);
    expect(ofType(r2.effects, 'audit')).toHaveLength(1);
  });
});

describe('codeReply', () => {
  it.each([
    ['482913', '482913'],
    ['482 913', '482913'],
    ['my code is 482-913', '482913'],
    ['4829', undefined],
    ['my order 123456 and code 482913', undefined],
    ['Hi, can you help me with order 123456? It has not arrived.'.repeat(2), undefined],
  ])('%s -> %s', (text, want) => {
    expect(codeReply(text, codeSent(), G)).toBe(want);
  });

  it('consumes nothing when no code is outstanding', () => {
    expect(codeReply('482913', knowing(), G)).toBeUndefined();
  });
});
