import type { GuardContext } from '../context.js';

/** Hints and reason suffixes shared by the disclosure rules. None may contain a value. */
export const STEP_UP_HINT =
  "Don't confirm or deny details. Say you can't confirm account details in chat and use /verify to send a one-time code to the contact on file.";
export const SIGN_IN_HINT =
  "Don't confirm or deny details. This account needs signed-in verification: ask the customer to sign in to their account and continue the chat there; a one-time code is not enough.";

/** The hint for an unverified conversation, depending on what its account requires. */
export const verifyHint = (ctx: GuardContext): string =>
  ctx.unlocked ? OTHER_ACCOUNT_HINT : ctx.required === 'authenticated' ? SIGN_IN_HINT : STEP_UP_HINT;
export const OTHER_ACCOUNT_HINT =
  "Only discuss the verified account's details. Details of another account can't be shared in this chat.";

/** Why the level is not enough, in the agent's words. */
export function levelReason(ctx: GuardContext): string {
  if (ctx.unlocked) return 'it is not data of the verified account';
  if (ctx.required === 'authenticated')
    return 'this account requires signed-in verification (the customer is not signed in)';
  return 'the customer is not verified yet';
}
