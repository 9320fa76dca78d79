/**
 * The mock Connector in a process of its own for the benchmarks: it stands for a remote service, so its
 * event loop must not share one with the load orchestration and the SSE reader. It only counts what it
 * receives (keeping every request would make its own garbage collection part of the figures). Prints
 * its URL on the first line; on SIGTERM prints how many activities it received and exits.
 *   tsx bench/connector-process.ts
 */
import { startMockConnector } from '../test/fixtures/mock-connector.js';

const connector = await startMockConnector({ record: 'count' });
process.stdout.write(`${connector.url}\n`);
process.on('SIGTERM', () => {
  process.stdout.write(`${connector.count}\n`);
  void connector.close().then(() => process.exit(0));
});
