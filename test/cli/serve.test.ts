import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'veil-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/veil.ts', 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      VEIL_DB: join(dir, 'fresh-checkout', 'data', 'v.sqlite'),
      VEIL_OUTBOX: join(dir, 'o.jsonl'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

describe('veil serve', () => {
  it('refuses to start in production without a Bot Framework app id, naming the variable', async () => {
    const s = serve({
      NODE_ENV: 'production',
      VEIL_SECRET: 's'.repeat(40),
      VEIL_AGENT_KEYS: `a:agent:${'k'.repeat(20)}`,
    });
    expect(await s.exited).toBe(2);
    expect(s.output()).toMatch(/MICROSOFT_APP_ID/);
  });

  it('stops on a bad variable with a message naming it', async () => {
    const s = serve({ PORT: 'not-a-port' });
    expect(await s.exited).toBe(2);
    expect(s.output()).toMatch(/PORT/);
  });

  it('warns loudly in local mode, becomes ready, and shuts down gracefully on SIGTERM', async () => {
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const s = serve({
      PORT: String(port),
      HOST: '127.0.0.1',
      VEIL_SECRET: 's'.repeat(40),
      VEIL_AGENT_KEYS: `a:agent:${'k'.repeat(20)}`,
    });
    const deadline = Date.now() + 15_000;
    let ready = false;
    while (!ready && Date.now() < deadline) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ready).toBe(true);
    expect(s.output()).toMatch(/LOCAL MODE/);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output()).toMatch(/Veil stopped/);
  });
});
