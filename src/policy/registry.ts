import { readdirSync, readFileSync, type FSWatcher, watch } from 'node:fs';
import { basename, join } from 'node:path';
import { errors } from '../core/errors.js';
import type { DetectorOptions } from '../detection/engine.js';
import type { Detector } from '../detection/types.js';
import type { Logger } from '../logging.js';
import { activatePolicy } from './activate.js';
import { comparePolicies, describeChange, type PolicyChange } from './changes.js';
import { checkPolicyText, formatIssue, type PolicyIssue, policyVersion } from './loader.js';
import type { Policy } from './schema.js';
import { DEFAULT_POLICY, type SelectionHint, selectPolicy } from './select.js';

/** Same shape as src/pipeline/policies.ts, kept structural so policy code does not import the pipeline. */
export interface ActivePolicy {
  policy: Policy;
  version: string;
  source: string;
  detector: Detector;
}

export interface PolicyProvider {
  forConversation(hint: SelectionHint): ActivePolicy;
  byName(name: string): ActivePolicy | undefined;
}

export type PolicyEventKind = 'policy-loaded' | 'policy-rejected' | 'policy-weakened';

/** What the registry reports for auditing. Holds setting names and levels, never message text. */
export interface PolicyEvent {
  kind: PolicyEventKind;
  /** The file name inside the folder, e.g. `retail.yaml`. */
  file: string;
  /** The version now in force from this file (for a rejection: the last good one, if any). */
  version?: string | undefined;
  /** For a rejection: the first problem, as one line. */
  error?: string | undefined;
  errors?: PolicyIssue[] | undefined;
  /** For a load: every setting that changed; for a weakening: the weakening ones. */
  changes?: PolicyChange[] | undefined;
}

export interface LoadResult {
  ok: boolean;
  at: string;
  /** Version of the text that was tried. */
  version?: string | undefined;
  errors?: PolicyIssue[] | undefined;
  /** Weakening changes the last successful load made, as lines. */
  warnings?: string[] | undefined;
}

export interface FileStatus {
  file: string;
  /** The policy this file provides while a good version is in force. */
  name?: string | undefined;
  /** The version in force; absent when the file never loaded. */
  inForce?: string | undefined;
  deleted: boolean;
  lastLoad: LoadResult;
}

export interface RegistryStatus {
  policies: { name: string; version: string; file: string; match: Policy['match'] | null }[];
  files: FileStatus[];
}

export interface PolicyRegistry extends PolicyProvider {
  status(): RegistryStatus;
  /** Stops watching and polling; the policies in force stay usable. */
  close(): void;
}

export interface RegistryOptions {
  dir: string;
  log?: Logger | undefined;
  onEvent?: ((event: PolicyEvent) => void) | undefined;
  /** A file must read the same twice this far apart before it is applied (half-written saves). Default 250. */
  debounceMs?: number | undefined;
  /** fs.watch misses events on some file systems and editors; the folder is also polled. Default 1000. */
  pollMs?: number | undefined;
  /** Passed to createDetector (tests). */
  detector?: DetectorOptions | undefined;
}

interface Entry {
  file: string;
  active?: ActivePolicy | undefined;
  /** The policy as written in the file (the active one may be adjusted to what the guard enforces). */
  written?: Policy | undefined;
  /** Version of the text last applied or rejected, so unchanged files are not re-processed. */
  seen?: string | undefined;
  /** Text read on the previous check and not yet applied: applied when the next read is the same. */
  pending?: string | undefined;
  /** Missing on the previous check: editors that save by delete-and-rename leave a brief gap. */
  missing?: boolean | undefined;
  deleted: boolean;
  lastLoad: LoadResult;
}

export const isPolicyFile = (f: string): boolean => f.endsWith('.yaml') && !f.endsWith('.cases.yaml');

/**
 * Loads every policy in a folder and keeps them current. A valid edit takes effect within about
 * debounce + poll time; an invalid one (syntax, schema, bad regex, half-written, deleted) is rejected and
 * the last good version stays in force. A valid edit that weakens protection is applied and reported.
 *
 * At start-up there is no last good version, so a missing or invalid `default.yaml` throws: Veil refuses
 * to start rather than run without a fallback policy. Other invalid files are reported and skipped.
 */
export function createPolicyRegistry(opts: RegistryOptions): PolicyRegistry {
  const { dir, log } = opts;
  const debounceMs = opts.debounceMs ?? 250;
  const pollMs = opts.pollMs ?? 1000;
  const entries = new Map<string, Entry>();
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const emit = (event: PolicyEvent): void => {
    try {
      opts.onEvent?.(event);
    } catch (e) {
      log?.error(
        { event: 'policy-event-handler-failed', reason: (e as Error).name },
        'policy event handler threw',
      );
    }
  };

  const listFiles = (): string[] | undefined => {
    try {
      return readdirSync(dir).filter(isPolicyFile).sort();
    } catch (e) {
      log?.error(
        { event: 'policy-dir-unreadable', code: (e as NodeJS.ErrnoException).code },
        'policy folder unreadable; policies in force are kept',
      );
      return undefined;
    }
  };

  const read = (file: string): string | undefined => {
    try {
      return readFileSync(join(dir, file), 'utf8');
    } catch {
      return undefined;
    }
  };

  function reject(entry: Entry, version: string | undefined, issues: PolicyIssue[]): void {
    entry.lastLoad = { ok: false, at: new Date().toISOString(), version, errors: issues };
    const first = issues[0];
    const error = first ? `${entry.file}: ${formatIssue(first)}` : `${entry.file}: rejected`;
    // Only the place of the problem is logged; the message may quote policy values.
    log?.warn(
      {
        event: 'policy-rejected',
        file: entry.file,
        line: first?.line,
        field: first?.field,
        inForce: entry.active?.version ?? null,
      },
      'policy change rejected; the last good version stays in force',
    );
    emit({
      kind: 'policy-rejected',
      file: entry.file,
      version: entry.active?.version,
      error,
      errors: issues,
    });
  }

  function apply(entry: Entry, text: string): void {
    const version = policyVersion(text);
    entry.seen = version;
    entry.pending = undefined;
    entry.deleted = false;
    const source = join(dir, entry.file);
    const checked = checkPolicyText(text, source);
    if (!checked.ok) {
      reject(entry, version, checked.errors);
      return;
    }
    const { policy } = checked.loaded;
    const expected = basename(entry.file, '.yaml');
    if (policy.name !== expected) {
      reject(entry, version, [
        {
          field: 'name',
          kind: 'schema',
          message: `is '${policy.name}' but the file is ${entry.file}; the name must equal the file name without .yaml ('${expected}')`,
        },
      ]);
      return;
    }
    let active: ActivePolicy;
    try {
      active = activatePolicy(checked.loaded, opts.detector);
    } catch (e) {
      reject(entry, version, [
        { field: '', kind: 'file', message: `could not build the detector (${(e as Error).message})` },
      ]);
      return;
    }
    const changes = entry.written ? comparePolicies(entry.written, policy) : [];
    const weaker = changes.filter((c) => c.weakens);
    entry.active = active;
    entry.written = policy;
    entry.lastLoad = {
      ok: true,
      at: new Date().toISOString(),
      version,
      ...(weaker.length > 0 ? { warnings: weaker.map(describeChange) } : {}),
    };
    log?.info(
      { event: 'policy-loaded', file: entry.file, version, changed: changes.length },
      'policy loaded',
    );
    emit({ kind: 'policy-loaded', file: entry.file, version, changes });
    if (weaker.length > 0) {
      log?.warn(
        { event: 'policy-weakened', file: entry.file, version, fields: weaker.map((c) => c.field) },
        'policy change weakens protection',
      );
      emit({ kind: 'policy-weakened', file: entry.file, version, changes: weaker });
    }
  }

  /**
   * One pass over the folder. With `settle`, a changed file is applied only once two reads `debounceMs`
   * apart agree, so an editor's half-written save is never taken for the new policy.
   */
  function check(settle: boolean): void {
    if (closed) return;
    const files = listFiles();
    if (!files) return;
    let unsettled = false;
    for (const file of files) {
      let entry = entries.get(file);
      const text = read(file);
      if (text === undefined) continue; // vanished between listing and reading: the next pass sees it
      const version = policyVersion(text);
      if (entry && entry.seen === version && !entry.deleted) {
        entry.pending = undefined;
        continue;
      }
      if (!entry) {
        entry = { file, deleted: false, lastLoad: { ok: false, at: new Date().toISOString() } };
        entries.set(file, entry);
      }
      if (settle && entry.pending !== text) {
        entry.pending = text;
        unsettled = true;
        continue;
      }
      apply(entry, text);
    }
    for (const entry of entries.values()) {
      if (files.includes(entry.file)) {
        entry.missing = false;
        continue;
      }
      if (entry.deleted) continue;
      if (settle && !entry.missing) {
        entry.missing = true;
        unsettled = true;
        continue;
      }
      entry.missing = false;
      entry.deleted = true;
      entry.seen = undefined;
      entry.pending = undefined;
      if (!entry.active) {
        entries.delete(entry.file);
        continue;
      }
      reject(entry, undefined, [
        {
          field: '',
          kind: 'file',
          message: `was deleted; the last good version (${entry.active.version}) stays in force until Veil restarts`,
        },
      ]);
    }
    if (unsettled) schedule(debounceMs);
  }

  function schedule(ms: number): void {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      check(true);
    }, ms);
    timer.unref();
  }

  check(false);
  const def = entries.get(`${DEFAULT_POLICY}.yaml`);
  if (!def?.active) {
    const first = def?.lastLoad.errors?.[0];
    throw errors.invalidPolicy(
      join(dir, `${DEFAULT_POLICY}.yaml`),
      first ? formatIssue(first) : 'missing; Veil needs a default policy to fall back on',
      first?.field || undefined,
    );
  }

  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, () => schedule(debounceMs));
    watcher.on('error', () => {
      watcher?.close();
      watcher = undefined;
    });
  } catch {
    log?.warn({ event: 'policy-watch-unavailable' }, 'cannot watch the policy folder; polling only');
  }
  const poll = setInterval(() => {
    if (!timer) check(true);
  }, pollMs);
  poll.unref();

  const activeList = (): ActivePolicy[] => [...entries.values()].flatMap((e) => (e.active ? [e.active] : []));

  return {
    forConversation(hint) {
      const list = activeList();
      const chosen = selectPolicy(
        list.map((a) => ({ name: a.policy.name, match: a.policy.match, a })),
        hint,
      );
      // The default entry is never dropped once loaded, so this only fails if the registry is misused.
      if (!chosen) throw errors.invalidPolicy(dir, 'no default policy in force');
      return chosen.a;
    },
    byName(name) {
      return activeList().find((a) => a.policy.name === name);
    },
    status() {
      const list = [...entries.values()];
      return {
        policies: list.flatMap((e) =>
          e.active
            ? [
                {
                  name: e.active.policy.name,
                  version: e.active.version,
                  file: e.file,
                  match: e.active.policy.match ?? null,
                },
              ]
            : [],
        ),
        files: list.map((e) => ({
          file: e.file,
          ...(e.active ? { name: e.active.policy.name, inForce: e.active.version } : {}),
          deleted: e.deleted,
          lastLoad: structuredClone(e.lastLoad),
        })),
      };
    },
    close() {
      closed = true;
      watcher?.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
