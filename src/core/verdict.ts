/** The outbound guard's decision on one agent message. */
export type Verdict =
  | { decision: 'deliver'; rule?: undefined; reason?: undefined; hint?: undefined }
  | {
      decision: 'block';
      /** Stable rule id, e.g. `guard.disclosure.on-file`; appears in every block and audit record. */
      rule: string;
      /** Why, in words an agent understands. Never contains on-file values. */
      reason: string;
      /** What the agent may do instead. */
      hint: string;
    };

export const DELIVER: Verdict = Object.freeze({ decision: 'deliver' }) as Verdict;
