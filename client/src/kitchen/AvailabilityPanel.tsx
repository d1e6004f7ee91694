/**
 * "86" from the board: take an item off the menu when the kitchen runs out,
 * bring it back later. Guests' menu pages follow at once (the menu feed), and
 * so does this list, so two screens never disagree for long.
 */
import { useState } from 'react';
import { trpc } from '../api/client';
import { LoadError, Loading } from '../components/States';
import type { Menu } from '../ordering/menu-model';
import { useLiveMenu } from '../ordering/useLiveMenu';

type MenuItem = Menu['categories'][number]['items'][number];

function flatten(menu: Menu): { section: string; items: MenuItem[] }[] {
  return menu.categories.flatMap((category) => [
    { section: category.name, items: category.items },
    ...category.children.map((child) => ({
      section: `${category.name} · ${child.name}`,
      items: child.items,
    })),
  ]);
}

export function AvailabilityPanel({
  locationSlug,
  onRefused,
}: {
  locationSlug: string;
  onRefused: (message: string) => void;
}) {
  const { menu } = useLiveMenu(locationSlug);
  const [filter, setFilter] = useState('');
  const setAvailability = trpc.menu.setAvailability.useMutation({
    onError: (error) => onRefused(error.message),
  });

  if (menu.isPending) return <Loading what="the menu" />;
  if (menu.isError) {
    return <LoadError message={menu.error.message} onRetry={() => void menu.refetch()} />;
  }
  const wanted = filter.trim().toLowerCase();
  const sections = flatten(menu.data)
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => item.name.toLowerCase().includes(wanted)),
    }))
    .filter((section) => section.items.length > 0);
  const off = flatten(menu.data).flatMap((section) =>
    section.items.filter((item) => !item.available),
  );

  return (
    <aside className="side-panel side-panel--wide" aria-labelledby="eighty-six-title">
      <h2 id="eighty-six-title">86 · availability</h2>
      <p className="muted">
        {off.length === 0 ? 'Everything is on.' : `Off: ${off.map((item) => item.name).join(', ')}`}
      </p>
      <input
        type="search"
        className="side-panel__search"
        placeholder="Find an item"
        aria-label="Find an item"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {sections.map((section) => (
        <section key={section.section} className="availability">
          <h3>{section.section}</h3>
          <ul>
            {section.items.map((item) => {
              const busy =
                setAvailability.isPending && setAvailability.variables.itemId === item.id;
              return (
                <li key={item.id} className={item.available ? '' : 'availability--off'}>
                  <span>
                    {item.name}
                    {item.soldOut ? <span className="tag tag--warn"> sold out</span> : null}
                  </span>
                  {/* The name says what the word does ("86 Burrata"), and starts with the
                      word shown, so a voice user can say what they see. */}
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      setAvailability.mutate({ itemId: item.id, available: !item.available })
                    }
                  >
                    {busy ? '…' : item.available ? '86' : 'Bring back'}
                    <span className="visually-hidden"> {item.name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </aside>
  );
}
