import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { errors } from '../core/errors.js';
import { type LoadedPolicy, PolicySchema } from './schema.js';

export const policyVersion = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);

/** One problem in a policy file, in words a compliance officer can act on. */
export interface PolicyIssue {
  /** 1-based line in the file, when known. */
  line?: number | undefined;
  /** Dotted path of the setting, e.g. `masking.entities.EMAIL.action`; empty for the file as a whole. */
  field: string;
  message: string;
  /** `syntax`: the YAML itself; `schema`: a setting; `file`: the file as a whole. */
  kind: 'syntax' | 'schema' | 'file';
}

export type PolicyCheck = { ok: true; loaded: LoadedPolicy } | { ok: false; errors: PolicyIssue[] };

/** Most issues a check reports: a file that is badly broken needs its first few fixed before more help. */
const MAX_ISSUES = 20;

/**
 * Validates policy YAML and reports every problem (up to 20), each with its line and field. Never throws
 * for bad input.
 */
export function checkPolicyText(text: string, source = '<policy>'): PolicyCheck {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.slice(0, MAX_ISSUES).map((e) => ({
        // With prettyErrors off the yaml library leaves linePos unset; the offset is always there.
        line: e.linePos?.[0]?.line ?? (e.pos ? lines.linePos(e.pos[0]).line : undefined),
        field: '',
        kind: 'syntax' as const,
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  if (doc.contents === null) {
    return {
      ok: false,
      errors: [
        {
          field: '',
          kind: 'file',
          message: 'the file is empty; a policy needs at least a name and a masking section',
        },
      ],
    };
  }
  // reportInput: zod 4 omits the offending value from issues unless asked, and users need to see it.
  const result = PolicySchema.safeParse(doc.toJS({ maxAliasCount: 100 }), { reportInput: true });
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.slice(0, MAX_ISSUES).map((issue) => {
        const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
        const unknownKey =
          issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? issue.keys[0] : undefined;
        const field = formatPath(unknownKey === undefined ? path : [...path, unknownKey]);
        return {
          line: lineOf(doc, lines, path, unknownKey),
          field,
          kind: 'schema' as const,
          message: describeIssue(issue),
        };
      }),
    };
  }
  return { ok: true, loaded: { policy: result.data, version: policyVersion(text), source } };
}

/** `line 14: masking.entities.EMAIL.action: must be one of …`: one issue as people read it. */
export const formatIssue = (i: PolicyIssue): string =>
  `${at(i.line)}${i.kind === 'schema' ? `${i.field || '(top level)'}: ` : ''}${i.message}`;

/** Parses and validates policy YAML. Errors name the file, the line and the field in plain words. */
export function parsePolicy(text: string, source = '<policy>'): LoadedPolicy {
  const r = checkPolicyText(text, source);
  if (r.ok) return r.loaded;
  const first = r.errors[0]!;
  throw errors.invalidPolicy(source, formatIssue(first), first.kind === 'schema' ? first.field : undefined);
}

export function loadPolicyFile(path: string): LoadedPolicy {
  return parsePolicy(readFileSync(path, 'utf8'), path);
}

const at = (line: number | undefined): string => (line ? `line ${line}: ` : '');

/** `masking.deny[0].type`: how people read a path into YAML. */
function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/**
 * The line to point at: the unknown key itself, else the deepest node of the path that exists (a missing
 * field is reported on the line of the object that lacks it).
 */
function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
  unknownKey: string | undefined,
): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!node || typeof node !== 'object') continue;
    if (n === path.length && unknownKey !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === unknownKey);
      const keyRange = pair && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) return lines.linePos(keyRange[0]).line;
    }
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}

const shown = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v}'`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
};

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      if (issue.input === undefined) return `is required: one of ${issue.values.map(String).join(', ')}`;
      return `must be one of ${issue.values.map(String).join(', ')}; got ${shown(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}; check the spelling`;
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}; got ${shown(issue.input)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}; got ${shown(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} entries`;
      return `must be at least ${String(issue.minimum)}; got ${shown(issue.input)}`;
    case 'invalid_format':
      return `${issue.message}; got ${shown(issue.input)}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return `${inner ? inner.message : 'invalid name'}; got ${shown(issue.input)}`;
    }
    default:
      return issue.message;
  }
}
