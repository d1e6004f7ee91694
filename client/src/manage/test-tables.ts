/**
 * A location's tables for component tests, kept the way the server keeps them
 * (tables.*): the test's fake API answers from it, so a page's list follows
 * what its buttons did. The browser tests run the real server.
 */
import type { FakeCall } from '../test-support/fake-api';
import { HARBOUR_KITCHEN } from '../test-support/orders';
import type { ManagedLocation } from './location-context';
import type { ManagedTable } from './managed-table';

export const HARBOUR: ManagedLocation = {
  id: HARBOUR_KITCHEN.id,
  slug: HARBOUR_KITCHEN.slug,
  name: HARBOUR_KITCHEN.name,
};

export const MANAGER = {
  id: 1,
  name: 'Aoife Brennan',
  email: 'manager@harbour.example',
  role: 'manager',
  locations: [HARBOUR, { id: 2, slug: 'harbour-kitchen-docklands', name: 'Docklands' }],
};

const naturally = new Intl.Collator('en', { numeric: true });

/** `publicUrl`: the operator's PUBLIC_URL as the server reports it (null: unset). */
export function fakeTables(labels: string[], publicUrl: string | null = null) {
  let nextId = 1;
  let tables: ManagedTable[] = [];
  const make = (label: string): ManagedTable => {
    const id = nextId++;
    return { id, label, secret: `secret-${id}-${'x'.repeat(8)}` };
  };
  tables = labels.map(make);
  const find = (input: unknown) => {
    const { tableId } = input as { tableId: number };
    return tables.find((table) => table.id === tableId);
  };
  const taken = (label: string, except?: number) =>
    tables.some((table) => table.label === label && table.id !== except);
  const conflict = (call: FakeCall, label: string) =>
    call.refuse('CONFLICT', `There is already a table called “${label}” here.`, {
      httpStatus: 409,
    });

  /** Answers tables.* as the server would; other calls are left to the test. */
  const onCall = (call: FakeCall) => {
    const input = call.input as { label?: string };
    switch (call.path) {
      case 'tables.list':
        return call.answer({
          tables: tables
            .map((table) => ({ ...table }))
            .sort((a, b) => naturally.compare(a.label, b.label)),
          publicUrl,
        });
      case 'tables.add': {
        const label = input.label!;
        if (taken(label)) return conflict(call, label);
        const table = make(label);
        tables.push(table);
        return call.answer({ ...table });
      }
      case 'tables.rename': {
        const table = find(call.input)!;
        if (taken(input.label!, table.id)) return conflict(call, input.label!);
        table.label = input.label!;
        return call.answer({ ...table });
      }
      case 'tables.remove': {
        const table = find(call.input)!;
        tables = tables.filter((candidate) => candidate !== table);
        return call.answer({ id: table.id });
      }
      case 'tables.newSecret': {
        const table = find(call.input)!;
        table.secret = `renewed-${table.id}-${'y'.repeat(8)}`;
        return call.answer({ ...table });
      }
    }
  };
  return {
    onCall,
    get tables() {
      return tables;
    },
  };
}
