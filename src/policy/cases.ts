import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { AccountRecord } from '../core/account.js';
import type { Verdict } from '../core/verdict.js';
import { VERIFICATION_LEVELS, type VerificationLevel } from '../core/verification.js';
import { AccountRecordFileSchema, toAccountRecord } from '../directory/schema.js';
import { analyzeCustomerTurn, type CustomerValue, evaluate } from '../guard/index.js';
import { maskText } from '../masking/engine.js';
import { emptyTokenMap } from '../masking/types.js';
import { staticPolicyProvider } from '../pipeline/policies.js';
import { replayScenario } from '../replay/runner.js';
import { parseScenario, ScenarioSchema } from '../replay/scenario.js';
import type { ActivePolicy } from './registry.js';

/**
 * Test cases that sit beside a policy (`NAME.cases.yaml`) and show what it does: customer messages and what
 * agents see of them, agent messages and whether they are delivered, and whole conversations.
 */
const CustomerCase = z
  .object({
    name: z.string().min(1).describe('what the case shows'),
    text: z.string().min(1).describe('what the customer sends'),
    masked: z.string().optional().describe('exactly what the agent must see'),
    types: z
      .array(z.string().regex(/^[A-Z][A-Z0-9_]*$/))
      .optional()
      .describe('exactly the types of data that must be found ([] for none)'),
  })
  .strict()
  .refine((c) => c.masked !== undefined || c.types !== undefined, {
    message: 'a customer case needs masked or types (or both) to check',
  });

const AgentCase = z
  .object({
    name: z.string().min(1),
    text: z.string().min(1).describe('what the agent sends'),
    level: z.enum(VERIFICATION_LEVELS).default('none').describe('the verification level of the conversation'),
    account: AccountRecordFileSchema.optional().describe('the account record on file'),
    customerSaid: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(3)])
      .optional()
      .describe('the customer message(s) just before, oldest first'),
    customerValues: z
      .array(z.object({ type: z.string().min(1), value: z.string().min(1) }).strict())
      .default([])
      .describe('other values the customer typed earlier in the conversation'),
    expect: z.enum(['deliver', 'block']),
    rule: z.string().optional().describe('the guard rule expected to block it'),
  })
  .strict();

export const CasesFileSchema = z
  .object({
    policy: z.string().optional().describe('the policy these cases are for (defaults to the file name)'),
    customer: z.array(CustomerCase).default([]),
    agent: z.array(AgentCase).default([]),
    scripts: z.array(ScenarioSchema).default([]).describe('conversations in the veil replay format'),
  })
  .strict();
export type CasesFile = z.infer<typeof CasesFileSchema>;

export interface CaseResult {
  kind: 'customer' | 'agent' | 'script' | 'file';
  name: string;
  line?: number | undefined;
  ok: boolean;
  /** Why it failed, in words: expected vs got. */
  problem?: string | undefined;
}

/** Fixed so `hash` results in expectations are stable across machines. */
const CASE_SECRET = 'veil-policy-check';

interface ParsedCases {
  cases?: CasesFile;
  lineOf: (section: string, index: number) => number | undefined;
  error?: string;
}

export function parseCases(text: string): ParsedCases {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (section: string, index: number): number | undefined => {
    const node = doc.getIn([section, index], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.pos ? lines.linePos(e.pos[0]).line : undefined;
    return { lineOf, error: `${line ? `line ${line}: ` : ''}YAML syntax error: ${e.message.split('\n')[0]}` };
  }
  const r = CasesFileSchema.safeParse(doc.toJS() ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    let line: number | undefined;
    for (let n = path.length; n > 0 && line === undefined; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) line = lines.linePos(node.range[0]).line;
    }
    const field = path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    return { lineOf, error: `${line ? `line ${line}: ` : ''}${field || '(top level)'}: ${issue.message}` };
  }
  return { lineOf, cases: r.data };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

export interface AgentMessageInput {
  text: string;
  level: VerificationLevel;
  account?: AccountRecord | undefined;
  /** Recent customer messages, oldest first (at most 3 count). */
  customerSaid?: readonly string[] | undefined;
  customerValues?: readonly CustomerValue[] | undefined;
}

/**
 * The guard's verdict on one agent message, with the conversation around it reconstructed the way the
 * pipeline builds it: values the customer typed are what the detector found in their messages.
 */
export function guardAgentMessage(active: ActivePolicy, m: AgentMessageInput): Verdict {
  const said = (m.customerSaid ?? []).slice(-3);
  const saidFindings = said.map((t) => active.detector.detect(t));
  return evaluate({
    text: m.text,
    findings: active.detector.detect(m.text),
    level: m.level,
    accountId: m.account?.id,
    accounts: m.account ? [m.account] : [],
    customerValues: [
      ...(m.customerValues ?? []),
      ...saidFindings.flat().map((f) => ({ type: f.type, value: f.value })),
    ],
    customerTexts: said,
    recentCustomerTurns: said.map((t, k) => analyzeCustomerTurn(t, saidFindings[k]!)),
    policy: active.policy,
  });
}

/** Runs every case against one policy. Never throws: a case that crashes is a failed case. */
export async function runCases(active: ActivePolicy, text: string): Promise<CaseResult[]> {
  const parsed = parseCases(text);
  if (!parsed.cases) return [{ kind: 'file', name: 'cases file', ok: false, problem: parsed.error }];
  const { cases, lineOf } = parsed;
  const results: CaseResult[] = [];
  const total = cases.customer.length + cases.agent.length + cases.scripts.length;
  if (total === 0)
    return [
      {
        kind: 'file',
        name: 'cases file',
        ok: false,
        problem: 'has no cases; add customer, agent or scripts cases',
      },
    ];

  cases.customer.forEach((c, i) => {
    const base = { kind: 'customer' as const, name: c.name, line: lineOf('customer', i) };
    try {
      const findings = active.detector.detect(c.text);
      const masked = maskText(c.text, findings, emptyTokenMap(), active.policy, {
        secret: CASE_SECRET,
      }).masked;
      const problems: string[] = [];
      if (c.masked !== undefined && masked !== c.masked)
        problems.push(`expected the agent to see "${c.masked}"; got "${masked}"`);
      const found = findings.map((f) => f.type);
      if (c.types !== undefined && !sameSet(found, c.types))
        problems.push(`expected types [${c.types.join(', ')}]; found [${[...new Set(found)].join(', ')}]`);
      results.push({
        ...base,
        ok: problems.length === 0,
        ...(problems.length ? { problem: problems.join('; ') } : {}),
      });
    } catch (e) {
      results.push({ ...base, ok: false, problem: `crashed: ${(e as Error).message}` });
    }
  });

  cases.agent.forEach((c, i) => {
    const base = { kind: 'agent' as const, name: c.name, line: lineOf('agent', i) };
    try {
      const verdict = guardAgentMessage(active, {
        text: c.text,
        level: c.level,
        account: c.account ? toAccountRecord(c.account) : undefined,
        customerSaid: c.customerSaid === undefined ? [] : [c.customerSaid].flat(),
        customerValues: c.customerValues,
      });
      const rule = verdict.decision === 'block' ? verdict.rule : undefined;
      const ok = verdict.decision === c.expect && (c.rule === undefined || c.rule === rule);
      results.push({
        ...base,
        ok,
        ...(ok
          ? {}
          : {
              problem: `expected ${c.expect}${c.rule ? ` by ${c.rule}` : ''}; got ${verdict.decision}${rule ? ` by ${rule}` : ''}`,
            }),
      });
    } catch (e) {
      results.push({ ...base, ok: false, problem: `crashed: ${(e as Error).message}` });
    }
  });

  const provider = staticPolicyProvider(active);
  for (const [i, raw] of cases.scripts.entries()) {
    const base = { kind: 'script' as const, name: raw.name, line: lineOf('scripts', i) };
    try {
      const scenario = parseScenario(raw, raw.name);
      const turns = await replayScenario(scenario, raw.name, provider);
      const checked = turns.filter((t) => t.ok !== undefined);
      const failed = checked.filter((t) => t.ok === false);
      if (checked.length === 0) {
        results.push({
          ...base,
          ok: false,
          problem: 'no agent turn has an "expect"; the script checks nothing',
        });
      } else if (failed.length > 0) {
        results.push({
          ...base,
          ok: false,
          problem: failed
            .map(
              (t) =>
                `turn ${t.turn}: expected ${t.expect}${t.expectRule ? ` by ${t.expectRule}` : ''}; got ${t.decision}${t.rule ? ` by ${t.rule}` : ''}`,
            )
            .join('; '),
        });
      } else results.push({ ...base, ok: true });
    } catch (e) {
      results.push({ ...base, ok: false, problem: `crashed: ${(e as Error).message}` });
    }
  }
  return results;
}
