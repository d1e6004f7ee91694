/**
 * Every table's content as a row count and a checksum. The tables are read
 * from the database, not listed here, so a table added by a later migration
 * is covered too; the checksum covers every column of every row, so a changed
 * timestamp counts as much as an inserted order.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';

export interface TableState {
  rows: number;
  checksum: string;
}

export type DatabaseState = Record<string, TableState>;

export async function snapshotTables(db: Kysely<Database>): Promise<DatabaseState> {
  const tables = await db.introspection.getTables();
  const state: DatabaseState = {};
  for (const table of tables
    .filter((t) => !t.isView)
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const { rows } = await sql<{ rows: number; checksum: string | null }>`
      select count(*)::int as rows,
             md5(string_agg(t::text, E'\n' order by t::text)) as checksum
      from ${sql.table(`${table.schema ?? 'public'}.${table.name}`)} as t`.execute(db);
    const row = rows[0];
    state[table.name] = { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? 'empty' };
  }
  return state;
}

export interface StateChange {
  table: string;
  before: TableState | null;
  after: TableState | null;
}

export function changesBetween(before: DatabaseState, after: DatabaseState): StateChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .map((table) => ({ table, before: before[table] ?? null, after: after[table] ?? null }))
    .filter(
      (change) =>
        change.before?.rows !== change.after?.rows ||
        change.before?.checksum !== change.after?.checksum,
    );
}

/** Rows added or removed across the changed tables (a rewritten row counts as one). */
export function rowsChanged(changes: readonly StateChange[]): number {
  return changes.reduce((total, change) => {
    const delta = Math.abs((change.after?.rows ?? 0) - (change.before?.rows ?? 0));
    return total + (delta === 0 ? 1 : delta);
  }, 0);
}
