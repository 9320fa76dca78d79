#!/usr/bin/env node
/** The `veil` command. Each subcommand lives in commands/ and is loaded only when used (fast cold start). */
const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }
> = {
  serve: {
    summary: 'run the proxy (configured by environment variables)',
    load: () => import('./commands/serve.js'),
  },
  policy: {
    summary: 'check, compare and document policies (schema | check | diff)',
    load: () => import('./commands/policy.js'),
  },
  replay: {
    summary: 'play conversation scripts through the pipeline and check expectations',
    load: () => import('./commands/replay.js'),
  },
  migrate: {
    summary: 'bring the PostgreSQL schema (VEIL_STORE) up to date; --status to check',
    load: () => import('./commands/migrate.js'),
  },
  scan: {
    summary: 'mask PII in JSON Lines (or --text lines) from stdin',
    load: () => import('./commands/scan.js'),
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(
      `usage: veil <command> [options]\n\n${Object.entries(commands)
        .map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`)
        .join('\n')}\n`,
    );
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`veil: unknown command '${name}'. Run 'veil --help' for the list.\n`);
    return 2;
  }
  return (await command.load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`veil: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
