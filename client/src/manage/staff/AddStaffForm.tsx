/**
 * Adding someone to the location's team: name, email (their sign-in), role
 * and a first password to hand them. A refusal keeps what was typed and is
 * said beside the field it is about (a taken email beside the email).
 */
import { PASSWORD_RULE, type StaffRole } from '@ticketrail/shared';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { Field, fieldProps } from './Field';
import { fieldMessages } from './field-messages';
import { RoleSelect } from './RoleSelect';
import type { StaffMember } from './staff-member';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';

const EMPTY = { name: '', email: '', role: 'kitchen' as StaffRole, password: '' };
const FIELDS = ['name', 'email', 'role', 'password'] as const;

export function AddStaffForm({
  locationId,
  onAdded,
}: {
  locationId: number;
  onAdded: (person: StaffMember) => void;
}) {
  const [draft, setDraft] = useState(EMPTY);
  const utils = trpc.useUtils();
  const add = trpc.staff.add.useMutation({
    onSuccess: (person) => {
      setDraft(EMPTY);
      onAdded(person);
    },
    onSettled: () => utils.staff.list.invalidate({ locationId }),
  });
  const dirty = draft.name !== '' || draft.email !== '' || draft.password !== '';
  const blocker = useUnsavedWarning(dirty);
  const errors = fieldMessages(add.error, FIELDS, 'email');

  const set = (patch: Partial<typeof EMPTY>) => {
    setDraft((current) => ({ ...current, ...patch }));
    if (add.isError) add.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate({ locationId, ...draft, name: draft.name.trim(), email: draft.email.trim() });
  };

  return (
    <form className="staff-form" onSubmit={submit} noValidate aria-labelledby="add-staff-heading">
      <h3 id="add-staff-heading">Add someone</h3>
      <div className="staff-form__grid">
        <Field id="add-staff-name" label="Name" error={errors.name ?? ''}>
          <input
            {...fieldProps('add-staff-name', errors.name ?? '')}
            value={draft.name}
            autoComplete="off"
            onChange={(event) => set({ name: event.target.value })}
          />
        </Field>
        <Field id="add-staff-email" label="Email (they sign in with it)" error={errors.email ?? ''}>
          <input
            {...fieldProps('add-staff-email', errors.email ?? '')}
            type="email"
            value={draft.email}
            autoComplete="off"
            onChange={(event) => set({ email: event.target.value })}
          />
        </Field>
        <Field id="add-staff-role" label="Role" error={errors.role ?? ''}>
          <RoleSelect
            id="add-staff-role"
            value={draft.role}
            error={errors.role ?? ''}
            onChange={(role) => set({ role })}
          />
        </Field>
        <Field
          id="add-staff-password"
          label="First password"
          error={errors.password ?? ''}
          hint={`${PASSWORD_RULE} Give it to them; they can change it after signing in.`}
        >
          <input
            {...fieldProps('add-staff-password', errors.password ?? '', true)}
            type="password"
            value={draft.password}
            autoComplete="new-password"
            onChange={(event) => set({ password: event.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add to the team'}
      </button>
      <UnsavedPrompt
        blocker={blocker}
        question="The new person is not added yet. Leave and lose what you typed?"
      />
    </form>
  );
}
