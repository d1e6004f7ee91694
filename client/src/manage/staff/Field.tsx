/** A labelled control with the server's message under it, tied together for screen readers. */
import type { ReactNode } from 'react';
import { FieldMessage, messageProps } from '../FieldMessage';

export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error: string;
  hint?: ReactNode;
  /** The control, with `id`, `aria-invalid` and `aria-describedby={id-error [id-hint]}` set. */
  children: ReactNode;
}) {
  return (
    <div className="staff-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="staff-field__hint">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={`${id}-error`} alert>
        {error}
      </FieldMessage>
    </div>
  );
}

/** The props an input needs to join its Field. */
export function fieldProps(id: string, error: string, withHint = false) {
  return {
    id,
    ...messageProps(error, withHint ? `${id}-error ${id}-hint` : `${id}-error`),
  };
}
