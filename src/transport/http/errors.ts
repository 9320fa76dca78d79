import type { ErrorRequestHandler } from 'express';
import { VeilError } from '../../core/errors.js';
import type { Logger } from '../../logging.js';

/** The status and JSON body for an error: stable code, field or rule, and what to do. Never echoes input. */
export function renderError(err: unknown, log: Logger): { status: number; body: unknown } {
  if (err instanceof VeilError) return { status: err.status, body: err.toJSON() };
  const e = err as { type?: string; status?: number; limit?: number };
  if (e.type === 'entity.too.large') {
    return {
      status: 413,
      body: {
        error: 'payload_too_large',
        message: `body exceeds the limit of ${e.limit} bytes`,
        hint: 'send smaller activities or raise VEIL_BODY_LIMIT',
      },
    };
  }
  if (e.type === 'entity.parse.failed') {
    return {
      status: 400,
      body: {
        error: 'bad_request',
        field: 'body',
        message: 'body is not valid JSON',
        hint: 'send a JSON object',
      },
    };
  }
  if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') {
    return { status: 415, body: { error: 'unsupported_media_type', message: 'send UTF-8 JSON' } };
  }
  log.error(
    { err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack } },
    'unhandled error',
  );
  return {
    status: 500,
    body: {
      error: 'internal',
      message: 'internal error; nothing was sent',
      hint: 'retry; the request is idempotent by activity id',
    },
  };
}

/** Renders every error as JSON (see renderError). */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const { status, body } = renderError(err, log);
    res.status(status).json(body);
  };
}
