import { z } from 'zod';
import { VERIFICATION_LEVELS } from '../core/verification.js';

/**
 * The policy language. This zod schema is the only definition: the loader validates with it, the JSON
 * Schema for editors is generated from it, and the engines take its inferred type.
 */
export const MASK_ACTIONS = ['placeholder', 'partial', 'redact', 'hash', 'keep', 'drop-message'] as const;
export type MaskAction = (typeof MASK_ACTIONS)[number];

const entityTypeName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'entity type names are UPPER_SNAKE_CASE, e.g. EMAIL or LOYALTY_ID');

export const EntityRuleSchema = z
  .object({
    action: z.enum(MASK_ACTIONS).describe('what happens to a value of this type before an agent sees it'),
    label: entityTypeName.optional().describe('placeholder label; defaults to the type name'),
    keepLast: z
      .number()
      .int()
      .min(0)
      .max(8)
      .optional()
      .describe('with partial: how many trailing characters stay'),
    minScore: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('minimum confidence for this type; overrides the default'),
  })
  .strict();
export type EntityRule = z.infer<typeof EntityRuleSchema>;

const level = z.enum(VERIFICATION_LEVELS);

export const GuardSchema = z
  .object({
    /** Minimum level at which on-file data may be disclosed or a claim about it confirmed. */
    discloseAt: level.default('possession'),
    /** Flag name -> minimum level for disclosure on such accounts. */
    flags: z.record(z.string(), level).default({ 'fraud-watch': 'authenticated' }),
    /** Kinds that are never sent to a customer at any level. */
    neverDisclose: z
      .array(z.enum(['CREDIT_CARD', 'SSN', 'PASSWORD']))
      .default(['CREDIT_CARD', 'SSN', 'PASSWORD']),
    otp: z
      .object({
        length: z.number().int().min(4).max(10).default(6),
        ttlSeconds: z.number().int().min(30).max(3600).default(600),
        maxAttempts: z.number().int().min(1).max(20).default(5),
      })
      .strict()
      .default({ length: 6, ttlSeconds: 600, maxAttempts: 5 }),
  })
  .strict();
export type GuardPolicy = z.infer<typeof GuardSchema>;

export const PolicySchema = z
  .object({
    name: z
      .string()
      .min(1)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'policy names are lowercase words joined by dashes'),
    description: z.string().optional(),
    masking: z
      .object({
        /** Default minimum confidence for a finding to be masked. */
        minScore: z.number().min(0).max(1).default(0.5),
        entities: z.record(entityTypeName, EntityRuleSchema).default({}),
        /** Values never masked (e.g. the business's own phone number and email). Compared case-insensitively. */
        allow: z.array(z.string().min(1)).default([]),
        /** Values always masked wherever they appear, with their type. */
        deny: z.array(z.object({ value: z.string().min(1), type: entityTypeName }).strict()).default([]),
      })
      .strict(),
    business: z
      .object({
        /** The business's own public contact details: agents may always share these. */
        emails: z.array(z.string()).default([]),
        phones: z.array(z.string()).default([]),
        addresses: z.array(z.string()).default([]),
      })
      .strict()
      .default({ emails: [], phones: [], addresses: [] }),
    guard: GuardSchema.default(GuardSchema.parse({})),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;

/** A policy as loaded: the validated content plus its version (content hash), stamped on every decision. */
export interface LoadedPolicy {
  policy: Policy;
  version: string;
  source: string;
}
