import type { GuardContext } from '../context.js';
import { type Hit, onFileHits } from '../fragments.js';
import type { GuardRule } from '../types.js';
import { levelReason, verifyHint } from './hints.js';

const isEcho = (ctx: GuardContext, h: Hit): boolean =>
  h.pieceType === 'digits' ? ctx.echoDigits(h.piece) : ctx.echoWord(h.piece);

/**
 * On-file data of any protected account, whole or in part, that the customer did not type first.
 * Pieces the verified account shares (same city, same surname) are its own and may be said.
 */
export const disclosureOnFile: GuardRule = {
  id: 'guard.disclosure.on-file',
  check(ctx) {
    const own = ctx.unlockedAccount ? onFileHits(ctx, ctx.unlockedAccount) : [];
    const ownPieces = new Set(own.map((h) => `${h.pieceType}:${h.piece}`));
    for (const record of ctx.protectedAccounts) {
      const hit = onFileHits(ctx, record).find(
        (h) => !isEcho(ctx, h) && !ownPieces.has(`${h.pieceType}:${h.piece}`),
      );
      if (hit) {
        return {
          reason: `The message reveals on-file data (${hit.part}) and ${levelReason(ctx)}.`,
          hint: verifyHint(ctx),
        };
      }
    }
    return undefined;
  },
};
