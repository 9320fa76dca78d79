/**
 * Schema history. Entry i brings a database from `PRAGMA user_version` i to i + 1; entries are never edited
 * once released, only appended, so any older file upgrades in place.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversation_state (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    etag TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    blob TEXT NOT NULL
  ) STRICT;
  CREATE INDEX conversation_state_updated ON conversation_state (updated_at_ms, id);

  CREATE TABLE dedup (
    key TEXT PRIMARY KEY,
    expires_at_ms INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX dedup_expiry ON dedup (expires_at_ms);

  CREATE TABLE transcript_seq (
    conversation_id TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE transcript (
    conversation_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    visibility TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
  ) STRICT;
  CREATE INDEX transcript_at ON transcript (at_ms);

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    conversation_id TEXT,
    kind TEXT NOT NULL,
    record TEXT NOT NULL
  ) STRICT;
  CREATE INDEX audit_at ON audit (at_ms);
  CREATE INDEX audit_conversation ON audit (conversation_id, at_ms);
  CREATE INDEX audit_kind ON audit (kind, at_ms);
  `,
];
