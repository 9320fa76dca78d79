import { createInterface } from 'node:readline';
import { createDetector } from '../../detection/engine.js';
import { maskText } from '../../masking/engine.js';
import { emptyTokenMap } from '../../masking/types.js';
import { loadPolicyFile } from '../../policy/loader.js';
import { shippedPolicyDir } from '../policy-path.js';
import { join } from 'node:path';

const USAGE = `usage: veil scan [--text] [--policy FILE]
  Reads JSON Lines {"id","text"} on stdin and writes {"id","masked","entities":[...]} per line.
  --text          treat each stdin line as plain text; write the masked line
  --policy FILE   policy YAML (default: the shipped policies/default.yaml)
`;

export async function run(argv: string[]): Promise<number> {
  let textMode = false;
  let policyPath = join(shippedPolicyDir(), 'default.yaml');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--text') textMode = true;
    else if (a === '--policy') policyPath = argv[++i] ?? '';
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else {
      process.stderr.write(`veil scan: unknown option '${a}'\n${USAGE}`);
      return 2;
    }
  }
  const { policy } = loadPolicyFile(policyPath);
  const detector = createDetector(policy);
  const secret = process.env.VEIL_SECRET ?? 'veil-default-hash-key';
  const progress = process.stderr.isTTY;
  let lineNo = 0;
  let bad = 0;
  let done = 0;
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lineNo++;
    if (textMode) {
      const findings = detector.detect(line);
      await write(`${maskText(line, findings, emptyTokenMap(), policy, { secret }).masked}\n`);
      done++;
    } else {
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        bad++;
        process.stderr.write(`veil scan: line ${lineNo}: not valid JSON (${(e as Error).message}); skipped\n`);
        continue;
      }
      const rec = parsed as { id?: unknown; text?: unknown };
      if (typeof parsed !== 'object' || parsed === null || typeof rec.text !== 'string') {
        bad++;
        process.stderr.write(`veil scan: line ${lineNo}: expected an object with a string "text" field; skipped\n`);
        continue;
      }
      const findings = detector.detect(rec.text);
      const { masked } = maskText(rec.text, findings, emptyTokenMap(), policy, { secret });
      const entities = findings.map((f) => ({
        type: f.type,
        start: f.start,
        end: f.end,
        score: Math.round(f.score * 1000) / 1000,
        recognizer: f.recognizer,
      }));
      await write(`${JSON.stringify({ id: rec.id ?? null, masked, entities })}\n`);
      done++;
    }
    if (progress && done % 1000 === 0) process.stderr.write(`\rveil scan: ${done} lines`);
  }
  if (progress) process.stderr.write(`\rveil scan: ${done} lines, ${bad} bad\n`);
  return bad > 0 ? 2 : 0;
}

/** Respects backpressure so memory stays constant on long streams. */
function write(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
