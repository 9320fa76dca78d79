import { readdirSync, readFileSync } from 'node:fs';
import type { Finding } from '../../src/core/finding.js';
import { analyzeCustomerTurn, type GuardInput } from '../../src/guard/index.js';
import { POLICY } from '../fixtures/guard/accounts.js';
import {
  type CustomerMessage,
  SCENARIOS,
  type Scenario,
  type ScenarioName,
} from '../fixtures/guard/scenarios.js';

/** Hand-labelled detector output: value + type, located in the text here. */
export function findingsFor(
  text: string,
  labelled: readonly { type: string; value: string }[] = [],
): Finding[] {
  return labelled.map(({ type, value }) => {
    const start = text.indexOf(value);
    if (start < 0) throw new Error(`fixture finding not in text: ${type}`);
    return { type, value, start, end: start + value.length, score: 0.9, recognizer: 'fixture' };
  });
}

const turn = (m: CustomerMessage) => analyzeCustomerTurn(m.text, findingsFor(m.text, m.findings));

export function inputFor(
  scenario: Scenario | ScenarioName,
  text: string,
  labelled: readonly { type: string; value: string }[] = [],
): GuardInput {
  const s: Scenario = typeof scenario === 'string' ? SCENARIOS[scenario] : scenario;
  return {
    text,
    findings: findingsFor(text, labelled),
    level: s.level,
    accountId: s.accountId,
    accounts: s.accounts,
    customerValues: s.customer.flatMap((m) => m.findings ?? []),
    customerTexts: s.customer.map((m) => m.text),
    recentCustomerTurns: s.customer.slice(-3).map(turn),
    policy: POLICY,
  };
}

export interface LabelledMessage {
  s: ScenarioName;
  label: 'attack' | 'benign';
  text: string;
  rule?: string;
  findings?: { type: string; value: string }[];
}

const FIXTURES = new URL('../fixtures/guard/', import.meta.url);

/** One labelled file (JSON Lines). */
export const loadMessageFile = (file: string | URL): LabelledMessage[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledMessage);

/** The labelled files: the main corpus and every fresh batch written beside it (`*.jsonl`). */
export const messageFiles = (): string[] =>
  readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();

/** Every labelled message, or only `GUARD_FIXTURE` when it is set. */
export const loadMessages = (): LabelledMessage[] =>
  process.env.GUARD_FIXTURE
    ? loadMessageFile(process.env.GUARD_FIXTURE)
    : messageFiles().flatMap((f) => loadMessageFile(new URL(f, FIXTURES)));
