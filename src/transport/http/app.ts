import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import express, { type Express, type Request, type Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { AgentKey } from '../../config.js';
import { errors } from '../../core/errors.js';
import type { Logger } from '../../logging.js';
import type { Metrics } from '../../metrics.js';
import type { VeilService } from '../../pipeline/service.js';
import { type AgentIdentity, agentFromHeader, missingAgentKey, requireAgent } from '../agent/auth.js';
import { errorHandler, renderError } from './errors.js';

export interface AppOptions {
  service: VeilService;
  agentKeys: readonly AgentKey[];
  bodyLimit: number;
  log: Logger;
  metrics?: Metrics;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string | undefined;
  /** Extra routers mounted before the error handler (admin API, console). */
  mount?: (app: Express) => void;
}

const SUPERVISORS = ['supervisor', 'compliance'] as const;

export interface HttpSurface {
  /** Everything, as an express app. */
  app: Express;
  /**
   * What the server listens with: the two hot routes, the channel endpoint (POST /api/messages) and an
   * agent's message (POST /agent/v1/conversations/:id/messages), go straight to their handlers, with the
   * same body parser, auth, logging, metrics and error rendering; everything else goes to `app`. Express's
   * router costs about 0.15 ms and 11 KB of garbage per request, a sixth of a customer turn.
   */
  listener: RequestListener;
}

const CHANNEL_ROUTE = '/api/messages';
const AGENT_MESSAGE_ROUTE = '/agent/v1/conversations/:id/messages';
const AGENT_MESSAGE = /^\/agent\/v1\/conversations\/([A-Za-z0-9_-]{1,200})\/messages$/;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** The HTTP surface: the channel endpoint, health, and the agent API. Routes only translate; the service decides. */
export function createHttp(opts: AppOptions): HttpSurface {
  const { service, agentKeys, log } = opts;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  // Request logs are info-level; below that level the middleware would cost per request for nothing.
  const httpLogger = log.isLevelEnabled('info')
    ? pinoHttp({
        logger: log,
        // Request and response bodies never reach the log; only method, route, status and timing.
        serializers: {
          req: (req: { method: string; url: string; id: unknown }) => ({
            method: req.method,
            url: req.url.split('?')[0],
            id: req.id,
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
      })
    : undefined;
  if (httpLogger) app.use(httpLogger);
  if (opts.metrics) {
    const { metrics, metricsToken } = opts;
    app.use(metrics.httpMiddleware);
    app.get('/metrics', async (req, res) => {
      if (metricsToken && req.get('authorization') !== `Bearer ${metricsToken}`) {
        throw errors.unauthorized(
          'missing or invalid metrics token',
          'send Authorization: Bearer <VEIL_METRICS_TOKEN>',
        );
      }
      res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  }
  const json = express.json({ limit: opts.bodyLimit, type: ['application/json', 'application/*+json'] });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    if (service.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'starting' });
  });

  // Duplicates are answered 200 too: the channel must stop retrying.
  const channel = async (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
    const result = await service.customerActivity(req.body, req.headers.authorization);
    sendJson(res, 200, { status: result.status });
  };
  app.post(CHANNEL_ROUTE, json, async (req, res) => {
    await channel(req, res);
  });

  const agent = requireAgent(agentKeys);
  const v1 = express.Router();
  v1.use(agent);
  v1.get('/me', (_req, res) => {
    res.json(res.locals.agent);
  });
  v1.get('/conversations', async (_req, res) => {
    res.json({ conversations: await service.listConversations() });
  });
  v1.get('/conversations/:id', async (req: Request<{ id: string }>, res) => {
    res.json(await service.conversation(req.params.id));
  });
  v1.get('/conversations/:id/transcript', async (req: Request<{ id: string }>, res) => {
    const afterSeq = optionalInt(req.query.afterSeq, 'afterSeq');
    const limit = optionalInt(req.query.limit, 'limit');
    res.json({
      conversationId: req.params.id,
      entries: await service.transcript(req.params.id, {
        ...(afterSeq !== undefined ? { afterSeq } : {}),
        ...(limit !== undefined ? { limit } : {}),
      }),
    });
  });
  v1.get(
    '/conversations/:id/audit',
    requireAgent(agentKeys, SUPERVISORS, 'read the audit trail'),
    async (req: Request<{ id: string }>, res) => {
      const limit = optionalInt(req.query.limit, 'limit');
      res.json({
        records: await service.audit({
          conversationId: req.params.id,
          ...(limit !== undefined ? { limit } : {}),
        }),
      });
    },
  );
  const agentMessage = async (
    req: IncomingMessage & { body?: unknown },
    res: ServerResponse,
    agent: AgentIdentity,
    conversationId: string,
  ) => {
    const text = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof text !== 'string' || text.trim() === '') {
      throw errors.badRequest('text', 'text must be a non-empty string', 'send {"text": "your message"}');
    }
    if (text.length > 10_000) throw errors.badRequest('text', 'text is longer than 10000 characters');
    const header = req.headers['idempotency-key'];
    const idempotencyKey = Array.isArray(header) ? header.join(', ') : header;
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw errors.badRequest('Idempotency-Key', 'Idempotency-Key must be 1 to 200 characters');
    }
    const result = await service.agentMessage(conversationId, agent, text, { idempotencyKey });
    if (result.decision === 'block') sendJson(res, 422, result);
    else sendJson(res, 200, { decision: 'deliver', activityId: result.activityId });
  };
  v1.post('/conversations/:id/messages', json, async (req: Request<{ id: string }>, res: Response) => {
    await agentMessage(req, res, res.locals.agent!, req.params.id);
  });
  v1.post('/conversations/:id/verify', async (req: Request<{ id: string }>, res) => {
    res.json(await service.startVerification(req.params.id, res.locals.agent!));
  });
  v1.get('/events', (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    let id = 0;
    const unsubscribe = service.subscribe((event) => {
      id++;
      res.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  app.use('/agent/v1', v1);

  opts.mount?.(app);

  app.use((req, _res, next) => {
    next(errors.notFound('route', `${req.method} ${req.path}`));
  });
  app.use(errorHandler(log));

  const fail = (res: ServerResponse, err: unknown) => {
    if (res.headersSent) return;
    const { status, body } = renderError(err, log);
    sendJson(res, status, body);
  };
  // The two hot routes run outside express with the same parser, logging, metrics and error rendering.
  const direct = (
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
    handle: ((req: IncomingMessage & { body?: unknown }, res: ServerResponse) => Promise<void>) | Error,
  ) => {
    const started = performance.now();
    httpLogger?.(req, res);
    const { metrics } = opts;
    if (metrics) {
      res.once('finish', () =>
        metrics.observeHttp('POST', route, res.statusCode, (performance.now() - started) / 1000),
      );
    }
    // A refusal (no valid agent key) is answered before the body is read, as express's auth runs first.
    if (handle instanceof Error) {
      fail(res, handle);
      return;
    }
    json(req as Request, res as Response, (err?: unknown) => {
      if (err) fail(res, err);
      else handle(req, res).catch((e: unknown) => fail(res, e));
    });
  };
  const listener: RequestListener = (req, res) => {
    if (req.method === 'POST') {
      const url = req.url ?? '';
      if (url === CHANNEL_ROUTE || url.startsWith(`${CHANNEL_ROUTE}?`)) {
        direct(req, res, CHANNEL_ROUTE, channel);
        return;
      }
      // Only the plain form (an id needing no decoding, no query): anything else is express's to judge.
      const id = AGENT_MESSAGE.exec(url)?.[1];
      if (id) {
        // Authenticated before the body is read, as the express route does.
        const agent = agentFromHeader(agentKeys, req.headers.authorization);
        direct(
          req,
          res,
          AGENT_MESSAGE_ROUTE,
          agent ? (r, s) => agentMessage(r, s, agent, id) : missingAgentKey(),
        );
        return;
      }
    }
    app(req, res);
  };
  return { app, listener };
}

/** The express app alone (see createHttp). */
export function createApp(opts: AppOptions): Express {
  return createHttp(opts).app;
}

function optionalInt(v: unknown, field: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0)
    throw errors.badRequest(field, `${field} must be a non-negative integer`);
  return n;
}
