import { createDetector, type DetectorOptions } from '../detection/engine.js';
import { enforceableGuard } from './levels.js';
import type { ActivePolicy } from './registry.js';
import type { LoadedPolicy } from './schema.js';

/**
 * A loaded policy made ready for the pipeline: the detector built once, and the guard settings in the form
 * the guard enforces (see enforceableGuard). The version stays the content hash of the file.
 */
export function activatePolicy(loaded: LoadedPolicy, options?: DetectorOptions): ActivePolicy {
  const policy = { ...loaded.policy, guard: enforceableGuard(loaded.policy.guard) };
  return { ...loaded, policy, detector: createDetector(policy, options) };
}
