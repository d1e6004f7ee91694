import { formatMoney } from '@ticketrail/shared';
import type { RouterOutputs } from '@ticketrail/server';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadError, Loading } from '../components/States';
import { useLiveMenu } from '../live/feeds';

type Menu = RouterOutputs['menu']['get'];
type MenuItem = Menu['categories'][number]['items'][number];

const flagLabel = (flag: string) => flag.replace('_', ' ');

function ItemRow({ item, currency }: { item: MenuItem; currency: string }) {
  const unorderable = !item.available || item.soldOut;
  return (
    <li className={`menu-item${unorderable ? ' menu-item--off' : ''}`}>
      <div className="menu-item__head">
        <h4>{item.name}</h4>
        <span className="price">{formatMoney(item.priceCents, currency)}</span>
      </div>
      {item.description ? <p className="muted">{item.description}</p> : null}
      <div className="tags">
        {item.soldOut ? <span className="tag tag--warn">Sold out</span> : null}
        {!item.available ? <span className="tag tag--warn">Unavailable</span> : null}
        {item.dietary.map((flag) => (
          <span key={flag} className="tag">
            {flagLabel(flag)}
          </span>
        ))}
        {item.allergens.length > 0 ? (
          <span className="tag tag--allergen">Contains: {item.allergens.join(', ')}</span>
        ) : null}
      </div>
    </li>
  );
}

function Section({
  name,
  items,
  currency,
  level,
}: {
  name: string;
  items: MenuItem[];
  currency: string;
  level: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="menu-section">
      <Heading>{name}</Heading>
      {items.length > 0 ? (
        <ul className="menu-items">
          {items.map((item) => (
            <ItemRow key={item.id} item={item} currency={currency} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function MenuPage({ slug }: { slug: string }) {
  // Items the kitchen 86es (or brings back) change here as it happens.
  const { menu, live } = useLiveMenu(slug);
  if (menu.isPending) {
    return (
      <main className="page">
        <Loading what="the menu" />
      </main>
    );
  }
  if (menu.isError) {
    return (
      <main className="page">
        <LoadError message={menu.error.message} onRetry={() => void menu.refetch()} />
        <a href="/">All restaurants</a>
      </main>
    );
  }
  const { location, categories } = menu.data;
  return (
    <main className="page">
      <header className="menu-header">
        <a href="/" className="muted">
          ← All restaurants
        </a>
        <h1>{location.name}</h1>
        <ConnectionBadge connection={live} />
        {!location.acceptingOrders ? (
          <p className="tag tag--warn">Not taking orders right now</p>
        ) : null}
      </header>
      {categories.map((category) => (
        <div key={category.id}>
          <Section
            name={category.name}
            items={category.items}
            currency={location.currency}
            level={2}
          />
          {category.children.map((child) => (
            <Section
              key={child.id}
              name={child.name}
              items={child.items}
              currency={location.currency}
              level={3}
            />
          ))}
        </div>
      ))}
    </main>
  );
}
