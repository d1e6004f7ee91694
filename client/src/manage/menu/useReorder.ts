/**
 * Saving a new order of categories or dishes. The list moves at once (the
 * cached menu takes the new sort orders), the server is told, and the menu is
 * read again either way: a refusal ("The menu changed while you were
 * reordering") puts back what the server holds, and the page says why.
 */
import { trpc } from '../../api/client';
import { fieldMessage } from '../server-message';
import type { AdminMenu } from './admin-menu';

function reordered<T extends { id: number; sortOrder: number }>(
  rows: readonly T[],
  orderedIds: readonly number[],
): T[] {
  return rows.map((row) => {
    const at = orderedIds.indexOf(row.id);
    return at < 0 ? row : { ...row, sortOrder: at };
  });
}

export function useReorder(locationId: number, onProblem: (message: string) => void) {
  const utils = trpc.useUtils();
  const key = { locationId };
  const patch = (change: (menu: AdminMenu) => AdminMenu) => {
    void utils.menuAdmin.get.cancel(key);
    utils.menuAdmin.get.setData(key, (menu) => (menu ? change(menu) : menu));
  };
  const settle = {
    onError: (error: Parameters<typeof fieldMessage>[0]) => onProblem(fieldMessage(error)),
    onSettled: () => utils.menuAdmin.get.invalidate(key),
  };
  const categories = trpc.menuAdmin.reorderCategories.useMutation(settle);
  const items = trpc.menuAdmin.reorderItems.useMutation(settle);
  return {
    categories(parentId: number | null, orderedIds: number[]) {
      patch((menu) => ({ ...menu, categories: reordered(menu.categories, orderedIds) }));
      categories.mutate({ locationId, parentId, orderedIds });
    },
    items(categoryId: number, orderedIds: number[]) {
      patch((menu) => ({ ...menu, items: reordered(menu.items, orderedIds) }));
      items.mutate({ categoryId, orderedIds });
    },
  };
}
