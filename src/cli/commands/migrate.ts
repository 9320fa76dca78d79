import { VeilError } from '../../core/errors.js';
import {
  connectPostgres,
  describePostgresUrl,
  latestVersion,
  migrate,
  parsePostgresUrl,
  schemaVersion,
} from '../../storage/postgres/index.js';

const USAGE = `usage: veil migrate [--status]
  Brings the PostgreSQL schema named by VEIL_STORE (a postgres:// URL) up to date.
  --status  only report the applied and the latest version; exit 3 when behind.
  With VEIL_STORE=sqlite (the default) there is nothing to do: the SQLite file migrates itself on open.
`;

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const stdio: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** `veil migrate`: exit 0 when up to date, 1 when a step failed, 2 on a configuration error. */
export async function run(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = stdio,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a !== '--status');
  if (unknown !== undefined) {
    io.err(`veil migrate: unknown option '${unknown}'\n${USAGE}`);
    return 2;
  }
  const statusOnly = argv.includes('--status');
  const spec = env.VEIL_STORE?.trim() || 'sqlite';
  if (spec === 'sqlite') {
    io.out('VEIL_STORE is sqlite: the SQLite database migrates itself when Veil opens it. Nothing to do.\n');
    return 0;
  }
  let pool: Awaited<ReturnType<typeof connectPostgres>> | undefined;
  try {
    const url = parsePostgresUrl('VEIL_STORE', spec);
    pool = await connectPostgres(url, { variable: 'VEIL_STORE', max: 1 });
    const where = describePostgresUrl(url);
    if (statusOnly) {
      const current = await schemaVersion(pool);
      const latest = latestVersion();
      io.out(`${where}: schema version ${current}, latest ${latest}\n`);
      return current < latest ? 3 : 0;
    }
    const result = await migrate(pool);
    for (const step of result.applied) io.out(`applied ${step.version}: ${step.name}\n`);
    io.out(
      result.applied.length
        ? `${where}: schema migrated from version ${result.from} to ${result.to}\n`
        : `${where}: schema is up to date (version ${result.to})\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof VeilError)) throw error;
    io.err(`veil migrate: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n`);
    return error.code === 'invalid_config' ? 2 : 1;
  } finally {
    await pool?.end().catch(() => undefined);
  }
}
