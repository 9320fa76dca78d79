import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import { errors } from '../../core/errors.js';
import type { Activity } from './activity.js';
import { buildSdkAuthentication, loadSdk, type SdkAuthConfig } from './sdk-core.js';

export type ChannelAuthMode = 'local' | 'authenticated';

/**
 * Where tokens are checked. Defaults are the public Azure cloud; override for a private/sovereign cloud,
 * or to point validation at a local OpenID server in tests.
 */
export interface ChannelAuthEndpoints {
  /** OpenID metadata listing the keys that sign channel tokens */
  channelOpenIdMetadataUrl: string;
  /** `iss` every channel token must carry */
  channelTokenIssuer: string;
  /** OpenID metadata for Emulator / AAD-issued tokens */
  emulatorOpenIdMetadataUrl: string;
  /** where the bot gets its own tokens for replies */
  loginUrl: string;
  /** scope of the bot's reply tokens */
  oAuthScope: string;
}

export interface ChannelAuthOptions {
  /** empty: local mode, no inbound authentication and anonymous replies */
  appId: string;
  appPassword: string;
  /** for single-tenant bots */
  tenantId?: string | undefined;
  log: Pick<Logger, 'info' | 'warn'>;
  /** upper bound on one inbound validation, OpenID key download included (default 5000 ms) */
  timeoutMs?: number;
  endpoints?: Partial<ChannelAuthEndpoints>;
}

/** What Veil knows about who sent an inbound request once it is authenticated. Plain data. */
export interface ChannelIdentity {
  mode: ChannelAuthMode;
  /** the bot app id the token was issued for (authenticated mode) */
  appId: string | undefined;
  /** e.g. `urn:botframework:azure` when the request came from the Azure Bot Service */
  callerId: string | undefined;
}

export interface ChannelAuth {
  readonly mode: ChannelAuthMode;
  readonly appId: string;
  /** Resolves for a genuine channel request; rejects with a 401 VeilError otherwise. */
  authenticate(activity: Activity, authorizationHeader: string | undefined): Promise<ChannelIdentity>;
}

export const DEFAULT_AUTH_TIMEOUT_MS = 5_000;

// botframework-schema's CallerIdConstants.PublicAzureChannel; that package is not a direct dependency.
const PUBLIC_AZURE_CALLER_ID = 'urn:botframework:azure';

type SdkActivity = Parameters<BotFrameworkAuthentication['authenticateRequest']>[0];

// The SDK settings stay behind the adapter: the reply sender in this folder looks them up (to build its
// own SDK objects, possibly on its own thread); nothing else sees them.
const sdkConfigs = new WeakMap<ChannelAuth, SdkAuthConfig>();

/** @internal for the reply sender */
export function sdkConfigFor(auth: ChannelAuth): SdkAuthConfig {
  const found = sdkConfigs.get(auth);
  if (!found) throw new Error('ChannelAuth was not created by createChannelAuth');
  return found;
}

export function createChannelAuth(options: ChannelAuthOptions): ChannelAuth {
  const appId = options.appId.trim();
  const mode: ChannelAuthMode = appId === '' ? 'local' : 'authenticated';
  const config: SdkAuthConfig = {
    appId,
    appPassword: options.appPassword,
    tenantId: options.tenantId,
    ...defaultEndpoints(),
    ...options.endpoints,
    callerId: PUBLIC_AZURE_CALLER_ID,
  };
  const sdk = buildSdkAuthentication(loadSdk(), config);
  const timeoutMs = options.timeoutMs ?? DEFAULT_AUTH_TIMEOUT_MS;
  const log = options.log;

  const auth: ChannelAuth = {
    mode,
    appId,
    async authenticate(activity, authorizationHeader) {
      if (mode === 'local') return { mode, appId: undefined, callerId: undefined };
      const header = authorizationHeader?.trim() ?? '';
      if (!/^Bearer\s+\S+$/i.test(header)) {
        log.warn({ event: 'channel_auth_rejected', reason: 'missing_bearer' }, 'channel request rejected');
        throw errors.unauthorized(
          'missing bearer token',
          'channel requests must carry the Bot Framework JWT',
        );
      }
      // The SDK parses `Bearer <token>` case-sensitively.
      const normalized = `Bearer ${header.replace(/^Bearer\s+/i, '')}`;
      try {
        const result = await withTimeout(
          sdk.authenticateRequest(activity as unknown as SdkActivity, normalized),
          timeoutMs,
        );
        const claimAppId =
          result.claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
          result.claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
          undefined;
        return { mode, appId: claimAppId, callerId: result.callerId ?? undefined };
      } catch (err) {
        // The SDK's messages name claims and app ids, never the token; still, log only what we classify.
        const reason = err instanceof AuthTimeout ? 'timeout' : classify(err);
        log.warn({ event: 'channel_auth_rejected', reason }, 'channel request rejected');
        throw errors.unauthorized(
          reason === 'timeout' ? 'channel token could not be validated in time' : 'invalid channel token',
          reason === 'timeout'
            ? 'the OpenID signing keys could not be fetched; check outbound access to the Bot Framework login service'
            : 'the token must be issued by the Bot Framework for this app id and serviceUrl',
        );
      }
    },
  };
  sdkConfigs.set(auth, config);
  return auth;
}

function defaultEndpoints(): ChannelAuthEndpoints {
  return {
    channelOpenIdMetadataUrl: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    channelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    emulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    loginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    oAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  };
}

class AuthTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AuthTimeout()), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function classify(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  if (/expired/i.test(message)) return 'expired';
  if (/signing key|openid|keys/i.test(message)) return 'signing_key';
  if (/serviceurl/i.test(message)) return 'service_url_mismatch';
  if (/appid|audience/i.test(message)) return 'audience';
  if (/issuer/i.test(message)) return 'issuer';
  if (/signature/i.test(message)) return 'signature';
  return 'invalid_token';
}
