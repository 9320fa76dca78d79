import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Document, isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { errors } from '../core/errors.js';
import { type LoadedPolicy, PolicySchema } from './schema.js';

export const policyVersion = (text: string): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Parses and validates policy YAML. Errors name the file, the line and the field in plain words. */
export function parsePolicy(text: string, source = '<policy>'): LoadedPolicy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    // With prettyErrors off the yaml library leaves linePos unset; the offset is always there.
    const line = e.linePos?.[0]?.line ?? (e.pos ? lines.linePos(e.pos[0]).line : undefined);
    throw errors.invalidPolicy(source, `${at(line)}YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  if (doc.contents === null) {
    throw errors.invalidPolicy(
      source,
      'the file is empty; a policy needs at least a name and a masking section',
    );
  }
  // reportInput: zod 4 omits the offending value from issues unless asked, and users need to see it.
  const result = PolicySchema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const unknownKey =
      issue.code === 'unrecognized_keys' && issue.keys.length > 0 ? issue.keys[0] : undefined;
    const fieldPath = unknownKey === undefined ? path : [...path, unknownKey];
    const field = formatPath(fieldPath);
    const line = lineOf(doc, lines, path, unknownKey);
    throw errors.invalidPolicy(
      source,
      `${at(line)}${field || '(top level)'}: ${describeIssue(issue)}`,
      field,
    );
  }
  return { policy: result.data, version: policyVersion(text), source };
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
