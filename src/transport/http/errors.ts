import type { ErrorRequestHandler } from 'express';
import { VeilError } from '../../core/errors.js';
import type { Logger } from '../../logging.js';

/** Renders every error as JSON: status, stable code, field or rule, and what to do. Never echoes input. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof VeilError) {
      res.status(err.status).json(err.toJSON());
      return;
    }
    const e = err as { type?: string; status?: number; limit?: number };
    if (e.type === 'entity.too.large') {
      res.status(413).json({
        error: 'payload_too_large',
        message: `body exceeds the limit of ${e.limit} bytes`,
        hint: 'send smaller activities or raise VEIL_BODY_LIMIT',
      });
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({
        error: 'bad_request',
        field: 'body',
        message: 'body is not valid JSON',
        hint: 'send a JSON object',
      });
      return;
    }
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
      res.status(415).json({ error: 'unsupported_media_type', message: 'send UTF-8 JSON' });
      return;
    }
    log.error(
      { err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack } },
      'unhandled error',
    );
    res.status(500).json({
      error: 'internal',
      message: 'internal error; nothing was sent',
      hint: 'retry; the request is idempotent by activity id',
    });
  };
}
