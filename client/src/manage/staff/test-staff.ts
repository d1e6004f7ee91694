/**
 * A location's team for component tests, kept the way the server keeps it
 * (staff.*): the fake API answers from it, so the page follows what its
 * buttons did. The browser tests run the real server.
 */
import type { StaffRole } from '@ticketrail/shared';
import type { FakeCall } from '../../test-support/fake-api';
import type { StaffMember } from './staff-member';

const byName = new Intl.Collator('en', { sensitivity: 'base' });

export function person(
  id: number,
  name: string,
  role: StaffRole,
  extra: Partial<StaffMember> = {},
): StaffMember {
  const email = `${name.split(' ')[0]!.toLowerCase()}@harbour.example`;
  return { id, name, email, role, active: true, locationIds: [1], you: false, ...extra };
}

export function fakeStaff(initial: StaffMember[]) {
  let team = initial.map((member) => ({ ...member }));
  let nextId = 100;
  const find = (input: unknown) =>
    team.find((m) => m.id === (input as { staffId: number }).staffId)!;
  const lastManager = (member: StaffMember) =>
    member.role === 'manager' &&
    !team.some((other) => other.id !== member.id && other.role === 'manager' && other.active);
  const lastWords = (member: StaffMember) =>
    `${member.name} is the last active manager at Harbour Kitchen; make someone else a manager first.`;

  const onCall = (call: FakeCall) => {
    switch (call.path) {
      case 'staff.list':
        return call.answer({
          staff: [...team].sort((a, b) => byName.compare(a.name, b.name)).map((m) => ({ ...m })),
        });
      case 'staff.add': {
        const input = call.input as { name: string; email: string; role: StaffRole };
        const email = input.email.trim().toLowerCase();
        if (team.some((member) => member.email === email)) {
          return call.refuse('CONFLICT', 'There is already an account with that email.', {
            httpStatus: 409,
          });
        }
        const added = person(nextId++, input.name, input.role, { email });
        team.push(added);
        return call.answer({ ...added });
      }
      case 'staff.update': {
        const input = call.input as { name: string; role: StaffRole; locationIds?: number[] };
        const member = find(call.input);
        if (input.role !== member.role && lastManager(member)) {
          return call.refuse('CONFLICT', lastWords(member), { httpStatus: 409 });
        }
        const locationIds = input.locationIds ?? member.locationIds;
        const leaves = member.locationIds.some((place) => !locationIds.includes(place));
        const signedOut = input.role !== member.role || leaves;
        Object.assign(member, { name: input.name, role: input.role, locationIds });
        // Gone from this location's list once they no longer work here.
        if (!locationIds.includes(1)) team = team.filter((other) => other !== member);
        return call.answer({ ...member, signedOut });
      }
      case 'staff.setPassword':
        return call.answer({ id: find(call.input).id });
      case 'staff.deactivate': {
        const member = find(call.input);
        if (lastManager(member)) return call.refuse('CONFLICT', lastWords(member));
        member.active = false;
        return call.answer({ id: member.id, active: false });
      }
      case 'staff.reactivate': {
        const member = find(call.input);
        member.active = true;
        return call.answer({ ...member });
      }
    }
  };
  return {
    onCall,
    get team() {
      return team;
    },
    set team(next: StaffMember[]) {
      team = next;
    },
  };
}
