import type { OnFileKind } from '../core/account.js';
import { levelRank, type VerificationLevel } from '../core/verification.js';
import type { GuardPolicy } from './schema.js';

/**
 * The level needed to disclose or confirm one kind of on-file data on an account with these flags: the
 * kind's own setting (else `discloseAt`), raised by any flag's requirement. Flags only ever raise it.
 * Without a kind, the strictest of all kinds applies, since the data at stake is unknown.
 */
export function requiredLevel(
  guard: GuardPolicy,
  flags: readonly string[],
  kind?: OnFileKind,
): VerificationLevel {
  const perKind = guard.disclose ?? {};
  let need: VerificationLevel =
    kind !== undefined
      ? (perKind[kind] ?? guard.discloseAt)
      : [guard.discloseAt, ...Object.values(perKind)].reduce<VerificationLevel>(
          (a, b) => (b !== undefined && levelRank(b) > levelRank(a) ? b : a),
          guard.discloseAt,
        );
  for (const f of flags) {
    const l = Object.hasOwn(guard.flags, f) ? guard.flags[f] : undefined;
    if (l && levelRank(l) > levelRank(need)) need = l;
  }
  return need;
}

/**
 * The policy as the current guard enforces it. The guard and the verification machine read one
 * `discloseAt` per account, not a level per kind, so a stricter per-kind setting (`disclose.address:
 * authenticated`) would be silently ignored. Until they read `requiredLevel`, `discloseAt` is raised to the
 * strictest per-kind level: stricter than asked for some kinds, never weaker for any.
 */
export function enforceableGuard(guard: GuardPolicy): GuardPolicy {
  const strictest = requiredLevel(guard, []);
  return strictest === guard.discloseAt ? guard : { ...guard, discloseAt: strictest };
}
