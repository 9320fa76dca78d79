import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';

/**
 * The channel vouches for its signed-in user with a signed JWT in `channelData.veil.identityToken`
 * (or `channelData.identityToken`). `sub` is the directory account id. Verified with a shared secret
 * (HS256) or the channel's JWKS (RS/ES/EdDSA). A token that fails any check is ignored and audited,
 * never trusted.
 */
export interface ChannelTokenVerifier {
  verify(token: string): Promise<{ accountId: string; expiresAt?: number | undefined }>;
}

export interface ChannelTokenOptions {
  secret?: string | undefined;
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
}

export class ChannelTokenError extends Error {
  override readonly name = 'ChannelTokenError';
}

export function createChannelTokenVerifier(options: ChannelTokenOptions): ChannelTokenVerifier | undefined {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.secret) {
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256', 'HS384', 'HS512'];
  } else if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
  } else {
    return undefined;
  }
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, {
          algorithms,
          ...(options.issuer ? { issuer: options.issuer } : {}),
          ...(options.audience ? { audience: options.audience } : {}),
          requiredClaims: ['sub', 'exp'],
          clockTolerance: 30,
        });
        if (typeof payload.sub !== 'string' || payload.sub === '')
          throw new ChannelTokenError('token has no subject');
        return { accountId: payload.sub, expiresAt: payload.exp };
      } catch (e) {
        if (e instanceof ChannelTokenError) throw e;
        throw new ChannelTokenError(
          `identity token rejected: ${(e as { code?: string }).code ?? (e as Error).message}`,
        );
      }
    },
  };
}

/** Where channels put the token: `channelData.veil.identityToken` or `channelData.identityToken`. */
export function identityTokenFrom(channelData: unknown): string | undefined {
  if (!channelData || typeof channelData !== 'object') return undefined;
  const cd = channelData as { veil?: { identityToken?: unknown }; identityToken?: unknown };
  const t = cd.veil?.identityToken ?? cd.identityToken;
  return typeof t === 'string' && t.length > 0 ? t : undefined;
}
