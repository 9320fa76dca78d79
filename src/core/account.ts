/** An account record as the directory (CRM) returns it. Values here are on-file data: never shown to agents. */
export interface AccountRecord {
  id: string;
  name: string;
  emails: string[];
  phones: string[];
  addresses: string[];
  /** YYYY-MM-DD */
  dateOfBirth?: string | undefined;
  cardLast4: string[];
  flags: string[];
}

/** Kinds of on-file data the guard reasons about. */
export const ON_FILE_KINDS = ['name', 'email', 'phone', 'address', 'dateOfBirth', 'card'] as const;
export type OnFileKind = (typeof ON_FILE_KINDS)[number];

export const FRAUD_WATCH = 'fraud-watch';
