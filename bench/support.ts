/** Shared by the proxy and scale benchmarks: spawn Veil processes from dist/ and drive them with autocannon. */
import { type ChildProcess, spawn } from 'node:child_process';
import autocannon from 'autocannon';
import type { LoadResult } from './load-worker.js';

export interface Instance {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export async function startVeil(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['dist/cli/veil.js', 'serve'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      VEIL_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`veil exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error('veil did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface ConnectorProcess {
  url: string;
  /** Stops the process and resolves with the number of activities it received. */
  stop(): Promise<number>;
}

/** The mock Connector in its own process (bench/connector-process.ts). */
export function startConnectorProcess(): Promise<ConnectorProcess> {
  return startHelperProcess('bench/connector-process.ts', []);
}

/** The pass-through floor (bench/passthrough-process.ts), forwarding agent messages to `connectorUrl`. */
export function startPassthroughProcess(connectorUrl: string): Promise<ConnectorProcess> {
  return startHelperProcess('bench/passthrough-process.ts', [connectorUrl]);
}

/** A bench helper that prints its URL on its first line and, on SIGTERM, a count on its second. */
async function startHelperProcess(script: string, args: string[]): Promise<ConnectorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  const deadline = Date.now() + 30_000;
  while (!out.includes('\n')) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${script} did not start in 30 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = out.split('\n')[0]!.trim();
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      return Number(out.split('\n')[1]?.trim() ?? 0);
    },
  };
}

/**
 * One load run in a separate process (bench/load-worker.ts), so the generator does not skew latency:
 * open loop at `rate` per second, or closed loop flat out without it.
 */
export async function loadProcess(job: Record<string, unknown>): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load-worker.ts', JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`load worker exited with ${code}`);
  return JSON.parse(out) as LoadResult;
}

export function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export const CHAT = [
  'hi, my order 112-4456789-1234567 has not arrived yet, can you check?',
  'this is Maria Gonzalez, my email is maria.gonzalez@example.com and my phone is (415) 555-0199',
  'please deliver to 1428 Elm Street, Apt 4B, Portland, OR 97205 instead',
  'my card 4111 1111 1111 1111 was charged twice for $49.99',
  'thanks for the help! the Echo Dot arrived today',
  'I was born on 4 May 1988 and my ssn is 123-45-6789, can you update my account?',
  'can you send the tracking number for my parcel? it was supposed to arrive tuesday',
  'bank transfer from DE89 3704 0044 0532 0130 00 did not go through',
];

let n = 0;
/** A Bot Framework message activity with a unique id, spread over `conversations` conversations. */
export function activityBody(serviceUrl: string, conversations: number, prefix = 'b'): string {
  n++;
  const conv = `${prefix}-${n % conversations}`;
  return JSON.stringify({
    type: 'message',
    id: `${prefix}-${process.pid}-${n}`,
    channelId: 'webchat',
    serviceUrl,
    from: { id: `u-${conv}`, name: 'Customer' },
    recipient: { id: 'veil', name: 'Support' },
    conversation: { id: conv },
    text: CHAT[n % CHAT.length],
  });
}

/** Merges results of runs that happened at the same time (one per instance): the worse latency, summed rates. */
export function combine(results: LoadResult[]): {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
} {
  return {
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    rps: results.reduce((s, r) => s + r.rps, 0),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors, 0),
  };
}
