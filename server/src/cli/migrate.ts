/** `pnpm migrate`: brings the configured database up to date. */
import { openAppDatabase } from '../app';
import { loadConfig } from '../config';

const config = loadConfig();
const database = await openAppDatabase(config, { seedDemo: false });
console.log(
  `Migrated the ${config.database.kind === 'pglite' ? 'embedded' : 'Postgres'} database.`,
);
await database.close();
