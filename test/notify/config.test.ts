import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notifierFromEnv } from '../../src/notify/config.js';
import { readOutbox } from '../../src/notify/outbox.js';
import { notification } from '../contract/notifier.contract.js';
import { sendJson, startLocalServer } from '../contract/local-server.js';

describe('notifierFromEnv', () => {
  it('writes to VEIL_OUTBOX by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'veil-notify-config-'));
    try {
      const path = join(dir, 'o.jsonl');
      await notifierFromEnv({ VEIL_OUTBOX: path }).notify(notification());
      expect(await readOutbox(path)).toEqual([notification()]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('posts to VEIL_WEBHOOK_URL, signed with VEIL_WEBHOOK_SECRET, within VEIL_WEBHOOK_MAX_ATTEMPTS', async () => {
    const s = await startLocalServer((_req, res) => sendJson(res, 500, {}));
    try {
      const n = notifierFromEnv({
        VEIL_NOTIFIER: 'webhook',
        VEIL_WEBHOOK_URL: s.url,
        VEIL_WEBHOOK_SECRET: 'sig',
        VEIL_WEBHOOK_MAX_ATTEMPTS: '1',
      });
      await expect(n.notify(notification())).rejects.toMatchObject({ reason: 'unavailable', attempts: 1 });
      expect(s.requests).toHaveLength(1);
      expect(s.requests[0]?.headers['x-veil-signature']).toMatch(/^sha256=/);
    } finally {
      await s.close();
    }
  });

  it.each([
    [{ VEIL_NOTIFIER: 'carrier-pigeon' }, 'VEIL_NOTIFIER'],
    [{ VEIL_NOTIFIER: 'webhook' }, 'VEIL_WEBHOOK_URL'],
    [
      { VEIL_NOTIFIER: 'webhook', VEIL_WEBHOOK_URL: 'http://x', VEIL_WEBHOOK_TIMEOUT_MS: '0' },
      'VEIL_WEBHOOK_TIMEOUT_MS',
    ],
  ])('names the variable that is wrong (%#)', (env, field) => {
    expect(() => notifierFromEnv(env)).toThrow(expect.objectContaining({ code: 'invalid_config', field }));
  });
});
