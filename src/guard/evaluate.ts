import { DELIVER, type Verdict } from '../core/verdict.js';
import { buildContext } from './context.js';
import { confirmationClaim } from './rules/confirmation-claim.js';
import { disclosureFragment } from './rules/disclosure-fragment.js';
import { disclosureOnFile } from './rules/disclosure-on-file.js';
import { disclosurePii } from './rules/disclosure-pii.js';
import { freshStepUp } from './rules/fresh-step-up.js';
import { neverDiscloseCard } from './rules/never-disclose-card.js';
import { neverDisclosePassword } from './rules/never-disclose-password.js';
import { neverDiscloseSsn } from './rules/never-disclose-ssn.js';
import { respell } from './respell.js';
import type { GuardInput, GuardRule } from './types.js';

const NEVER: Readonly<Record<string, GuardRule>> = {
  CREDIT_CARD: neverDiscloseCard,
  SSN: neverDiscloseSsn,
  PASSWORD: neverDisclosePassword,
};

/** Rules that look at values, rerun on the respelled text. */
const SPELLED_RULES: readonly GuardRule[] = [disclosureOnFile, disclosureFragment];

export const GUARD_ERROR_RULE = 'guard.error';

/** Rules in the order they are checked; the first violation decides. */
export function activeRules(input: GuardInput): GuardRule[] {
  const never = input.policy.guard.neverDisclose
    .map((k) => NEVER[k])
    .filter((r): r is GuardRule => r !== undefined);
  return [...never, disclosureOnFile, confirmationClaim, disclosurePii, disclosureFragment, freshStepUp];
}

/**
 * Decides whether an agent message may be sent. Never throws: any internal error holds the message
 * (fail closed) with rule `guard.error`.
 */
export function evaluate(input: GuardInput): Verdict {
  try {
    const ctx = buildContext(input);
    for (const rule of activeRules(input)) {
      // Confirming a claim is only a problem while the account is locked, or when the claim is about
      // someone else's data (verified for one's own account, asking about a relative's); the other
      // rules know their scope.
      if (rule === confirmationClaim && ctx.unlocked && !ctx.pending.thirdParty) continue;
      const v = rule.check(ctx);
      if (v) return { decision: 'block', rule: rule.id, reason: v.reason, hint: v.hint };
    }
    // Data read out in words or letter by letter is the same disclosure once written as meant.
    const spelled = respell(input.text);
    if (spelled !== input.text) {
      const sctx = buildContext({ ...input, text: spelled, findings: [] });
      for (const rule of SPELLED_RULES) {
        const v = rule.check(sctx);
        if (v) return { decision: 'block', rule: rule.id, reason: v.reason, hint: v.hint };
      }
    }
    return DELIVER;
  } catch {
    return {
      decision: 'block',
      rule: GUARD_ERROR_RULE,
      reason: 'The guard could not check this message, so it was held, not sent.',
      hint: 'Send it again; if it is held again, rephrase it or ask a supervisor.',
    };
  }
}
