import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Seeded PRNG (mulberry32): every run measures the same messages. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number): string =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

function luhnCard(r: () => number): string {
  const body = `4${digits(r, 14)}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body[body.length - 1 - i]!;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const all = `${body.join('')}${(10 - (sum % 10)) % 10}`;
  return (all.match(/.{4}/g) ?? []).join(pick(r, [' ', '-', '']));
}

function iban(r: () => number): string {
  const bban = digits(r, 18);
  const rearranged = `${bban}131400`; // "DE00" moved to the end, letters as numbers
  let mod = 0;
  for (const ch of rearranged) mod = (mod * 10 + Number(ch)) % 97;
  return `DE${String(98 - mod).padStart(2, '0')}${bban}`;
}

const FIRST = [
  'Jane',
  'Carlos',
  'Aisha',
  'Tom',
  'Mei',
  'Olga',
  'Luis',
  'Priya',
  'Jonas',
  'Fatima',
  'Ólafur',
  'Zoë',
];
const LAST = [
  'Doe',
  'Martinez',
  'Khan',
  'Nguyen',
  'Schmidt',
  'Okafor',
  'Rossi',
  'Sigurðsson',
  'McLaughlin',
  'Patel',
];
const STREETS = ['Main St', 'Oak Avenue', 'Elm Rd', 'Sunset Blvd', 'Maple Lane', 'High Street'];
const CITIES = ['Springfield, IL 62704', 'Austin, TX 78701', 'Portland, OR 97201', 'Denver, CO 80202'];

/** One value of each PII type, with the words a customer would put around it. */
const PII: ((r: () => number) => string)[] = [
  (r) => `my name is ${pick(r, FIRST)} ${pick(r, LAST)}`,
  (r) =>
    `my email is ${pick(r, FIRST).toLowerCase()}.${pick(r, LAST).toLowerCase()}@${pick(r, ['gmail.com', 'example.org', 'mail.de'])}`,
  (r) => `call me at (${200 + Math.floor(r() * 700)}) ${200 + Math.floor(r() * 700)}-${digits(r, 4)}`,
  (r) => `+1 ${200 + Math.floor(r() * 700)} ${200 + Math.floor(r() * 700)} ${digits(r, 4)} is my phone`,
  (r) => `ship it to ${1 + Math.floor(r() * 9000)} ${pick(r, STREETS)}, ${pick(r, CITIES)}`,
  (r) => `card number ${luhnCard(r)}`,
  (r) =>
    `my ssn is ${String(100 + Math.floor(r() * 500))}-${digits(r, 2).replace(/^0/, '1')}-${digits(r, 4).replace(/^0/, '1')}`,
  (r) =>
    `date of birth ${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}/${1950 + Math.floor(r() * 50)}`,
  (r) => `IBAN ${iban(r)}`,
  (r) => `bank account ${digits(r, 10)} routing 0${digits(r, 8)}`,
  (r) => `passport number ${pick(r, ['X', 'C', 'P'])}${digits(r, 8)}`,
  (r) => `driver's license D${digits(r, 7)}`,
  (r) =>
    `my ip is ${Math.floor(r() * 223) + 1}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}.${Math.floor(r() * 255)}`,
  (r) => `the password I use is ${pick(r, ['Monkey', 'Sunshine', 'Dragon'])}${digits(r, 4)}!`,
  (r) => `the code you sent is ${digits(r, 6)}`,
];

/** Values agents need to read: they must survive masking. */
const KEEP: ((r: () => number) => string)[] = [
  (r) => `order W${digits(r, 9)}`,
  (r) => `it cost $${Math.floor(r() * 500)}.${digits(r, 2)}`,
  (r) => `tracking 1Z${digits(r, 16)}`,
  (r) => `case #${digits(r, 6)}`,
];

const FILLER = (
  'hi hello thanks please can you help me with my order it has not arrived yet and I am waiting since last week ' +
  'the package was supposed to be here on monday could you check what happened I also want to update my details ' +
  'because I moved recently and the old ones are wrong also the refund for the blender never showed up on my statement'
).split(' ');

/** A chat message of `words` words (roughly), with PII and keep values mixed into ordinary talk. */
export function chatMessage(r: () => number, words: number): string {
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    const roll = r();
    const chunk = roll < 0.12 ? pick(r, PII)(r) : roll < 0.16 ? pick(r, KEEP)(r) : pick(r, FILLER);
    parts.push(chunk);
    count += chunk.split(' ').length;
  }
  return parts.join(' ');
}

/** `n` messages of 5-60 words each. */
export function chatMessages(n: number, seed = 1): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => chatMessage(r, 5 + Math.floor(r() * 56)));
}

export const SHARED_EVAL = fileURLToPath(new URL('../../shared/eval/', import.meta.url));
export const DEV_CORPUS = `${SHARED_EVAL}dev-corpus.jsonl`;

export interface CorpusMessage {
  id: string;
  text: string;
}

/** The labelled dev corpus, if this checkout has it. */
export function devCorpus(): CorpusMessage[] {
  if (!existsSync(DEV_CORPUS)) return [];
  return readFileSync(DEV_CORPUS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CorpusMessage);
}
