import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { AccountRecord } from '../core/account.js';
import { findCandidates } from './match.js';
import { type Directory, DirectoryError } from './port.js';
import { DirectoryFileSchema, describeIssues, toAccountRecord } from './schema.js';

export interface JsonDirectoryOptions {
  /** DIRECTORY_FILE: `{ "accounts": [AccountRecord, ...] }`. */
  path: string;
  /** How often a lookup may check the file for changes; 0 checks on every lookup. Default 1000 ms. */
  reloadCheckMs?: number;
  /** Told when an edited file was loaded. */
  onReload?: (info: { accounts: number }) => void;
  /** Told when an edited file is invalid; the last good content stays in use. */
  onReloadError?: (error: DirectoryError) => void;
}

export interface JsonDirectory extends Directory {
  readonly size: number;
  /** Re-reads the file now; rejects (keeping the old content) when it is invalid. */
  reload(): Promise<void>;
}

/** Parses a directory file's text; errors name the record index, its id and the field. */
export function parseDirectoryFile(text: string, source: string): Map<string, AccountRecord> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new DirectoryError('invalid-file', `${source}: not valid JSON (${(cause as Error).message})`, {
      cause,
    });
  }
  const parsed = DirectoryFileSchema.safeParse(json);
  if (!parsed.success) {
    const { message, field } = describeIssues(
      `${source}: `,
      parsed.error,
      (json as { accounts?: unknown } | null)?.accounts,
    );
    throw new DirectoryError('invalid-file', message, { field });
  }
  const byId = new Map<string, AccountRecord>();
  parsed.data.accounts.forEach((r, i) => {
    if (byId.has(r.id)) {
      throw new DirectoryError('invalid-file', `${source}: accounts[${i}].id: duplicate id '${r.id}'`, {
        field: `accounts[${i}].id`,
      });
    }
    byId.set(r.id, toAccountRecord(r));
  });
  return byId;
}

function readSync(path: string): Map<string, AccountRecord> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new DirectoryError(
      'invalid-file',
      `${path}: cannot read the directory file (${(cause as NodeJS.ErrnoException).code})`,
      {
        cause,
        hint: 'check DIRECTORY_FILE',
      },
    );
  }
  return parseDirectoryFile(text, path);
}

const fingerprint = (s: { mtimeMs: number; ctimeMs: number; size: number; ino: number }) =>
  `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;

/** Loads at once (throwing on a bad file, so a misconfigured start fails loudly) and follows later edits. */
export async function openJsonDirectory(opts: JsonDirectoryOptions): Promise<JsonDirectory> {
  const checkEvery = opts.reloadCheckMs ?? 1000;
  let seen = fingerprint(await stat(opts.path).catch(() => ({ mtimeMs: 0, ctimeMs: 0, size: 0, ino: 0 })));
  let records = readSync(opts.path);
  let lastCheck = Date.now();

  const reload = async () => {
    let text: string;
    try {
      text = await readFile(opts.path, 'utf8');
    } catch (cause) {
      throw new DirectoryError('invalid-file', `${opts.path}: cannot read the directory file`, { cause });
    }
    records = parseDirectoryFile(text, opts.path);
    opts.onReload?.({ accounts: records.size });
  };

  // A bad edit must never take lookups down: the last good content keeps serving and the error is reported.
  const refresh = async () => {
    const t = Date.now();
    if (t - lastCheck < checkEvery) return;
    lastCheck = t;
    let current: string;
    try {
      current = fingerprint(await stat(opts.path));
    } catch {
      current = 'missing';
    }
    if (current === seen) return;
    seen = current;
    try {
      await reload();
    } catch (error) {
      opts.onReloadError?.(error as DirectoryError);
    }
  };

  return {
    get size() {
      return records.size;
    },
    reload,
    async get(id) {
      await refresh();
      const r = records.get(id);
      return r ? structuredClone(r) : undefined;
    },
    async findCandidates(query) {
      await refresh();
      return findCandidates(records.values(), query);
    },
  };
}
