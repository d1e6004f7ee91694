/**
 * The front door. A guest finds a restaurant and their recent orders; a
 * newcomer trying Ticketrail finds every face of each location (menu, a
 * table's QR entry, kitchen board, ready board) and, on the demo data, the
 * logins to sign in with.
 */
import { Link } from '@tanstack/react-router';
import { orderingRefusal, ROLE_LABELS } from '@ticketrail/shared';
import type { RouterOutputs } from '@ticketrail/server';
import { trpc } from '../api/client';
import { LoadError, Loading } from '../components/States';
import { useClock } from '../lib/clock-context';
import { recentOrders } from '../tracking/recent-orders';
import { trackingLink } from '../tracking/tracking-link';

type Location = RouterOutputs['menu']['locations'][number];
type DemoWelcome = NonNullable<RouterOutputs['demo']['welcome']>;

function RecentOrders() {
  const clock = useClock();
  // Read once per visit: the list only changes when this browser places an order.
  const orders = recentOrders(clock());
  if (orders.length === 0) return null;
  return (
    <section aria-labelledby="recent-heading" className="home-section">
      <h2 id="recent-heading">Your recent orders</h2>
      <ul className="recent-orders">
        {orders.map((order) => (
          <li key={order.orderId}>
            <Link {...trackingLink(order.orderId, order.token)}>
              <strong>{order.displayNumber}</strong>
              {order.locationName ? ` · ${order.locationName}` : ''}
            </Link>{' '}
            <span className="muted">
              placed{' '}
              {new Date(order.placedAt).toLocaleString(undefined, {
                weekday: 'short',
                hour: '2-digit',
                minute: '2-digit',
              })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function LocationCard({ location, demo }: { location: Location; demo: DemoWelcome | null }) {
  const clock = useClock();
  const table = demo?.tables.find((candidate) => candidate.locationSlug === location.slug);
  // The menu's own rule (switched off, or closed by its hours), in the same words.
  const refusal = orderingRefusal(location.name, location, clock());
  return (
    <li className="card location-card">
      <h3>{location.name}</h3>
      <p className={refusal ? 'muted' : 'open-now'}>{refusal ?? 'Taking orders now'}</p>
      <Link className="button" to="/l/$slug" params={{ slug: location.slug }}>
        See the menu
      </Link>
      <ul className="face-links" aria-label={`More of ${location.name}`}>
        {table ? (
          <li>
            <Link to="/l/$slug" params={{ slug: location.slug }} search={{ table: table.secret }}>
              {table.label}’s QR code
            </Link>{' '}
            <span className="muted">order to a table</span>
          </li>
        ) : null}
        <li>
          <Link to="/board/$slug" params={{ slug: location.slug }}>
            Ready board
          </Link>{' '}
          <span className="muted">for a screen in the room</span>
        </li>
        <li>
          <Link to="/kitchen/$slug" params={{ slug: location.slug }}>
            Kitchen board
          </Link>{' '}
          <span className="muted">staff sign-in</span>
        </li>
        <li>
          <Link to="/manage/$slug" params={{ slug: location.slug }}>
            Back office
          </Link>{' '}
          <span className="muted">managers: tables and QR codes</span>
        </li>
      </ul>
    </li>
  );
}

function DemoLogins({ demo }: { demo: DemoWelcome }) {
  return (
    <section aria-labelledby="demo-heading" className="home-section demo-logins">
      <h2 id="demo-heading">Try it with the demo logins</h2>
      <p className="muted">
        This installation runs on the demo restaurant. Sign in on a kitchen board with one of these,
        place an order from another tab or your phone, and watch it arrive. Change the passwords
        before a real service: they disappear from here once changed.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Role</th>
            <th scope="col">Email</th>
            <th scope="col">Password</th>
          </tr>
        </thead>
        <tbody>
          {demo.logins.map((login) => (
            <tr key={login.email}>
              <td>{ROLE_LABELS[login.role]}</td>
              <td>
                <code>{login.email}</code>
              </td>
              <td>
                <code>{login.password}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function HomePage() {
  const locations = trpc.menu.locations.useQuery();
  const demo = trpc.demo.welcome.useQuery(undefined, { staleTime: 60_000 });
  const demoData = demo.data ?? null;
  return (
    <main className="page">
      <header className="hero">
        <h1>Ticketrail</h1>
        <p>
          Order from your phone without an account, follow your order live, and run the kitchen from
          one board that never loses a ticket.
        </p>
      </header>
      <RecentOrders />
      <section aria-labelledby="locations-heading" className="home-section">
        <h2 id="locations-heading">Our restaurants</h2>
        {locations.isPending ? (
          <Loading what="restaurants" />
        ) : locations.isError ? (
          <LoadError message={locations.error.message} onRetry={() => void locations.refetch()} />
        ) : locations.data.length === 0 ? (
          <p className="state">No restaurants yet. Run the seed to add the demo restaurant.</p>
        ) : (
          <ul className="cards">
            {locations.data.map((location) => (
              <LocationCard key={location.id} location={location} demo={demoData} />
            ))}
          </ul>
        )}
      </section>
      {demoData ? <DemoLogins demo={demoData} /> : null}
    </main>
  );
}
