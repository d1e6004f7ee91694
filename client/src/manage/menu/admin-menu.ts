/**
 * The menu as the editor reads it (`menuAdmin.get`), inferred from the
 * router, and the lookups the page makes in it: categories as a tree of one
 * level, dishes by category in their order.
 */
import type { RouterOutputs } from '@ticketrail/server';

export type AdminMenu = RouterOutputs['menuAdmin']['get'];
export type AdminCategory = AdminMenu['categories'][number];
export type AdminItem = AdminMenu['items'][number];
export type AdminOptionGroup = AdminItem['optionGroups'][number];

export interface CategoryNode {
  category: AdminCategory;
  children: AdminCategory[];
}

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

/** Top-level categories in order, each with its sub-categories in order. */
export function categoryTree(menu: Pick<AdminMenu, 'categories'>): CategoryNode[] {
  const sorted = [...menu.categories].sort(bySortOrder);
  return sorted
    .filter((category) => category.parentId === null)
    .map((category) => ({
      category,
      children: sorted.filter((child) => child.parentId === category.id),
    }));
}

/** One category's dishes in their order. */
export function itemsOf(menu: Pick<AdminMenu, 'items'>, categoryId: number): AdminItem[] {
  return menu.items.filter((item) => item.categoryId === categoryId).sort(bySortOrder);
}

/** "Starters" or "Drinks › Soft drinks": where a dish is, as a select names it. */
export function categoryPath(menu: Pick<AdminMenu, 'categories'>, categoryId: number): string {
  const category = menu.categories.find((candidate) => candidate.id === categoryId);
  if (!category) return '';
  const parent = menu.categories.find((candidate) => candidate.id === category.parentId);
  return parent ? `${parent.name} › ${category.name}` : category.name;
}
