import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { errors } from './core/errors.js';
import { type StorageEnv, storageEnv } from './storage/open.js';

export const AGENT_ROLES = ['agent', 'supervisor', 'compliance'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];

export interface AgentKey {
  name: string;
  role: AgentRole;
  secret: string;
}

const agentKeys = z
  .string()
  .default('')
  .transform((raw, ctx): AgentKey[] => {
    const keys: AgentKey[] = [];
    for (const [i, part] of raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .entries()) {
      const [name, role, ...rest] = part.split(':');
      const secret = rest.join(':');
      if (!name || !role || !secret) {
        ctx.addIssue({ code: 'custom', message: `entry ${i + 1} must be name:role:secret` });
        return z.NEVER;
      }
      if (!(AGENT_ROLES as readonly string[]).includes(role)) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1}: role must be one of ${AGENT_ROLES.join(', ')}; got '${role}'`,
        });
        return z.NEVER;
      }
      if (secret.length < 16) {
        ctx.addIssue({
          code: 'custom',
          message: `entry ${i + 1} (${name}): secret must be at least 16 characters`,
        });
        return z.NEVER;
      }
      keys.push({ name, role: role as AgentRole, secret });
    }
    return keys;
  });

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalUrl = optionalString.pipe(z.url().optional());

const byteSize = z
  .string()
  .default('256kb')
  .transform((raw, ctx) => {
    const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(raw.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `expected a size like 256kb or 1mb; got '${raw}'` });
      return z.NEVER;
    }
    const mult = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
    return Number(m[1]) * mult;
  });

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  VEIL_AGENT_KEYS: agentKeys,
  VEIL_DB: z.string().default('data/veil.sqlite'),
  VEIL_POLICY_DIR: z.string().default('policies'),
  DIRECTORY_FILE: optionalString,
  DIRECTORY_URL: optionalString,
  DIRECTORY_ACCOUNT_URL: optionalString,
  DIRECTORY_TOKEN: optionalString,
  DIRECTORY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
  VEIL_NOTIFIER: z.enum(['outbox', 'webhook']).default('outbox'),
  VEIL_OUTBOX: z.string().default('data/outbox.jsonl'),
  VEIL_WEBHOOK_URL: optionalUrl,
  VEIL_WEBHOOK_SECRET: optionalString,
  VEIL_CHANNEL_JWT_SECRET: optionalString,
  VEIL_CHANNEL_JWKS_URL: optionalUrl,
  VEIL_CHANNEL_JWT_ISSUER: optionalString,
  VEIL_CHANNEL_JWT_AUDIENCE: optionalString,
  VEIL_SECRET: optionalString,
  VEIL_BODY_LIMIT: byteSize,
  VEIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VEIL_METRICS_TOKEN: optionalString,
  VEIL_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  VEIL_REPLY_SENDER: z.enum(['thread', 'inline']).default('thread'),
});

export type Config = z.infer<typeof EnvSchema> & {
  /** The key used for hashes and at-rest encryption (a fixed development key when VEIL_SECRET is unset). */
  secret: string;
  /** No Bot Framework app id: inbound requests are not authenticated. Refused in production. */
  localMode: boolean;
  warnings: string[];
  /** VEIL_STATE / VEIL_STORE / VEIL_MIGRATE / VEIL_REDIS_PREFIX, checked. */
  storage: StorageEnv;
};

const DEV_SECRET = 'veil-development-secret-do-not-use-in-production';

/** Validates the environment. A bad value throws naming the variable; production refuses unsafe setups. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw errors.config(variable, issue.message);
  }
  const c = parsed.data;
  const warnings: string[] = [];
  const prod = c.NODE_ENV === 'production';
  const localMode = !c.MICROSOFT_APP_ID;
  if (localMode) {
    if (prod)
      throw errors.config(
        'MICROSOFT_APP_ID',
        'must be set when NODE_ENV=production (local mode accepts unauthenticated channel requests)',
      );
    warnings.push(
      'LOCAL MODE: MICROSOFT_APP_ID is not set, so /api/messages accepts unauthenticated requests. Never expose this instance.',
    );
  } else if (!c.MICROSOFT_APP_PASSWORD) {
    throw errors.config('MICROSOFT_APP_PASSWORD', 'must be set when MICROSOFT_APP_ID is set');
  }
  if (!c.VEIL_SECRET) {
    if (prod)
      throw errors.config(
        'VEIL_SECRET',
        'must be set when NODE_ENV=production (it keys hashes and encrypts stored values)',
      );
    warnings.push(
      'VEIL_SECRET is not set: using a fixed development key. Stored values are not safely encrypted.',
    );
  } else if (c.VEIL_SECRET.length < 32) {
    throw errors.config('VEIL_SECRET', 'must be at least 32 characters');
  }
  if (c.VEIL_NOTIFIER === 'webhook' && !c.VEIL_WEBHOOK_URL) {
    throw errors.config('VEIL_WEBHOOK_URL', 'must be set when VEIL_NOTIFIER=webhook');
  }
  if (c.DIRECTORY_FILE && c.DIRECTORY_URL) {
    throw errors.config('DIRECTORY_URL', 'set DIRECTORY_FILE or DIRECTORY_URL, not both');
  }
  if (c.DIRECTORY_URL && !c.DIRECTORY_ACCOUNT_URL) {
    throw errors.config('DIRECTORY_ACCOUNT_URL', 'is required with DIRECTORY_URL (the {id} lookup template)');
  }
  if (c.VEIL_CHANNEL_JWT_SECRET && c.VEIL_CHANNEL_JWKS_URL) {
    throw errors.config(
      'VEIL_CHANNEL_JWKS_URL',
      'set VEIL_CHANNEL_JWT_SECRET or VEIL_CHANNEL_JWKS_URL, not both',
    );
  }
  if (c.VEIL_AGENT_KEYS.length === 0) {
    if (prod) throw errors.config('VEIL_AGENT_KEYS', 'must list at least one agent key in production');
    // A newcomer's `npm start` should give a usable console: one random supervisor key for this run only.
    const secret = randomBytes(18).toString('base64url');
    c.VEIL_AGENT_KEYS = [{ name: 'dev', role: 'supervisor', secret }];
    warnings.push(`VEIL_AGENT_KEYS is empty: generated a supervisor key for this run only: ${secret}`);
  }
  const storage = storageEnv(env);
  if (prod && storage.state !== 'sqlite' && storage.store === 'sqlite') {
    warnings.push(
      'VEIL_STATE is shared but VEIL_STORE is SQLite: transcripts and audit are not shared between instances.',
    );
  }
  return { ...c, secret: c.VEIL_SECRET ?? DEV_SECRET, localMode, warnings, storage };
}
