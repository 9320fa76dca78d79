import { z } from 'zod';
import type { AccountRecord } from '../core/account.js';

const phone = z
  .string()
  .refine((s) => s.replace(/\D/g, '').length >= 7, 'a phone number needs at least 7 digits');

const fields = {
  id: z.string().min(1),
  name: z.string().trim().min(1),
  emails: z.array(z.email()).default([]),
  phones: z.array(phone).default([]),
  addresses: z.array(z.string().trim().min(1)).default([]),
  dateOfBirth: z.iso.date('dateOfBirth must be a real date written YYYY-MM-DD').optional(),
  cardLast4: z.array(z.string().regex(/^\d{4}$/, 'cardLast4 entries are exactly 4 digits')).default([]),
  flags: z.array(z.string().min(1)).default([]),
};

/** For the hand-edited file: unknown keys are errors, so a typo such as `flag` cannot drop a fraud flag. */
export const AccountRecordFileSchema = z.object(fields).strict();
/** For CRM responses: extra fields a CRM adds are ignored. */
export const AccountRecordSchema = z.object(fields);

export const DirectoryFileSchema = z.object({ accounts: z.array(AccountRecordFileSchema) }).strict();

const formatPath = (path: string[]): string =>
  path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/**
 * `accounts[2] (id 'A-1003').emails[0]: Invalid email address`: the record index, its id when `accounts`
 * is given, and the field; never the offending value.
 */
export function describeIssues(
  prefix: string,
  error: z.ZodError,
  accounts?: unknown,
): { message: string; field: string } {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const field = formatPath(path);
  let label = field || '(top level)';
  const index = path[0] === 'accounts' && path[1] !== undefined ? Number(path[1]) : Number.NaN;
  const id = Array.isArray(accounts) ? (accounts[index] as { id?: unknown } | undefined)?.id : undefined;
  if (typeof id === 'string' && id.length <= 64) {
    const head = formatPath(path.slice(0, 2));
    label = `${head} (id '${id}')${field.slice(head.length)}`;
  }
  const keys = (issue as { keys?: string[] }).keys;
  const what =
    issue.code === 'unrecognized_keys' && keys
      ? `unknown field ${keys.map((k) => `'${k}'`).join(', ')}`
      : issue.message;
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  return { message: `${prefix}${label}: ${what}${more}`, field };
}

export const toAccountRecord = (r: z.infer<typeof AccountRecordSchema>): AccountRecord => ({
  id: r.id,
  name: r.name,
  emails: r.emails,
  phones: r.phones,
  addresses: r.addresses,
  ...(r.dateOfBirth === undefined ? {} : { dateOfBirth: r.dateOfBirth }),
  cardLast4: r.cardLast4,
  flags: r.flags,
});
