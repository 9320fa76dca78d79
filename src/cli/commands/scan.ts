import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { VeilError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { createDetector } from '../../detection/engine.js';
import type { Detector } from '../../detection/types.js';
import { maskText } from '../../masking/engine.js';
import { emptyTokenMap } from '../../masking/types.js';
import { loadPolicyFile } from '../../policy/loader.js';
import type { Policy } from '../../policy/schema.js';
import { shippedPolicyDir } from '../policy-path.js';

const USAGE = `usage: veil scan [--text] [--policy FILE]
  Reads JSON Lines {"id","text"} on stdin and writes {"id","masked","entities":[...]} per line.
  Entity offsets are UTF-16 code units into the input text, end exclusive.
  --text          treat each stdin line as plain text; write the masked line
  --policy FILE   policy YAML (default: the shipped policies/default.yaml)
`;

interface Options {
  textMode: boolean;
  policyPath: string;
}

export async function run(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'number') return parsed;
  let policy: Policy;
  try {
    policy = loadPolicyFile(parsed.policyPath).policy;
  } catch (e) {
    process.stderr.write(`veil scan: ${policyError(parsed.policyPath, e)}\n`);
    return 2;
  }
  const detector = createDetector(policy);
  const secret = process.env.VEIL_SECRET ?? 'veil-default-hash-key';
  return scanStream(parsed.textMode ? textLine : jsonLine, { detector, policy, secret });
}

function parseArgs(argv: readonly string[]): Options | number {
  const opts: Options = { textMode: false, policyPath: join(shippedPolicyDir(), 'default.yaml') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--text') opts.textMode = true;
    else if (a === '--policy' || a.startsWith('--policy=')) {
      const value = a === '--policy' ? argv[++i] : a.slice('--policy='.length);
      if (!value) return usageError('--policy needs a file');
      opts.policyPath = value;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else return usageError(`unknown option '${a}'`);
  }
  return opts;
}

function usageError(message: string): number {
  process.stderr.write(`veil scan: ${message}\n${USAGE}`);
  return 2;
}

function policyError(path: string, e: unknown): string {
  if (e instanceof VeilError) return e.message;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `cannot read policy '${path}': no such file`;
  if (code === 'EISDIR') return `cannot read policy '${path}': it is a directory`;
  if (code === 'EACCES') return `cannot read policy '${path}': permission denied`;
  return `cannot read policy '${path}': ${e instanceof Error ? e.message : String(e)}`;
}

interface Scanner {
  detector: Detector;
  policy: Policy;
  secret: string;
}

/** One input line -> the output line, `null` to skip silently, or an error to report (never the text). */
type LineHandler = (line: string, s: Scanner) => string | null | { error: string };

const textLine: LineHandler = (line, s) => mask(line, s).masked;

const jsonLine: LineHandler = (line, s) => {
  if (line.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    // The parser's message quotes the input, which may be PII: say only what was wrong.
    return { error: 'not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { error: 'expected an object {"id","text"}' };
  }
  const rec = parsed as { id?: unknown; text?: unknown };
  if (typeof rec.text !== 'string') {
    return { error: rec.text === undefined ? 'missing "text"' : '"text" must be a string' };
  }
  const { masked, findings } = mask(rec.text, s);
  const entities = findings.map((f) => ({
    type: f.type,
    start: f.start,
    end: f.end,
    score: Math.round(f.score * 1000) / 1000,
    recognizer: f.recognizer,
  }));
  return JSON.stringify({ id: rec.id ?? null, masked, entities });
};

function mask(text: string, s: Scanner): { masked: string; findings: Finding[] } {
  const findings = s.detector.detect(text);
  // Each line is its own message: a fresh token map, so numbering never links lines.
  return {
    masked: maskText(text, findings, emptyTokenMap(), s.policy, { secret: s.secret }).masked,
    findings,
  };
}

async function scanStream(handle: LineHandler, s: Scanner): Promise<number> {
  const out = new Output();
  const progress = process.stderr.isTTY === true;
  let lineNo = 0;
  let bad = 0;
  let done = 0;
  let lastProgress = 0;
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    lineNo++;
    const result = handle(line, s);
    if (result === null) continue;
    if (typeof result === 'object') {
      bad++;
      process.stderr.write(`veil scan: line ${lineNo}: ${result.error}; skipped\n`);
      continue;
    }
    if (!(await out.write(`${result}\n`))) break;
    done++;
    if (progress && Date.now() - lastProgress > 250) {
      lastProgress = Date.now();
      process.stderr.write(`\rveil scan: ${done} lines`);
    }
  }
  rl.close();
  if (progress) process.stderr.write(`\rveil scan: ${done} lines, ${bad} bad\n`);
  if (out.closed) return 0; // the reader went away (e.g. `| head`): not an error
  return bad > 0 ? 2 : 0;
}

/** stdout with backpressure (constant memory on long streams) that stops quietly when the reader closes. */
class Output {
  closed = false;
  private waiting: (() => void) | undefined;

  constructor() {
    process.stdout.on('error', () => {
      this.closed = true;
      this.waiting?.();
    });
  }

  write(s: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (process.stdout.write(s)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        this.waiting = undefined;
        process.stdout.off('drain', done);
        resolve(!this.closed);
      };
      this.waiting = done;
      process.stdout.once('drain', done);
    });
  }
}
