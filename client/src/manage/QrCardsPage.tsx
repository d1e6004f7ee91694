/**
 * The cards to print and put on the tables: one per table, with the QR code
 * its guests scan, and one for pickup. On paper only the cards are printed
 * (manage.css), three to a row of an A4 page.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import { trpc } from '../api/client';
import { useEndedSession } from '../auth/ended-session';
import { LoadError, Loading } from '../components/States';
import { useManagedLocation } from './location-context';
import type { ManagedTable } from './managed-table';
import { qrImage } from './qr-image';
import { guestMenuUrl } from './table-link';

interface Card {
  key: string;
  title: string;
  line: string;
  url: string;
}

export function qrCards(origin: string, slug: string, tables: readonly ManagedTable[]): Card[] {
  return [
    ...tables.map((table) => ({
      key: `table-${table.id}`,
      title: table.label,
      line: 'Scan to order',
      url: guestMenuUrl(origin, slug, table.secret),
    })),
    {
      key: 'pickup',
      title: 'Pickup',
      line: 'Scan to order for pickup',
      url: guestMenuUrl(origin, slug),
    },
  ];
}

function CardList({ cards, restaurant }: { cards: Card[]; restaurant: string }) {
  const urls = cards.map((card) => card.url);
  const images = useQuery({
    queryKey: ['qr-images', urls],
    queryFn: () => Promise.all(urls.map(qrImage)),
    staleTime: Infinity,
  });
  if (images.isPending) return <Loading what="the QR codes" />;
  if (images.isError) {
    return <LoadError message={images.error.message} onRetry={() => void images.refetch()} />;
  }
  return (
    <ul className="qr-cards">
      {cards.map((card, index) => (
        <li key={card.key} className="qr-card">
          <p className="qr-card__place">{restaurant}</p>
          <h3 className="qr-card__title">{card.title}</h3>
          <p className="qr-card__line">{card.line}</p>
          <img
            className="qr-card__code"
            src={images.data[index]}
            alt={`QR code for ${card.title}: ${card.url}`}
          />
        </li>
      ))}
    </ul>
  );
}

export function QrCardsPage() {
  const location = useManagedLocation();
  const tables = trpc.tables.list.useQuery({ locationId: location.id });
  const ended = useEndedSession(tables.error);

  useEffect(() => {
    document.title = `QR cards · ${location.name}`;
  }, [location.name]);

  if (ended) return null;
  return (
    <section className="manage-page qr-page" aria-labelledby="qr-heading">
      <div className="manage-page__head qr-page__tools">
        <h2 id="qr-heading">QR cards</h2>
        <Link to="/manage/$slug/tables" params={{ slug: location.slug }}>
          Back to tables
        </Link>
        <button
          type="button"
          className="button"
          disabled={!tables.isSuccess}
          onClick={() => window.print()}
        >
          Print
        </button>
      </div>
      <p className="muted qr-page__tools">
        One card per table and one for pickup. Cut them out and put each on its table; a table that
        got a new code needs its new card.
      </p>
      {tables.isPending ? (
        <Loading what="the tables" />
      ) : tables.isError ? (
        <LoadError message={tables.error.message} onRetry={() => void tables.refetch()} />
      ) : (
        <CardList
          restaurant={location.name}
          cards={qrCards(
            tables.data.publicUrl ?? window.location.origin,
            location.slug,
            tables.data.tables,
          )}
        />
      )}
    </section>
  );
}
