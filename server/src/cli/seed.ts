/** `pnpm seed`: adds the demo restaurant; running it again adds nothing. */
import { openAppDatabase } from '../app';
import { loadConfig } from '../config';

const config = loadConfig();
const database = await openAppDatabase(config, { seedDemo: true });
const seeded = database.seeded;
if (seeded) {
  console.log(
    `Demo restaurant in place: ${seeded.locations} locations, ${seeded.tables} tables, ` +
      `${seeded.categories} categories, ${seeded.items} items, ${seeded.staff} staff logins.`,
  );
}
await database.close();
