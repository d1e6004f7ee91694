/**
 * A manager gives someone a new password (forgotten, or shared too widely):
 * they are signed out everywhere and sign in again with it.
 */
import { PASSWORD_RULE } from '@ticketrail/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { Field, fieldProps } from './Field';
import { fieldMessages } from './field-messages';
import type { StaffMember } from './staff-member';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';

export function ResetPasswordForm({
  person,
  onDone,
}: {
  person: StaffMember;
  /** Closes the form; true when the password was set. */
  onDone: (set: boolean) => void;
}) {
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const setPasswordCall = trpc.staff.setPassword.useMutation({ onSuccess: () => onDone(true) });
  const blocker = useUnsavedWarning(password !== '' && !setPasswordCall.isSuccess);
  const errors = fieldMessages(setPasswordCall.error, ['password'], 'password');
  const id = `reset-password-${person.id}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (setPasswordCall.isPending) return;
    setPasswordCall.mutate({ staffId: person.id, password });
  };

  return (
    <form
      className="staff-form staff-form--inline"
      onSubmit={submit}
      noValidate
      aria-label={`Reset the password of ${person.name}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(false);
        }
      }}
    >
      <Field
        id={id}
        label={`New password for ${person.name}`}
        error={errors.password ?? ''}
        hint={`${PASSWORD_RULE} ${person.name} is signed out on every screen and signs in again with it.`}
      >
        <input
          {...fieldProps(id, errors.password ?? '', true)}
          ref={input}
          type="password"
          value={password}
          autoComplete="new-password"
          onChange={(event) => {
            setPassword(event.target.value);
            if (setPasswordCall.isError) setPasswordCall.reset();
          }}
        />
      </Field>
      <div className="staff-form__buttons">
        <button type="submit" className="button" disabled={setPasswordCall.isPending}>
          {setPasswordCall.isPending ? 'Saving…' : 'Set password'}
        </button>
        <button type="button" className="button--quiet" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <UnsavedPrompt
        blocker={blocker}
        question="The new password is not set yet. Leave and lose it?"
      />
    </form>
  );
}
