/**
 * Changing one's own password, given the current one. Other screens signed
 * in as this person sign out; this one stays.
 */
import { PASSWORD_RULE } from '@ticketrail/shared';
import { useState, type FormEvent } from 'react';
import { trpc } from '../../api/client';
import { Field, fieldProps } from './Field';
import { fieldMessages } from './field-messages';
import { UnsavedPrompt } from '../UnsavedPrompt';
import { useUnsavedWarning } from '../useUnsavedWarning';

const EMPTY = { currentPassword: '', newPassword: '' };

export function ChangePasswordForm() {
  const [draft, setDraft] = useState(EMPTY);
  const [done, setDone] = useState('');
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: ({ otherSessionsEnded }) => {
      setDraft(EMPTY);
      setDone(
        otherSessionsEnded > 0
          ? 'Your password is changed. Your other screens were signed out.'
          : 'Your password is changed.',
      );
    },
  });
  const blocker = useUnsavedWarning(draft.currentPassword !== '' || draft.newPassword !== '');
  // A wrong current password (and a throttled try) belong to the current password.
  const errors = fieldMessages(change.error, ['currentPassword', 'newPassword'], 'currentPassword');

  const set = (patch: Partial<typeof EMPTY>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDone('');
    if (change.isError) change.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    change.mutate(draft);
  };

  return (
    <form
      className="staff-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="change-password-heading"
    >
      <h3 id="change-password-heading">Change my password</h3>
      <div className="staff-form__grid">
        <Field id="own-current" label="Current password" error={errors.currentPassword ?? ''}>
          <input
            {...fieldProps('own-current', errors.currentPassword ?? '')}
            type="password"
            value={draft.currentPassword}
            autoComplete="current-password"
            onChange={(event) => set({ currentPassword: event.target.value })}
          />
        </Field>
        <Field
          id="own-new"
          label="New password"
          error={errors.newPassword ?? ''}
          hint={PASSWORD_RULE}
        >
          <input
            {...fieldProps('own-new', errors.newPassword ?? '', true)}
            type="password"
            value={draft.newPassword}
            autoComplete="new-password"
            onChange={(event) => set({ newPassword: event.target.value })}
          />
        </Field>
      </div>
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? 'Changing…' : 'Change my password'}
      </button>
      <p className="manage-notice" role="status">
        {done}
      </p>
      <UnsavedPrompt
        blocker={blocker}
        question="Your password is not changed yet. Leave and lose what you typed?"
      />
    </form>
  );
}
