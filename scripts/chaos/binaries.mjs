// Where the chaos suite finds its own Postgres and Redis. Plain Node, no
// dependencies: scripts/test.mjs asks before `pnpm install`, and
// vitest.workspace.ts asks to decide whether the `chaos` project runs.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find((file) => existsSync(file));

/**
 * The directory holding initdb, pg_ctl and postgres: CHAOS_PG_BIN, else
 * initdb's on PATH, else Debian's /usr/lib/postgresql/<newest>/bin. Null if none.
 */
export function findPostgresBin() {
  const candidates = [];
  if (process.env.CHAOS_PG_BIN) candidates.push(process.env.CHAOS_PG_BIN);
  const initdb = onPath('initdb');
  // Debian links /usr/bin/pg_ctl-like wrappers; the real binaries sit together.
  if (initdb) candidates.push(dirname(realpathSync(initdb)));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join(debian, version, 'bin'));
  }
  return (
    candidates.find((dir) =>
      ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(join(dir, name))),
    ) ?? null
  );
}

/** redis-server: CHAOS_REDIS_SERVER, else on PATH, else /usr/bin/redis-server. Null if none. */
export function findRedisServer() {
  const candidates = [
    process.env.CHAOS_REDIS_SERVER,
    onPath('redis-server'),
    '/usr/bin/redis-server',
  ];
  return candidates.find((file) => file && existsSync(file)) ?? null;
}

/** What the chaos suite needs and lacks, in words for the skipped-suites box. */
export function missingChaosBinaries() {
  const missing = [];
  if (!findPostgresBin())
    missing.push('PostgreSQL server binaries (initdb, pg_ctl: apt-get install postgresql)');
  if (!findRedisServer()) missing.push('redis-server (apt-get install redis-server)');
  return missing;
}
