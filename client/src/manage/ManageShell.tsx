/**
 * The back office's frame: the location's name, the pages it has, and
 * the way out. Laid out for a laptop and a tablet; left off a printed page.
 */
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { SignOut } from '../auth/SignOut';
import { ManagedLocationContext, type ManagedLocation } from './location-context';

export function ManageShell({
  location,
  staffName,
  canSwitch,
  children,
}: {
  location: ManagedLocation;
  staffName: string;
  /** The manager works at more than one location: a way back to the choice. */
  canSwitch: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="manage">
      <header className="manage-header">
        <div className="manage-header__place">
          <p className="manage-header__area">Back office</p>
          <h1>{location.name}</h1>
          {canSwitch ? (
            <Link className="manage-header__switch" to="/manage">
              Switch location
            </Link>
          ) : null}
        </div>
        <nav className="manage-nav" aria-label="Back office">
          <Link to="/manage/$slug/menu" params={{ slug: location.slug }}>
            Menu
          </Link>
          <Link to="/manage/$slug/tables" params={{ slug: location.slug }}>
            Tables
          </Link>
          <Link to="/manage/$slug/staff" params={{ slug: location.slug }}>
            Staff
          </Link>
          <Link to="/manage/$slug/settings" params={{ slug: location.slug }}>
            Settings
          </Link>
        </nav>
        <SignOut name={staffName} />
      </header>
      <main className="manage-main">
        <ManagedLocationContext.Provider value={location}>
          {children}
        </ManagedLocationContext.Provider>
      </main>
    </div>
  );
}
