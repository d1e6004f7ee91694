/**
 * A category as the editor lists it: its header, its dishes (reordered by
 * drag and drop or keyboard), and, for a top-level category, its
 * sub-categories, reordered the same way among themselves.
 */
import type { AdminMenu, CategoryNode } from './admin-menu';
import { itemsOf } from './admin-menu';
import { CategoryHeader } from './CategoryHeader';
import { DishRow } from './DishRow';
import { SortableList, type DragHandle } from './SortableList';
import type { useReorder } from './useReorder';

export interface SectionActions {
  editingItemId: number | null;
  onEditDish: (itemId: number) => void;
  onAddDish: (categoryId: number) => void;
  onNotice: (message: string) => void;
  reorder: ReturnType<typeof useReorder>;
}

export function CategorySection({
  node,
  menu,
  handle,
  actions,
}: {
  node: CategoryNode;
  menu: AdminMenu;
  handle: DragHandle;
  actions: SectionActions;
}) {
  const { category, children } = node;
  const items = itemsOf(menu, category.id);
  const currency = menu.location.currency;
  const names = new Map(items.map((item) => [item.id, item.name]));
  const childNames = new Map(children.map((child) => [child.id, child.name]));
  return (
    <section
      className={`menu-editor__category${category.parentId === null ? '' : ' menu-editor__category--sub'}`}
      aria-labelledby={`category-${category.id}-heading`}
    >
      <CategoryHeader
        category={category}
        locationId={menu.location.id}
        handle={handle}
        dishCount={items.length}
        childCount={children.length}
        onAddDish={() => actions.onAddDish(category.id)}
        onNotice={actions.onNotice}
      />
      {items.length > 0 ? (
        <SortableList
          ids={items.map((item) => item.id)}
          nameOf={(id) => names.get(id) ?? ''}
          label={`Dishes in ${category.name}`}
          className="menu-editor__dishes"
          rowClassName="menu-editor__dish-row"
          onReorder={(orderedIds) => actions.reorder.items(category.id, orderedIds)}
        >
          {(id, dishHandle) => {
            const item = items.find((candidate) => candidate.id === id)!;
            return (
              <DishRow
                item={item}
                currency={currency}
                locationId={menu.location.id}
                handle={dishHandle}
                editing={actions.editingItemId === id}
                onEdit={() => actions.onEditDish(id)}
                onNotice={actions.onNotice}
              />
            );
          }}
        </SortableList>
      ) : children.length === 0 ? (
        <p className="menu-editor__none muted">No dishes in {category.name} yet.</p>
      ) : null}
      {children.length > 0 ? (
        <SortableList
          ids={children.map((child) => child.id)}
          nameOf={(id) => childNames.get(id) ?? ''}
          label={`Sub-categories of ${category.name}`}
          className="menu-editor__subcategories"
          rowClassName="menu-editor__subcategory-row"
          onReorder={(orderedIds) => actions.reorder.categories(category.id, orderedIds)}
        >
          {(id, childHandle) => (
            <CategorySection
              node={{ category: children.find((child) => child.id === id)!, children: [] }}
              menu={menu}
              handle={childHandle}
              actions={actions}
            />
          )}
        </SortableList>
      ) : null}
    </section>
  );
}
