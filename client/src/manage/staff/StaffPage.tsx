/**
 * The location's team: who works here (deactivated accounts too, marked so),
 * adding someone, and per person their name, role, password and whether they
 * may sign in. Changes that sign someone out say so before they are made.
 * One's own password is changed at the foot of the page.
 */
import { useEffect, useState } from 'react';
import { trpc } from '../../api/client';
import { useEndedSession } from '../../auth/ended-session';
import { LoadError, Loading } from '../../components/States';
import { useManagedLocation } from '../location-context';
import { AddStaffForm } from './AddStaffForm';
import { ChangePasswordForm } from './ChangePasswordForm';
import { StaffRow } from './StaffRow';

export function StaffPage() {
  const location = useManagedLocation();
  const staff = trpc.staff.list.useQuery({ locationId: location.id });
  const ended = useEndedSession(staff.error);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    document.title = `Staff · ${location.name}`;
  }, [location.name]);

  if (ended) return null;
  return (
    <section className="manage-page" aria-labelledby="staff-heading">
      <div className="manage-page__head">
        <h2 id="staff-heading">Staff</h2>
      </div>
      <p className="muted">
        Everyone who signs in at {location.name}. Managers run this back office; kitchen and
        front-of-house accounts use the boards.
      </p>
      <AddStaffForm
        locationId={location.id}
        onAdded={(person) => setNotice(`Added ${person.name}. They can sign in now.`)}
      />
      <p className="manage-notice" role="status">
        {notice}
      </p>
      {staff.isPending ? (
        <Loading what="the team" />
      ) : staff.isError ? (
        <LoadError message={staff.error.message} onRetry={() => void staff.refetch()} />
      ) : staff.data.staff.length === 0 ? (
        <p className="state">Nobody works here yet. Add the first person above.</p>
      ) : (
        <ul className="staff-list" aria-labelledby="staff-heading">
          {staff.data.staff.map((person) => (
            <StaffRow
              key={person.id}
              person={person}
              locationId={location.id}
              onNotice={setNotice}
            />
          ))}
        </ul>
      )}
      <ChangePasswordForm />
    </section>
  );
}
