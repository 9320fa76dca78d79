import { describe, expect, it } from 'vitest';
import { compareMatches, digestClaims, matchRecord, qualifies } from '../../src/verification/claims.js';
import { addressParts, dateCandidates, phoneKey } from '../../src/verification/normalize.js';
import { JANE, OTHER_JANE, SERGIO } from '../fixtures/guard/accounts.js';

const SALT = 'salt-for-tests';
const kindsFor = (type: string, value: string, record = JANE) => {
  const m = matchRecord(digestClaims([{ type, value }], SALT), record, SALT);
  return m.matched.length > 0 ? 'match' : m.mismatched.length > 0 ? 'mismatch' : 'none';
};

describe('claim matching', () => {
  it.each([
    ['EMAIL', 'Jane.Doe@GMAIL.com', 'match'],
    ['EMAIL', 'jane.doe@gmail.co', 'mismatch'],
    ['PHONE', '503-555-0117', 'match'],
    ['PHONE', '+1 503 555 0117', 'match'],
    ['PHONE', '001 (503) 555 0117', 'match'],
    ['PHONE', '503-555-0118', 'mismatch'],
    ['PERSON', 'jane doe', 'match'],
    ['PERSON', 'Doe, Jane', 'match'],
    ['PERSON', 'Jane Q. Doe', 'match'],
    ['PERSON', 'John Doe', 'mismatch'],
    ['PERSON', 'Jane', 'none'],
    ['ADDRESS', '77 Birchwood Ct', 'match'],
    ['ADDRESS', '77 birchwood court portland or 97205', 'match'],
    ['ADDRESS', '78 Birchwood Court', 'mismatch'],
    ['ADDRESS', '77 Oakwood Court, Portland, OR 97205', 'mismatch'],
    ['DATE_OF_BIRTH', '1985-03-14', 'match'],
    ['DATE_OF_BIRTH', '03/14/1985', 'match'],
    ['DATE_OF_BIRTH', '14.03.1985', 'match'],
    ['DATE_OF_BIRTH', 'March 14th, 1985', 'match'],
    ['DATE_OF_BIRTH', '14 March 1985', 'match'],
    ['DATE_OF_BIRTH', '1985-03-15', 'mismatch'],
    ['CREDIT_CARD', '4111 1111 1111 9031', 'match'],
    ['CARD_LAST4', '9031', 'match'],
    ['CARD_LAST4', '9032', 'mismatch'],
    ['ORDER', 'W123456789', 'none'],
  ])('%s %s -> %s', (type, value, want) => {
    expect(kindsFor(type, value)).toBe(want);
  });

  it.each([
    ['PERSON', 'Sergio Conceicao'],
    ['PERSON', 'CONCEIÇÃO, Sérgio'],
    ['ADDRESS', 'Rua das Flores, 28'],
    ['ADDRESS', 'rua das flores 28 porto'],
    ['PHONE', '912 345 678'],
    ['PHONE', '00351912345678'],
  ])('diacritics, order and country codes: %s %s matches', (type, value) => {
    expect(kindsFor(type, value, SERGIO)).toBe('match');
  });

  it('stores no claimed value in its digests', () => {
    const d = digestClaims([{ type: 'EMAIL', value: 'jane.doe@gmail.com' }], SALT);
    expect(JSON.stringify(d)).not.toMatch(/jane|gmail/);
  });

  it('ranks deterministically: a unique identifier beats a shared name, ties go to the lower id', () => {
    const claims = digestClaims(
      [
        { type: 'PERSON', value: 'Jane Doe' },
        { type: 'EMAIL', value: 'jdoe@example.org' },
      ],
      SALT,
    );
    const ms = [matchRecord(claims, JANE, SALT), matchRecord(claims, OTHER_JANE, SALT)];
    expect([...ms].sort(compareMatches)[0]?.accountId).toBe('A-1002');
    expect([...ms].reverse().sort(compareMatches)[0]?.accountId).toBe('A-1002');
    const nameOnly = digestClaims([{ type: 'PERSON', value: 'Jane Doe' }], SALT);
    const n = [matchRecord(nameOnly, OTHER_JANE, SALT), matchRecord(nameOnly, JANE, SALT)];
    expect(n.some(qualifies)).toBe(false);
    expect([...n].sort(compareMatches)[0]?.accountId).toBe('A-1001');
  });

  it.each([
    [{ matched: ['email'], score: 3 }, true],
    [{ matched: ['name', 'address'], score: 3 }, true],
    [{ matched: ['name'], score: 1 }, false],
    [{ matched: ['name', 'address'], score: -1 }, false],
  ] as const)('qualifies %j -> %s', (m, want) => {
    expect(qualifies({ matched: [...m.matched], score: m.score })).toBe(want);
  });
});

describe('normalisers', () => {
  it.each([
    ['+1 (503) 555-0117', '035550117'],
    ['5550117', undefined],
  ])('phoneKey(%s)', (v, want) => expect(phoneKey(v)).toBe(want));

  it.each([
    ['04/03/1985', ['1985-04-03', '1985-03-04']],
    ['31/12/85', ['1985-12-31']],
    ['1985-02-30', []],
    ['15 de março de 1979', ['1979-03-15']],
  ])('dateCandidates(%s)', (v, want) => expect(dateCandidates(v).sort()).toEqual([...want].sort()));

  it('splits an address into street and place parts', () => {
    expect(addressParts('77 Birchwood Court, Portland, OR 97205')).toEqual({
      numbers: ['77'],
      streetWords: ['birchwood'],
      placeWords: ['portland'],
      postcodes: ['97205'],
      regionCodes: ['OR'],
    });
    const pt = addressParts('Rua das Flores 28, 4050-262 Porto');
    expect(pt.streetWords).toEqual(['flores']);
    expect(pt.placeWords).toEqual(['porto']);
    expect(pt.postcodes).toEqual(['4050262']);
  });
});
