import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shipped policies/ folder: next to package.json, whether run from src/ (tsx) or dist/. */
export function shippedPolicyDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'policies')))
      return join(dir, 'policies');
    dir = dirname(dir);
  }
  return resolve('policies');
}
