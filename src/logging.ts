import { type Logger, pino } from 'pino';

/**
 * Paths that could carry message text or PII. Veil code never logs text; this is the safety net for
 * objects (requests, activities, errors) that reach the logger anyway.
 */
export const REDACT_PATHS = [
  'text',
  '*.text',
  'speak',
  '*.speak',
  'activity',
  '*.activity',
  'body',
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'value',
  '*.value',
  'attachments',
  '*.attachments',
  'from.name',
  'from.id',
  'code',
  '*.code',
  'to',
  '*.to',
];

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'veil' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err },
    },
    options.destination,
  );
}

export type { Logger };
