/**
 * The restaurant's vocabulary. Each list is the single source for a database
 * column's allowed values, the zod schemas, and the clients' labels.
 */

export const ORDER_STATUSES = [
  'placed',
  'accepted',
  'preparing',
  'ready',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ITEM_STATUSES = ['queued', 'cooking', 'done'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ORDER_TYPES = ['dine_in', 'pickup', 'delivery'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** Where an item is cooked; a station view of the kitchen board filters on it. */
export const STATIONS = ['grill', 'fry', 'hot', 'cold', 'pastry', 'bar'] as const;
export type Station = (typeof STATIONS)[number];

export const STAFF_ROLES = ['manager', 'kitchen', 'front_of_house'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The fourteen allergens that EU and UK menus must declare. */
export const ALLERGENS = [
  'celery',
  'crustaceans',
  'eggs',
  'fish',
  'gluten',
  'lupin',
  'milk',
  'molluscs',
  'mustard',
  'nuts',
  'peanuts',
  'sesame',
  'soy',
  'sulphites',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const DIETARY_FLAGS = ['vegetarian', 'vegan', 'gluten_free', 'dairy_free', 'spicy'] as const;
export type DietaryFlag = (typeof DIETARY_FLAGS)[number];

export const ORDER_TYPE_LABELS: Record<OrderType, string> = {
  dine_in: 'Dine in',
  pickup: 'Pickup',
  delivery: 'Delivery',
};

export const ROLE_LABELS: Record<StaffRole, string> = {
  manager: 'Manager',
  kitchen: 'Kitchen',
  front_of_house: 'Front of house',
};

/** '#042': order numbers restart each day, so three digits cover a busy one. */
export function formatOrderNumber(number: number): string {
  return `#${String(number).padStart(3, '0')}`;
}
