/** Events an account owner (and the security team) can be told about; policies choose which. */
export const OWNER_EVENTS = [
  'claim-unverified',
  'disclosure-blocked',
  'code-failed',
  'code-locked',
  'fraud-watch-contact',
  'verified',
] as const;
export type OwnerEvent = (typeof OWNER_EVENTS)[number];
