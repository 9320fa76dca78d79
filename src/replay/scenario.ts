import { z } from 'zod';
import { AccountRecordFileSchema, toAccountRecord } from '../directory/schema.js';

/** A conversation script for `veil replay` (format: shared/scenarios/README.md). */
const Turn = z.union([
  z.object({ customer: z.string(), expect: z.never().optional() }).strict(),
  z
    .object({
      agent: z.string(),
      expect: z.enum(['deliver', 'block']).optional(),
      rule: z.string().optional(),
    })
    .strict(),
]);

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    policy: z.string().optional(),
    directory: z.array(AccountRecordFileSchema).default([]),
    channelUser: z
      .object({ accountId: z.string().min(1) })
      .strict()
      .nullable()
      .default(null),
    channelId: z.string().optional(),
    turns: z.array(Turn).min(1),
  })
  .strict();

export type ScenarioTurn = z.infer<typeof Turn>;
export type Scenario = Omit<z.infer<typeof ScenarioSchema>, 'directory'> & {
  directory: ReturnType<typeof toAccountRecord>[];
};

export function parseScenario(json: unknown, source: string): Scenario {
  const r = ScenarioSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return { ...r.data, directory: r.data.directory.map(toAccountRecord) };
}
