import {
  locationInputSchema,
  tableAddInputSchema,
  tableIdInputSchema,
  tableRenameInputSchema,
} from '@ticketrail/shared';
import { managerProcedure, router } from '../trpc';
import { addTable, giveNewSecret, listTables, removeTable, renameTable } from './table-admin';

/** A manager's tables and their QR codes (the back office's Tables page). */
export const tablesRouter = router({
  /**
   * The location's tables in use, with the secret each QR link carries, and
   * the operator's PUBLIC_URL if set: a card printed from a laptop on the
   * restaurant's network must still point where guests' phones reach.
   */
  list: managerProcedure.input(locationInputSchema).query(async ({ ctx, input }) => ({
    tables: await listTables(ctx.db, ctx.staff, input.locationId),
    publicUrl: ctx.publicUrl,
  })),

  add: managerProcedure
    .input(tableAddInputSchema)
    .mutation(({ ctx, input }) => addTable(ctx.db, ctx.staff, input.locationId, input.label)),

  rename: managerProcedure
    .input(tableRenameInputSchema)
    .mutation(({ ctx, input }) => renameTable(ctx.db, ctx.staff, input.tableId, input.label)),

  /** Archived: placed orders keep it; its QR code says it is no longer in use. */
  remove: managerProcedure
    .input(tableIdInputSchema)
    .mutation(({ ctx, input }) => removeTable(ctx.db, ctx.staff, input.tableId)),

  /** A new QR code; the old one says it was replaced. */
  newSecret: managerProcedure
    .input(tableIdInputSchema)
    .mutation(({ ctx, input }) => giveNewSecret(ctx.db, ctx.staff, input.tableId)),
});
