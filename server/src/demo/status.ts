/**
 * Is this installation still running on the demo data? The home page and the
 * start-up banner show the demo logins and a table's QR link only while they
 * still work: once a manager changes a password, it is no longer printed.
 */
import type { Kysely } from 'kysely';
import type { StaffRole } from '@ticketrail/shared';
import type { Database } from '../db/schema';
import { verifyPassword } from '../staff/passwords';
import { DEMO_LOCATIONS, DEMO_STAFF } from './data';

export interface DemoLogin {
  role: StaffRole;
  name: string;
  email: string;
  password: string;
  /** Slugs of the locations this login works at. */
  locations: string[];
}

export interface DemoTableLink {
  locationSlug: string;
  label: string;
  secret: string;
}

export interface DemoWelcome {
  logins: DemoLogin[];
  /** One table per demo location, to try the QR entry without printing a code. */
  tables: DemoTableLink[];
}

/**
 * The demo logins whose passwords still work, and a demo table of each location
 * that still exists; null when none of the logins work (a real installation).
 */
export async function readDemoWelcome(db: Kysely<Database>): Promise<DemoWelcome | null> {
  const rows = await db
    .selectFrom('staff')
    .select(['email', 'password_hash'])
    .where(
      'email',
      'in',
      DEMO_STAFF.map((member) => member.email),
    )
    .execute();
  const logins: DemoLogin[] = [];
  for (const member of DEMO_STAFF) {
    const row = rows.find((candidate) => candidate.email === member.email);
    if (row && (await verifyPassword(member.password, row.password_hash))) {
      const { role, name, email, password, locations } = member;
      logins.push({ role, name, email, password, locations });
    }
  }
  if (logins.length === 0) return null;

  const tables: DemoTableLink[] = [];
  for (const location of DEMO_LOCATIONS) {
    const first = location.tables[0];
    if (!first) continue;
    const row = await db
      .selectFrom('tables')
      .innerJoin('locations', 'locations.id', 'tables.location_id')
      .select('tables.label')
      .where('locations.slug', '=', location.slug)
      .where('tables.secret', '=', first.secret)
      .executeTakeFirst();
    if (row) tables.push({ locationSlug: location.slug, label: row.label, secret: first.secret });
  }
  return { logins, tables };
}

/** How long an answer is reused: checking four scrypt hashes costs real CPU. */
const CACHE_MS = 60_000;
const cache = new WeakMap<Kysely<Database>, { at: number; answer: Promise<DemoWelcome | null> }>();

/**
 * `readDemoWelcome`, remembered for a minute per database, so a public page
 * cannot be used to make the server hash passwords on every request.
 */
export function demoWelcome(db: Kysely<Database>, now = Date.now()): Promise<DemoWelcome | null> {
  const cached = cache.get(db);
  if (cached && now - cached.at < CACHE_MS) return cached.answer;
  const answer = readDemoWelcome(db);
  cache.set(db, { at: now, answer });
  // A failed read is not remembered: the next visitor tries again.
  answer.catch(() => cache.delete(db));
  return answer;
}
