import type { CodeState, Level } from './types.js';

export const LEVEL_LABEL: Record<Level, string> = {
  none: 'Not verified',
  knowledge: 'Knowledge',
  possession: 'Possession',
  authenticated: 'Authenticated',
};

export const LEVEL_HELP: Record<Level, string> = {
  none: 'No account identified. Do not discuss account details.',
  knowledge: 'Claims match an account, but knowing details is weak proof. Do not disclose or confirm.',
  possession: 'The customer entered a one-time code sent to the contact on file.',
  authenticated: 'The channel vouches for the signed-in customer.',
};

export const LEVELS: readonly Level[] = ['none', 'knowledge', 'possession', 'authenticated'];

export function codeStateText(state: CodeState, attemptsLeft: number): string {
  switch (state) {
    case 'none':
      return 'No code sent';
    case 'sent':
      return `Code sent, ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left`;
    case 'expired':
      return 'Code expired: send a new one';
    case 'locked':
      return 'Locked: too many wrong codes';
    case 'verified':
      return 'Code verified';
  }
}

/** Veil's ids are opaque hashes; agents only need enough to tell two apart. */
export const shortId = (id: string): string => (id.length > 10 ? `${id.slice(0, 9)}…` : id);

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const timeSec = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function clock(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : time.format(d);
}

export function timeWithSeconds(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : timeSec.format(d);
}

export function fullTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export const KIND_LABEL: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  dateOfBirth: 'date of birth',
  cardLast4: 'card',
  card: 'card',
};

export const kindLabel = (k: string): string => KIND_LABEL[k] ?? k;
