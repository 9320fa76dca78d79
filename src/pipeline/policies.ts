import { join } from 'node:path';
import { createDetector } from '../detection/engine.js';
import type { Detector } from '../detection/types.js';
import { loadPolicyFile } from '../policy/loader.js';
import type { LoadedPolicy } from '../policy/schema.js';

/** A policy ready to use: the validated policy, its version, and a detector built for it. */
export interface ActivePolicy extends LoadedPolicy {
  detector: Detector;
}

/** Where the pipeline gets the policy for a turn. Hot reload and per-channel selection plug in here. */
export interface PolicyProvider {
  /** The policy for a conversation on this channel (and recipient/tenant when selection rules exist). */
  forConversation(hint: {
    channelId?: string | undefined;
    recipientId?: string | undefined;
    tenant?: string | undefined;
  }): ActivePolicy;
  /** A policy by name, for conversations that already chose one. */
  byName(name: string): ActivePolicy | undefined;
}

export function activate(loaded: LoadedPolicy): ActivePolicy {
  return { ...loaded, detector: createDetector(loaded.policy) };
}

/** A provider with one fixed policy: `default.yaml` from a folder, or a given policy. */
export function staticPolicyProvider(source: string | LoadedPolicy): PolicyProvider {
  const active = activate(typeof source === 'string' ? loadPolicyFile(join(source, 'default.yaml')) : source);
  return {
    forConversation: () => active,
    byName: (name) => (name === active.policy.name ? active : undefined),
  };
}
