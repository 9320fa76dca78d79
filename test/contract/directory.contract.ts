import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../src/core/account.js';
import type { Directory } from '../../src/directory/port.js';
import type { Harness } from './harness.js';

/** Fictional on-file data shared by every directory adapter's run of the suite. */
export const DIRECTORY_FIXTURE: AccountRecord[] = [
  {
    id: 'A-1',
    name: 'Jane Doe',
    emails: ['jane.doe@example.com'],
    phones: ['(503) 555-0117'],
    addresses: ['1428 Elm Street, Portland, OR 97205'],
    dateOfBirth: '1984-07-12',
    cardLast4: ['4242'],
    flags: [],
  },
  {
    id: 'A-2',
    name: 'García, José',
    emails: ['Jose.Garcia@Example.org'],
    phones: ['+44 20 7946 0958'],
    addresses: ['10 Downing Row, London'],
    cardLast4: ['1881'],
    flags: ['fraud-watch'],
  },
  {
    id: 'A-3',
    name: 'John Doe',
    emails: ['john.doe@example.com'],
    phones: ['503-555-0188'],
    addresses: [],
    cardLast4: ['4242'],
    flags: [],
  },
];

export type MakeDirectory = (records: AccountRecord[]) => Promise<Harness<Directory>>;

export function directoryContract(name: string, make: MakeDirectory): void {
  describe(`Directory contract: ${name}`, () => {
    let h: Harness<Directory> | undefined;
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });
    const open = async () => {
      h = await make(DIRECTORY_FIXTURE);
      return h.subject;
    };
    const ids = (rs: AccountRecord[]) => rs.map((r) => r.id);

    it('gets a record by id with every field, and undefined for an unknown id', async () => {
      const d = await open();
      expect(await d.get('A-1')).toEqual(DIRECTORY_FIXTURE[0]);
      expect(await d.get('A-2')).toEqual(DIRECTORY_FIXTURE[1]);
      expect(await d.get('A-404')).toBeUndefined();
    });

    it('matches emails case-insensitively', async () => {
      const d = await open();
      expect(ids(await d.findCandidates({ emails: ['  JANE.DOE@example.COM '] }))).toEqual(['A-1']);
      expect(ids(await d.findCandidates({ emails: ['jose.garcia@example.org'] }))).toEqual(['A-2']);
      expect(await d.findCandidates({ emails: ['jane.doe@example.net'] })).toEqual([]);
    });

    it('matches phones by digits, tolerating a country code and trunk prefix', async () => {
      const d = await open();
      for (const p of ['+1 503 555 0117', '503.555.0117', '1-503-555-0117', '5035550117']) {
        expect(ids(await d.findCandidates({ phones: [p] })), p).toEqual(['A-1']);
      }
      for (const p of ['020 7946 0958', '0044 20 7946 0958', '+442079460958']) {
        expect(ids(await d.findCandidates({ phones: [p] })), p).toEqual(['A-2']);
      }
      expect(await d.findCandidates({ phones: ['503-555-0199'] })).toEqual([]);
      expect(await d.findCandidates({ phones: ['555-0117'] })).toEqual([]);
    });

    it('matches names regardless of case, diacritics, order and a middle name', async () => {
      const d = await open();
      for (const n of ['jose garcia', 'José García', 'GARCIA, JOSE', 'José Luis García']) {
        expect(ids(await d.findCandidates({ names: [n] })), n).toEqual(['A-2']);
      }
      expect(ids(await d.findCandidates({ names: ['Doe, Jane'] }))).toEqual(['A-1']);
      expect(await d.findCandidates({ names: ['Jane'] })).toEqual([]);
      expect(await d.findCandidates({ names: ['Jane Smith'] })).toEqual([]);
    });

    it('matches card last four digits', async () => {
      const d = await open();
      expect(ids(await d.findCandidates({ cardLast4: ['4242'] }))).toEqual(['A-1', 'A-3']);
      expect(ids(await d.findCandidates({ cardLast4: ['card ending 1881'] }))).toEqual(['A-2']);
    });

    it('returns every account any identifier matches, best match first', async () => {
      const d = await open();
      const found = await d.findCandidates({
        names: ['John Doe'],
        emails: ['jane.doe@example.com'],
        phones: ['(503) 555-0188'],
        cardLast4: ['4242'],
      });
      // A-3 matches name, phone and card; A-1 matches email and card.
      expect(ids(found)).toEqual(['A-3', 'A-1']);
      expect(found[0]).toEqual(DIRECTORY_FIXTURE[2]);
    });

    it('finds nothing for an empty query', async () => {
      const d = await open();
      expect(await d.findCandidates({})).toEqual([]);
      expect(await d.findCandidates({ emails: [], names: [] })).toEqual([]);
    });

    it('hands out copies', async () => {
      const d = await open();
      const r = (await d.get('A-1'))!;
      r.flags.push('tampered');
      const [c] = await d.findCandidates({ emails: ['jane.doe@example.com'] });
      c!.emails.length = 0;
      expect(await d.get('A-1')).toEqual(DIRECTORY_FIXTURE[0]);
    });
  });
}
