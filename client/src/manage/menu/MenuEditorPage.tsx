/**
 * The location's menu, as its manager keeps it: categories (one level of
 * nesting) with their dishes, each reordered by drag and drop or keyboard;
 * categories added, renamed, hidden, deleted; a dish's form beside the list
 * on a laptop, above it on a tablet. Every save reaches open guest menus and
 * kitchen boards live (the server's event); orders already placed keep their
 * own copy of what was ordered.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { trpc } from '../../api/client';
import { useEndedSession } from '../../auth/ended-session';
import { LoadError, Loading } from '../../components/States';
import { useManagedLocation } from '../location-context';
import { AddCategoryForm } from './AddCategoryForm';
import { categoryPath, categoryTree, type AdminMenu } from './admin-menu';
import { CategorySection, type SectionActions } from './CategorySection';
import { DishEditor, type DishTarget } from './DishEditor';
import { SortableList } from './SortableList';
import { useReorder } from './useReorder';

const targetKey = (target: DishTarget) =>
  target.kind === 'new' ? `new-${target.categoryId}` : `edit-${target.itemId}`;

export function MenuEditorPage() {
  const location = useManagedLocation();
  const menu = trpc.menuAdmin.get.useQuery({ locationId: location.id });
  const ended = useEndedSession(menu.error);
  const [notice, setNotice] = useState('');
  const [target, setTarget] = useState<DishTarget | null>(null);
  /** Where a switch away from a form with unsaved changes would go, while it asks. */
  const [asking, setAsking] = useState<{ next: DishTarget | null } | null>(null);
  const dirty = useRef(false);
  const focusAfter = useRef<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const reorder = useReorder(location.id, setNotice);

  useEffect(() => {
    document.title = `Menu · ${location.name}`;
  }, [location.name]);

  // After a form closes, focus goes where the manager was: the dish's row, or the heading.
  useEffect(() => {
    if (target !== null || focusAfter.current === null) return;
    const selector = focusAfter.current;
    focusAfter.current = null;
    const element = selector ? document.querySelector<HTMLElement>(selector) : null;
    (element ?? heading.current)?.focus();
  });

  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const open = (next: DishTarget | null) => {
    if (dirty.current) setAsking({ next });
    else switchTo(next);
  };
  const switchTo = (next: DishTarget | null, focus = '') => {
    dirty.current = false;
    setAsking(null);
    if (next === null) focusAfter.current = focus;
    setTarget(next);
  };

  if (ended) return null;
  const data = menu.data;
  const actions: SectionActions = {
    editingItemId: target?.kind === 'edit' ? target.itemId : null,
    onEditDish: (itemId) => open({ kind: 'edit', itemId }),
    onAddDish: (categoryId) => open({ kind: 'new', categoryId }),
    onNotice: setNotice,
    reorder,
  };

  return (
    <section className="manage-page menu-editor" aria-labelledby="menu-heading">
      <div className="manage-page__head">
        <h2 id="menu-heading" ref={heading} tabIndex={-1}>
          Menu
        </h2>
        <a href={`/l/${location.slug}`} target="_blank" rel="noreferrer">
          See the guest menu<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </div>
      <p className="muted">
        Changes reach guests’ phones and the kitchen as soon as they are saved. Orders already
        placed keep the dishes and prices they were ordered with.
      </p>
      <p className="manage-notice" role="status">
        {notice}
      </p>
      {menu.isPending ? (
        <Loading what="the menu" />
      ) : menu.isError ? (
        <LoadError message={menu.error.message} onRetry={() => void menu.refetch()} />
      ) : data ? (
        <div className={`menu-editor__layout${target ? ' menu-editor__layout--editing' : ''}`}>
          <div className="menu-editor__list">
            <AddCategoryForm
              locationId={location.id}
              topLevel={data.categories.filter((category) => category.parentId === null)}
              onAdded={(name) => setNotice(`Added the category ${name}.`)}
            />
            <MenuList menu={data} actions={actions} />
          </div>
          {target ? (
            <div className="menu-editor__panel">
              {asking ? (
                <DiscardPrompt
                  onDiscard={() => switchTo(asking.next)}
                  onKeep={() => setAsking(null)}
                />
              ) : null}
              <DishEditor
                key={targetKey(target)}
                menu={data}
                target={target}
                onDirtyChange={onDirtyChange}
                onCancel={() => open(null)}
                onSaved={(item, created) => {
                  setNotice(
                    created
                      ? `Added ${item.name} to ${categoryPath(data, item.categoryId)}.`
                      : `Saved ${item.name}.`,
                  );
                  switchTo(null, `[data-edit-dish="${item.id}"]`);
                }}
                onDeleted={(message) => {
                  setNotice(message);
                  switchTo(null);
                }}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function MenuList({ menu, actions }: { menu: AdminMenu; actions: SectionActions }) {
  const tree = categoryTree(menu);
  const names = new Map(menu.categories.map((category) => [category.id, category.name]));
  if (tree.length === 0) {
    return (
      <p className="state menu-editor__empty">
        No dishes yet — add the first. Start with a category above (Starters, Mains, Drinks…), then
        add its dishes.
      </p>
    );
  }
  return (
    <>
      {menu.items.length === 0 ? (
        <p className="state menu-editor__empty">
          No dishes yet — add the first with “Add dish” in a category.
        </p>
      ) : null}
      <SortableList
        ids={tree.map((node) => node.category.id)}
        nameOf={(id) => names.get(id) ?? ''}
        label="Categories"
        className="menu-editor__categories"
        rowClassName="menu-editor__category-row"
        onReorder={(orderedIds) => actions.reorder.categories(null, orderedIds)}
      >
        {(id, handle) => (
          <CategorySection
            node={tree.find((node) => node.category.id === id)!}
            menu={menu}
            handle={handle}
            actions={actions}
          />
        )}
      </SortableList>
    </>
  );
}

function DiscardPrompt({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="unsaved-prompt" role="alertdialog" aria-labelledby="dish-discard-what">
      <p id="dish-discard-what">This dish has changes you have not saved. Drop them?</p>
      <div className="unsaved-prompt__buttons">
        <button type="button" className="button--danger" onClick={onDiscard}>
          Drop my changes
        </button>
        <button type="button" className="button--quiet" ref={keep} onClick={onKeep}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
