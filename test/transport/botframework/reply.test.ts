import { AppCredentials } from 'botframework-connector';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseActivity } from '../../../src/transport/botframework/activity.js';
import { createChannelAuth } from '../../../src/transport/botframework/auth.js';
import {
  type ConversationRef,
  conversationRefFromActivity,
} from '../../../src/transport/botframework/conversation-ref.js';
import { createReplySender, type ReplySender } from '../../../src/transport/botframework/reply.js';
import { type MockConnector, startMockConnector } from '../../fixtures/mock-connector.js';
import { failureOf, loadFixture } from './helpers.js';

const APP_ID = '00000000-1111-2222-3333-444444444444';
const lines: string[] = [];
const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
const localAuth = createChannelAuth({ appId: '', appPassword: '', log });

let connector: MockConnector;
beforeAll(async () => {
  connector = await startMockConnector();
});
afterEach(() => connector.reset());
afterAll(() => connector.close());

function refFor(fixture: Parameters<typeof loadFixture>[0]): ConversationRef {
  const raw = loadFixture(fixture) as Record<string, unknown>;
  return conversationRefFromActivity(parseActivity({ ...raw, serviceUrl: `${connector.url}/` }));
}

describe('conversationRefFromActivity', () => {
  it('swaps the parties: the reply goes from the bot the customer wrote to, back to the customer', () => {
    const ref = conversationRefFromActivity(parseActivity(loadFixture('message-text')));
    expect(ref).toEqual({
      serviceUrl: 'https://webchat.botframework.com/',
      conversationId: 'conv-abc123',
      activityId: 'act-0001',
      channelId: 'webchat',
      tenantId: 'tenant-1',
      bot: { id: 'veil-bot', name: 'Retail Support' },
      user: { id: 'dl_user-77', name: 'Jane Doe' },
    });
  });
});

// The contract both senders keep: the SDK on the calling thread, and the SDK on a reply thread.
describe.each(['inline', 'thread'] as const)(
  'createReplySender (%s, local mode) against the mock Connector',
  (mode) => {
    const senders: ReplySender[] = [];
    const make = (timeoutMs: number) => {
      const s = createReplySender(localAuth, { log, timeoutMs, mode });
      senders.push(s);
      return s;
    };
    const sender = make(5_000);
    // outlasts the SDK's retry backoff (about 5 s for three retries)
    const patient = make(15_000);
    afterAll(async () => {
      await Promise.all(senders.map((s) => s.close?.()));
    });

    it('runs where it was asked to', () => {
      expect(sender.mode).toBe(mode);
    });

    it('replies to the customer activity with exactly the reply, anonymously', async () => {
      const ref = refFor('message-text');
      const result = await sender.send(ref, { text: 'Your order ships tomorrow.' });
      expect(connector.received).toHaveLength(1);
      const [req] = connector.received;
      expect(result).toEqual({ id: req?.respondedId });
      expect(req?.method).toBe('POST');
      expect(req?.path).toBe('/v3/conversations/conv-abc123/activities/act-0001');
      expect(req?.headers.authorization).toBeUndefined();
      expect(req?.body).toEqual({
        type: 'message',
        channelId: 'webchat',
        serviceUrl: `${connector.url}/`,
        conversation: { id: 'conv-abc123', tenantId: 'tenant-1' },
        from: { id: 'veil-bot', name: 'Retail Support' },
        recipient: { id: 'dl_user-77', name: 'Jane Doe' },
        replyToId: 'act-0001',
        text: 'Your order ships tomorrow.',
        textFormat: 'plain',
      });
    });

    it('posts to the conversation when there is no activity to reply to', async () => {
      const ref = { ...refFor('card-submit'), activityId: undefined };
      await sender.send(ref, { text: 'Hello again', textFormat: 'markdown', locale: 'en-US' });
      const [req] = connector.received;
      expect(req?.path).toBe('/v3/conversations/conv-abc123/activities');
      expect(req?.body).toMatchObject({ text: 'Hello again', textFormat: 'markdown', locale: 'en-US' });
      expect(req?.body).not.toHaveProperty('replyToId');
    });

    it('encodes conversation and activity ids that are not URL-safe', async () => {
      const ref = refFor('adaptive-card');
      await sender.send(ref, { text: 'ok' });
      const [req] = connector.received;
      expect(req?.conversationId).toBe('a:1xyz;messageid=1714567890');
      expect(req?.activityId).toBe('act-0002');
      expect(req?.body).toMatchObject({ recipient: { id: '29:1abcDEF' }, from: { id: '28:veil-bot' } });
    });

    it('carries attachments, suggested actions and channelData', async () => {
      const reply = {
        text: 'Pick one',
        attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Options' } }],
        suggestedActions: { actions: [{ type: 'imBack', title: 'Yes', value: 'yes' }] },
        channelData: { notification: { alert: true } },
      };
      await sender.send(refFor('message-text'), reply);
      expect(connector.received[0]?.body).toMatchObject(reply);
    });

    it('fails with "rejected" on a 4xx, without retrying', async () => {
      connector.failNext(1, 400);
      const err = await failureOf(sender.send(refFor('message-text'), { text: 'x' }));
      expect(err).toMatchObject({
        code: 'reply_not_delivered',
        reason: 'rejected',
        upstreamStatus: 400,
        retryable: false,
      });
      expect(err.status).toBe(502);
      expect(connector.received).toHaveLength(1);
    });

    it('fails with "credentials" when the Connector refuses the bot (401/403)', async () => {
      connector.failNext(1, 403);
      const err = await failureOf(sender.send(refFor('message-text'), { text: 'x' }));
      expect(err).toMatchObject({ reason: 'credentials', upstreamStatus: 403 });
    });

    it('survives one transient 5xx: the SDK retries once and the reply is delivered', async () => {
      connector.failNext(1, 503);
      const result = await sender.send(refFor('message-text'), { text: 'x' });
      expect(connector.received.map((r) => r.status)).toEqual([503, 200]);
      expect(result.id).toBe(connector.received[1]?.respondedId);
    });

    it('fails with "unavailable" when the Connector keeps failing with 5xx', async () => {
      connector.failNext(10, 500);
      const err = await failureOf(patient.send(refFor('message-text'), { text: 'x' }));
      expect(err).toMatchObject({ reason: 'unavailable', upstreamStatus: 500, retryable: true });
      // the SDK's retry policy: one try and three retries
      expect(connector.received).toHaveLength(4);
    });

    it('fails with "timeout" when the Connector does not answer in time', async () => {
      const quick = make(300);
      connector.stallNext(1);
      const started = Date.now();
      const err = await failureOf(quick.send(refFor('message-text'), { text: 'x' }));
      expect(err).toMatchObject({ reason: 'timeout', status: 504 });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('fails with "unreachable" when nothing listens at the serviceUrl', async () => {
      const dead = await startMockConnector();
      await dead.close();
      // the SDK retries refused connections with backoff (~5 s) before giving up
      const err = await failureOf(
        patient.send({ ...refFor('message-text'), serviceUrl: dead.url }, { text: 'x' }),
      );
      expect(err).toMatchObject({ reason: 'unreachable', upstreamStatus: undefined, retryable: true });
    });

    it('logs failures without message text or ids', () => {
      const joined = lines.join('\n');
      expect(joined).toContain('reply_not_delivered');
      expect(joined).not.toMatch(/Jane|dl_user-77|conv-abc123|"x"/);
    });
  },
);

describe('createReplySender (authenticated mode)', () => {
  const auth = createChannelAuth({ appId: APP_ID, appPassword: 'secret', log });

  it("sends the bot's token with every reply", async () => {
    // Offline the token cannot come from the Microsoft login service: seed the SDK's own token cache instead.
    const key = `${APP_ID}https://api.botframework.com-cache`;
    const tokenCache = (
      AppCredentials as unknown as { cache: Map<string, { accessToken: string; expiresOn: Date }> }
    ).cache;
    tokenCache.set(key, {
      accessToken: 'test-access-token',
      expiresOn: new Date(Date.now() + 3_600_000),
    });
    try {
      const sender = createReplySender(auth, { log });
      await sender.send(refFor('message-text'), { text: 'signed' });
      expect(connector.received[0]?.headers.authorization).toBe('Bearer test-access-token');
    } finally {
      tokenCache.delete(key);
    }
  });

  it('fails with "credentials" and sends nothing when the bot cannot get a token', async () => {
    const sender = createReplySender(auth, { log, timeoutMs: 5_000 });
    const err = await failureOf(sender.send(refFor('message-text'), { text: 'unsigned' }));
    // offline the login service's name does not resolve; online a bogus secret is refused: both are credentials
    expect(err.reason).toBe('credentials');
    expect(connector.received).toHaveLength(0);
  });
});
