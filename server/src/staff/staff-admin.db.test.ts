/**
 * A manager's team (issue 14): listing, adding, editing, passwords and
 * reactivation; the email unique as sign-in reads it; and nothing for anyone
 * who works only at other locations. Session ending and the last-manager
 * rule have their own files (session-end.db.test.ts, last-manager.db.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { backend } from '../../test/support/database';
import { createContext } from '../context';
import { createCaller } from '../router';
import { guest, PASSWORD, signedIn, testDeps } from '../../test/support/fixture';
import { refusal } from '../../test/support/refusals';
import { useTestDatabase } from '../../test/support/setup';
import { hashPassword } from './passwords';

const t = useTestDatabase();

const NEW_PASSWORD = 'a brand new passphrase';
const NOT_HERE = 'There is no such member of staff at your locations.';

const idOf = async (email: string) =>
  (await t.db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

const canSignIn = (email: string, password: string) =>
  guest(t.db)
    .auth.login({ email, password })
    .then(
      () => true,
      () => false,
    );

/** A manager who works only at the other location. */
async function managerElsewhere() {
  const { id } = await t.db
    .insertInto('staff')
    .values({
      email: 'manager-b@test.example',
      name: 'Manager B',
      role: 'manager',
      password_hash: await hashPassword(PASSWORD),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('staff_locations')
    .values({ staff_id: id, location_id: t.fixture.other.id })
    .execute();
  return signedIn(t.db, 'manager-b@test.example');
}

describe(`staff admin (${backend})`, () => {
  it('lists the location’s team by name, deactivated accounts included, “you” marked', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    await manager.staff.deactivate({ staffId: await idOf(f.staff.foh) });
    const { staff } = await manager.staff.list({ locationId: f.main.id });
    expect(staff).toEqual([
      {
        id: await idOf(f.staff.foh),
        name: 'foh',
        email: f.staff.foh,
        role: 'front_of_house',
        active: false,
        locationIds: [f.main.id],
        you: false,
      },
      expect.objectContaining({ name: 'kitchen', role: 'kitchen', active: true, you: false }),
      expect.objectContaining({
        name: 'manager',
        role: 'manager',
        locationIds: [f.main.id, f.other.id],
        you: true,
      }),
    ]);
    const other = await manager.staff.list({ locationId: f.other.id });
    expect(other.staff.map((person) => person.name)).toEqual(['kitchen-b', 'manager']);
  });

  it('adds an account that signs in; an email already used is a CONFLICT, whatever its case', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const added = await manager.staff.add({
      locationId: f.main.id,
      name: '  Róisín Cook ',
      email: '  Roisin@Test.Example ',
      role: 'kitchen',
      password: NEW_PASSWORD,
    });
    expect(added).toEqual({
      id: expect.any(Number) as unknown,
      name: 'Róisín Cook',
      email: 'roisin@test.example',
      role: 'kitchen',
      active: true,
      locationIds: [f.main.id],
      you: false,
    });
    const cook = await signedIn(t.db, 'roisin@test.example').catch(() => null);
    expect(cook).toBeNull(); // the fixture's password is not hers
    const { staff } = await guest(t.db).auth.login({
      email: 'ROISIN@test.example',
      password: NEW_PASSWORD,
    });
    expect(staff.locations.map((location) => location.id)).toEqual([f.main.id]);

    for (const email of ['roisin@test.example', 'KITCHEN-B@test.example ']) {
      const clash = await refusal(() =>
        manager.staff.add({
          locationId: f.main.id,
          name: 'Someone',
          email,
          role: 'kitchen',
          password: NEW_PASSWORD,
        }),
      );
      expect(clash).toMatchObject({
        code: 'CONFLICT',
        message: 'There is already an account with that email.',
      });
    }
    const refusedShort = await refusal(() =>
      manager.staff.add({
        locationId: f.main.id,
        name: 'Short',
        email: 'short@test.example',
        role: 'kitchen',
        password: 'seven77',
      }),
    );
    expect(refusedShort).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'password: A password is 8 to 200 characters.',
    });
  });

  it('renames without signing anyone out, and adds a location the manager works at', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const cook = await signedIn(t.db, f.staff.kitchen);
    const id = await idOf(f.staff.kitchen);
    const renamed = await manager.staff.update({ staffId: id, name: 'Cook Ann', role: 'kitchen' });
    expect(renamed).toMatchObject({ name: 'Cook Ann', role: 'kitchen', signedOut: false });
    expect((await cook.auth.me()).name).toBe('Cook Ann');

    const moved = await manager.staff.update({
      staffId: id,
      name: 'Cook Ann',
      role: 'kitchen',
      locationIds: [f.main.id, f.other.id],
    });
    expect(moved).toMatchObject({ locationIds: [f.main.id, f.other.id], signedOut: false });
    expect((await cook.auth.me()).locations.map((location) => location.id)).toEqual([
      f.main.id,
      f.other.id,
    ]);
    // Taken off a location: their screens there must stop, so they sign in again.
    const back = await manager.staff.update({
      staffId: id,
      name: 'Cook Ann',
      role: 'kitchen',
      locationIds: [f.other.id],
    });
    expect(back).toMatchObject({ locationIds: [f.other.id], signedOut: true });
    expect(await refusal(() => cook.auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('a manager resets someone’s password: their sessions end, the new one works', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const cook = await signedIn(t.db, f.staff.kitchen);
    const id = await idOf(f.staff.kitchen);
    expect(await manager.staff.setPassword({ staffId: id, password: NEW_PASSWORD })).toEqual({
      id,
    });
    expect(await refusal(() => cook.auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(false);
    expect(await canSignIn(f.staff.kitchen, NEW_PASSWORD)).toBe(true);

    const managerId = await idOf(f.staff.manager);
    const own = await refusal(() =>
      manager.staff.setPassword({ staffId: managerId, password: NEW_PASSWORD }),
    );
    expect(own).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'To change your own password, use “Change my password”.',
    });
  });

  it('changing one’s own password needs the current one and keeps only this session', async () => {
    const f = t.fixture;
    const here = await signedIn(t.db, f.staff.kitchen);
    const there = await signedIn(t.db, f.staff.kitchen);
    const wrong = await refusal(() =>
      here.auth.changePassword({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD }),
    );
    expect(wrong).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'That is not your current password.',
    });
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(true);

    expect(
      await here.auth.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ).toEqual({ otherSessionsEnded: 2 }); // `there`, and canSignIn's session
    expect((await here.auth.me()).email).toBe(f.staff.kitchen);
    expect(await refusal(() => there.auth.me())).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await canSignIn(f.staff.kitchen, NEW_PASSWORD)).toBe(true);
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(false);
  });

  it('guessing the current password is throttled like signing in', async () => {
    const f = t.fixture;
    const { token } = await guest(t.db).auth.login({ email: f.staff.kitchen, password: PASSWORD });
    // Over HTTP, from one address: the sign-in throttle counts the wrong guesses.
    const phone = createCaller(
      createContext(testDeps(t.db), {
        req: { headers: { authorization: `Bearer ${token}` } },
        clientAddress: '203.0.113.77',
      }),
    );
    const guess = (currentPassword: string) =>
      refusal(() => phone.auth.changePassword({ currentPassword, newPassword: NEW_PASSWORD }));
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await guess(`guess ${attempt}`)).toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await guess(PASSWORD)).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many sign-in attempts\. Try again in/) as unknown,
    });
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(true);
  });

  it('reactivating lets a deactivated account sign in again with its password', async () => {
    const f = t.fixture;
    const manager = await signedIn(t.db, f.staff.manager);
    const id = await idOf(f.staff.kitchen);
    await manager.staff.deactivate({ staffId: id });
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(false);
    expect(await manager.staff.reactivate({ staffId: id })).toMatchObject({ id, active: true });
    expect(await canSignIn(f.staff.kitchen, PASSWORD)).toBe(true);
  });

  it('someone who works only elsewhere is not found, and other locations are not theirs to give', async () => {
    const f = t.fixture;
    const elsewhere = await managerElsewhere();
    const cook = await idOf(f.staff.kitchen);
    const before = await t.db.selectFrom('staff').selectAll().orderBy('id').execute();
    for (const call of [
      () => elsewhere.staff.update({ staffId: cook, name: 'Sneaky', role: 'manager' }),
      () => elsewhere.staff.setPassword({ staffId: cook, password: NEW_PASSWORD }),
      () => elsewhere.staff.deactivate({ staffId: cook }),
      () => elsewhere.staff.reactivate({ staffId: cook }),
      () => elsewhere.staff.update({ staffId: 999_999, name: 'Nobody', role: 'kitchen' }),
    ]) {
      expect(await refusal(call)).toMatchObject({ code: 'NOT_FOUND', message: NOT_HERE });
    }
    expect(await refusal(() => elsewhere.staff.list({ locationId: f.main.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const sneakIn = await refusal(() =>
      elsewhere.staff.add({
        locationId: f.main.id,
        name: 'Mole',
        email: 'mole@test.example',
        role: 'manager',
        password: NEW_PASSWORD,
      }),
    );
    expect(sneakIn).toMatchObject({ code: 'FORBIDDEN' });
    const otherKitchen = await idOf(f.staff.otherKitchen);
    const grab = await refusal(() =>
      elsewhere.staff.update({
        staffId: otherKitchen,
        name: 'kitchen-b',
        role: 'kitchen',
        locationIds: [f.other.id, f.main.id],
      }),
    );
    expect(grab).toMatchObject({ code: 'FORBIDDEN', message: 'You do not work at this location.' });
    expect(await t.db.selectFrom('staff').selectAll().orderBy('id').execute()).toEqual(before);
  });
});
