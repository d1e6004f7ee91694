/**
 * The guest's menu: browse, choose, and order from a phone. Availability is
 * live (the kitchen's 86 greys an item out while the guest looks at it), the
 * cart is kept per location across reloads, and the checkout sends one order
 * however often "Place order" is tapped.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { formatMoney } from '@ticketrail/shared';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadError, Loading } from '../components/States';
import { useClock } from '../lib/clock-context';
import { rememberOrder } from '../tracking/recent-orders';
import { trackingLink } from '../tracking/tracking-link';
import { addToCart, cartIssues, itemCount } from './cart';
import { FilterSheet } from './FilterSheet';
import { ItemDialog, type ItemChoice } from './ItemDialog';
import {
  filterMenu,
  isFiltering,
  NO_FILTER,
  readStoredFilter,
  writeStoredFilter,
  type MenuFilter,
} from './menu-filter';
import { itemsById, readableFlag, unavailableReason, type Menu, type MenuItem } from './menu-model';
import { useStoredCart } from './stored-cart';
import { useLiveMenu } from './useLiveMenu';
import { useOrderingState } from './useOrderingState';
import { useTableLink, type TableLink } from './useTableLink';
import { usePlaceOrder } from './usePlaceOrder';
import './ordering.css';

function ItemRow({
  item,
  currency,
  inCart,
  onOpen,
}: {
  item: MenuItem;
  currency: string;
  /** How many of it the cart holds. */
  inCart: number;
  onOpen: () => void;
}) {
  const off = unavailableReason(item);
  // No aria-label: the button's own text (description, allergens, "Sold out") is what a
  // screen reader should read, allergens above all.
  return (
    <li className={`menu-item${off ? ' menu-item--off' : ''}`}>
      <button
        type="button"
        className={`menu-item__open${item.photoUrl ? ' menu-item__open--photo' : ''}`}
        onClick={onOpen}
      >
        {item.photoUrl ? (
          // alt="": the dish's name is the button's text beside it; the sheet's photo is described.
          <img
            className="menu-item__photo"
            src={item.photoUrl}
            alt=""
            width={72}
            height={72}
            loading="lazy"
            decoding="async"
          />
        ) : null}
        <span className="menu-item__head">
          <span className="menu-item__name">{item.name}</span>
          <span className="price">{formatMoney(item.priceCents, currency)}</span>
        </span>
        {item.description ? (
          <span className="menu-item__description">{item.description}</span>
        ) : null}
        <span className="tags">
          {off ? <span className="tag tag--warn">{off}</span> : null}
          {inCart > 0 ? <span className="tag tag--cart">{inCart} in your order</span> : null}
          {item.dietary.map((flag) => (
            <span key={flag} className="tag">
              {readableFlag(flag)}
            </span>
          ))}
          {item.allergens.length > 0 ? (
            <span className="tag tag--allergen">
              Contains: {item.allergens.map(readableFlag).join(', ')}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}

function TableBanner({ table }: { table: TableLink }) {
  if (table.state === 'none' || table.state === 'checking') return null;
  if (table.state === 'invalid') {
    return (
      <p className="notice notice--warn" role="alert">
        {table.message} You can still order for pickup, or ask a member of staff.
      </p>
    );
  }
  return (
    <p className="table-banner">
      Ordering to <strong>{table.label}</strong>: we bring it to your table.
    </p>
  );
}

function Sections({
  categories,
  currency,
  quantities,
  onOpen,
}: {
  categories: Menu['categories'];
  currency: string;
  quantities: ReadonlyMap<number, number>;
  onOpen: (item: MenuItem) => void;
}) {
  const list = (items: MenuItem[]) =>
    items.length > 0 ? (
      <ul className="menu-items">
        {items.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            currency={currency}
            inCart={quantities.get(item.id) ?? 0}
            onOpen={() => onOpen(item)}
          />
        ))}
      </ul>
    ) : null;
  return (
    <>
      {categories.map((category) => (
        <section
          key={category.id}
          id={`category-${category.id}`}
          className="menu-section"
          aria-labelledby={`category-${category.id}-name`}
        >
          <h2 id={`category-${category.id}-name`}>{category.name}</h2>
          {list(category.items)}
          {category.children.map((child) => (
            <section key={child.id} className="menu-subsection" aria-label={child.name}>
              <h3>{child.name}</h3>
              {list(child.items)}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

/**
 * The cart and checkout (with zod, for the checkout's messages) are their own
 * chunk: the menu reads without them. It is fetched as soon as the cart has a
 * line, so it is there by the time the guest opens the cart (issue 13).
 */
const loadCartSheet = () => import('./CartSheet');
const CartSheet = lazy(() => loadCartSheet().then(({ CartSheet }) => ({ default: CartSheet })));

/** `table` is the secret from a table's QR code (`?table=`); none, or null, orders for pickup. */
export function MenuPage({
  slug,
  table: tableSecret = null,
}: {
  slug: string;
  table?: string | null;
}) {
  const table = useTableLink(slug, tableSecret);
  const navigate = useNavigate();
  // Items the kitchen 86es (or brings back) change here as it happens.
  const { menu, live } = useLiveMenu(slug);
  const [cart, updateCart] = useStoredCart(slug);
  const [openItemId, setOpenItemId] = useState<number | null>(null);
  const [cartOpen, setCartOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [filter, setFilter] = useState(() => readStoredFilter(window.localStorage));
  const [filterOpen, setFilterOpen] = useState(false);
  const hasLines = cart.length > 0;
  useEffect(() => {
    if (hasLines) void loadCartSheet();
  }, [hasLines]);
  const changeFilter = (next: MenuFilter) => {
    setFilter(next);
    writeStoredFilter(window.localStorage, next);
  };
  const items = useMemo(
    () => (menu.data ? itemsById(menu.data) : new Map<number, MenuItem>()),
    [menu.data],
  );

  const clock = useClock();
  // Open or closed by the hours, accepting, the wait: from the live settings (useOrderingState).
  const ordering = useOrderingState(menu.data?.location);
  const order = usePlaceOrder(slug, (placed) => {
    rememberOrder(
      {
        orderId: placed.order.id,
        token: placed.trackingToken,
        displayNumber: placed.order.displayNumber,
        locationName: menu.data?.location.name ?? slug,
        placedAt: placed.order.times.placedAt,
      },
      clock(),
    );
    updateCart(() => []);
    void navigate(trackingLink(placed.order.id, placed.trackingToken));
  });

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
        <Link to="/">All restaurants</Link>
      </main>
    );
  }

  const { location } = menu.data;
  const shown = filterMenu(menu.data, filter);
  const openItem = openItemId === null ? undefined : items.get(openItemId);
  const count = itemCount(cart);
  const issues = cartIssues(cart, items);
  const flagged = issues.size;
  const quantities = new Map<number, number>();
  for (const line of cart)
    quantities.set(line.itemId, (quantities.get(line.itemId) ?? 0) + line.quantity);

  const add = (item: MenuItem, choice: ItemChoice) => {
    const added = addToCart(cart, { itemId: item.id, name: item.name, ...choice });
    updateCart(() => added.cart);
    setNotice(added.refused ?? `Added ${choice.quantity} × ${item.name} to your order.`);
    setOpenItemId(null);
  };

  return (
    <main className={`page page--menu${count > 0 ? ' page--with-cart' : ''}`}>
      <header className="menu-header">
        <Link to="/" className="menu-header__back">
          ← All restaurants
        </Link>
        <h1>{location.name}</h1>
        <ConnectionBadge connection={live} />
        <TableBanner table={table} />
        {ordering?.refusal ? (
          <p className="notice notice--warn" role="status">
            {ordering.refusal} You can still look at the menu.
          </p>
        ) : (
          <p className="menu-wait">{ordering?.wait}</p>
        )}
      </header>
      <nav className="category-nav" aria-label="Menu sections">
        <button type="button" className="filter-button" onClick={() => setFilterOpen(true)}>
          {isFiltering(filter)
            ? `Dietary · ${filter.only.length + filter.avoid.length}`
            : 'Dietary needs'}
        </button>
        {shown.categories.map((category) => (
          <a key={category.id} href={`#category-${category.id}`}>
            {category.name}
          </a>
        ))}
      </nav>
      {isFiltering(filter) ? (
        <p className="filter-summary" role="status">
          {shown.hidden === 0
            ? 'Every dish fits your dietary needs.'
            : `${shown.hidden} dish${shown.hidden === 1 ? '' : 'es'} hidden by your dietary needs.`}{' '}
          <button type="button" className="link-button" onClick={() => changeFilter(NO_FILTER)}>
            Show all
          </button>
        </p>
      ) : null}
      {shown.categories.length === 0 ? (
        <p className="state">
          No dish fits all of those. Ask a member of staff: the kitchen may be able to adapt one.
        </p>
      ) : null}
      <Sections
        categories={shown.categories}
        currency={location.currency}
        quantities={quantities}
        onOpen={(item) => setOpenItemId(item.id)}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </p>
      {count > 0 ? (
        <div className="cart-bar">
          <button
            type="button"
            className="button button--wide button--big cart-bar__button"
            onClick={() => setCartOpen(true)}
          >
            <span>
              View order · {count} item{count === 1 ? '' : 's'}
            </span>
            {flagged > 0 ? (
              <span className="cart-bar__flag">{flagged} can’t be ordered</span>
            ) : null}
          </button>
        </div>
      ) : null}
      {openItem ? (
        <ItemDialog
          key={openItem.id}
          item={openItem}
          currency={location.currency}
          acceptingOrders={!ordering?.refusal}
          onAdd={(choice) => add(openItem, choice)}
          onClose={() => setOpenItemId(null)}
        />
      ) : null}
      {filterOpen ? (
        <FilterSheet
          filter={filter}
          hidden={shown.hidden}
          onChange={changeFilter}
          onClose={() => setFilterOpen(false)}
        />
      ) : null}
      {cartOpen ? (
        <Suspense fallback={<Loading what="your order" />}>
          <CartSheet
            locationSlug={slug}
            currency={location.currency}
            acceptingOrders={!ordering?.refusal}
            closedReason={ordering?.refusal ?? null}
            orderTypes={location.orderTypes}
            cart={cart}
            items={items}
            issues={issues}
            table={table.state === 'valid' ? { secret: table.secret, label: table.label } : null}
            placing={order.placing}
            holding={order.holding}
            refusal={order.refusal}
            onCartChange={(change) => {
              order.clearRefusal();
              updateCart(change);
            }}
            onPlace={(request) => void order.place(request)}
            onClose={() => setCartOpen(false)}
          />
        </Suspense>
      ) : null}
    </main>
  );
}
