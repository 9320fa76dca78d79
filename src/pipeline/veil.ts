import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { AccountRecord } from '../core/account.js';
import { errors, VeilError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';
import type { Verdict } from '../core/verdict.js';
import type { Directory } from '../directory/port.js';
import { analyzeCustomerTurn } from '../guard/customer-turn.js';
import { evaluate, GUARD_ERROR_RULE } from '../guard/evaluate.js';
import type { CustomerTurn } from '../guard/types.js';
import type { ChannelTokenVerifier } from '../identity/channel-token.js';
import { identityTokenFrom } from '../identity/channel-token.js';
import type { Logger } from '../logging.js';
import { NOOP_OBSERVER, type PipelineObserver } from '../metrics.js';
import { maskText } from '../masking/engine.js';
import type { TokenMap } from '../masking/types.js';
import type { Notification, NotificationKind, Notifier } from '../notify/port.js';
import type { Stores, TranscriptEntryInput } from '../storage/ports.js';
import type { Activity } from '../transport/botframework/activity.js';
import { parseActivity } from '../transport/botframework/activity.js';
import type { ChannelAuth } from '../transport/botframework/auth.js';
import { conversationRefFromActivity } from '../transport/botframework/conversation-ref.js';
import { extractText } from '../transport/botframework/extract-text.js';
import { maskActivity } from '../transport/botframework/mask-activity.js';
import type { ReplySender } from '../transport/botframework/reply.js';
import type { AgentIdentity } from '../transport/agent/auth.js';
import { codeReply } from '../verification/code.js';
import { transition } from '../verification/machine.js';
import { contactOnFile, lookupIds, stepUpTarget } from '../verification/state.js';
import type { VerificationEffect, VerificationEvent } from '../verification/types.js';
import { NOTIFY_EVENTS } from '../policy/schema.js';
import { agentView } from '../verification/view.js';
import {
  type ConversationDoc,
  conversationKey,
  newConversation,
  PROCESSED_IDS,
  pushBounded,
  RECENT_TEXTS,
  RECENT_TURNS,
} from './conversation.js';
import { cardLast4Claims } from './card-last4.js';
import { fillPlaceholders } from './placeholders.js';
import type { ActivePolicy, PolicyProvider } from './policies.js';
import type { AgentSendResult, ConversationSummary, CustomerTurnResult, VeilService } from './service.js';

export interface VeilDeps {
  stores: Stores<ConversationDoc>;
  policies: PolicyProvider;
  directory: Directory;
  notifier: Notifier;
  channelAuth: ChannelAuth;
  replies: ReplySender;
  channelTokens?: ChannelTokenVerifier | undefined;
  log: Logger;
  secret: string;
  now?: () => Date;
  observer?: PipelineObserver | undefined;
}

const MESSAGE_TYPES = new Set(['message', 'messageUpdate']);
const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Types of on-file data an account's owner and the directory can be asked about. */
const CLAIM_QUERY: Record<string, 'emails' | 'phones' | 'names' | 'cardLast4'> = {
  CARD_LAST4: 'cardLast4',
  EMAIL: 'emails',
  PHONE: 'phones',
  PERSON: 'names',
};

/**
 * The wired pipeline: inbound turns (authenticate, dedupe, consume codes, mask, match claims, record),
 * outbound turns (fill placeholders, guard, deliver or block), and verification step-up.
 */
export function createVeil(deps: VeilDeps): VeilService {
  const { stores, policies, directory, notifier, log } = deps;
  const now = deps.now ?? (() => new Date());
  const observer = deps.observer ?? NOOP_OBSERVER;
  // A conversation raises each security alert once per instance even if both an owner notice and a
  // machine alert name it.
  const alerted = new Set<string>();
  let closed = false;
  const inflight = new Set<Promise<unknown>>();

  const track = <T>(p: Promise<T>): Promise<T> => {
    inflight.add(p);
    p.finally(() => inflight.delete(p)).catch(() => undefined);
    return p;
  };

  const policyOf = (doc: ConversationDoc): ActivePolicy =>
    policies.byName(doc.policyName) ?? policies.forConversation({ channelId: doc.channelId });

  async function audit(
    doc: Pick<ConversationDoc, 'id'> | undefined,
    policy: ActivePolicy,
    kind: string,
    detail: string,
    extra: { rule?: string; actor?: string; data?: unknown } = {},
  ): Promise<void> {
    await stores.audit.append({
      at: now().toISOString(),
      ...(doc ? { conversationId: doc.id } : {}),
      kind,
      policyVersion: policy.version,
      detail,
      ...(extra.rule ? { rule: extra.rule } : {}),
      ...(extra.actor ? { actor: extra.actor } : {}),
      ...(extra.data !== undefined ? { data: extra.data } : {}),
    });
  }

  async function record(conversationId: string, entry: TranscriptEntryInput): Promise<number> {
    const seq = await stores.transcripts.append(conversationId, entry);
    await stores.events.publish({ type: 'transcript', conversationId, data: { seq, ...entry } });
    return seq;
  }

  async function loadDoc(conversationId: string): Promise<ConversationDoc> {
    const rec = await stores.state.get(conversationId);
    if (!rec) throw errors.notFound('conversation', conversationId);
    return rec.doc;
  }

  /** Directory records for ids; a directory failure fails closed (the caller decides what that means). */
  async function recordsFor(ids: readonly string[]): Promise<AccountRecord[]> {
    const out: AccountRecord[] = [];
    for (const id of ids) {
      const r = await directory.get(id);
      if (r) out.push(r);
    }
    return out;
  }

  async function notifyAccount(
    doc: ConversationDoc,
    policy: ActivePolicy,
    accountId: string,
    kind: NotificationKind,
    code?: string,
    contact?: { channel: 'email' | 'sms'; to: string },
  ): Promise<void> {
    let target = contact;
    if (!target) {
      const rec = await directory.get(accountId).catch(() => undefined);
      target = rec ? contactOnFile(rec) : undefined;
    }
    if (!target) {
      await audit(doc, policy, 'notification', `no contact on file for ${kind}`, {
        rule: 'notify.no-contact',
      });
      return;
    }
    const n: Notification = {
      id: randomUUID(),
      at: now().toISOString(),
      accountId,
      kind,
      channel: target.channel,
      to: target.to,
      conversationId: doc.id,
      ...(code ? { code } : {}),
    };
    try {
      await notifier.notify(n);
      await audit(doc, policy, 'notification', `${kind} sent by ${target.channel}`, {
        data: { accountId, kind },
      });
    } catch (e) {
      observer.notificationFailed(kind);
      log.warn(
        { event: 'notification-failed', kind, conversationId: doc.id, reason: (e as Error).name },
        'notification failed',
      );
      await audit(doc, policy, 'notification', `${kind} failed`, {
        rule: 'notify.failed',
        data: { accountId, kind },
      });
    }
  }

  async function alertSecurity(doc: ConversationDoc, policy: ActivePolicy, kind: string, accountId?: string) {
    const key = `security:${kind}:${accountId ?? ''}`;
    if (alerted.has(`${doc.id}:${key}`)) return;
    if (alerted.size > 10_000) alerted.clear();
    alerted.add(`${doc.id}:${key}`);
    try {
      await notifier.notify({
        id: randomUUID(),
        at: now().toISOString(),
        accountId: accountId ?? 'unknown',
        kind: 'security-alert',
        channel: 'security',
        to: 'security-team',
        conversationId: doc.id,
      });
      await audit(doc, policy, 'notification', `security alert: ${kind}`, {
        rule: `notify.security.${kind}`,
      });
    } catch {
      observer.notificationFailed('security-alert');
      await audit(doc, policy, 'notification', `security alert ${kind} failed`, { rule: 'notify.failed' });
    }
  }

  /** Runs the verification machine's effects. Returns the messages meant for the agent. */
  async function runEffects(
    doc: ConversationDoc,
    policy: ActivePolicy,
    effects: readonly VerificationEffect[],
  ): Promise<string[]> {
    const told: string[] = [];
    // The machine's audit events of one turn become one audit record: fewer writes on the hot path.
    const events: Record<string, string | number | boolean>[] = [];
    for (const e of effects) {
      switch (e.type) {
        case 'send-code':
          await notifyAccount(doc, policy, e.accountId, 'otp', e.code, { channel: e.channel, to: e.to });
          break;
        case 'notify-owner': {
          // The policy says which events reach the owner and which alert the security team.
          const { owner, security } = policy.policy.notifications;
          if ((owner as readonly string[]).includes(e.kind))
            await notifyAccount(doc, policy, e.accountId, e.kind);
          if ((security as readonly string[]).includes(e.kind))
            await alertSecurity(doc, policy, e.kind, e.accountId);
          break;
        }
        case 'alert-security': {
          // Kinds the policy can name are filtered by it; anything else the machine raises always goes out.
          const named = (NOTIFY_EVENTS as readonly string[]).includes(e.kind);
          const { security } = policy.policy.notifications;
          if (!named || (security as readonly string[]).includes(e.kind)) {
            await alertSecurity(doc, policy, e.kind, e.accountId);
          }
          break;
        }
        case 'audit':
          observer.verification(e.kind);
          events.push({ kind: e.kind, ...e.detail });
          break;
        case 'tell-agent':
          told.push(e.message);
          await record(doc.id, {
            at: now().toISOString(),
            from: 'veil',
            text: e.message,
            visibility: 'agent-only',
          });
          break;
      }
    }
    if (events.length > 0) {
      const kinds = events.map((e) => String(e.kind));
      await audit(doc, policy, 'verification', kinds.join(', '), {
        rule: kinds.length === 1 ? `verification.${kinds[0]}` : 'verification.events',
        data: { events },
      });
    }
    if (effects.length > 0) {
      await stores.events.publish({
        type: 'verification',
        conversationId: doc.id,
        data: agentView(doc.verification, policy.policy.guard),
      });
    }
    return told;
  }

  // ------------------------------------------------------------------------------------------------ inbound

  async function customerActivity(
    body: unknown,
    authHeader: string | undefined,
  ): Promise<CustomerTurnResult> {
    if (closed)
      throw new VeilError({
        code: 'shutting_down',
        status: 503,
        message: 'Veil is shutting down',
        hint: 'retry on another instance',
      });
    const activity = parseActivity(body);
    await deps.channelAuth.authenticate(activity, authHeader);
    const id = conversationKey(deps.secret, activity.channelId, activity.conversation.id);
    return track(processCustomer(activity, id));
  }

  /**
   * The records new claims are compared with: the directory's hits plus the conversation's known
   * candidates (read inside the atomic update, so no second state read is needed).
   */
  async function claimRecords(
    current: ConversationDoc | undefined,
    found: AccountRecord[],
    directoryDown: boolean,
  ): Promise<AccountRecord[]> {
    if (directoryDown || !current) return found;
    try {
      return dedupeRecords([...found, ...(await recordsFor(lookupIds(current.verification)))]);
    } catch {
      return found;
    }
  }

  async function processCustomer(activity: Activity, id: string): Promise<CustomerTurnResult> {
    const at = now();
    // New turns use the policy selected now, so a hot-reloaded policy applies to live conversations too.
    const policy = policies.forConversation({
      channelId: activity.channelId,
      recipientId: activity.recipient.id,
      tenant: tenantOf(activity),
    });
    const isMessage = MESSAGE_TYPES.has(activity.type);
    const isHandoff = activity.type === 'event' && activity.name === 'handoff.initiate';

    // Detection results per string for this turn: the claim pass and the masking pass share them.
    const cache = new Map<string, Finding[]>();
    const detect = (s: string): Finding[] => {
      let f = cache.get(s);
      if (!f) {
        f = policy.detector.detect(s);
        cache.set(s, f);
      }
      return f;
    };

    const authored = isMessage || isHandoff ? extractText(activity) : [];
    const typedFindings = authored.flatMap((s) => detect(s));
    // Claims: what the customer typed that identifies an account, including card last-4s (not PII).
    const claims = [...typedFindings, ...authored.flatMap((s) => cardLast4Claims(s))];

    // I/O before the atomic update: directory candidates and the channel's identity token.
    const query: { emails: string[]; phones: string[]; names: string[]; cardLast4: string[] } = {
      emails: [],
      phones: [],
      names: [],
      cardLast4: [],
    };
    for (const f of claims) {
      const key = CLAIM_QUERY[f.type];
      if (key) query[key].push(f.value);
    }
    let found: AccountRecord[] = [];
    let directoryDown = false;
    try {
      found =
        query.emails.length + query.phones.length + query.names.length + query.cardLast4.length > 0
          ? await directory.findCandidates(query)
          : [];
    } catch (e) {
      directoryDown = true;
      log.warn(
        { event: 'directory-unavailable', conversationId: id, reason: (e as Error).name },
        'directory lookup failed',
      );
    }
    let asserted: { accountId: string; record?: AccountRecord | undefined } | undefined;
    const token = identityTokenFrom(activity.channelData);
    let tokenRejected: string | undefined;
    if (token && deps.channelTokens) {
      try {
        const { accountId } = await deps.channelTokens.verify(token);
        asserted = { accountId, record: await directory.get(accountId).catch(() => undefined) };
      } catch (e) {
        tokenRejected = (e as Error).message;
      }
    } else if (token) {
      tokenRejected =
        'identity token ignored: no VEIL_CHANNEL_JWT_SECRET or VEIL_CHANNEL_JWKS_URL configured';
    }

    let effects: VerificationEffect[] = [];
    let masked: Activity | undefined;
    let consumedCode = false;
    let codeWasRight = false;
    let dropped: string[] = [];
    let turn: CustomerTurn | undefined;
    let duplicate = false;

    const updated = await stores.state.update(id, async (current) => {
      effects = [];
      duplicate = false;
      masked = undefined;
      consumedCode = false;
      codeWasRight = false;
      dropped = [];
      turn = undefined;
      const doc: ConversationDoc =
        current ??
        newConversation(
          id,
          activity.channelId,
          policy.policy.name,
          conversationRefFromActivity(activity),
          at,
        );
      // Channel retries: the processed ids live in the conversation document, so the duplicate check is
      // atomic with the turn itself. An instance that dies mid-turn has committed nothing, and the
      // channel's retry (to any instance) is processed in full.
      const dedupKey = activity.id ? `${activity.type}:${activity.id}` : undefined;
      if (dedupKey && current?.processed?.includes(dedupKey)) {
        duplicate = true;
        return undefined;
      }
      // `doc` is this call's private copy (the state store parses one per call): changed in place.
      if (dedupKey) doc.processed = pushBounded(doc.processed ?? [], dedupKey, PROCESSED_IDS);
      doc.updatedAt = at.toISOString();
      if (isMessage) doc.ref = conversationRefFromActivity(activity);
      const step = (event: VerificationEvent) => {
        const t = transition(doc.verification, event, policy.policy.guard);
        doc.verification = t.state;
        effects.push(...t.effects);
      };
      step({ type: 'tick', now: at.getTime() });
      if (asserted)
        step({
          type: 'channel-identity-asserted',
          now: at.getTime(),
          accountId: asserted.accountId,
          record: asserted.record,
        });

      if (activity.type === 'endOfConversation') {
        step({ type: 'conversation-ended', now: at.getTime() });
        return doc;
      }
      const text = activity.text ?? '';
      const code = isMessage ? codeReply(text, doc.verification, policy.policy.guard) : undefined;
      if (code !== undefined) {
        const before = doc.verification.level;
        step({ type: 'code-entered', now: at.getTime(), code });
        consumedCode = true;
        codeWasRight = doc.verification.level !== before;
        doc.lastCustomerAt = at.toISOString();
        return doc;
      }
      if (!isMessage && !isHandoff) return doc;

      const tokens: TokenMap = doc.tokens;
      masked = maskActivity(
        activity,
        (s) => {
          const r = maskText(s, detect(s), tokens, policy.policy, { secret: deps.secret });
          if (r.dropped) dropped.push(...r.droppedTypes);
          return r.masked;
        },
        { channelDataAllow: policy.policy.channelData.allow },
      );
      if (claims.length > 0) {
        step({
          type: 'identifiers-typed',
          now: at.getTime(),
          values: claims.map((f) => ({ type: f.type, value: f.value })),
          records: await claimRecords(current, found, directoryDown),
        });
      }
      turn = analyzeCustomerTurn(authored.join('\n'), typedFindings);
      doc.recentTurns = pushBounded(doc.recentTurns, turn, RECENT_TURNS);
      if (authored.length > 0)
        doc.customerTexts = pushBounded(doc.customerTexts, authored.join('\n'), RECENT_TEXTS);
      doc.lastCustomerAt = at.toISOString();
      doc.lastFrom = 'customer';
      return doc;
    });
    if (duplicate) return { status: 'duplicate', conversationId: id };
    const doc = updated!.doc;

    if (tokenRejected) {
      await audit(doc, policy, 'verification', 'channel identity token rejected', {
        rule: 'verification.channel-token-rejected',
      });
    }
    if (consumedCode) {
      await record(id, {
        at: at.toISOString(),
        from: 'veil',
        text: codeWasRight
          ? 'The customer entered the verification code: verified.'
          : 'The customer entered a verification code that did not match.',
        visibility: 'all',
        ...(activity.id ? { activityId: activity.id } : {}),
      });
      await runEffects(doc, policy, effects);
      return { status: 'processed', conversationId: id, consumedCode: true };
    }
    if (!masked) {
      await runEffects(doc, policy, effects);
      return { status: 'ignored', conversationId: id };
    }
    const m = masked as Activity;
    const withheld =
      dropped.length > 0 ? `[message withheld: it contained ${[...new Set(dropped)].join(', ')}]` : undefined;
    const agentView = withheld ?? m.text ?? '';
    const types = [...new Set(typedFindings.map((f) => f.type))].sort();
    observer.turn('inbound');
    observer.masked(typedFindings.map((f) => f.type));
    // The transcript entry and its audit record are independent writes: one wait, not two.
    await Promise.all([
      record(id, {
        at: at.toISOString(),
        from: 'customer',
        text: agentView,
        visibility: 'all',
        ...(activity.id ? { activityId: activity.id } : {}),
        meta: withheld
          ? { activityType: activity.type, withheld: true }
          : {
              activityType: activity.type,
              ...(m.attachments?.length ? { attachments: m.attachments } : {}),
              ...(m.value !== undefined ? { value: m.value } : {}),
              ...(m.suggestedActions ? { suggestedActions: m.suggestedActions } : {}),
              ...(m.channelData !== undefined ? { channelData: m.channelData } : {}),
              ...(m.from?.name ? { fromName: m.from.name } : {}),
            },
      }),
      audit(doc, policy, 'mask', types.length ? `masked ${types.join(', ')}` : 'nothing to mask', {
        rule: withheld ? 'mask.drop-message' : 'mask.policy',
        data: { types, findings: typedFindings.length, turn },
      }),
    ]);
    await runEffects(doc, policy, effects);
    return { status: 'processed', conversationId: id, agentView };
  }

  // ------------------------------------------------------------------------------------------------ outbound

  async function agentMessage(
    conversationId: string,
    agent: AgentIdentity,
    text: string,
    opts: { idempotencyKey?: string | undefined } = {},
  ): Promise<AgentSendResult> {
    if (closed)
      throw new VeilError({
        code: 'shutting_down',
        status: 503,
        message: 'Veil is shutting down',
        hint: 'retry in a moment',
      });
    const key = opts.idempotencyKey
      ? `agent:${agent.name}:${conversationId}:${opts.idempotencyKey}`
      : undefined;
    if (key && !(await stores.dedup.claim(key, IDEMPOTENCY_TTL_MS))) {
      throw new VeilError({
        code: 'duplicate_request',
        status: 409,
        field: 'Idempotency-Key',
        message: 'a request with this Idempotency-Key was already processed; nothing was sent again',
        hint: 'use a new Idempotency-Key for a new message; read the transcript to see what happened',
      });
    }
    try {
      if (text.trim() === '/verify') {
        const r = await startVerification(conversationId, agent);
        return { decision: 'deliver', delivered: true, text: r.message };
      }
      return await track(processAgent(conversationId, agent, text));
    } catch (e) {
      // Nothing reached the customer: the same request may be retried.
      if (key) await stores.dedup.release(key).catch(() => undefined);
      throw e;
    }
  }

  async function processAgent(
    conversationId: string,
    agent: AgentIdentity,
    text: string,
  ): Promise<AgentSendResult> {
    const at = now();
    const doc = await loadDoc(conversationId);
    const policy = policyOf(doc);
    const filled = fillPlaceholders(text, doc.tokens);
    // What the transcript shows: masked with a throwaway copy of the token map, so values the agent
    // typed never become placeholders an agent could send later.
    const findings = policy.detector.detect(filled.text);
    const masked = maskText(filled.text, findings, structuredClone(doc.tokens), policy.policy, {
      secret: deps.secret,
    }).masked;

    let verdict: Verdict;
    if (filled.unknown.length > 0) {
      verdict = {
        decision: 'block',
        rule: 'agent.placeholder.unknown',
        reason: `${filled.unknown.join(', ')} is not a value this customer gave in this conversation.`,
        hint: 'Use only placeholders shown in this transcript; Veil fills them with what the customer typed.',
      };
    } else {
      verdict = await guard(doc, policy, filled.text, findings);
    }

    if (verdict.decision === 'block') {
      let effects: VerificationEffect[] = [];
      const after = await stores.state.update(conversationId, (cur) => {
        if (!cur) return undefined;
        const next = cur;
        next.blockedMessages++;
        next.updatedAt = at.toISOString();
        const t = transition(
          next.verification,
          { type: 'disclosure-blocked', now: at.getTime(), rule: verdict.rule },
          policy.policy.guard,
        );
        next.verification = t.state;
        effects = t.effects;
        return next;
      });
      await record(conversationId, {
        at: at.toISOString(),
        from: 'agent',
        text: masked,
        decision: 'block',
        rule: verdict.rule,
        visibility: 'agent-only',
        meta: { agent: agent.name, reason: verdict.reason, hint: verdict.hint },
      });
      await audit(doc, policy, 'block', masked, {
        rule: verdict.rule,
        actor: agent.name,
      });
      observer.turn('outbound');
      observer.blocked(verdict.rule);
      await runEffects(
        after?.doc ?? doc,
        policy,
        effects.filter((e) => e.type !== 'audit'),
      );
      return { decision: 'block', rule: verdict.rule, reason: verdict.reason, hint: verdict.hint };
    }

    let sent: { id?: string | undefined };
    try {
      sent = await deps.replies.send(doc.ref, { text: filled.text });
    } catch (e) {
      await audit(doc, policy, 'deliver', 'delivery failed', { rule: 'deliver.failed', actor: agent.name });
      throw e;
    }
    await Promise.all([
      // Only the waiting/active status changes here; skip the write when it would not.
      doc.lastFrom !== 'agent'
        ? stores.state.update(conversationId, (cur) =>
            cur && cur.lastFrom !== 'agent'
              ? { ...cur, lastFrom: 'agent', updatedAt: at.toISOString() }
              : undefined,
          )
        : undefined,
      record(conversationId, {
        at: at.toISOString(),
        from: 'agent',
        text: masked,
        decision: 'deliver',
        visibility: 'all',
        ...(sent.id ? { activityId: sent.id } : {}),
        meta: { agent: agent.name },
      }),
      audit(doc, policy, 'deliver', masked, { rule: 'guard.pass', actor: agent.name }),
    ]);
    observer.turn('outbound');
    observer.delivered();
    return { decision: 'deliver', delivered: true, activityId: sent.id, text: filled.text };
  }

  /** The guard, failing closed: any error (directory down, a rule throwing) holds the message. */
  async function guard(
    doc: ConversationDoc,
    policy: ActivePolicy,
    text: string,
    findings: readonly Finding[],
  ): Promise<Verdict> {
    try {
      const v = doc.verification;
      const ids = [...new Set([...(v.accountId ? [v.accountId] : []), ...lookupIds(v)])];
      const accounts = await recordsFor(ids);
      return evaluate({
        text,
        findings,
        level: v.level,
        accountId: v.accountId,
        accounts,
        customerValues: Object.values(doc.tokens.values),
        customerTexts: doc.customerTexts,
        recentCustomerTurns: doc.recentTurns,
        policy: policy.policy,
        verifiedAt: v.verifiedAt,
        now: now().getTime(),
      });
    } catch (e) {
      log.error(
        { event: 'guard-error', conversationId: doc.id, reason: (e as Error).name },
        'guard failed; message held',
      );
      return {
        decision: 'block',
        rule: GUARD_ERROR_RULE,
        reason: 'Veil could not check this message, so it was held and not sent.',
        hint: 'Try again in a moment; if it keeps happening, tell your supervisor.',
      };
    }
  }

  // ------------------------------------------------------------------------------------------------ step-up

  async function startVerification(
    conversationId: string,
    agent: AgentIdentity,
  ): Promise<{ message: string; codeState: string }> {
    const at = now();
    const doc = await loadDoc(conversationId);
    const policy = policyOf(doc);
    const target = stepUpTarget(doc.verification);
    const targetRecord = target ? await directory.get(target) : undefined;
    const length = policy.policy.guard.otp.length;
    const code = Array.from({ length }, () => randomInt(10)).join('');
    let effects: VerificationEffect[] = [];
    const updated = await stores.state.update(conversationId, (cur) => {
      if (!cur) return undefined;
      const next = cur;
      const t = transition(
        next.verification,
        {
          type: 'step-up-requested',
          now: at.getTime(),
          code,
          salt: randomBytes(16).toString('hex'),
          record: targetRecord,
          by: 'agent',
        },
        policy.policy.guard,
      );
      next.verification = t.state;
      next.updatedAt = at.toISOString();
      effects = t.effects;
      return next;
    });
    const after = updated?.doc ?? doc;
    await audit(after, policy, 'verification', 'step-up requested', {
      actor: agent.name,
      rule: 'verification.step-up',
    });
    const told = await runEffects(after, policy, effects);
    const view = agentView(after.verification, policy.policy.guard);
    return { message: told.join(' ') || view.summary, codeState: view.code };
  }

  // ------------------------------------------------------------------------------------------------ views

  function summarize(doc: ConversationDoc, blocked: number): ConversationSummary {
    const policy = policyOf(doc);
    const view = agentView(doc.verification, policy.policy.guard);
    return {
      id: doc.id,
      channelId: doc.channelId,
      status: doc.lastFrom === 'customer' ? 'waiting' : 'active',
      updatedAt: doc.updatedAt,
      level: view.level,
      accountSummary: view.summary,
      accountId: view.accountId,
      flags: view.flags,
      codeState: view.code,
      blockedMessages: blocked,
      lastCustomerAt: doc.lastCustomerAt,
    };
  }

  return {
    get ready() {
      return !closed;
    },
    customerActivity,
    agentMessage,
    startVerification,
    async listConversations() {
      const ids = await stores.state.list({ limit: 1000 });
      const out: ConversationSummary[] = [];
      for (const { id } of ids.reverse()) {
        const rec = await stores.state.get(id);
        if (rec) out.push(summarize(rec.doc, rec.doc.blockedMessages));
      }
      return out;
    },
    async conversation(conversationId) {
      const doc = await loadDoc(conversationId);
      return {
        ...summarize(doc, doc.blockedMessages),
        verification: agentView(doc.verification, policyOf(doc).policy.guard),
      };
    },
    async transcript(conversationId, opts = {}) {
      await loadDoc(conversationId);
      return stores.transcripts.list(conversationId, opts);
    },
    async audit(query) {
      return stores.audit.query({
        ...(query.conversationId ? { conversationId: query.conversationId } : {}),
        limit: query.limit ?? 200,
      });
    },
    subscribe(handler) {
      return stores.events.subscribe(handler);
    },
    async close() {
      closed = true;
      await Promise.allSettled([...inflight]);
    },
  };
}

/** The tenant key policies can select on: the conversation's tenant, or channelData.tenant.id (Teams). */
function tenantOf(activity: Activity): string | undefined {
  const cd = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const t = activity.conversation.tenantId ?? (typeof cd?.tenant?.id === 'string' ? cd.tenant.id : undefined);
  return t ?? undefined;
}

function dedupeRecords(records: AccountRecord[]): AccountRecord[] {
  const seen = new Map<string, AccountRecord>();
  for (const r of records) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()];
}
