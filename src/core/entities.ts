/** Canonical PII entity types. Policies may add custom types (any UPPER_SNAKE name). */
export const ENTITY_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'CREDIT_CARD',
  'SSN',
  'DATE_OF_BIRTH',
  'IBAN',
  'BANK_ACCOUNT',
  'PASSPORT',
  'DRIVER_LICENSE',
  'IP_ADDRESS',
  'PASSWORD',
  'VERIFICATION_CODE',
] as const;

export type CanonicalEntityType = (typeof ENTITY_TYPES)[number];
/** A canonical type or a policy-defined custom type. */
export type EntityType = CanonicalEntityType | (string & {});

export const isCanonicalEntityType = (t: string): t is CanonicalEntityType =>
  (ENTITY_TYPES as readonly string[]).includes(t);

/** Kinds of values agents need to read; recognizers must not mask them. Used by tests and the keep guard. */
export const KEEP_KINDS = [
  'ORDER',
  'TRACKING',
  'PRICE',
  'PRODUCT',
  'SKU',
  'DATE',
  'TIME',
  'CASE',
  'CITY',
] as const;
export type KeepKind = (typeof KEEP_KINDS)[number];
