/**
 * The floor the proxy benchmark subtracts: a bare node:http server doing only what any proxy on this path
 * must do, in a process of its own like Veil. Customer activity: read and parse the JSON body, answer 200.
 * Agent message: read and parse the body, post the text to the mock Connector over a keep-alive
 * connection, answer 200 once the Connector has. Measured with the same load generator, rate and mock
 * Connector as Veil, its latency is what this machine charges for the round trip itself; Veil's added
 * latency is what comes on top. Prints its URL on the first line.
 *   tsx bench/passthrough-process.ts CONNECTOR_URL
 */
import http from 'node:http';

const connector = new URL(process.argv[2] ?? 'http://127.0.0.1:1');
const agent = new http.Agent({ keepAlive: true });

const readJson = (req: http.IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });

const answer = (res: http.ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
};

const forward = (conversationId: string, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ type: 'message', text, conversation: { id: conversationId } });
    const req = http.request(
      {
        host: connector.hostname,
        port: connector.port,
        path: `/v3/conversations/${encodeURIComponent(conversationId)}/activities`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET') return answer(res, 200, '{"status":"ok"}');
  readJson(req).then(
    async (body) => {
      const agentRoute = /^\/agent\/v1\/conversations\/([^/]+)\/messages$/.exec(url);
      if (agentRoute) {
        await forward(agentRoute[1]!, String((body as { text?: unknown }).text ?? ''));
        return answer(res, 200, '{"decision":"deliver"}');
      }
      return answer(res, 200, '{}');
    },
    () => answer(res, 400, '{"error":"bad json"}'),
  );
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as import('node:net').AddressInfo;
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
