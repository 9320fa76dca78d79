import { startMockConnector } from '../test/fixtures/mock-connector.js';
import { cannonProcess } from './support.js';
const connector = await startMockConnector();
const r = await cannonProcess({ kind: 'customer', url: 'http://127.0.0.1:39557', serviceUrl: connector.url, connections: 2, duration: 6, rate: 20, conversations: 50 });
console.log('p50', r.latency.p50, 'p99', r.latency.p99, 'max', r.latency.max);
const r2 = await cannonProcess({ kind: 'customer', url: 'http://127.0.0.1:39557', serviceUrl: connector.url, connections: 16, duration: 6, rate: 300, conversations: 200 });
console.log('@300 p50', r2.latency.p50, 'p99', r2.latency.p99, 'max', r2.latency.max);
await connector.close();
