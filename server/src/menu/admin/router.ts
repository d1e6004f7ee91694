import {
  categoriesReorderInputSchema,
  categoryCreateInputSchema,
  categoryIdInputSchema,
  categoryUpdateInputSchema,
  itemCreateInputSchema,
  itemIdInputSchema,
  itemsReorderInputSchema,
  itemUpdateInputSchema,
  menuAdminGetInputSchema,
} from '@ticketrail/shared';
import { managerProcedure, router } from '../../trpc';
import { createCategory, deleteCategory, reorderCategories, updateCategory } from './categories';
import { createItem, deleteItem, reorderItems, updateItem } from './items';
import { photoUploadInputSchema } from './photo-input';
import { removePhoto, uploadPhoto } from './photos';
import { readAdminMenu } from './read';

/**
 * The back office's menu editor (issue 14): managers only, at their own
 * locations; every change reaches open guest menus live (`menu.changed`).
 */
export const menuAdminRouter = router({
  /** Every category and dish in use, hidden ones too, with the versions edits name. */
  get: managerProcedure
    .input(menuAdminGetInputSchema)
    .query(({ ctx, input }) =>
      readAdminMenu(ctx.db, ctx.staff, input.locationId, ctx.settingsLocks),
    ),

  createCategory: managerProcedure
    .input(categoryCreateInputSchema)
    .mutation(({ ctx, input }) => createCategory(ctx.db, ctx.staff, input)),

  updateCategory: managerProcedure
    .input(categoryUpdateInputSchema)
    .mutation(({ ctx, input }) => updateCategory(ctx.db, ctx.staff, input)),

  /** Only an empty category; one with only archived dishes is archived. */
  deleteCategory: managerProcedure
    .input(categoryIdInputSchema)
    .mutation(({ ctx, input }) => deleteCategory(ctx.db, ctx.staff, input.categoryId)),

  reorderCategories: managerProcedure
    .input(categoriesReorderInputSchema)
    .mutation(({ ctx, input }) => reorderCategories(ctx.db, ctx.staff, input)),

  createItem: managerProcedure
    .input(itemCreateInputSchema)
    .mutation(({ ctx, input }) => createItem(ctx.db, ctx.staff, input)),

  updateItem: managerProcedure
    .input(itemUpdateInputSchema)
    .mutation(({ ctx, input }) => updateItem(ctx.db, ctx.staff, input)),

  /** Removed, or archived when placed orders name it. */
  deleteItem: managerProcedure
    .input(itemIdInputSchema)
    .mutation(({ ctx, input }) => deleteItem(ctx.db, ctx.staff, input.itemId)),

  reorderItems: managerProcedure
    .input(itemsReorderInputSchema)
    .mutation(({ ctx, input }) => reorderItems(ctx.db, ctx.staff, input)),

  /** A multipart form (`itemId`, `photo`), sent through httpLink; its own body limit (photo-route.ts). */
  uploadPhoto: managerProcedure
    .input(photoUploadInputSchema)
    .mutation(async ({ ctx, input }) =>
      uploadPhoto(ctx.db, ctx.staff, input.itemId, new Uint8Array(await input.photo.arrayBuffer())),
    ),

  removePhoto: managerProcedure
    .input(itemIdInputSchema)
    .mutation(({ ctx, input }) => removePhoto(ctx.db, ctx.staff, input.itemId)),
});
