import { readFileSync } from 'node:fs';
import { ReplyDeliveryError } from '../../../src/transport/botframework/reply.js';

const dir = new URL('../../fixtures/activities/', import.meta.url);

export const FIXTURES = [
  'message-text',
  'adaptive-card',
  'rich-cards',
  'card-submit',
  'sms',
  'handoff',
  'message-update',
  'conversation-update',
] as const;

export const loadFixture = (name: (typeof FIXTURES)[number]): unknown =>
  JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8'));

/**
 * Raw PII planted in the fixtures. The test mask below replaces each; a masked activity whose JSON still
 * contains any of them leaked it.
 */
export const PLANTED: readonly RegExp[] = [
  /jane\.doe@example\.com/i,
  /jane doe/i,
  /555[\s-]?010[\s-]?(9999|1234)/,
  /5550109999/,
  /4111 1111 1111 1111/,
  /12 Elm Street/i,
];

/** Stands in for detector + masker: deterministic placeholders for the planted values, nothing else. */
export function testMask(s: string): string {
  return s
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[EMAIL]')
    .replace(/(?:\+1\s?)?555[\s-]?010[\s-]?\d{4}|\+?1?5550\d{6}/g, '[PHONE]')
    .replace(/4111 1111 1111 1111/g, 'card ****1111')
    .replace(/jane doe/gi, '[PERSON]')
    .replace(/12 Elm Street/gi, '[ADDRESS]');
}

export const leaks = (value: unknown): string[] => {
  const json = JSON.stringify(value);
  return PLANTED.filter((re) => re.test(json)).map(String);
};

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** The ReplyDeliveryError a send fails with; fails the test if it succeeds or fails otherwise. */
export async function failureOf(p: Promise<unknown>): Promise<ReplyDeliveryError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ReplyDeliveryError) return err;
    throw err;
  }
  throw new Error('expected the send to fail');
}
