import type { AccountRecord } from '../../core/account.js';
import { buildContext, type GuardContext } from '../context.js';
import { type Hit, onFileHits } from '../fragments.js';
import { blank, occurrences } from '../text.js';
import type { GuardRule } from '../types.js';
import { levelReason, verifyHint } from './hints.js';

/** The context with every whole value of `record` (and each part of its addresses) blanked out. */
function withoutValuesOf(ctx: GuardContext, record: AccountRecord): GuardContext {
  const parts = record.addresses.flatMap((a) => a.split(',').map((p) => p.trim()));
  const values = [...record.emails, ...record.phones, ...record.addresses, ...parts, record.name].filter(
    (v) => v.length >= 3,
  );
  const spans = values.flatMap((v) => occurrences(ctx.input.text, v));
  return spans.length === 0 ? ctx : buildContext({ ...ctx.input, text: blank(ctx.input.text, spans) });
}

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
    // The verified account's values said whole are its own: their digits and words ("PK72" of its
    // postcode) say nothing about another record, so other records are checked on the rest.
    const rest = ctx.unlockedAccount ? withoutValuesOf(ctx, ctx.unlockedAccount) : ctx;
    for (const record of ctx.protectedAccounts) {
      const hit = onFileHits(rest, record).find(
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
