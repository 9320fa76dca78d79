import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, consoleRouter } from '../../src/transport/console/static.js';

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'veil-console-'));
  const built = join(dir, 'built');
  mkdirSync(join(built, 'assets'), { recursive: true });
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(built, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const app = express();
  app.use('/console', consoleRouter({ dir: built }));
  app.use('/unbuilt', consoleRouter({ dir: join(dir, 'missing') }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${url}${path}`, { redirect: 'manual' });

describe('the console router', () => {
  it('serves index.html with a strict CSP and revalidation', async () => {
    const r = await get('/console/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    expect(r.headers.get('cache-control')).toBe('no-cache');
    expect(r.headers.get('etag')).toBeTruthy();
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toBe(CONSOLE_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('redirects /console to /console/ so asset URLs resolve', async () => {
    const r = await get('/console');
    expect(r.status).toBe(308);
    expect(r.headers.get('location')).toBe('/console/');
  });

  it('serves hashed assets as immutable and other files with revalidation', async () => {
    const a = await get('/console/assets/index-AbC123.js');
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/javascript/);
    expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(a.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const f = await get('/console/favicon.svg');
    expect(f.status).toBe(200);
    expect(f.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 404 for unknown files, never the index', async () => {
    for (const path of ['/console/assets/nope.js', '/console/nope', '/console/../package.json']) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(await r.text()).not.toContain('<title>console</title>');
    }
  });

  it('answers a clear 503 page when the console was not built', async () => {
    const r = await get('/unbuilt/');
    expect(r.status).toBe(503);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const html = await r.text();
    expect(html).toContain('not built');
    expect(html).toContain('npm run build:console');
  });
});
