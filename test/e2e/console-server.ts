import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type Browser, chromium } from 'playwright-core';
import { consoleRouter } from '../../src/transport/console/static.js';
import type { Harness } from '../integration/harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
export const CONSOLE_DIST = join(ROOT, 'dist', 'console');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the console when dist/console is missing or older than its sources (tests must not run stale UI). */
export function ensureConsoleBuilt(): void {
  const index = join(CONSOLE_DIST, 'index.html');
  const sources = join(ROOT, 'console');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(sources)) return;
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'console/vite.config.ts'],
    { cwd: ROOT, stdio: 'pipe' },
  );
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh (as root) or set CHROMIUM_PATH`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/**
 * The URL serving both the console and the agent API. Once the app mounts the console itself (src/app.ts),
 * that is the harness URL; until then the console router is put in front of the harness app.
 */
export async function consoleBaseUrl(h: Harness): Promise<{ url: string; close(): Promise<void> }> {
  const probe = await fetch(`${h.url}/console/`);
  await probe.body?.cancel();
  if (probe.status !== 404) return { url: h.url, close: async () => undefined };
  const front = express();
  front.use('/console', consoleRouter());
  front.use((req, res, next) => h.veil.app(req, res, next));
  const server = await new Promise<Server>((resolve) => {
    const s = front.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
