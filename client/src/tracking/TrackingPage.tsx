/**
 * `/track/<order id>#token=<tracking token>`: the guest's order, live. The
 * snapshot and the order's feed keep it current (`useLiveOrder` resumes after
 * a dropped connection or a reload from the server's event log), so the page
 * only ever renders the latest order the server sent.
 */
import { Link, useLocation, useRouter } from '@tanstack/react-router';
import { useEffect, useLayoutEffect, useState } from 'react';
import { trackOrderInputSchema } from '@ticketrail/shared';
import { trpc } from '../api/client';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadError, Loading } from '../components/States';
import { useClock, type Clock } from '../lib/clock-context';
import { NotifyMe } from './NotifyMe';
import { OrderHero } from './OrderHero';
import { OrderItems } from './OrderItems';
import { OrderNotFound } from './OrderNotFound';
import { recentOrders, rememberOrder } from './recent-orders';
import { StageLine } from './StageLine';
import { readTrackingAddress } from './tracking-link';
import { headline, showsItemProgress, trackingStages, type GuestOrder } from './tracking-model';
import { useLiveOrder } from './useLiveOrder';
import { useOrderTitle, useReadyAlerts, useReadyMoment } from './useReadyMoment';
import './tracking.css';

/** Answers that mean "no such order for this link": say so, and nothing else. */
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_REQUEST']);

/**
 * The token from the address. An old link's `?token=` moves to the fragment
 * before anything is fetched (layout effects run before the queries start),
 * so no request of this page carries it in a Referer.
 */
function useTrackingToken(): string | null {
  // The address as it stands, fragment and all: the router decodes its own copy of the fragment.
  const href = useLocation({ select: (location) => location.href });
  const { token, rewrite } = readTrackingAddress(new URL(href, window.location.origin));
  const router = useRouter();
  useLayoutEffect(() => {
    if (!rewrite) return;
    void router.navigate({ href: rewrite, replace: true });
    // The router writes the address bar a microtask later, and the page's
    // first requests may go before that: write it now, so no Referer has the token.
    router.history.flush();
  }, [rewrite, router]);
  return token;
}

export function TrackingPage({ orderId }: { orderId: string }) {
  const token = useTrackingToken();
  // A missing or malformed link cannot match an order: no need to ask the server.
  const link = trackOrderInputSchema.safeParse({ orderId, token });
  if (!link.success) return <OrderNotFound />;
  const { orderId: id, token: secret } = link.data;
  return <LiveTracking key={`${id}:${secret}`} orderId={id} token={secret} />;
}

/** Adds the order to this browser's recent orders once the server has vouched for the link. */
function useRememberOrder(
  order: GuestOrder | undefined,
  token: string,
  locationName: string | null,
  clock: Clock,
) {
  const orderId = order?.id;
  const displayNumber = order?.displayNumber;
  const placedAt = order?.times.placedAt;
  useEffect(() => {
    if (!orderId || !displayNumber || !placedAt) return;
    rememberOrder(
      { orderId, token, displayNumber, placedAt, ...(locationName ? { locationName } : {}) },
      clock(),
    );
  }, [orderId, displayNumber, placedAt, token, locationName, clock]);
}

function LiveTracking({ orderId, token }: { orderId: string; token: string }) {
  const { order: snapshot, live } = useLiveOrder(orderId, token);
  const order = snapshot.data?.order;
  // The order carries its location's id; its name (for the title and the
  // notification) and menu link come from the public list of locations.
  const locations = trpc.menu.locations.useQuery(undefined, {
    enabled: order !== undefined,
    staleTime: Infinity,
  });
  const location = locations.data?.find((candidate) => candidate.id === order?.locationId);
  const clock = useClock();
  const [rememberedName] = useState(
    () => recentOrders(clock()).find((recent) => recent.orderId === orderId)?.locationName ?? null,
  );
  const locationName = location?.name ?? rememberedName;

  const alerts = useReadyAlerts(orderId);
  useOrderTitle(order, locationName);
  useReadyMoment(order, { alertsWanted: alerts.wanted, locationName });
  useRememberOrder(order, token, locationName, clock);

  if (!order) {
    if (snapshot.isError) {
      if (NOT_FOUND_CODES.has(snapshot.error.data?.code ?? '')) return <OrderNotFound />;
      return (
        <main className="page tracking">
          <LoadError message={snapshot.error.message} onRetry={() => void snapshot.refetch()} />
        </main>
      );
    }
    return (
      <main className="page tracking">
        <Loading what="your order" />
      </main>
    );
  }

  const words = headline(order);
  const open = order.status === 'placed' || showsItemProgress(order.status);
  return (
    <main className="page tracking" onPointerDown={alerts.unlockOnTap}>
      <header className="tracking-bar">
        <p className="tracking-bar__place">{locationName ?? 'Your order'}</p>
        <ConnectionBadge connection={live} />
      </header>
      {live.error && live.status !== 'live' ? (
        <p className="tracking-bar__error">{live.error.message}</p>
      ) : null}
      <OrderHero order={order} />
      {/* Read out when the stage changes; the badge above has its own live region. */}
      <p className="visually-hidden" aria-live="polite">
        {`${words.title}. ${words.detail}`}
      </p>
      {open ? <NotifyMe alerts={alerts} /> : null}
      <section className="tracking-card" aria-labelledby="progress-heading">
        <h2 id="progress-heading" className="tracking-card__title">
          Progress
        </h2>
        <StageLine stages={trackingStages(order)} />
      </section>
      <OrderItems order={order} showStatus={showsItemProgress(order.status)} />
      <footer className="tracking-foot">
        {/* Worth saying only while there is something left to follow. */}
        {open || order.status === 'ready' ? (
          <p>This page updates by itself, so there is no need to refresh.</p>
        ) : null}
        {location ? (
          <Link to="/l/$slug" params={{ slug: location.slug }}>
            See the {location.name} menu
          </Link>
        ) : null}
      </footer>
    </main>
  );
}
