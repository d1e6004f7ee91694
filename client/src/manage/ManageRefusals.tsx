/**
 * The back office's pages for someone who cannot go further yet: a staff
 * account without the manager's role, and a manager who has to choose (or
 * asked for a location they do not work at).
 */
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { SignOut } from '../auth/SignOut';
import type { ManagedLocation } from './location-context';

function useBackOfficeTitle() {
  useEffect(() => {
    document.title = 'Back office · Ticketrail';
  }, []);
}

export function NotAManager({ name }: { name: string }) {
  useBackOfficeTitle();
  return (
    <main className="page">
      <h1>Back office</h1>
      <SignOut name={name} />
      <p className="state state--error">Only managers can open the back office.</p>
      <p>
        <Link to="/kitchen">Go to the kitchen board</Link>
      </p>
    </main>
  );
}

export function LocationPicker({
  slug,
  name,
  locations,
}: {
  slug: string | null;
  name: string;
  locations: readonly ManagedLocation[];
}) {
  useBackOfficeTitle();
  return (
    <main className="page">
      <h1>Which location?</h1>
      <SignOut name={name} />
      {slug ? <p className="state state--error">You do not work at “{slug}”.</p> : null}
      {locations.length === 0 ? (
        <p className="state">
          Your account is not at any location yet. Ask the owner to add you to one.
        </p>
      ) : (
        <ul className="cards">
          {locations.map((location) => (
            <li key={location.id} className="card manage-pick">
              <h2>{location.name}</h2>
              <Link className="button" to="/manage/$slug" params={{ slug: location.slug }}>
                Open the back office
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
