/** One database per test file, reset to the fixture before each test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openTestDatabase, type TestDatabase } from './database';
import { resetFixture, type Fixture } from './fixture';

export function useTestDatabase() {
  const state = {} as { database: TestDatabase; fixture: Fixture };
  beforeAll(async () => {
    state.database = await openTestDatabase();
  });
  beforeEach(async () => {
    state.fixture = await resetFixture(state.database.db);
  });
  afterAll(async () => {
    await state.database?.destroy();
  });
  return {
    get db() {
      return state.database.db;
    },
    get database() {
      return state.database;
    },
    get fixture() {
      return state.fixture;
    },
  };
}
