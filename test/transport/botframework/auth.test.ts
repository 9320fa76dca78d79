import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VeilError } from '../../../src/core/errors.js';
import { type Activity, parseActivity } from '../../../src/transport/botframework/activity.js';
import { createChannelAuth } from '../../../src/transport/botframework/auth.js';
import { loadFixture } from './helpers.js';
import { ISSUER, startOpenIdServer } from './openid-server.js';

const APP_ID = '00000000-1111-2222-3333-444444444444';

function capturingLog() {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  return { log, lines };
}

const activity = (): Activity => parseActivity(loadFixture('message-text'));

async function rejectionOf(p: Promise<unknown>): Promise<VeilError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof VeilError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('createChannelAuth: local mode', () => {
  it('has no app id, says so, and accepts requests without credentials', async () => {
    const { log } = capturingLog();
    const auth = createChannelAuth({ appId: '', appPassword: '', log });
    expect(auth.mode).toBe('local');
    await expect(auth.authenticate(activity(), undefined)).resolves.toEqual({
      mode: 'local',
      appId: undefined,
      callerId: undefined,
    });
    await expect(auth.authenticate(activity(), 'Bearer whatever')).resolves.toMatchObject({ mode: 'local' });
  });

  it('treats a blank app id as local', () => {
    const { log } = capturingLog();
    expect(createChannelAuth({ appId: '   ', appPassword: 'x', log }).mode).toBe('local');
  });
});

describe('createChannelAuth: authenticated mode, public cloud endpoints, offline', () => {
  const { log, lines } = capturingLog();
  const auth = createChannelAuth({ appId: APP_ID, appPassword: 'secret', log, timeoutMs: 2_000 });

  it('is authenticated', () => {
    expect(auth.mode).toBe('authenticated');
    expect(auth.appId).toBe(APP_ID);
  });

  it.each([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['a Basic header', 'Basic dXNlcjpwYXNz'],
    ['a bare token', 'eyJhbGciOi.x.y'],
  ])('rejects %s with 401', async (_, header) => {
    const err = await rejectionOf(auth.authenticate(activity(), header));
    expect(err.status).toBe(401);
    expect(err.code).toBe('unauthorized');
  });

  it('rejects a garbage bearer token with 401 without going to the network', async () => {
    const started = Date.now();
    const err = await rejectionOf(auth.authenticate(activity(), 'Bearer not-a-jwt'));
    expect(err.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('rejects a forged token that claims the Bot Framework issuer, within the deadline', async () => {
    // Validating it needs the public signing keys: offline the download fails (or hangs, bounded by timeoutMs).
    const server = await startOpenIdServer(['webchat']);
    const forged = await server.sign({ iss: ISSUER, aud: APP_ID, serviceurl: activity().serviceUrl });
    await server.close();
    const started = Date.now();
    const err = await rejectionOf(auth.authenticate(activity(), `Bearer ${forged}`));
    expect(err.status).toBe(401);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines.join('\n')).not.toContain(forged);
  });

  it('logs why it rejected, never the token or message content', () => {
    const joined = lines.join('\n');
    expect(joined).toContain('channel_auth_rejected');
    expect(joined).not.toContain('not-a-jwt');
    expect(joined).not.toContain('jane');
  });
});

describe('createChannelAuth: authenticated mode against a local OpenID service', () => {
  let server: Awaited<ReturnType<typeof startOpenIdServer>>;
  const { log, lines } = capturingLog();
  let auth: ReturnType<typeof createChannelAuth>;
  const claims = () => ({ iss: ISSUER, aud: APP_ID, serviceurl: activity().serviceUrl });

  beforeAll(async () => {
    server = await startOpenIdServer(['webchat', 'msteams']);
    auth = createChannelAuth({
      appId: APP_ID,
      appPassword: 'secret',
      log,
      timeoutMs: 2_000,
      endpoints: { channelOpenIdMetadataUrl: server.metadataUrl('channel') },
    });
  });
  afterAll(() => server.close());

  it('accepts a genuine channel token and reports the app id and caller', async () => {
    const token = await server.sign(claims());
    await expect(auth.authenticate(activity(), `Bearer ${token}`)).resolves.toEqual({
      mode: 'authenticated',
      appId: APP_ID,
      callerId: 'urn:botframework:azure',
    });
    // the scheme is case-insensitive on the wire
    await expect(auth.authenticate(activity(), `bearer ${token}`)).resolves.toMatchObject({ appId: APP_ID });
  });

  it.each([
    ['signed with a key the channel does not publish', async () => server.sign(claims(), { key: 'rogue' })],
    ['with an unknown key id', async () => server.sign(claims(), { kid: 'key-x' })],
    ['for another bot', async () => server.sign({ ...claims(), aud: 'someone-else' })],
    ['without an audience', async () => server.sign({ iss: ISSUER, serviceurl: activity().serviceUrl })],
    [
      'for another serviceUrl',
      async () => server.sign({ ...claims(), serviceurl: 'https://evil.example.com/' }),
    ],
    ['from another issuer', async () => server.sign({ ...claims(), iss: 'https://evil.example.com' })],
    ['that has expired', async () => server.sign(claims(), { expiresIn: '-1h' })],
  ])('rejects a token %s', async (_, makeToken) => {
    const token = await makeToken();
    const err = await rejectionOf(auth.authenticate(activity(), `Bearer ${token}`));
    expect(err.status).toBe(401);
  });

  it('rejects a token whose key is not endorsed for the activity channel', async () => {
    const token = await server.sign(claims());
    const sms = { ...activity(), channelId: 'sms' };
    const err = await rejectionOf(auth.authenticate(sms, `Bearer ${token}`));
    expect(err.status).toBe(401);
  });

  it('never logs tokens', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/eyJ[\w-]+\./);
  });
});

describe('createChannelAuth: signing keys unavailable', () => {
  it('fails closed with 401 when the key download hangs, within the deadline', async () => {
    const server = await startOpenIdServer(['webchat']);
    const { log, lines } = capturingLog();
    const auth = createChannelAuth({
      appId: APP_ID,
      appPassword: 'secret',
      log,
      timeoutMs: 300,
      endpoints: { channelOpenIdMetadataUrl: server.stallUrl },
    });
    const token = await server.sign({ iss: ISSUER, aud: APP_ID, serviceurl: activity().serviceUrl });
    const started = Date.now();
    const err = await rejectionOf(auth.authenticate(activity(), `Bearer ${token}`));
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(lines.join('\n')).toContain('"reason":"timeout"');
    await server.close();
  });
});
