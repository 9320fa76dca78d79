import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StorageError } from '../errors.js';
import { MIGRATIONS } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** Opens (creating if needed) and migrates the Veil database at `path`. */
export function openDatabase(path: string, migrations: readonly string[] = MIGRATIONS): SqliteDatabase {
  const isNew = path !== ':memory:' && !existsSync(path);
  // A fresh checkout has no data/ folder yet; `npm start` must work there.
  if (isNew) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  try {
    // Conversation state holds encrypted raw values; nobody but the service user needs to read the file.
    if (isNew) chmodSync(path, 0o600);
    db.pragma('journal_mode = WAL');
    // Several processes may share one file; wait for a lock instead of failing at once.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, path, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: SqliteDatabase, path: string, migrations: readonly string[]): void {
  db.transaction(() => {
    const current = schemaVersion(db);
    if (current > migrations.length) {
      throw new StorageError(
        'schema',
        `${path}: database schema version ${current} is newer than this Veil understands (${migrations.length})`,
        { hint: 'run the Veil release that wrote this database, or point VEIL_DB at another file' },
      );
    }
    for (let v = current; v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}
