import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type PolicyProvider, staticPolicyProvider } from '../../src/pipeline/policies.js';
import { loadPolicyFile } from '../../src/policy/loader.js';
import { replayScenario } from '../../src/replay/runner.js';
import { parseScenario } from '../../src/replay/scenario.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const policies = staticPolicyProvider(join(root, 'policies'));

/** A script's own policy, as `veil replay` picks it: a shipped policy's name or a YAML path. */
function providerFor(policy: string | undefined, file: string): PolicyProvider {
  if (!policy) return policies;
  const path = policy.endsWith('.yaml')
    ? resolve(dirname(file), policy)
    : join(root, 'policies', `${policy}.yaml`);
  return staticPolicyProvider(loadPolicyFile(path));
}

/** Our scripts, and the shared ones when that checkout is there (it is a sibling, not part of this repo). */
const FOLDERS = [join(root, 'test/fixtures/scenarios'), resolve(root, '../shared/scenarios')];

const scripts = FOLDERS.filter((d) => existsSync(d)).flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(d, f)),
);

describe('conversation scripts through the whole pipeline', () => {
  it('has our own scripts to play', () => {
    expect(scripts.filter((s) => s.includes('test/fixtures/scenarios')).length).toBeGreaterThanOrEqual(50);
  });

  it.each(scripts.map((s) => [relative(root, s), s]))('%s', async (_name, file) => {
    const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    const results = await replayScenario(scenario, file, providerFor(scenario.policy, file));
    const expected = scenario.turns.filter((t) => 'agent' in t && t.expect !== undefined).length;
    const checked = results.filter((r) => r.expect !== undefined);
    expect(checked).toHaveLength(expected);
    // One line per agent turn, so a failure shows every wrong decision of the script at once.
    const got = checked.map((r) => `${r.turn}: ${r.decision}${r.expectRule ? ` ${r.rule}` : ''} | ${r.text}`);
    const want = checked.map(
      (r) => `${r.turn}: ${r.expect}${r.expectRule ? ` ${r.expectRule}` : ''} | ${r.text}`,
    );
    expect(got).toEqual(want);
  });
});
