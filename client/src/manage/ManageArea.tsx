/**
 * Who may be in the back office, and where: signed out, the staff sign-in
 * (the kitchen's); signed in without the manager's role, a plain refusal (the
 * server refuses those accounts too, so nothing here is a secret kept by the
 * screen); no location or one the manager does not work at, a choice of
 * location. Otherwise the frame, with the location for the page inside.
 */
import { useNavigate } from '@tanstack/react-router';
import { useCallback, type ReactNode } from 'react';
import { StaffGate, useOnlyLocation, type Account } from '../auth/StaffGate';
import { LocationPicker, NotAManager } from './ManageRefusals';
import { ManageShell } from './ManageShell';

function AreaFor({
  account,
  slug,
  children,
}: {
  account: Account;
  slug: string | null;
  children?: ReactNode;
}) {
  const navigate = useNavigate();
  // A manager of one location has nothing to choose.
  useOnlyLocation(
    slug,
    account.role === 'manager' ? account.locations : [],
    useCallback(
      (only: string) =>
        void navigate({ to: '/manage/$slug', params: { slug: only }, replace: true }),
      [navigate],
    ),
  );
  if (account.role !== 'manager') return <NotAManager name={account.name} />;
  const location = account.locations.find((candidate) => candidate.slug === slug);
  if (!location) {
    return <LocationPicker slug={slug} name={account.name} locations={account.locations} />;
  }
  return (
    <ManageShell
      location={location}
      staffName={account.name}
      canSwitch={account.locations.length > 1}
    >
      {children}
    </ManageShell>
  );
}

/** `slug` null is `/manage`: choose a location. `children` is the page inside the frame. */
export function ManageArea({ slug, children }: { slug: string | null; children?: ReactNode }) {
  return (
    <StaffGate>
      {(account) => (
        <AreaFor account={account} slug={slug}>
          {children}
        </AreaFor>
      )}
    </StaffGate>
  );
}
