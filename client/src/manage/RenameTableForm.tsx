/**
 * Renaming a table in its row: Enter saves, Escape puts the name back. The QR
 * code stays the same (it holds the secret, not the name), so nothing needs
 * printing again.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { trpc } from '../api/client';
import { fieldMessage } from './server-message';
import type { ManagedTable } from './managed-table';

export function RenameTableForm({
  table,
  locationId,
  onDone,
}: {
  table: ManagedTable;
  locationId: number;
  /** Closes the form; `renamed` is the new table when the server took the name. */
  onDone: (renamed: ManagedTable | null) => void;
}) {
  const [label, setLabel] = useState(table.label);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const utils = trpc.useUtils();
  const rename = trpc.tables.rename.useMutation({
    onSuccess: (renamed) => onDone(renamed),
    onSettled: () => utils.tables.list.invalidate({ locationId }),
  });
  const error = fieldMessage(rename.error);
  const errorId = `rename-${table.id}-error`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rename.isPending) return;
    const next = label.trim();
    if (next === table.label) onDone(null);
    else rename.mutate({ tableId: table.id, label: next });
  };

  return (
    <form
      className="rename-table"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(null);
        }
      }}
    >
      <label htmlFor={`rename-${table.id}`}>New name for {table.label}</label>
      <div className="rename-table__row">
        <input
          id={`rename-${table.id}`}
          ref={input}
          value={label}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(event) => {
            setLabel(event.target.value);
            if (rename.isError) rename.reset();
          }}
        />
        <button type="submit" className="button" disabled={rename.isPending}>
          {rename.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button--quiet" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      <p id={errorId} className="form__error" role="alert">
        {error}
      </p>
    </form>
  );
}
