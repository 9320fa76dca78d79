import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { AgentKey, AgentRole } from '../../config.js';
import { errors } from '../../core/errors.js';

export interface AgentIdentity {
  name: string;
  role: AgentRole;
}

declare global {
  namespace Express {
    interface Locals {
      agent?: AgentIdentity;
    }
  }
}

const equal = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Resolves a bearer key (header, or `access_token` query for EventSource which cannot set headers). */
export function agentFromKey(keys: readonly AgentKey[], key: string | undefined): AgentIdentity | undefined {
  if (!key) return undefined;
  let found: AgentIdentity | undefined;
  for (const k of keys) if (equal(k.secret, key)) found = { name: k.name, role: k.role };
  return found;
}

/** The agent behind an `Authorization: Bearer <key>` header, if the key is one of `keys`. */
export function agentFromHeader(
  keys: readonly AgentKey[],
  header: string | undefined,
): AgentIdentity | undefined {
  return agentFromKey(keys, header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined);
}

export const missingAgentKey = () =>
  errors.unauthorized('missing or invalid agent key', 'send Authorization: Bearer <agent key>');

/** Bearer-token auth for agent routes: 401 without a valid key, 403 when the role may not act. */
export function requireAgent(
  keys: readonly AgentKey[],
  roles?: readonly AgentRole[],
  action = 'do this',
): RequestHandler {
  return (req, res, next) => {
    const agent = agentFromHeader(keys, req.get('authorization'));
    if (!agent) {
      next(missingAgentKey());
      return;
    }
    if (roles && !roles.includes(agent.role)) {
      next(errors.forbidden(action, agent.role));
      return;
    }
    res.locals.agent = agent;
    next();
  };
}
