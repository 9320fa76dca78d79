import type { Worker } from 'node:worker_threads';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseActivity } from '../../../src/transport/botframework/activity.js';
import { createChannelAuth } from '../../../src/transport/botframework/auth.js';
import { conversationRefFromActivity } from '../../../src/transport/botframework/conversation-ref.js';
import { createReplySender } from '../../../src/transport/botframework/reply.js';
import { type MockConnector, startMockConnector } from '../../fixtures/mock-connector.js';
import { failureOf, loadFixture } from './helpers.js';

// What only the threaded sender has to get right: the thread failing, never starting, and shutting down.
const lines: string[] = [];
const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
const localAuth = createChannelAuth({ appId: '', appPassword: '', log });

let connector: MockConnector;
beforeAll(async () => {
  connector = await startMockConnector();
});
afterEach(() => {
  connector.reset();
  lines.length = 0;
});
afterAll(() => connector.close());

const ref = () =>
  conversationRefFromActivity(
    parseActivity({ ...(loadFixture('message-text') as object), serviceUrl: `${connector.url}/` }),
  );

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('createReplySender (thread)', () => {
  it('a reply in flight when the thread dies fails as "may or may not have arrived"; later replies go out on the main thread', async () => {
    let thread: Worker | undefined;
    const errors: Error[] = [];
    const sender = createReplySender(localAuth, {
      log,
      mode: 'thread',
      timeoutMs: 10_000,
      thread: { onThread: (w) => (thread = w), onError: (e) => errors.push(e) },
    });
    try {
      // One delivered through the thread first, so the thread is known to be up.
      await sender.send(ref(), { text: 'first' });
      connector.stallNext(1);
      const started = Date.now();
      const inFlight = failureOf(sender.send(ref(), { text: 'second' }));
      await until(() => connector.received.length === 2);
      await thread!.terminate();
      const err = await inFlight;
      expect(err).toMatchObject({ reason: 'timeout', status: 504, retryable: true });
      expect(err.hint).toMatch(/may or may not have arrived/);
      // promptly: not after the 10 s deadline
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(sender.mode).toBe('inline');
      expect(errors).toHaveLength(1);
      expect(lines.join('\n')).toContain('reply_thread_failed');

      const after = await sender.send(ref(), { text: 'third' });
      expect(after.id).toBe(connector.received.at(-1)?.respondedId);
      expect(connector.received.map((r) => (r.body as { text: string }).text)).toEqual([
        'first',
        'second',
        'third',
      ]);
    } finally {
      await sender.close?.();
    }
  });

  it('replies handed to a thread that never started go out on the main thread, none lost', async () => {
    const errors: Error[] = [];
    const sender = createReplySender(localAuth, {
      log,
      mode: 'thread',
      thread: { sdkPath: '/nonexistent/botframework-connector.js', onError: (e) => errors.push(e) },
    });
    try {
      const results = await Promise.all([
        sender.send(ref(), { text: 'a' }),
        sender.send(ref(), { text: 'b' }),
      ]);
      expect(results.map((r) => r.id)).toEqual(connector.received.map((r) => r.respondedId));
      expect(connector.received.map((r) => (r.body as { text: string }).text).sort()).toEqual(['a', 'b']);
      expect(sender.mode).toBe('inline');
      expect(errors[0]?.message).toMatch(/Cannot find module/);
    } finally {
      await sender.close?.();
    }
  });

  it('close waits for the replies in flight, then stops the thread', async () => {
    let thread: Worker | undefined;
    const sender = createReplySender(localAuth, {
      log,
      mode: 'thread',
      timeoutMs: 400,
      thread: { onThread: (w) => (thread = w) },
    });
    let exited = false;
    await sender.send(ref(), { text: 'warm' });
    thread!.once('exit', () => {
      exited = true;
    });
    connector.stallNext(1);
    const inFlight = failureOf(sender.send(ref(), { text: 'slow' }));
    await until(() => connector.received.length === 2);
    await sender.close?.();
    // the in-flight reply settled at its own deadline on the thread, not as lost when the thread stopped
    const err = await inFlight;
    expect(err.reason).toBe('timeout');
    expect((err.cause as { name?: string }).name).not.toBe('ReplyThreadFailed');
    expect(exited).toBe(true);
    // no failure was reported for a thread that was asked to stop
    expect(lines.join('\n')).not.toContain('reply_thread_failed');
  });

  it('authenticated mode on the thread: no token, nothing sent, "credentials"', async () => {
    const auth = createChannelAuth({
      appId: '00000000-1111-2222-3333-444444444444',
      appPassword: 'secret',
      log,
    });
    const sender = createReplySender(auth, { log, mode: 'thread', timeoutMs: 5_000 });
    try {
      const err = await failureOf(sender.send(ref(), { text: 'unsigned' }));
      expect(err.reason).toBe('credentials');
      expect(connector.received).toHaveLength(0);
    } finally {
      await sender.close?.();
    }
  });
});
