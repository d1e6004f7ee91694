/**
 * One member of staff: name, email, role and whether the account is active,
 * and what a manager does to it. Deactivating signs them out at once, so it
 * asks first and says so; one's own account cannot be deactivated (the
 * server refuses it too).
 */
import { ROLE_LABELS } from '@ticketrail/shared';
import { useRef } from 'react';
import { trpc } from '../../api/client';
import { ConfirmTableChange } from '../ConfirmTableChange';
import { RowButton } from '../RowButton';
import { fieldMessage } from '../server-message';
import { useRowMode } from '../useRowMode';
import { EditStaffForm, type SavedStaff } from './EditStaffForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { ROLE_NOUNS, type StaffMember } from './staff-member';

/** What a save did, read out: a sign-out, and a person who no longer works here, said so. */
function savedWords(before: StaffMember, saved: SavedStaff, locationId: number): string {
  if (!saved.signedOut) return `Saved ${saved.name}.`;
  const change =
    before.role === saved.role
      ? `${saved.name} works at fewer locations`
      : `${saved.name} is now ${ROLE_NOUNS[saved.role]}`;
  const gone = saved.locationIds.includes(locationId) ? '' : ' They no longer work here.';
  return `Saved. ${change} and was signed out on every screen.${gone}`;
}

type Mode = 'view' | 'edit' | 'password' | 'deactivate' | 'reactivate';

export function StaffRow({
  person,
  locationId,
  onNotice,
}: {
  person: StaffMember;
  locationId: number;
  /** Something to read out: what was just done. */
  onNotice: (message: string) => void;
}) {
  const { mode, setMode, close } = useRowMode<Mode>();
  const editButton = useRef<HTMLButtonElement>(null);
  const passwordButton = useRef<HTMLButtonElement>(null);
  const activeButton = useRef<HTMLButtonElement>(null);
  const utils = trpc.useUtils();
  const refresh = () => utils.staff.list.invalidate({ locationId });

  const deactivate = trpc.staff.deactivate.useMutation({
    onSuccess: () => {
      onNotice(`${person.name} is deactivated and signed out on every screen.`);
      close(activeButton);
    },
    onSettled: refresh,
  });
  const reactivate = trpc.staff.reactivate.useMutation({
    onSuccess: () => {
      onNotice(`${person.name} can sign in again.`);
      close(activeButton);
    },
    onSettled: refresh,
  });

  return (
    <li className={`staff-row${person.active ? '' : ' staff-row--inactive'}`}>
      <div className="staff-row__main">
        <h3 className="staff-row__name">
          {person.name}
          {person.you ? (
            <>
              {' '}
              <span className="staff-tag staff-tag--you">You</span>
            </>
          ) : null}
        </h3>
        <p className="staff-row__email">{person.email}</p>
        <p className="staff-row__facts">
          <span className="staff-tag">{ROLE_LABELS[person.role]}</span>
          <span className={`staff-tag ${person.active ? 'staff-tag--active' : 'staff-tag--off'}`}>
            {person.active ? 'Active' : 'Deactivated'}
          </span>
        </p>
      </div>
      {mode === 'view' ? (
        <div className="staff-row__actions">
          <RowButton
            verb="Edit"
            name={person.name}
            buttonRef={editButton}
            onClick={() => setMode('edit')}
          />
          {person.you ? null : (
            <RowButton
              verb="Reset password"
              name={person.name}
              buttonRef={passwordButton}
              onClick={() => setMode('password')}
            />
          )}
          {person.you ? null : person.active ? (
            <RowButton
              verb="Deactivate"
              name={person.name}
              danger
              buttonRef={activeButton}
              onClick={() => setMode('deactivate')}
            />
          ) : (
            <RowButton
              verb="Reactivate"
              name={person.name}
              buttonRef={activeButton}
              onClick={() => setMode('reactivate')}
            />
          )}
        </div>
      ) : null}
      {mode === 'edit' ? (
        <div className="staff-row__panel">
          <EditStaffForm
            person={person}
            locationId={locationId}
            onDone={(saved) => {
              if (saved) onNotice(savedWords(person, saved, locationId));
              close(editButton);
            }}
          />
        </div>
      ) : null}
      {mode === 'password' ? (
        <div className="staff-row__panel">
          <ResetPasswordForm
            person={person}
            onDone={(set) => {
              if (set) onNotice(`${person.name} has a new password and was signed out.`);
              close(passwordButton);
            }}
          />
        </div>
      ) : null}
      {mode === 'deactivate' ? (
        <ConfirmTableChange
          confirmLabel={`Deactivate ${person.name}`}
          pending={deactivate.isPending}
          error={fieldMessage(deactivate.error)}
          onConfirm={() => deactivate.mutate({ staffId: person.id })}
          onCancel={() => close(activeButton)}
        >
          Deactivate {person.name}? Their screens sign out at once, on every device, and they cannot
          sign in again until you reactivate the account.
        </ConfirmTableChange>
      ) : null}
      {mode === 'reactivate' ? (
        <ConfirmTableChange
          confirmLabel={`Reactivate ${person.name}`}
          pending={reactivate.isPending}
          error={fieldMessage(reactivate.error)}
          onConfirm={() => reactivate.mutate({ staffId: person.id })}
          onCancel={() => close(activeButton)}
        >
          Reactivate {person.name}? They can sign in again with their old password (or reset it
          first).
        </ConfirmTableChange>
      ) : null}
    </li>
  );
}
