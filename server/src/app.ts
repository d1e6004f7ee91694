/**
 * Opening the database the way every entry point needs it: connected,
 * migrated, and (when asked) holding the demo restaurant.
 */
import { mkdir } from 'node:fs/promises';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { seedDemo, type SeedSummary } from './demo/seed';

export async function openAppDatabase(
  config: Pick<Config, 'database'>,
  options: { seedDemo: boolean; onPoolError?: (error: Error) => void },
): Promise<DatabaseHandle & { seeded: SeedSummary | null }> {
  if (config.database.kind === 'pglite' && config.database.dataDir) {
    await mkdir(config.database.dataDir, { recursive: true });
  }
  const handle = await openDatabase(config.database, { onPoolError: options.onPoolError });
  try {
    await migrateToLatest(handle.db);
    const seeded = options.seedDemo ? await seedDemo(handle.db) : null;
    return { ...handle, seeded };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
