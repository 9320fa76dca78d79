import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { errors } from '../core/errors.js';
import { type LoadedPolicy, PolicySchema } from './schema.js';

export const policyVersion = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Parses and validates policy YAML. Errors name the file, the line and the field in plain words. */
export function parsePolicy(text: string, source = '<policy>'): LoadedPolicy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line;
    throw errors.invalidPolicy(source, `${line ? `line ${line}: ` : ''}YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  const result = PolicySchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.map(String);
    const node = path.length ? doc.getIn(path, true) : undefined;
    const range = (node as { range?: [number, number] } | undefined)?.range;
    const line = range ? lines.linePos(range[0]).line : undefined;
    throw errors.invalidPolicy(
      source,
      `${line ? `line ${line}: ` : ''}${path.join('.') || '(top level)'}: ${describeIssue(issue)}`,
      path.join('.'),
    );
  }
  return { policy: result.data, version: policyVersion(text), source };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const i = issue as z.core.$ZodIssue & { values?: unknown[]; input?: unknown; keys?: string[] };
  if (issue.code === 'invalid_value' && Array.isArray(i.values)) {
    return `must be one of ${i.values.join(', ')}; got '${String(i.input)}'`;
  }
  if (issue.code === 'unrecognized_keys' && i.keys) return `unknown setting ${i.keys.map((k) => `'${k}'`).join(', ')}`;
  return issue.message;
}

export function loadPolicyFile(path: string): LoadedPolicy {
  return parsePolicy(readFileSync(path, 'utf8'), path);
}
