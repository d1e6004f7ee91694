/**
 * Adding a table: its name is all a manager gives; the server makes the
 * secret its QR code holds. A refused name (empty, too long, taken) keeps what
 * was typed and says why next to the field.
 */
import { useState, type FormEvent } from 'react';
import { trpc } from '../api/client';
import { fieldMessage } from './server-message';
import type { ManagedTable } from './managed-table';

export function AddTableForm({
  locationId,
  onAdded,
}: {
  locationId: number;
  onAdded: (table: ManagedTable) => void;
}) {
  const [label, setLabel] = useState('');
  const utils = trpc.useUtils();
  const add = trpc.tables.add.useMutation({
    onSuccess: (table) => {
      setLabel('');
      onAdded(table);
    },
    // A taken name may be a table someone else just added: show it too.
    onSettled: () => utils.tables.list.invalidate({ locationId }),
  });
  const error = fieldMessage(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    add.mutate({ locationId, label: label.trim() });
  };

  return (
    <form className="add-table" onSubmit={submit} noValidate>
      <label htmlFor="add-table-label">New table’s name</label>
      <div className="add-table__row">
        <input
          id="add-table-label"
          value={label}
          placeholder="Table 12, Terrace 1…"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby="add-table-error"
          onChange={(event) => {
            setLabel(event.target.value);
            if (add.isError) add.reset();
          }}
        />
        <button type="submit" className="button" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add table'}
        </button>
      </div>
      <p id="add-table-error" className="form__error" role="alert">
        {error}
      </p>
    </form>
  );
}
