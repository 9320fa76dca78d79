import { readFileSync, statSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadPolicyFile } from '../../policy/loader.js';
import { staticPolicyProvider, type PolicyProvider } from '../../pipeline/policies.js';
import { replayScenario, type TurnResult } from '../../replay/runner.js';
import { parseScenario } from '../../replay/scenario.js';
import { shippedPolicyDir } from '../policy-path.js';

const USAGE = `usage: veil replay FILE|DIR... [--json] [--policy FILE]
  Plays conversation scripts through the pipeline in-process and checks each agent turn's "expect".
  --json          one JSON object per turn
  --policy FILE   policy YAML (default: the script's "policy", else policies/default.yaml)
  The last line is "N passed, M failed" over turns with "expect"; exit 1 on any failure.
`;

/** Expands directories to the .json scripts inside them, sorted. */
function expand(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      out.push(
        ...readdirSync(p)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(p, f)),
      );
    } else out.push(p);
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  let json = false;
  let policyPath: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--policy') policyPath = argv[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith('--')) {
      process.stderr.write(`veil replay: unknown option '${a}'\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const providers = new Map<string, PolicyProvider>();
  const providerFor = (path: string): PolicyProvider => {
    let p = providers.get(path);
    if (!p) {
      p = staticPolicyProvider(loadPolicyFile(path));
      providers.set(path, p);
    }
    return p;
  };
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const file of expand(files)) {
    let results: TurnResult[];
    try {
      const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
      const policy =
        policyPath ??
        (scenario.policy
          ? scenario.policy.endsWith('.yaml')
            ? scenario.policy
            : join(shippedPolicyDir(), `${scenario.policy}.yaml`)
          : join(shippedPolicyDir(), 'default.yaml'));
      results = await replayScenario(scenario, basename(file), providerFor(policy));
      if (!json) process.stdout.write(`\n== ${file}: ${scenario.name}\n`);
    } catch (e) {
      broken++;
      process.stderr.write(`veil replay: ${file}: ${(e as Error).message}\n`);
      continue;
    }
    for (const r of results) {
      if (r.ok === true) passed++;
      if (r.ok === false) failed++;
      if (json) {
        process.stdout.write(
          `${JSON.stringify({ file: r.file, turn: r.turn, from: r.from, text: r.text, agentView: r.agentView ?? null, decision: r.decision ?? null, rule: r.rule ?? null, level: r.level, expect: r.expect ?? null })}\n`,
        );
      } else process.stdout.write(describe(r));
    }
  }
  process.stdout.write(`${passed} passed, ${failed + broken} failed\n`);
  return failed + broken > 0 ? 1 : 0;
}

function describe(r: TurnResult): string {
  if (r.from === 'customer')
    return `  ${r.turn}. customer: ${r.text}\n     agent saw: ${r.agentView ?? ''}  [level ${r.level}]\n`;
  const mark =
    r.ok === undefined
      ? ''
      : r.ok
        ? '  ✓'
        : `  ✗ expected ${r.expect}${r.expectRule ? ` (${r.expectRule})` : ''}`;
  const outcome =
    r.decision === 'block'
      ? `BLOCK ${r.rule}: ${r.reason ?? ''}`
      : r.received !== undefined
        ? `DELIVER → customer received: ${r.received}`
        : `DELIVER ${r.agentView ? `(${r.agentView})` : ''}`;
  return `  ${r.turn}. agent: ${r.text}\n     ${outcome}  [level ${r.level}]${mark}\n`;
}
