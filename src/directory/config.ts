import { errors } from '../core/errors.js';
import { createHttpDirectory } from './http.js';
import { type JsonDirectoryOptions, openJsonDirectory } from './json-file.js';
import type { Directory, DirectoryError } from './port.js';

const positiveInt = (variable: string, value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw errors.config(variable, 'must be a positive whole number');
  return n;
};

/**
 * DIRECTORY_FILE: JSON file (followed for edits). Or DIRECTORY_URL (search template) with
 * DIRECTORY_ACCOUNT_URL ({id} template), optional DIRECTORY_TOKEN (bearer) and DIRECTORY_TIMEOUT_MS.
 */
export async function openDirectoryFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  hooks: { onReloadError?: (e: DirectoryError) => void; onReload?: JsonDirectoryOptions['onReload'] } = {},
): Promise<Directory> {
  const file = env.DIRECTORY_FILE?.trim();
  const url = env.DIRECTORY_URL?.trim();
  if (file && url) throw errors.config('DIRECTORY_FILE', 'set DIRECTORY_FILE or DIRECTORY_URL, not both');
  if (file) return openJsonDirectory({ path: file, ...hooks });
  if (!url)
    throw errors.config('DIRECTORY_FILE', 'no directory configured: set DIRECTORY_FILE or DIRECTORY_URL');
  const accountUrl = env.DIRECTORY_ACCOUNT_URL?.trim();
  if (!accountUrl) throw errors.config('DIRECTORY_ACCOUNT_URL', 'is required with DIRECTORY_URL');
  const timeoutMs = positiveInt('DIRECTORY_TIMEOUT_MS', env.DIRECTORY_TIMEOUT_MS);
  return createHttpDirectory({
    searchUrl: url,
    accountUrl,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(env.DIRECTORY_TOKEN ? { headers: { authorization: `Bearer ${env.DIRECTORY_TOKEN}` } } : {}),
  });
}
