/**
 * The step before a change that breaks a printed QR code (removing a table,
 * giving it a new code): it says what stops working, and waits for a second
 * press. Focus starts on Cancel, so a double Enter does no harm; Escape
 * cancels.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmTableChange({
  children,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  /** What happens, and what stops working. */
  children: ReactNode;
  /** The button's words, naming the table ("Remove Table 4"). */
  confirmLabel: string;
  pending: boolean;
  error: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
  }, []);
  return (
    <div
      className="table-confirm"
      role="group"
      aria-labelledby={`${id}-what`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={`${id}-what`} className="table-confirm__what">
        {children}
      </p>
      <div className="table-confirm__buttons">
        <button type="button" className="button--danger" disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button--quiet" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="form__error" role="alert">
        {error}
      </p>
    </div>
  );
}
