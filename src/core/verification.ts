/** How sure Veil is that the person in the chat holds the matched account. Ordered weakest first. */
export const VERIFICATION_LEVELS = ['none', 'knowledge', 'possession', 'authenticated'] as const;
export type VerificationLevel = (typeof VERIFICATION_LEVELS)[number];

export const levelRank = (l: VerificationLevel): number => VERIFICATION_LEVELS.indexOf(l);
export const atLeast = (have: VerificationLevel, need: VerificationLevel): boolean =>
  levelRank(have) >= levelRank(need);
