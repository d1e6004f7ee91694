import { trpc } from '../api/client';
import { LoadError, Loading } from '../components/States';

export function HomePage() {
  const locations = trpc.menu.locations.useQuery();
  return (
    <main className="page">
      <header className="hero">
        <h1>Ticketrail</h1>
        <p>Order from your phone, follow your order live, and run the kitchen from one board.</p>
      </header>
      <section aria-labelledby="locations-heading">
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
              <li key={location.id} className="card">
                <h3>{location.name}</h3>
                <p className="muted">
                  {location.acceptingOrders ? 'Taking orders now' : 'Not taking orders right now'}
                </p>
                <a className="button" href={`/l/${location.slug}`}>
                  See the menu
                </a>{' '}
                <a href={`/kitchen/${location.slug}`}>Kitchen board</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
