/**
 * The menu's words as the editor shows them: stations, the 14 allergens and
 * the dietary flags. The lists themselves come from shared (the database's
 * allowed values); only their labels are here.
 */
import type { Allergen, DietaryFlag, Station } from '@ticketrail/shared';

export const STATION_LABELS: Record<Station, string> = {
  grill: 'Grill',
  fry: 'Fryer',
  hot: 'Hot kitchen',
  cold: 'Cold kitchen',
  pastry: 'Pastry',
  bar: 'Bar',
};

/** The EU's names for the 14 allergens (Regulation 1169/2011, Annex II), shortened. */
export const ALLERGEN_LABELS: Record<Allergen, string> = {
  celery: 'Celery',
  crustaceans: 'Crustaceans',
  eggs: 'Eggs',
  fish: 'Fish',
  gluten: 'Cereals with gluten',
  lupin: 'Lupin',
  milk: 'Milk',
  molluscs: 'Molluscs',
  mustard: 'Mustard',
  nuts: 'Tree nuts',
  peanuts: 'Peanuts',
  sesame: 'Sesame',
  soy: 'Soya',
  sulphites: 'Sulphites',
};

export const DIETARY_LABELS: Record<DietaryFlag, string> = {
  vegetarian: 'Vegetarian',
  vegan: 'Vegan',
  gluten_free: 'Gluten free',
  dairy_free: 'Dairy free',
  spicy: 'Spicy',
};
