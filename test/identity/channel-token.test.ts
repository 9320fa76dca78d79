import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createChannelTokenVerifier, identityTokenFrom } from '../../src/identity/channel-token.js';

const SECRET = 'channel-shared-secret-of-enough-length';
const sign = (claims: Record<string, unknown>, secret = SECRET, exp: string | number = '5m') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(secret));

describe('channel identity tokens', () => {
  it('is disabled without a secret or JWKS', () => {
    expect(createChannelTokenVerifier({})).toBeUndefined();
  });

  it('accepts a valid HS256 token and returns its subject', async () => {
    const v = createChannelTokenVerifier({ secret: SECRET })!;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('A-1')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    expect((await v.verify(token)).accountId).toBe('A-1');
  });

  it.each([
    ['wrong key', () => sign({ sub: 'A-1' }, 'another-secret-entirely-different')],
    ['expired', () => sign({ sub: 'A-1' }, SECRET, Math.floor(Date.now() / 1000) - 3600)],
    ['no subject', () => sign({})],
    ['garbage', async () => 'not.a.jwt'],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"A-1"}').toString('base64url')}.`,
    ],
  ])('rejects a token: %s', async (_name, make) => {
    const v = createChannelTokenVerifier({ secret: SECRET })!;
    await expect(v.verify(await make())).rejects.toThrow(/rejected|subject/);
  });

  it('checks issuer and audience when configured', async () => {
    const v = createChannelTokenVerifier({ secret: SECRET, issuer: 'webchat', audience: 'veil' })!;
    await expect(v.verify(await sign({ sub: 'A-1', iss: 'other', aud: 'veil' }))).rejects.toThrow();
    await expect(v.verify(await sign({ sub: 'A-1', iss: 'webchat', aud: 'veil' }))).resolves.toMatchObject({
      accountId: 'A-1',
    });
  });

  it('verifies RS256 tokens against a JWKS served on loopback', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
      const v = createChannelTokenVerifier({ jwksUrl: url })!;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('A-9')
        .setExpirationTime('5m')
        .sign(privateKey);
      expect((await v.verify(token)).accountId).toBe('A-9');
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('A-9')
        .setExpirationTime('5m')
        .sign((await generateKeyPair('RS256')).privateKey);
      await expect(v.verify(forged)).rejects.toThrow(/rejected/);
    } finally {
      server.close();
    }
  });

  it('finds the token in channelData', () => {
    expect(identityTokenFrom({ veil: { identityToken: 't1' } })).toBe('t1');
    expect(identityTokenFrom({ identityToken: 't2' })).toBe('t2');
    expect(identityTokenFrom({ identityToken: 3 })).toBeUndefined();
    expect(identityTokenFrom(undefined)).toBeUndefined();
  });
});
