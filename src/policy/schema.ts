import { z } from 'zod';
import { OWNER_EVENTS } from '../core/notifications.js';
import { ON_FILE_KINDS } from '../core/account.js';
import { VERIFICATION_LEVELS } from '../core/verification.js';
import { MAX_REGEX_LENGTH, REGEX_FLAGS, regexProblem } from './regex.js';

/**
 * The policy language. This zod schema is the only definition: the loader validates with it, the JSON
 * Schema for editors is generated from it (`veil policy schema`), and the engines take its inferred type.
 * Every field is described, because those descriptions are what a compliance officer's editor shows.
 */
export const MASK_ACTIONS = ['placeholder', 'partial', 'redact', 'hash', 'keep', 'drop-message'] as const;
export type MaskAction = (typeof MASK_ACTIONS)[number];

export const VALIDATORS = ['luhn', 'mod97', 'iban', 'ssn'] as const;
export type ValidatorName = (typeof VALIDATORS)[number];

/** Account changes an imposter would make to take over an account or divert goods. */
export const STEP_UP_ACTIONS = [
  'address-change',
  'email-change',
  'phone-change',
  'payment-change',
  'card-reissue',
  'shipping-redirect',
] as const;
export type StepUpAction = (typeof STEP_UP_ACTIONS)[number];

export const NOTIFY_EVENTS = OWNER_EVENTS;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

export const NEVER_DISCLOSE_KINDS = ['CREDIT_CARD', 'SSN', 'PASSWORD'] as const;

const entityTypeName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'entity type names are UPPER_SNAKE_CASE, e.g. EMAIL or LOYALTY_ID');

const level = z
  .enum(VERIFICATION_LEVELS)
  .describe(
    'a verification level, weakest first: none, knowledge (the customer knew facts), possession (entered a one-time code sent to the contact on file), authenticated (signed in on the channel)',
  );

export const EntityRuleSchema = z
  .object({
    action: z
      .enum(MASK_ACTIONS)
      .describe(
        'what an agent sees instead of the value: placeholder ([EMAIL_1]), partial (****4242, see keepLast), redact ([REDACTED SSN]), hash (a stable code), keep (the value itself, unmasked), drop-message (the whole message is withheld and never stored)',
      ),
    label: entityTypeName
      .optional()
      .describe('the word used in the placeholder, e.g. DOB gives [DOB_1]; defaults to the type name'),
    keepLast: z
      .number()
      .int()
      .min(0)
      .max(8)
      .optional()
      .describe('with action partial: how many trailing characters stay visible (4 shows ****4242)'),
    minScore: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe(
        'how sure Veil must be (0 to 1) before it masks this type; overrides masking.minScore. Lower masks more',
      ),
  })
  .strict()
  .describe('how one type of personal data is masked');
export type EntityRule = z.infer<typeof EntityRuleSchema>;

const PatternSchema = z
  .object({
    regex: z
      .string()
      .max(MAX_REGEX_LENGTH)
      .superRefine((source, ctx) => {
        const problem = regexProblem(source);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: source });
      })
      .describe(
        `a regular expression (JavaScript syntax, at most ${MAX_REGEX_LENGTH} characters) that matches the value; write it in single quotes in YAML, e.g. '\\bLY-\\d{8}\\b'`,
      ),
    score: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'how sure a match is (0 to 1) before any context words; it is masked when at least the minScore for its type',
      ),
  })
  .strict()
  .describe('one pattern of a custom recognizer');

const ContextSchema = z
  .object({
    words: z
      .array(z.string().min(1))
      .min(1)
      .describe('words or phrases that, near a match, make it more likely (matched ignoring case)'),
    boost: z
      .number()
      .min(0)
      .max(1)
      .default(0.3)
      .describe('added to the score when one of the words is near the match (the total is at most 1)'),
    window: z
      .number()
      .int()
      .min(1)
      .max(200)
      .default(40)
      .describe('how many characters before or after the match are searched for the words'),
  })
  .strict()
  .describe('context words that raise the confidence of a match');

export const RecognizerSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'recognizer names are lowercase words joined by dashes')
      .describe('a unique name for this recognizer, e.g. loyalty-id; shown in audit records'),
    type: entityTypeName.describe(
      'the type of data it finds, UPPER_SNAKE_CASE: an existing type (PHONE) or a new one (LOYALTY_ID); masked by masking.entities.TYPE, else with a placeholder',
    ),
    patterns: z.array(PatternSchema).min(1).max(20).describe('the patterns; any one matching is a finding'),
    validator: z
      .enum(VALIDATORS)
      .optional()
      .describe(
        'a check-digit test a match must pass: luhn (card-style numbers), mod97 (ISO 7064 check digits), iban (a full IBAN), ssn (US social security number rules)',
      ),
    context: ContextSchema.optional(),
    flags: z
      .string()
      .regex(
        REGEX_FLAGS,
        'flags may contain only i (ignore case), m (multi-line) and s (dot matches newline)',
      )
      .default('')
      .describe('regular-expression flags: i ignores case, m and s change line handling'),
  })
  .strict()
  .superRefine((r, ctx) => {
    // Flags change the syntax (e.g. `i`), so each pattern is checked again with the flags it will run with.
    r.patterns.forEach((p, i) => {
      if (!r.flags || regexProblem(p.regex) !== undefined) return;
      const problem = regexProblem(p.regex, r.flags);
      if (problem) ctx.addIssue({ code: 'custom', path: ['patterns', i, 'regex'], message: problem });
    });
  })
  .describe('a recognizer defined in the policy: patterns that find a kind of data the built-ins do not');
export type RecognizerSpec = z.infer<typeof RecognizerSchema>;

const disclose = z
  .object(
    Object.fromEntries(ON_FILE_KINDS.map((k) => [k, level.optional()])) as Record<
      (typeof ON_FILE_KINDS)[number],
      z.ZodOptional<typeof level>
    >,
  )
  .strict()
  .default({})
  .describe(
    `per kind of on-file data (${ON_FILE_KINDS.join(', ')}): the level needed to disclose or confirm it, overriding discloseAt`,
  );

const FreshStepUpSchema = z
  .object({
    actions: z
      .array(z.enum(STEP_UP_ACTIONS))
      .default([...STEP_UP_ACTIONS])
      .describe('account changes that need a recent one-time code even for a verified customer'),
    maxAgeMinutes: z
      .number()
      .int()
      .min(1)
      .max(1440)
      .default(15)
      .describe('how old (in minutes) the last successful code may be for those changes'),
  })
  .strict()
  .describe('changes that need a fresh step-up');

export const GuardSchema = z
  .object({
    discloseAt: level
      .default('possession')
      .describe(
        'the level a customer must reach before an agent may disclose on-file data or confirm a claim about it',
      ),
    disclose,
    flags: z
      .record(
        z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'flag names are lowercase words joined by dashes'),
        level,
      )
      .default({ 'fraud-watch': 'authenticated' })
      .describe('account flag -> the level needed on accounts with that flag (it can only raise the level)'),
    neverDisclose: z
      .array(z.enum(NEVER_DISCLOSE_KINDS))
      .default([...NEVER_DISCLOSE_KINDS])
      .describe('data agents may never send to a customer, at any level'),
    freshStepUp: FreshStepUpSchema.default({ actions: [...STEP_UP_ACTIONS], maxAgeMinutes: 15 }),
    otp: z
      .object({
        length: z.number().int().min(4).max(10).default(6).describe('digits in a one-time code'),
        ttlSeconds: z.number().int().min(30).max(3600).default(600).describe('seconds a code stays valid'),
        maxAttempts: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(5)
          .describe('wrong codes allowed before step-up locks for the conversation'),
      })
      .strict()
      .default({ length: 6, ttlSeconds: 600, maxAttempts: 5 })
      .describe('one-time codes sent to the contact on file'),
  })
  .strict()
  .describe('what agents may say back: disclosure levels, flags, never-disclose data, step-up, codes');
export type GuardPolicy = z.infer<typeof GuardSchema>;

const NotificationsSchema = z
  .object({
    owner: z
      .array(z.enum(NOTIFY_EVENTS))
      // Every event by default: an owner hears of all of them unless the policy says otherwise.
      .default([...NOTIFY_EVENTS])
      .describe('events that notify the account owner at the contact on file'),
    security: z
      .array(z.enum(NOTIFY_EVENTS))
      .default(['code-failed', 'code-locked', 'fraud-watch-contact'])
      .describe('events that alert the security team'),
  })
  .strict()
  .describe(`who is told about what; events: ${NOTIFY_EVENTS.join(', ')}`);

const RetentionSchema = z
  .object({
    transcriptsDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(90)
      .describe('days masked transcripts are kept before they are deleted'),
    auditDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .default(365)
      .describe('days audit records are kept before they are deleted'),
  })
  .strict()
  .describe('how long records are kept');

const MatchSchema = z
  .object({
    channelIds: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('channels this policy applies to, e.g. webchat, msteams, sms'),
    recipientIds: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('bot or recipient ids this policy applies to'),
    tenants: z.array(z.string().min(1)).min(1).optional().describe('tenants this policy applies to'),
  })
  .strict()
  .describe(
    'which conversations use this policy: every listed criterion must match (any value in a list). The policy named default applies when none matches',
  );
export type PolicyMatch = z.infer<typeof MatchSchema>;

export const PolicySchema = z
  .object({
    name: z
      .string()
      .min(1)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'policy names are lowercase words joined by dashes')
      .describe('the policy name; must equal the file name without .yaml (default.yaml has name default)'),
    description: z.string().optional().describe('what this policy is for, in a sentence'),
    match: MatchSchema.optional(),
    masking: z
      .object({
        minScore: z
          .number()
          .min(0)
          .max(1)
          .default(0.5)
          .describe('how sure Veil must be (0 to 1) before it masks a value; lower masks more'),
        entities: z
          .record(entityTypeName, EntityRuleSchema)
          .default({})
          .describe('type of data -> how it is masked; types not listed are replaced by a placeholder'),
        allow: z
          .array(z.string().min(1))
          .default([])
          .describe(
            "values never masked, e.g. the business's own phone number; compared ignoring case and punctuation",
          ),
        deny: z
          .array(
            z
              .object({
                value: z.string().min(1).describe('the exact value'),
                type: entityTypeName.describe('the type it is masked as'),
              })
              .strict(),
          )
          .default([])
          .describe('values always masked wherever they appear, even where they would otherwise be allowed'),
      })
      .strict()
      .describe('what agents see of what customers send'),
    recognizers: z
      .array(RecognizerSchema)
      .max(50)
      .default([])
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((r, i) => {
          if (seen.has(r.name))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: `the name '${r.name}' is used by an earlier recognizer; names must be unique`,
            });
          seen.add(r.name);
        });
      })
      .describe('custom recognizers, run alongside the built-in ones'),
    business: z
      .object({
        emails: z.array(z.string()).default([]).describe('the business email addresses agents may share'),
        phones: z.array(z.string()).default([]).describe('the business phone numbers agents may share'),
        addresses: z.array(z.string()).default([]).describe('the business addresses agents may share'),
      })
      .strict()
      .default({ emails: [], phones: [], addresses: [] })
      .describe("the business's own public contact details: never masked, always shareable"),
    guard: GuardSchema.default(GuardSchema.parse({})),
    notifications: NotificationsSchema.default(NotificationsSchema.parse({})),
    retention: RetentionSchema.default(RetentionSchema.parse({})),
    channelData: z
      .object({
        allow: z
          .array(z.string().min(1))
          .default([])
          .describe('channelData fields (dotted paths) agents may see; everything else is removed'),
      })
      .strict()
      .default({ allow: [] })
      .describe('which channel-specific fields reach agents'),
  })
  .strict()
  .describe('A Veil policy: what agents see of customer data and what they may say back');

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** A policy as loaded: the validated content plus its version (content hash), stamped on every decision. */
export interface LoadedPolicy {
  policy: Policy;
  version: string;
  source: string;
}
