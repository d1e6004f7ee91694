/**
 * How a guest arrives: a table's QR link names the table before the order,
 * and on the demo data the home page offers the demo logins and a table link.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../staff/passwords';
import { seedDemo } from '../demo/seed';
import { DEMO_LOCATIONS, DEMO_STAFF } from '../demo/data';
import { readDemoWelcome } from '../demo/status';
import { backend } from '../../test/support/database';
import { guest } from '../../test/support/fixture';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';

const t = useTestDatabase();

describe(`menu.table (${backend})`, () => {
  it("names the table behind a location's QR secret", async () => {
    const { fixture } = t;
    const table = await guest(t.db).menu.table({
      locationSlug: fixture.main.slug,
      tableSecret: fixture.table.secret,
    });
    const row = await t.db
      .selectFrom('tables')
      .select('label')
      .where('id', '=', fixture.table.id)
      .executeTakeFirstOrThrow();
    expect(table).toEqual({ label: row.label });
  });

  it("refuses another location's table and an unknown secret alike", async () => {
    const { fixture } = t;
    for (const tableSecret of [fixture.otherTable.secret, 'no-such-table-secret']) {
      const refused = await refusal(() =>
        guest(t.db).menu.table({ locationSlug: fixture.main.slug, tableSecret }),
      );
      expect(refused.code).toBe('NOT_FOUND');
      expect(refused.message).toBe(
        'That table code is not valid here. Please scan the code on your table again.',
      );
    }
  });

  it('refuses a malformed secret before looking', async () => {
    const refused = await refusal(() =>
      guest(t.db).menu.table({ locationSlug: t.fixture.main.slug, tableSecret: 'a b' }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('That table link is not valid.');
  });
});

describe(`demo.welcome (${backend})`, () => {
  it('is null on an installation without the demo logins', async () => {
    expect(await readDemoWelcome(t.db)).toBeNull();
    expect(await guest(t.db).demo.welcome()).toBeNull();
  });

  it('lists the demo logins and a table per location while their passwords work', async () => {
    await sql`truncate locations, staff restart identity cascade`.execute(t.db);
    await seedDemo(t.db);
    const welcome = await readDemoWelcome(t.db);
    expect(welcome?.logins.map((login) => login.email)).toEqual(
      DEMO_STAFF.map((member) => member.email),
    );
    expect(welcome?.tables).toEqual(
      DEMO_LOCATIONS.map((location) => ({
        locationSlug: location.slug,
        label: location.tables[0]?.label,
        secret: location.tables[0]?.secret,
      })),
    );
    // The link it offers is one menu.table accepts.
    const first = welcome?.tables[0];
    if (!first) throw new Error('no demo table');
    expect(
      await guest(t.db).menu.table({ locationSlug: first.locationSlug, tableSecret: first.secret }),
    ).toEqual({ label: first.label });

    // A manager changed one password: that login is no longer offered.
    const changed = DEMO_STAFF[0];
    if (!changed) throw new Error('no demo staff');
    await t.db
      .updateTable('staff')
      .set({ password_hash: await hashPassword('a-real-password-now') })
      .where('email', '=', changed.email)
      .execute();
    const after = await readDemoWelcome(t.db);
    expect(after?.logins.map((login) => login.email)).not.toContain(changed.email);
    expect(after?.logins).toHaveLength(DEMO_STAFF.length - 1);
  });
});
