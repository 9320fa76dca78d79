import { join } from 'node:path';
import { activatePolicy } from '../policy/activate.js';
import { loadPolicyFile } from '../policy/loader.js';
import type { ActivePolicy, PolicyProvider } from '../policy/registry.js';
import type { LoadedPolicy } from '../policy/schema.js';

/** The pipeline gets policies through this port: the hot-reloading registry in the server, a fixed one elsewhere. */
export type { ActivePolicy, PolicyProvider };

export const activate = (loaded: LoadedPolicy): ActivePolicy => activatePolicy(loaded);

/** A provider with one fixed policy: `default.yaml` from a folder, or a given policy (replay, tests). */
export function staticPolicyProvider(source: string | LoadedPolicy): PolicyProvider {
  const active = activate(typeof source === 'string' ? loadPolicyFile(join(source, 'default.yaml')) : source);
  return {
    forConversation: () => active,
    byName: (name) => (name === active.policy.name ? active : undefined),
  };
}
