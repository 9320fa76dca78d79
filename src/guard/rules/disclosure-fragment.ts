import { digitsOf } from '../../verification/normalize.js';
import type { GuardContext } from '../context.js';
import { statedFragments, statedProviders } from '../fragments.js';
import type { GuardRule } from '../types.js';
import { levelReason, verifyHint } from './hints.js';

/** Does the verified account's own phone or card hold these digits at either end? */
function ownDigits(ctx: GuardContext, digits: string): boolean {
  const own = ctx.unlockedAccount;
  if (!own) return false;
  return [...own.phones, ...own.cardLast4].some((v) => {
    const d = digitsOf(v);
    const national = d.length > 10 ? d.slice(-10) : d;
    return d.endsWith(digits) || [d, national, `0${national}`].some((x) => x.startsWith(digits));
  });
}

/**
 * A piece of a phone or card number ("ends in 0126") that the customer did not type and that is not
 * the verified account's. Directory lookups only know the accounts the customer's claims point at, so
 * a fragment of anyone else's number (a relative's, another customer's) is caught by its form. The same
 * holds for the mail provider an email is said to be at ("his email is at gmail").
 */
export const disclosureFragment: GuardRule = {
  id: 'guard.disclosure.fragment',
  check(ctx) {
    const leaked = statedFragments(ctx).find(
      (d) => !ctx.echoDigits(d) && !ctx.echoEnds(d) && !ownDigits(ctx, d),
    );
    if (!leaked) {
      const own = ctx.unlockedAccount?.emails.map((e) => e.toLowerCase()) ?? [];
      const provider = statedProviders(ctx).find(
        (p) => !ctx.echoWord(p) && !own.some((e) => e.split('@')[1]?.includes(p)),
      );
      if (!provider) return undefined;
      return {
        reason: `The message says which email provider someone uses, which the customer did not give in this chat, and ${levelReason(ctx)}.`,
        hint: verifyHint(ctx),
      };
    }
    return {
      reason: `The message gives part of a phone or card number the customer did not give in this chat, and ${levelReason(ctx)}.`,
      hint: verifyHint(ctx),
    };
  },
};
