/**
 * The agent key lives in sessionStorage: it ends with the tab, is never put in a URL, and is only ever
 * sent in the Authorization header to this origin.
 */
const KEY = 'veil.agentKey';

export function storedKey(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable: nothing was kept
  }
}
