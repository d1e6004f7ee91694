/** `pnpm seed`: adds the demo restaurant; running it again adds nothing and undoes nothing. */
import { openAppDatabase } from '../app';
import { loadConfig } from '../config';

const config = loadConfig();
const database = await openAppDatabase(config, { seedDemo: true });
const seeded = database.seeded;
if (seeded) {
  console.log(
    seeded.locations + seeded.staff === 0
      ? 'Demo restaurant already in place: nothing added (changes made since are kept).'
      : `Demo restaurant added: ${seeded.locations} locations, ${seeded.tables} tables, ` +
          `${seeded.categories} categories, ${seeded.items} items, ${seeded.staff} staff logins.`,
  );
}
await database.close();
