import { z } from 'zod';
import { PolicySchema } from './schema.js';

export const SCHEMA_FILE = 'policy.schema.json';
export const SCHEMA_COMMENT = `# yaml-language-server: $schema=./${SCHEMA_FILE}`;

/**
 * The JSON Schema editors use to check and complete policy files, generated from the zod schema so the
 * two cannot drift. Input form: settings with defaults are optional, as they are when writing YAML.
 */
export function policyJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://veil.local/policy.schema.json',
    title: 'Veil policy',
  };
}

/** The committed file's exact text: stable key order and a final newline, so diffs stay readable. */
export const policyJsonSchemaText = (): string => `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
