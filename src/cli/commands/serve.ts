import { buildVeil, serve } from '../../app.js';
import { loadConfig } from '../../config.js';
import { VeilError } from '../../core/errors.js';
import { createLogger } from '../../logging.js';

/** `veil serve`: configuration from the environment (see .env.example). */
export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      'usage: veil serve\n  Runs the proxy. Configuration comes from environment variables; see .env.example.\n',
    );
    return 0;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof VeilError) {
      process.stderr.write(`veil serve: configuration error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const log = createLogger({ level: config.VEIL_LOG_LEVEL });
  for (const w of config.warnings) log.warn({ event: 'config-warning' }, w);
  const veil = await buildVeil(config, log);
  await serve(veil, config, log);
  return new Promise<number>(() => undefined).then(() => 0);
}
