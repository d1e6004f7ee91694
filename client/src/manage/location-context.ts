/**
 * The location the back office is open at, given by its frame (ManageArea) to
 * the pages inside it: each page is its own lazy chunk, and none asks again
 * who is signed in or where.
 */
import { createContext, useContext } from 'react';

export interface ManagedLocation {
  id: number;
  slug: string;
  name: string;
}

export const ManagedLocationContext = createContext<ManagedLocation | null>(null);

/** The open location; only pages under the back office's frame may ask. */
export function useManagedLocation(): ManagedLocation {
  const location = useContext(ManagedLocationContext);
  if (!location) throw new Error('useManagedLocation() is for pages inside the back office');
  return location;
}
