import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Response, type Router } from 'express';

/**
 * The console's only sources are its own hashed files: no inline code, no CDN, no framing. Trusted Types
 * with no policy makes any innerHTML-style sink throw, so customer text can only ever become text.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONSOLE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Vite content-hashes everything under assets/, so those never change under their name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files must be revalidated, or a deploy would keep serving old asset names. */
const REVALIDATE = 'no-cache';

export interface ConsoleRouterOptions {
  /** The built console (vite's outDir). Defaults to dist/console at the package root. */
  dir?: string;
}

/** Serves the built agent console; mount it at `/console`. */
export function consoleRouter(opts: ConsoleRouterOptions = {}): Router {
  const dir = opts.dir ?? join(packageRoot(), 'dist', 'console');
  const index = join(dir, 'index.html');
  // Checked per request until found, so building while Veil runs needs no restart.
  let built = false;
  const isBuilt = () => {
    built ||= existsSync(index);
    return built;
  };

  const router = express.Router({ strict: true });
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });

  router.get('/', (req, res) => {
    // Without the trailing slash, relative URLs would resolve against the parent path.
    if (!req.originalUrl.split('?')[0]!.endsWith('/')) {
      res.redirect(308, `${req.baseUrl}/`);
      return;
    }
    if (!isBuilt()) {
      notBuilt(res);
      return;
    }
    res.sendFile(index, { cacheControl: false, headers: { 'cache-control': REVALIDATE } });
  });

  router.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', IMMUTABLE),
    }),
  );
  router.use(
    express.static(dir, {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (res) => res.setHeader('cache-control', REVALIDATE),
    }),
  );
  router.use((_req, res) => {
    res.status(404).set('cache-control', 'no-store').type('text/plain').send('Not found\n');
  });
  return router;
}

function notBuilt(res: Response): void {
  res
    .status(503)
    .set({ 'cache-control': 'no-store', 'retry-after': '30' })
    .type('html')
    .send(
      [
        '<!doctype html>',
        '<html lang="en"><head><meta charset="utf-8"><title>Agent console not built</title></head><body>',
        '<main><h1>The agent console is not built</h1>',
        '<p>Veil is running, but the console files are missing from <code>dist/console</code>.</p>',
        '<p>Build them with <code>npm run build:console</code>, then reload this page.</p></main>',
        '</body></html>',
      ].join('\n'),
    );
}

/** The directory holding package.json, whether this runs from src/ or dist/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}
