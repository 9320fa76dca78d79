import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxNotifier, latestCode, readOutbox } from '../../src/notify/outbox.js';
import { notification, notifierContract } from '../contract/notifier.contract.js';

const dirs: string[] = [];
const tempPath = (name = 'outbox.jsonl') => {
  const dir = mkdtempSync(join(tmpdir(), 'veil-outbox-'));
  dirs.push(dir);
  return join(dir, name);
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

notifierContract('outbox', async () => {
  const path = tempPath();
  return {
    subject: createOutboxNotifier({ path }),
    delivered: () => readOutbox(path),
    close: async () => {},
  };
});

describe('outbox notifier', () => {
  it('appends one JSON line per notification to an owner-only file, creating folders', async () => {
    const path = join(tempPath('unused'), '..', 'nested', 'deeper', 'outbox.jsonl');
    const outbox = createOutboxNotifier({ path });
    await outbox.notify(notification({ id: 'a' }));
    await outbox.notify(notification({ id: 'b' }));
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps call order when callers do not await each other', async () => {
    const path = tempPath();
    const outbox = createOutboxNotifier({ path });
    await Promise.all(Array.from({ length: 20 }, (_, i) => outbox.notify(notification({ id: `n${i}` }))));
    expect((await readOutbox(path)).map((n) => n.id)).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
  });

  it('reads the latest code back for a conversation', async () => {
    const path = tempPath();
    const outbox = createOutboxNotifier({ path });
    const otp = (id: string, conversationId: string, code: string, accountId = 'ACC-1') =>
      notification({ id, kind: 'otp', channel: 'sms', conversationId, code, accountId });
    await outbox.notify(otp('1', 'c1', '111111'));
    await outbox.notify(otp('2', 'c2', '222222'));
    await outbox.notify(otp('3', 'c1', '333333', 'ACC-2'));
    await outbox.notify(notification({ id: '4', conversationId: 'c1' }));
    expect(await latestCode(path, { conversationId: 'c1' })).toBe('333333');
    expect(await latestCode(path, { conversationId: 'c1', accountId: 'ACC-1' })).toBe('111111');
    expect(await latestCode(path, { conversationId: 'c9' })).toBeUndefined();
    expect(await latestCode(tempPath('missing.jsonl'), { conversationId: 'c1' })).toBeUndefined();
  });

  it('names the line of a corrupt outbox entry', async () => {
    const path = tempPath();
    writeFileSync(path, `${JSON.stringify(notification())}\n{"id": oops\n`);
    await expect(readOutbox(path)).rejects.toThrow(/:2: not a JSON line/);
    writeFileSync(path, `${JSON.stringify({ ...notification(), kind: 'otp' })}\n`);
    await expect(readOutbox(path)).rejects.toThrow(/:1: notification code/);
  });

  it('rejects with a typed error when the file cannot be written, and recovers afterwards', async () => {
    const blocker = tempPath('blocker');
    writeFileSync(blocker, '');
    const path = join(blocker, 'outbox.jsonl');
    const outbox = createOutboxNotifier({ path });
    await expect(outbox.notify(notification())).rejects.toMatchObject({
      name: 'NotificationError',
      reason: 'write-failed',
      notificationId: 'n-1',
    });
    rmSync(blocker);
    await outbox.notify(notification({ id: 'after' }));
    expect((await readOutbox(path)).map((n) => n.id)).toEqual(['after']);
  });
});
