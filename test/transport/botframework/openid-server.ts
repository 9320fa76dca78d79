import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export const ISSUER = 'https://api.botframework.com';

/**
 * A local stand-in for login.botframework.com's OpenID metadata and signing keys, so real token validation
 * in botframework-connector runs offline. `/stall/...` never answers, to exercise the validation deadline.
 */
export async function startOpenIdServer(endorsements: string[]) {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256', endorsements };
  const stalled = new Set<ServerResponse>();
  let metadataRequests = 0;

  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/stall/')) {
      stalled.add(res);
      return;
    }
    if (path.endsWith('/openidconfiguration')) {
      metadataRequests += 1;
      return json(res, { issuer: ISSUER, jwks_uri: `${base}/keys` });
    }
    if (path === '/keys') return json(res, { keys: [jwk] });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const sign = (
    claims: JWTPayload,
    opts: { key?: 'good' | 'rogue'; kid?: string; expiresIn?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'key-1', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '10m')
      .sign(opts.key === 'rogue' ? rogue.privateKey : privateKey);

  return {
    /** metadata URL; each distinct path is a distinct cache entry inside the SDK */
    metadataUrl: (name = 'v1') => `${base}/${name}/.well-known/openidconfiguration`,
    stallUrl: `${base}/stall/.well-known/openidconfiguration`,
    sign,
    metadataRequests: () => metadataRequests,
    close: () => {
      for (const res of stalled) res.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
