/**
 * Runs one autocannon load in its own process, so the load generator's event loop never delays the
 * latency it measures (nor the mock Connector's). Prints the autocannon result as JSON on stdout.
 *   tsx bench/load-worker.ts '{"kind":"customer","url":...}'
 */
import { activityBody, cannon } from './support.js';

interface Job {
  kind: 'customer' | 'agent';
  url: string;
  serviceUrl: string;
  duration: number;
  rate?: number;
  conversations: number;
  connections: number;
  key?: string;
  conversationIds?: string[];
  prefix?: string;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let m = 0;
const result = await cannon({
  url: job.url,
  connections: job.connections,
  duration: job.duration,
  ...(job.rate ? { overallRate: job.rate } : {}),
  requests: [
    job.kind === 'customer'
      ? {
          method: 'POST',
          path: '/api/messages',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({
            ...req,
            body: activityBody(job.serviceUrl, job.conversations, job.prefix ?? 'b'),
          }),
        }
      : {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${job.key}` },
          setupRequest: (req) => {
            m++;
            const ids = job.conversationIds ?? [];
            return {
              ...req,
              path: `/agent/v1/conversations/${ids[m % ids.length]}/messages`,
              body: JSON.stringify({
                text: `Thanks for waiting! Your order ships tomorrow and the refund of $${m % 90}.99 is on its way.`,
              }),
            };
          },
        },
  ],
});
process.stdout.write(
  JSON.stringify({
    latency: result.latency,
    requests: result.requests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
