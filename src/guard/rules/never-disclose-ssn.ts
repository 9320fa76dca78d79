import type { GuardRule } from '../types.js';

const SSN_SHAPE = /(?<![\d-])\d{3}[- ]\d{2}[- ]\d{4}(?![\d-])/;
const SSN_WORDS = /\b(?:ssn|social security|social insurance|sin|tax id|tin|nif|national insurance)\b/;

/** A full social security number, at any level. */
export const neverDiscloseSsn: GuardRule = {
  id: 'guard.never-disclose.ssn',
  check(ctx) {
    const found =
      ctx.input.findings.some((f) => f.type === 'SSN') ||
      SSN_SHAPE.test(ctx.text) ||
      (SSN_WORDS.test(ctx.folded) && ctx.runs.some((r) => r.digits.length === 9));
    return found
      ? {
          reason: 'The message contains a full social security number, which is never sent in chat.',
          hint: 'Remove the number. Never send identity numbers; the customer can see them in their signed-in account.',
        }
      : undefined;
  },
};
