/**
 * The mock Connector in a process of its own for the benchmarks: it stands for a remote service, so its
 * event loop must not share one with the load orchestration and the SSE reader. Prints its URL on the
 * first line; on SIGTERM prints how many activities it received and exits.
 *   tsx bench/connector-process.ts
 */
import { startMockConnector } from '../test/fixtures/mock-connector.js';

const connector = await startMockConnector();
process.stdout.write(`${connector.url}\n`);
// Only the count is needed: recorded requests would pile up in memory over a long run.
setInterval(() => {
  const n = connector.received.length;
  if (n > 1000) {
    dropped += n;
    connector.reset();
  }
}, 1000).unref();
let dropped = 0;
process.on('SIGTERM', () => {
  process.stdout.write(`${dropped + connector.received.length}\n`);
  void connector.close().then(() => process.exit(0));
});
