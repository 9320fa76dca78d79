import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FRAUD_WATCH } from '../../src/core/account.js';
import { openJsonDirectory } from '../../src/directory/json-file.js';
import type { DirectoryError } from '../../src/directory/port.js';
import { DIRECTORY_FIXTURE, directoryContract } from '../contract/directory.contract.js';

const dirs: string[] = [];
function fileWith(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'veil-directory-'));
  dirs.push(dir);
  const path = join(dir, 'directory.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

directoryContract('json file', async (records) => ({
  subject: await openJsonDirectory({ path: fileWith({ accounts: records }) }),
  close: async () => {},
}));

const valid = DIRECTORY_FIXTURE[0]!;

describe('json file directory', () => {
  it('loads the example directory shipped with the repo', async () => {
    const d = await openJsonDirectory({ path: 'examples/directory.json' });
    expect(d.size).toBeGreaterThanOrEqual(4);
    const flagged = await d.findCandidates({ names: ['Daniel Okafor'] });
    expect(flagged[0]?.flags).toContain(FRAUD_WATCH);
  });

  it('names the record index, its id and the field of an invalid entry, never the value', async () => {
    const bad = { ...valid, id: 'A-9', emails: ['jane.doe@example.com', 'not-an-email'] };
    const err = await openJsonDirectory({ path: fileWith({ accounts: [valid, bad] }) }).catch(
      (e: DirectoryError) => e,
    );
    expect(err).toMatchObject({
      name: 'DirectoryError',
      reason: 'invalid-file',
      field: 'accounts[1].emails[1]',
    });
    expect((err as Error).message).toMatch(/accounts\[1\] \(id 'A-9'\)\.emails\[1\]: Invalid email/);
    expect((err as Error).message).not.toContain('not-an-email');
  });

  it('rejects a misspelt field rather than silently dropping it', async () => {
    const { flags: _, ...rest } = valid;
    const path = fileWith({ accounts: [{ ...rest, flag: ['fraud-watch'] }] });
    await expect(openJsonDirectory({ path })).rejects.toThrow(
      /accounts\[0\] \(id 'A-1'\): unknown field 'flag'/,
    );
  });

  it.each([
    [{ ...valid, dateOfBirth: '12/07/1984' }, /dateOfBirth/],
    [{ ...valid, cardLast4: ['42'] }, /cardLast4\[0\]: cardLast4 entries are exactly 4 digits/],
    [{ ...valid, phones: ['555'] }, /phones\[0\]: a phone number needs at least 7 digits/],
    [{ ...valid, name: ' ' }, /accounts\[0\] \(id 'A-1'\)\.name/],
  ])('rejects invalid values (%#)', async (record, message) => {
    await expect(openJsonDirectory({ path: fileWith({ accounts: [record] }) })).rejects.toThrow(message);
  });

  it('rejects duplicate ids, malformed JSON, a wrong shape and a missing file', async () => {
    await expect(openJsonDirectory({ path: fileWith({ accounts: [valid, valid] }) })).rejects.toThrow(
      /accounts\[1\]\.id: duplicate id 'A-1'/,
    );
    await expect(openJsonDirectory({ path: fileWith('{"accounts": [') })).rejects.toThrow(/not valid JSON/);
    await expect(openJsonDirectory({ path: fileWith([valid]) })).rejects.toThrow(/\(top level\)/);
    await expect(openJsonDirectory({ path: '/nonexistent/veil/directory.json' })).rejects.toMatchObject({
      reason: 'invalid-file',
      message: expect.stringMatching(/ENOENT/),
    });
  });

  it('follows edits to the file, and keeps the last good content when an edit is invalid', async () => {
    const path = fileWith({ accounts: [valid] });
    const reloads: number[] = [];
    const errors: DirectoryError[] = [];
    const d = await openJsonDirectory({
      path,
      reloadCheckMs: 0,
      onReload: (i) => reloads.push(i.accounts),
      onReloadError: (e) => errors.push(e),
    });
    expect(await d.get('A-3')).toBeUndefined();

    writeFileSync(path, JSON.stringify({ accounts: [valid, DIRECTORY_FIXTURE[2]] }));
    expect(await d.get('A-3')).toEqual(DIRECTORY_FIXTURE[2]);
    expect(reloads).toEqual([2]);

    writeFileSync(path, '{"accounts": [ oops');
    expect(await d.get('A-3')).toEqual(DIRECTORY_FIXTURE[2]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reason).toBe('invalid-file');

    rmSync(path);
    expect((await d.findCandidates({ emails: ['jane.doe@example.com'] })).length).toBe(1);
    expect(errors).toHaveLength(2);

    writeFileSync(path, JSON.stringify({ accounts: [DIRECTORY_FIXTURE[1]] }));
    expect(await d.get('A-1')).toBeUndefined();
    expect(d.size).toBe(1);
  });

  it('checks the file no more often than asked', async () => {
    const path = fileWith({ accounts: [valid] });
    const d = await openJsonDirectory({ path, reloadCheckMs: 60_000 });
    writeFileSync(path, JSON.stringify({ accounts: [] }));
    expect(await d.get('A-1')).toBeDefined();
    await d.reload();
    expect(await d.get('A-1')).toBeUndefined();
  });
});
