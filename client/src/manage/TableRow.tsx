/**
 * One table in the list: its name and the link its QR code holds, and what a
 * manager does to it. Renaming keeps the code; removing the table or giving it
 * a new code breaks the printed one, so both ask first and say so.
 */
import { useRef } from 'react';
import { trpc } from '../api/client';
import { ConfirmTableChange } from './ConfirmTableChange';
import type { ManagedTable } from './managed-table';
import { RenameTableForm } from './RenameTableForm';
import { RowButton } from './RowButton';
import { fieldMessage } from './server-message';
import { guestMenuUrl } from './table-link';
import { useRowMode } from './useRowMode';

export type { ManagedTable } from './managed-table';

type Mode = 'view' | 'rename' | 'remove' | 'newCode';

export function TableRow({
  table,
  location,
  origin,
  onNotice,
  onRemoved,
}: {
  table: ManagedTable;
  location: { id: number; slug: string };
  /** Where guests reach the server: the operator's PUBLIC_URL, or this page's origin. */
  origin: string;
  /** Something to tell the manager (read out): the table was renamed or has a new code. */
  onNotice: (message: string) => void;
  /** The table is gone: the page says so and takes the focus its buttons had. */
  onRemoved: (label: string) => void;
}) {
  const { mode, setMode, close } = useRowMode<Mode>();
  const renameButton = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const newCodeButton = useRef<HTMLButtonElement>(null);
  const utils = trpc.useUtils();
  const refresh = () => utils.tables.list.invalidate({ locationId: location.id });

  const remove = trpc.tables.remove.useMutation({
    onSuccess: () => onRemoved(table.label),
    onSettled: refresh,
  });
  const newSecret = trpc.tables.newSecret.useMutation({
    onSuccess: (changed) => {
      onNotice(
        `${changed.label} has a new QR code. Print its new card: the old one no longer works.`,
      );
      close(newCodeButton);
    },
    onSettled: refresh,
  });

  const url = guestMenuUrl(origin, location.slug, table.secret);

  return (
    <li className="table-row">
      <div className="table-row__main">
        {mode === 'rename' ? (
          <RenameTableForm
            table={table}
            locationId={location.id}
            onDone={(renamed) => {
              if (renamed) onNotice(`${table.label} is now called ${renamed.label}.`);
              close(renameButton);
            }}
          />
        ) : (
          <h3 className="table-row__label">{table.label}</h3>
        )}
        <a className="table-row__link" href={url}>
          {url}
        </a>
      </div>
      {mode === 'view' ? (
        <div className="table-row__actions">
          <RowButton
            verb="Rename"
            name={table.label}
            buttonRef={renameButton}
            onClick={() => setMode('rename')}
          />
          <RowButton
            verb="New code"
            name={table.label}
            buttonRef={newCodeButton}
            onClick={() => setMode('newCode')}
          />
          <RowButton
            verb="Remove"
            name={table.label}
            danger
            buttonRef={removeButton}
            onClick={() => setMode('remove')}
          />
        </div>
      ) : null}
      {mode === 'remove' ? (
        <ConfirmTableChange
          confirmLabel={`Remove ${table.label}`}
          pending={remove.isPending}
          error={fieldMessage(remove.error)}
          onConfirm={() => remove.mutate({ tableId: table.id })}
          onCancel={() => close(removeButton)}
        >
          Remove {table.label}? Its QR code stops working: a guest who scans it is told the table is
          no longer in use. Orders already placed at it are kept.
        </ConfirmTableChange>
      ) : null}
      {mode === 'newCode' ? (
        <ConfirmTableChange
          confirmLabel={`Make a new code for ${table.label}`}
          pending={newSecret.isPending}
          error={fieldMessage(newSecret.error)}
          onConfirm={() => newSecret.mutate({ tableId: table.id })}
          onCancel={() => close(newCodeButton)}
        >
          Give {table.label} a new QR code? The printed code stops working: a guest who scans it is
          told it has been replaced. Print the new card and put it on the table.
        </ConfirmTableChange>
      ) : null}
    </li>
  );
}
