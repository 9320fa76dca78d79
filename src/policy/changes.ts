import { levelRank, type VerificationLevel } from '../core/verification.js';
import type { EntityRule, Policy } from './schema.js';

/** One setting that differs between two versions of a policy. */
export interface PolicyChange {
  /** Dotted path of the setting, e.g. `masking.entities.EMAIL.action`. */
  field: string;
  from: string;
  to: string;
  /** True when the new value protects customers less (more visible, easier to disclose, kept longer). */
  weakens: boolean;
}

/** How much of a value each action hides; a lower rank shows agents more. */
const ACTION_RANK: Record<EntityRule['action'], number> = {
  keep: 0,
  partial: 1,
  hash: 2,
  placeholder: 2,
  redact: 3,
  'drop-message': 4,
};
const FALLBACK: EntityRule = { action: 'placeholder' };

const show = (v: unknown): string =>
  v === undefined ? '(not set)' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v);

const lowerLevel = (a: VerificationLevel, b: VerificationLevel): boolean => levelRank(b) < levelRank(a);

/**
 * Every setting that changed from `old` to `next`, with the ones that weaken protection marked. Used by the
 * hot-reload registry (to warn) and by `veil policy diff` (to show a reviewer what a change does).
 */
export function comparePolicies(old: Policy, next: Policy): PolicyChange[] {
  const out: PolicyChange[] = [];
  const add = (field: string, from: unknown, to: unknown, weakens: boolean): void => {
    if (show(from) !== show(to)) out.push({ field, from: show(from), to: show(to), weakens });
  };
  const added = (a: readonly string[], b: readonly string[]) => b.filter((x) => !a.includes(x));
  const removed = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));
  const listChange = (
    field: string,
    a: readonly string[],
    b: readonly string[],
    weakenOn: 'add' | 'remove' | 'none',
  ) => {
    const plus = added(a, b);
    const minus = removed(a, b);
    if (plus.length > 0)
      out.push({ field, from: show(a), to: `added ${show(plus)}`, weakens: weakenOn === 'add' });
    if (minus.length > 0)
      out.push({ field, from: show(a), to: `removed ${show(minus)}`, weakens: weakenOn === 'remove' });
  };

  add('description', old.description, next.description, false);
  add('match.channelIds', old.match?.channelIds, next.match?.channelIds, false);
  add('match.recipientIds', old.match?.recipientIds, next.match?.recipientIds, false);
  add('match.tenants', old.match?.tenants, next.match?.tenants, false);

  // Masking: a lower action rank, a longer visible tail or a higher threshold shows agents more.
  const m0 = old.masking;
  const m1 = next.masking;
  add('masking.minScore', m0.minScore, m1.minScore, m1.minScore > m0.minScore);
  const types = [...new Set([...Object.keys(m0.entities), ...Object.keys(m1.entities)])].sort();
  for (const t of types) {
    const a = (Object.hasOwn(m0.entities, t) ? m0.entities[t] : undefined) ?? FALLBACK;
    const b = (Object.hasOwn(m1.entities, t) ? m1.entities[t] : undefined) ?? FALLBACK;
    const f = `masking.entities.${t}`;
    add(`${f}.action`, a.action, b.action, ACTION_RANK[b.action] < ACTION_RANK[a.action]);
    if (a.action === 'partial' && b.action === 'partial')
      add(`${f}.keepLast`, a.keepLast ?? 4, b.keepLast ?? 4, (b.keepLast ?? 4) > (a.keepLast ?? 4));
    add(`${f}.label`, a.label, b.label, false);
    const s0 = a.minScore ?? m0.minScore;
    const s1 = b.minScore ?? m1.minScore;
    if (a.minScore !== undefined || b.minScore !== undefined) add(`${f}.minScore`, s0, s1, s1 > s0);
  }
  listChange('masking.allow', m0.allow, m1.allow, 'add');
  listChange(
    'masking.deny',
    m0.deny.map((d) => `${d.type}:${d.value}`),
    m1.deny.map((d) => `${d.type}:${d.value}`),
    'remove',
  );

  // Recognizers: fewer patterns, lower scores or a stricter validator all find less.
  const r0 = new Map(old.recognizers.map((r) => [r.name, r]));
  const r1 = new Map(next.recognizers.map((r) => [r.name, r]));
  for (const [name, a] of r0) {
    const f = `recognizers.${name}`;
    const b = r1.get(name);
    if (!b) {
      out.push({ field: f, from: `finds ${a.type}`, to: 'removed', weakens: true });
      continue;
    }
    add(`${f}.type`, a.type, b.type, true);
    listChange(
      `${f}.patterns`,
      a.patterns.map((p) => p.regex),
      b.patterns.map((p) => p.regex),
      'remove',
    );
    b.patterns.forEach((p, i) => {
      const before = a.patterns.find((q) => q.regex === p.regex);
      if (before) add(`${f}.patterns[${i}].score`, before.score, p.score, p.score < before.score);
    });
    add(`${f}.validator`, a.validator, b.validator, b.validator !== undefined);
    add(`${f}.flags`, a.flags, b.flags, false);
    const c0 = a.context;
    const c1 = b.context;
    add(`${f}.context.boost`, c0?.boost, c1?.boost, (c1?.boost ?? 0) < (c0?.boost ?? 0));
    listChange(`${f}.context.words`, c0?.words ?? [], c1?.words ?? [], 'remove');
    add(`${f}.context.window`, c0?.window, c1?.window, (c1?.window ?? 0) < (c0?.window ?? 0));
  }
  for (const [name, b] of r1)
    if (!r0.has(name))
      out.push({ field: `recognizers.${name}`, from: '(none)', to: `finds ${b.type}`, weakens: false });

  // Business contact details are never masked and always shareable: each addition is a new exception.
  for (const k of ['emails', 'phones', 'addresses'] as const)
    listChange(`business.${k}`, old.business[k], next.business[k], 'add');

  // Guard: a lower level, a dropped never-disclose kind or a laxer code all make disclosure easier.
  const g0 = old.guard;
  const g1 = next.guard;
  add('guard.discloseAt', g0.discloseAt, g1.discloseAt, lowerLevel(g0.discloseAt, g1.discloseAt));
  const kinds = [
    ...new Set([...Object.keys(g0.disclose), ...Object.keys(g1.disclose)]),
  ].sort() as (keyof typeof g0.disclose)[];
  for (const k of kinds) {
    const a = g0.disclose[k] ?? g0.discloseAt;
    const b = g1.disclose[k] ?? g1.discloseAt;
    add(`guard.disclose.${k}`, a, b, lowerLevel(a, b));
  }
  const flags = [...new Set([...Object.keys(g0.flags), ...Object.keys(g1.flags)])].sort();
  for (const fl of flags) {
    const a = Object.hasOwn(g0.flags, fl) ? g0.flags[fl] : undefined;
    const b = Object.hasOwn(g1.flags, fl) ? g1.flags[fl] : undefined;
    // A removed flag requirement falls back to discloseAt.
    add(`guard.flags.${fl}`, a, b, lowerLevel(a ?? g0.discloseAt, b ?? g1.discloseAt));
  }
  listChange('guard.neverDisclose', g0.neverDisclose, g1.neverDisclose, 'remove');
  listChange('guard.freshStepUp.actions', g0.freshStepUp.actions, g1.freshStepUp.actions, 'remove');
  add(
    'guard.freshStepUp.maxAgeMinutes',
    g0.freshStepUp.maxAgeMinutes,
    g1.freshStepUp.maxAgeMinutes,
    g1.freshStepUp.maxAgeMinutes > g0.freshStepUp.maxAgeMinutes,
  );
  add('guard.otp.length', g0.otp.length, g1.otp.length, g1.otp.length < g0.otp.length);
  add('guard.otp.ttlSeconds', g0.otp.ttlSeconds, g1.otp.ttlSeconds, g1.otp.ttlSeconds > g0.otp.ttlSeconds);
  add(
    'guard.otp.maxAttempts',
    g0.otp.maxAttempts,
    g1.otp.maxAttempts,
    g1.otp.maxAttempts > g0.otp.maxAttempts,
  );

  listChange('notifications.owner', old.notifications.owner, next.notifications.owner, 'remove');
  listChange('notifications.security', old.notifications.security, next.notifications.security, 'remove');

  // Transcripts kept longer are more exposure, even masked; audit records kept shorter, less accountability.
  const t0 = old.retention;
  const t1 = next.retention;
  add(
    'retention.transcriptsDays',
    t0.transcriptsDays,
    t1.transcriptsDays,
    t1.transcriptsDays > t0.transcriptsDays,
  );
  add('retention.auditDays', t0.auditDays, t1.auditDays, t1.auditDays < t0.auditDays);
  listChange('channelData.allow', old.channelData.allow, next.channelData.allow, 'add');
  return out;
}

/** One line per change, weakening ones marked, for logs, the admin API and `veil policy diff`. */
export const describeChange = (c: PolicyChange): string =>
  `${c.weakens ? 'WEAKER ' : ''}${c.field}: ${c.from} -> ${c.to}`;
