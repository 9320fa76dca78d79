import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { activatePolicy } from './activate.js';
import { type CaseResult, runCases } from './cases.js';
import { checkPolicyText, formatIssue } from './loader.js';
import { isPolicyFile } from './registry.js';

export interface PolicyCheckReport {
  file: string;
  /** Version of the file when it is valid. */
  version?: string | undefined;
  /** Problems with the policy itself, each as `line N: field: message`. */
  errors: string[];
  cases: CaseResult[];
}

/** Policy files named by the arguments: folders are expanded to the policies inside them, sorted. */
export function policyFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory())
      out.push(
        ...readdirSync(p)
          .filter(isPolicyFile)
          .sort()
          .map((f) => join(p, f)),
      );
    else out.push(p);
  }
  return out;
}

export const casesFileFor = (policyFile: string): string =>
  join(dirname(policyFile), `${basename(policyFile, '.yaml')}.cases.yaml`);

/**
 * Validates one policy file and runs the cases beside it. A policy without cases fails: a change nobody
 * can see the effect of should not go live.
 */
export async function checkPolicyFile(file: string): Promise<PolicyCheckReport> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      file,
      errors: [`cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`],
      cases: [],
    };
  }
  const checked = checkPolicyText(text, file);
  if (!checked.ok) return { file, errors: checked.errors.map(formatIssue), cases: [] };
  const { loaded } = checked;
  const expected = basename(file, '.yaml');
  const errors: string[] = [];
  if (loaded.policy.name !== expected)
    errors.push(
      `name: is '${loaded.policy.name}'; it must equal the file name without .yaml ('${expected}')`,
    );
  const casesFile = casesFileFor(file);
  if (!existsSync(casesFile)) {
    return {
      file,
      version: loaded.version,
      errors,
      cases: [
        {
          kind: 'file',
          name: basename(casesFile),
          ok: false,
          problem: `missing: write ${basename(casesFile)} with cases for this policy`,
        },
      ],
    };
  }
  const active = activatePolicy(loaded);
  const cases = await runCases(active, readFileSync(casesFile, 'utf8'));
  return { file, version: loaded.version, errors, cases };
}
