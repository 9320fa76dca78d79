import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoresFromEnv } from '../../src/storage/config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openStoresFromEnv', () => {
  it('opens SQLite at VEIL_DB, persisting across opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-config-'));
    dirs.push(dir);
    const env = { VEIL_DB: join(dir, 'v.db'), VEIL_SECRET: 'config-test-secret-123' };
    const a = await openStoresFromEnv(env);
    await a.state.update('c1', () => ({ n: 1 }));
    await a.close();
    const b = await openStoresFromEnv(env);
    expect((await b.state.get('c1'))?.doc).toEqual({ n: 1 });
    await b.close();
  });

  it('uses memory stores without VEIL_DB', async () => {
    const s = await openStoresFromEnv({});
    await s.state.update('c1', () => ({ n: 1 }));
    expect((await s.state.get('c1'))?.version).toBe(1);
    await s.close();
  });

  it('requires VEIL_SECRET with VEIL_DB', async () => {
    await expect(openStoresFromEnv({ VEIL_DB: '/tmp/never-created.db' })).rejects.toMatchObject({
      code: 'invalid_config',
      field: 'VEIL_SECRET',
    });
  });
});
