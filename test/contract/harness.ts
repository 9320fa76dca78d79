/** What a contract suite needs from an adapter under test: the instance and a way to dispose of it. */
export interface Harness<T> {
  subject: T;
  close(): Promise<void>;
}

export type MakeHarness<T> = () => Promise<Harness<T>>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` passes; networked adapters (Redis pub/sub) deliver asynchronously. */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(5);
    }
  }
}
