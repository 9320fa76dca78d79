import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Engine = typeof import('../src/detection/engine.js');
type Masking = typeof import('../src/masking/engine.js');
type MaskTypes = typeof import('../src/masking/types.js');
type Loader = typeof import('../src/policy/loader.js');

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DIST_CLI = `${ROOT}dist/cli/veil.js`;

/**
 * Veil as shipped: the compiled dist/ (what `npm run bench` builds) when present, else the sources via tsx.
 * Types always come from src/, so the benchmark type-checks whether or not dist/ exists.
 */
export async function loadVeil() {
  const fromDist = existsSync(DIST_CLI);
  const base = fromDist ? '../dist/' : '../src/';
  const at = (p: string) => new URL(`${base}${p}`, import.meta.url).href;
  const [engine, masking, types, loader] = await Promise.all([
    import(at('detection/engine.js')) as Promise<Engine>,
    import(at('masking/engine.js')) as Promise<Masking>,
    import(at('masking/types.js')) as Promise<MaskTypes>,
    import(at('policy/loader.js')) as Promise<Loader>,
  ]);
  const { policy } = loader.loadPolicyFile(`${ROOT}policies/default.yaml`);
  const detector = engine.createDetector(policy);
  const secret = 'bench-secret';
  return {
    source: fromDist ? 'dist/' : 'src/ (dist/ missing: run `npm run build`)',
    /** detect + mask one message, as the inbound pipeline does */
    mask(text: string) {
      const findings = detector.detect(text);
      return { findings, ...masking.maskText(text, findings, types.emptyTokenMap(), policy, { secret }) };
    },
  };
}
