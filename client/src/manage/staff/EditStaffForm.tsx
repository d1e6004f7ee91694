/**
 * Changing someone's name, role, and (for a manager of several locations)
 * where they work, in their row. A new role or a location taken away signs
 * them out on every screen at once (their old rights must not linger on an
 * open board), so the form says so before it is saved. The last manager's
 * refusal is said beside the role, or beside the locations when only those
 * changed.
 */
import type { RouterOutputs } from '@ticketrail/server';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { Field, fieldProps } from './Field';
import { fieldMessages } from './field-messages';
import { RoleSelect } from './RoleSelect';
import { ROLE_NOUNS, type StaffMember } from './staff-member';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';
import { WorksAtChoice } from './WorksAtChoice';

/** What staff.update answers: the person as saved, and whether they were signed out. */
export type SavedStaff = RouterOutputs['staff']['update'];

export function EditStaffForm({
  person,
  locationId,
  onDone,
}: {
  person: StaffMember;
  locationId: number;
  /** Closes the form; the saved person when something changed. */
  onDone: (saved: SavedStaff | null) => void;
}) {
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState(person.role);
  const [locationIds, setLocationIds] = useState(person.locationIds);
  // The manager's own locations: StaffGate has asked already, so this is cached.
  const me = trpc.auth.me.useQuery(undefined, { retry: false, staleTime: Infinity });
  const places = me.data?.locations ?? [];
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);
  const utils = trpc.useUtils();
  const update = trpc.staff.update.useMutation({
    onSuccess: (saved) => onDone(saved),
    onSettled: () => utils.staff.list.invalidate({ locationId }),
  });
  const roleChanges = role !== person.role;
  const placesChange = locationIds.join() !== person.locationIds.join();
  const leaves = person.locationIds.some((place) => !locationIds.includes(place));
  const dirty = name.trim() !== person.name || roleChanges || placesChange;
  const blocker = useUnsavedWarning(dirty && !update.isSuccess);
  const errors = fieldMessages(
    update.error,
    ['name', 'role', 'locationIds'],
    placesChange && !roleChanges ? 'locationIds' : 'role',
  );
  const id = `edit-staff-${person.id}`;
  const edited = () => {
    if (update.isError) update.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    if (!dirty) onDone(null);
    else
      update.mutate({
        staffId: person.id,
        name: name.trim(),
        role,
        ...(placesChange ? { locationIds } : {}),
      });
  };

  return (
    <form
      className="staff-form staff-form--inline"
      onSubmit={submit}
      noValidate
      aria-label={`Edit ${person.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <div className="staff-form__grid">
        <Field id={`${id}-name`} label="Name" error={errors.name ?? ''}>
          <input
            {...fieldProps(`${id}-name`, errors.name ?? '')}
            ref={nameInput}
            value={name}
            autoComplete="off"
            onChange={(event) => {
              setName(event.target.value);
              edited();
            }}
          />
        </Field>
        <Field
          id={`${id}-role`}
          label="Role"
          error={errors.role ?? ''}
          hint={
            roleChanges
              ? `Saving makes ${person.you ? 'you' : person.name} ${ROLE_NOUNS[role]} and signs ${person.you ? 'you' : 'them'} out on every screen at once.`
              : undefined
          }
        >
          <RoleSelect
            id={`${id}-role`}
            value={role}
            error={errors.role ?? ''}
            describedBy={roleChanges ? `${id}-role-hint` : undefined}
            onChange={(next) => {
              setRole(next);
              edited();
            }}
          />
        </Field>
      </div>
      {places.length > 1 ? (
        <WorksAtChoice
          id={`${id}-places`}
          places={places}
          chosen={locationIds}
          error={errors.locationIds ?? ''}
          signsOut={leaves}
          onChange={(next) => {
            setLocationIds(next);
            edited();
          }}
        />
      ) : null}
      <div className="staff-form__buttons">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button--quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <UnsavedPrompt
        blocker={blocker}
        question="Your changes to this person are not saved. Leave and lose them?"
      />
    </form>
  );
}
