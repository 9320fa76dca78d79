import express, { type RequestHandler, type Router } from 'express';
import { VERIFICATION_LEVELS, type VerificationLevel } from '../../core/verification.js';
import { errors } from '../../core/errors.js';
import { AccountRecordFileSchema, toAccountRecord } from '../../directory/schema.js';
import { maskText } from '../../masking/engine.js';
import { emptyTokenMap } from '../../masking/types.js';
import { activatePolicy } from '../../policy/activate.js';
import { guardAgentMessage } from '../../policy/cases.js';
import { checkPolicyText } from '../../policy/loader.js';
import type { ActivePolicy, PolicyRegistry } from '../../policy/registry.js';
import type { AuditStore } from '../../storage/ports.js';
import { MAX_LIST_LIMIT } from '../../storage/ports.js';

export interface AdminRouterOptions {
  registry: Pick<PolicyRegistry, 'status' | 'byName' | 'forConversation'>;
  audit: AuditStore;
  /** Authentication and role check, e.g. requireAgent(keys, ['supervisor', 'compliance'], 'use the admin API'). */
  requireRole: RequestHandler;
  /** Key for the hash operator in dry runs; use VEIL_SECRET so results look as they would live. */
  secret?: string | undefined;
}

const MAX_POLICY_CHARS = 200_000;
const MAX_MESSAGES = 100;
const MAX_MESSAGE_CHARS = 10_000;

/**
 * The admin API for supervisors and compliance officers: the policies in force and their last load
 * results, checking and trying a policy before it is saved, and the (masked) audit trail.
 * Mounted by the app at /admin/v1.
 */
export function createAdminRouter(opts: AdminRouterOptions): Router {
  const { registry, audit } = opts;
  const secret = opts.secret ?? 'veil-dry-run';
  const router = express.Router();
  router.use(opts.requireRole);
  router.use(express.json({ limit: '512kb' }));

  router.get('/policies', (_req, res) => {
    res.json(registry.status());
  });

  router.post('/policies/validate', (req, res) => {
    const text = policyText(req.body);
    const r = checkPolicyText(text, 'submitted policy');
    if (r.ok) res.json({ ok: true, errors: [], name: r.loaded.policy.name, version: r.loaded.version });
    else
      res.json({
        ok: false,
        errors: r.errors.map(({ line, field, message }) => ({ line: line ?? null, field, message })),
      });
  });

  router.post('/policies/dry-run', (req, res) => {
    const body = objectBody(req.body);
    const messages = parseMessages(body.messages);
    let active: ActivePolicy;
    if (body.text !== undefined) {
      const r = checkPolicyText(policyText(body), 'submitted policy');
      if (!r.ok) {
        res.status(422).json({
          error: 'invalid_policy',
          message: 'the policy is not valid; nothing was tried',
          field: 'text',
          errors: r.errors.map(({ line, field, message }) => ({ line: line ?? null, field, message })),
        });
        return;
      }
      active = activatePolicy(r.loaded);
    } else {
      const name = body.policy ?? 'default';
      if (typeof name !== 'string') throw errors.badRequest('policy', 'policy must be a policy name');
      const found = registry.byName(name);
      if (!found) throw errors.notFound('policy', name);
      active = found;
    }
    // One conversation: placeholders number across the customer messages, and each agent message is
    // judged against the customer messages just before it.
    const tokens = emptyTokenMap();
    const said: string[] = [];
    const results = messages.map((m) => {
      if ('customer' in m) {
        const findings = active.detector.detect(m.customer);
        const r = maskText(m.customer, findings, tokens, active.policy, { secret });
        said.push(m.customer);
        return { customer: r.masked, dropped: r.dropped, types: [...new Set(findings.map((f) => f.type))] };
      }
      const v = guardAgentMessage(active, {
        text: m.agent,
        level: m.level,
        account: m.account,
        customerSaid: said.slice(-3),
      });
      return v.decision === 'block'
        ? { agent: 'block', rule: v.rule, reason: v.reason, hint: v.hint }
        : { agent: 'deliver' };
    });
    res.json({ policy: active.policy.name, version: active.version, results });
  });

  router.get('/audit', async (req, res) => {
    const conversation = optionalString(req.query.conversation, 'conversation', 200);
    const kind = optionalString(req.query.kind, 'kind', 64);
    if (kind !== undefined && !/^[a-z][a-z0-9-]*$/.test(kind))
      throw errors.badRequest(
        'kind',
        'kind must be lowercase letters, digits and dashes, e.g. block',
        'try kind=block or kind=policy',
      );
    const limit = optionalLimit(req.query.limit);
    const records = await audit.query({
      ...(conversation !== undefined ? { conversationId: conversation } : {}),
      ...(kind !== undefined ? { kind } : {}),
      limit: limit ?? 100,
    });
    // Records are written masked; masking the detail again here is a safety net for a writer that slipped.
    const active = registry.forConversation({});
    res.json({
      records: records.map((r) => ({
        ...r,
        detail: maskText(r.detail, active.detector.detect(r.detail), emptyTokenMap(), active.policy, {
          secret,
        }).masked,
      })),
    });
  });

  return router;
}

type DryRunMessage =
  | { customer: string }
  | { agent: string; level: VerificationLevel; account?: ReturnType<typeof toAccountRecord> | undefined };

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw errors.badRequest('body', 'the body must be a JSON object', 'send Content-Type: application/json');
  return body as Record<string, unknown>;
}

function policyText(body: unknown): string {
  const text = objectBody(body).text;
  if (typeof text !== 'string' || text.trim() === '')
    throw errors.badRequest(
      'text',
      'text must be the policy YAML as a non-empty string',
      'send {"text": "name: ...\\nmasking: ..."}',
    );
  if (text.length > MAX_POLICY_CHARS)
    throw errors.badRequest('text', `text is longer than ${MAX_POLICY_CHARS} characters`);
  return text;
}

function parseMessages(v: unknown): DryRunMessage[] {
  if (!Array.isArray(v) || v.length === 0)
    throw errors.badRequest(
      'messages',
      'messages must be a non-empty list',
      'send [{"customer": "..."}, {"agent": "...", "level": "none"}]',
    );
  if (v.length > MAX_MESSAGES)
    throw errors.badRequest('messages', `at most ${MAX_MESSAGES} messages per dry run`);
  return v.map((m, i): DryRunMessage => {
    const field = `messages[${i}]`;
    if (typeof m !== 'object' || m === null || Array.isArray(m))
      throw errors.badRequest(field, 'each message must be an object with "customer" or "agent"');
    const o = m as Record<string, unknown>;
    const text = o.customer ?? o.agent;
    const which = 'customer' in o ? 'customer' : 'agent' in o ? 'agent' : undefined;
    if (!which || ('customer' in o && 'agent' in o))
      throw errors.badRequest(field, 'each message needs exactly one of "customer" or "agent"');
    if (typeof text !== 'string' || text.trim() === '')
      throw errors.badRequest(`${field}.${which}`, 'must be a non-empty string');
    if (text.length > MAX_MESSAGE_CHARS)
      throw errors.badRequest(`${field}.${which}`, `is longer than ${MAX_MESSAGE_CHARS} characters`);
    if (which === 'customer') return { customer: text };
    const level = o.level ?? 'none';
    if (typeof level !== 'string' || !(VERIFICATION_LEVELS as readonly string[]).includes(level))
      throw errors.badRequest(`${field}.level`, `must be one of ${VERIFICATION_LEVELS.join(', ')}`);
    let account: ReturnType<typeof toAccountRecord> | undefined;
    if (o.account !== undefined) {
      const a = AccountRecordFileSchema.safeParse(o.account);
      if (!a.success) {
        const path = a.error.issues[0]?.path.join('.') ?? '';
        throw errors.badRequest(
          `${field}.account${path ? `.${path}` : ''}`,
          a.error.issues[0]?.message ?? 'invalid account record',
        );
      }
      account = toAccountRecord(a.data);
    }
    return { agent: text, level: level as VerificationLevel, account };
  });
}

function optionalString(v: unknown, field: string, max: number): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > max)
    throw errors.badRequest(field, `${field} must be a single non-empty value of at most ${max} characters`);
  return v;
}

function optionalLimit(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 1 || n > MAX_LIST_LIMIT)
    throw errors.badRequest('limit', `limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
  return n;
}
