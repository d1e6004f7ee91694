/**
 * A location's menu for component tests, kept the way the server keeps it
 * (menuAdmin.*, menu.setAvailability): versions that grow with each save and
 * a CONFLICT for a stale one, reorders, deletes that archive a dish on
 * orders. The test's fake API answers from it, so the page follows what its
 * buttons did. The browser tests run the real server.
 */
import type { FakeCall } from '../../test-support/fake-api';
import { HARBOUR } from '../test-tables';
import type { AdminCategory, AdminItem, AdminMenu } from './admin-menu';

export { HARBOUR };

export function category(id: number, name: string, extra: Partial<AdminCategory> = {}) {
  return { id, parentId: null, name, hidden: false, sortOrder: id, version: 1, ...extra };
}

export function dish(id: number, categoryId: number, name: string, extra: Partial<AdminItem> = {}) {
  const item: AdminItem = {
    id,
    categoryId,
    name,
    description: `${name}, as the kitchen makes it.`,
    priceCents: 1250,
    station: 'hot',
    allergens: [],
    dietary: [],
    stock: null,
    available: true,
    hidden: false,
    sortOrder: id,
    version: 1,
    photoUrl: null,
    onOrders: false,
    optionGroups: [],
    ...extra,
  };
  return item;
}

/** Starters (Soup, Salad), Mains (Burger with a Size choice), Drinks › Soft drinks (Cola). */
export function sampleMenu(): Pick<AdminMenu, 'categories' | 'items'> {
  return {
    categories: [
      category(1, 'Starters'),
      category(2, 'Mains'),
      category(3, 'Drinks'),
      category(4, 'Soft drinks', { parentId: 3 }),
    ],
    items: [
      dish(11, 1, 'Soup', { priceCents: 650, allergens: ['celery'], onOrders: true }),
      dish(12, 1, 'Salad', { priceCents: 900, dietary: ['vegetarian'] }),
      dish(21, 2, 'Burger', {
        priceCents: 1450,
        station: 'grill',
        optionGroups: [
          {
            id: 5,
            name: 'Size',
            required: true,
            minSelect: 1,
            maxSelect: 1,
            options: [
              { id: 51, name: 'Regular', priceDeltaCents: 0, available: true },
              { id: 52, name: 'Double', priceDeltaCents: 400, available: true },
            ],
          },
        ],
      }),
      dish(41, 4, 'Cola', { priceCents: 300, station: 'bar', stock: 12 }),
    ],
  };
}

type Input = Record<string, unknown>;

export function fakeMenuAdmin(start: Pick<AdminMenu, 'categories' | 'items'> = sampleMenu()) {
  let categories = start.categories.map((one) => ({ ...one }));
  let items = start.items.map((one) => ({ ...one }));
  let nextId = 100;
  const menu = (): AdminMenu => ({
    location: { ...HARBOUR, currency: 'EUR' },
    categories: categories.map((one) => ({ ...one })),
    items: items.map((one) => ({ ...one })),
  });
  const withOptionIds = (groups: AdminItem['optionGroups']) =>
    groups.map((group) => ({
      ...group,
      id: group.id ?? nextId++,
      options: group.options.map((option) => ({ ...option, id: option.id ?? nextId++ })),
    }));
  const stale = (call: FakeCall, what: string) =>
    call.refuse('CONFLICT', `Someone else ${what} since you opened it.`, { httpStatus: 409 });

  /** Someone else's save, as another manager's tab would make it. */
  const saveAsSomeoneElse = (itemId: number, change: Partial<AdminItem>) => {
    items = items.map((one) =>
      one.id === itemId ? { ...one, ...change, version: one.version + 1 } : one,
    );
  };

  const onCall = (call: FakeCall) => {
    const input = (call.input ?? {}) as Input;
    switch (call.path) {
      case 'menuAdmin.get':
        return call.answer(menu());
      case 'menuAdmin.createCategory': {
        const made = category(nextId++, input['name'] as string, {
          parentId: input['parentId'] as number | null,
          sortOrder: 99,
        });
        categories.push(made);
        return call.answer(made);
      }
      case 'menuAdmin.updateCategory': {
        const found = categories.find((one) => one.id === input['categoryId'])!;
        if (found.version !== input['version']) return stale(call, 'changed this category');
        const { categoryId: _id, version: _version, ...fields } = input;
        Object.assign(found, fields, { version: found.version + 1 });
        return call.answer({ ...found });
      }
      case 'menuAdmin.deleteCategory': {
        const id = input['categoryId'] as number;
        const count = items.filter((one) => one.categoryId === id).length;
        if (count > 0) {
          return call.refuse('BAD_REQUEST', `Move or delete its ${count} dishes first.`);
        }
        categories = categories.filter((one) => one.id !== id);
        return call.answer({ id });
      }
      case 'menuAdmin.reorderCategories':
      case 'menuAdmin.reorderItems': {
        const ids = input['orderedIds'] as number[];
        const list = call.path === 'menuAdmin.reorderItems' ? items : categories;
        for (const one of list) if (ids.includes(one.id)) one.sortOrder = ids.indexOf(one.id);
        return call.answer({ ok: true });
      }
      case 'menuAdmin.createItem': {
        const { locationId: _location, ...fields } = input as Input & AdminItem;
        const made = dish(nextId++, fields.categoryId, fields.name, {
          ...fields,
          optionGroups: withOptionIds(fields.optionGroups),
          sortOrder: 99,
        });
        items.push(made);
        return call.answer({ ...made });
      }
      case 'menuAdmin.updateItem': {
        const { itemId, version, ...fields } = input as Input & AdminItem & { itemId: number };
        const found = items.find((one) => one.id === itemId)!;
        if (found.version !== version) return stale(call, 'saved this dish');
        Object.assign(found, fields, {
          optionGroups: withOptionIds(fields.optionGroups),
          version: found.version + 1,
        });
        return call.answer({ ...found });
      }
      case 'menuAdmin.deleteItem': {
        const found = items.find((one) => one.id === input['itemId'])!;
        items = items.filter((one) => one !== found);
        return call.answer({ id: found.id, archived: found.onOrders });
      }
      case 'menuAdmin.uploadPhoto': {
        const form = call.input as FormData;
        const found = items.find((one) => one.id === Number(form.get('itemId')))!;
        Object.assign(found, { photoUrl: `/media/photos/${found.id}.webp` });
        return call.answer({ ...found });
      }
      case 'menuAdmin.removePhoto': {
        const found = items.find((one) => one.id === input['itemId'])!;
        Object.assign(found, { photoUrl: null });
        return call.answer({ ...found });
      }
      case 'menu.setAvailability': {
        const found = items.find((one) => one.id === input['itemId'])!;
        found.available = input['available'] as boolean;
        return call.answer({
          itemId: found.id,
          name: found.name,
          available: found.available,
          soldOut: found.stock === 0,
        });
      }
    }
  };
  return {
    onCall,
    saveAsSomeoneElse,
    get items() {
      return items;
    },
    get categories() {
      return categories;
    },
  };
}
