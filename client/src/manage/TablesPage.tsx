/**
 * The location's tables: add one, rename it, give it a new QR code, remove
 * it; and the way to the printable cards. What the server refuses is said
 * where it was asked (the field, the row); what was done is read out once.
 */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { trpc } from '../api/client';
import { useEndedSession } from '../auth/ended-session';
import { LoadError, Loading } from '../components/States';
import { AddTableForm } from './AddTableForm';
import { useManagedLocation } from './location-context';
import { TableRow } from './TableRow';

export function TablesPage() {
  const location = useManagedLocation();
  const tables = trpc.tables.list.useQuery({ locationId: location.id });
  const ended = useEndedSession(tables.error);
  const [notice, setNotice] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `Tables · ${location.name}`;
  }, [location.name]);

  if (ended) return null;
  const count = tables.data?.tables.length ?? 0;
  return (
    <section className="manage-page" aria-labelledby="tables-heading">
      <div className="manage-page__head">
        <h2 id="tables-heading" ref={heading} tabIndex={-1}>
          Tables
        </h2>
        {/* The pickup card is there to print even before the first table. */}
        <Link className="button" to="/manage/$slug/qr" params={{ slug: location.slug }}>
          Print QR cards
        </Link>
      </div>
      <p className="muted">
        Each table has its own QR code: a guest who scans it orders to that table. Guests without a
        table order for pickup.
      </p>
      <AddTableForm
        locationId={location.id}
        onAdded={(table) => setNotice(`Added ${table.label}.`)}
      />
      <p className="manage-notice" role="status">
        {notice}
      </p>
      {tables.isPending ? (
        <Loading what="the tables" />
      ) : tables.isError ? (
        <LoadError message={tables.error.message} onRetry={() => void tables.refetch()} />
      ) : count === 0 ? (
        <p className="state">No tables yet. Add the first one above.</p>
      ) : (
        <ul className="table-list" aria-labelledby="tables-heading">
          {tables.data.tables.map((table) => (
            <TableRow
              key={table.id}
              table={table}
              location={location}
              origin={tables.data.publicUrl ?? window.location.origin}
              onNotice={setNotice}
              onRemoved={(label) => {
                setNotice(`Removed ${label}. Its QR code no longer works.`);
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
