/**
 * Who may do what, asked by every staff procedure: where one works (another
 * location's things are "not here") and what one's role allows.
 */
import type { StaffRole } from '@ticketrail/shared';
import { forbidden } from '../errors';
import type { StaffActor } from './sessions';

export function worksAt(actor: StaffActor, locationId: number): boolean {
  return actor.locations.some((location) => location.id === locationId);
}

export function assertWorksAt(actor: StaffActor, locationId: number): void {
  if (!worksAt(actor, locationId)) throw forbidden('You do not work at this location.');
}

const ROLE_WORDS: Record<StaffRole, string> = {
  manager: 'A manager',
  kitchen: 'A kitchen account',
  front_of_house: 'A front-of-house account',
};

export function assertRole(actor: StaffActor, allowed: boolean, action: string): void {
  if (!allowed) throw forbidden(`${ROLE_WORDS[actor.role]} cannot ${action}.`);
}
