/**
 * The demo restaurant every new install starts with: two Harbour Kitchen locations, their menus,
 * tables and staff logins. Plain data only; the seed command writes it to the database.
 *
 * Allergens are declared per item, not per option, so an item's list covers every option it
 * offers (a flat white declares gluten because oat milk is one of its choices). Dietary flags
 * describe the item as it comes by default.
 */
import type { Allergen, DietaryFlag, StaffRole, Station } from '@ticketrail/shared';

export interface SeedOption {
  name: string;
  priceDeltaCents: number;
}

export interface SeedOptionGroup {
  /** Read in messages such as "Choose a size for Smash Burger.", so a singular noun. */
  name: string;
  required: boolean;
  minSelect: number;
  maxSelect: number;
  options: SeedOption[];
}

export interface SeedItem {
  name: string;
  description: string;
  priceCents: number;
  station: Station;
  allergens: Allergen[];
  dietary: DietaryFlag[];
  /** Portions left, only for the few limited items. */
  stock?: number;
  /** Defaults to true; false means 86'd. */
  available?: boolean;
  optionGroups?: SeedOptionGroup[];
}

export interface SeedCategory {
  name: string;
  /** One level of nesting at most: children never have children. */
  children?: SeedCategory[];
  items: SeedItem[];
}

export interface SeedTable {
  label: string;
  /** A fixed literal, so re-seeding keeps the printed QR codes working. */
  secret: string;
}

export interface SeedStaff {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

export interface SeedLocation {
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  tables: SeedTable[];
  menu: SeedCategory[];
}

// Option groups that several items share.

const BURGER_SIZE: SeedOptionGroup = {
  name: 'Size',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Double patty', priceDeltaCents: 0 },
    { name: 'Triple patty', priceDeltaCents: 300 },
  ],
};

const BURGER_EXTRAS: SeedOptionGroup = {
  name: 'Extras',
  required: false,
  minSelect: 0,
  maxSelect: 4,
  options: [
    { name: 'Extra cheese', priceDeltaCents: 150 },
    { name: 'Smoked streaky bacon', priceDeltaCents: 200 },
    { name: 'Fried egg', priceDeltaCents: 150 },
    { name: 'Pickled jalapeños', priceDeltaCents: 100 },
    { name: 'Caramelised onions', priceDeltaCents: 100 },
  ],
};

const DONENESS: SeedOptionGroup = {
  name: 'Doneness',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Rare', priceDeltaCents: 0 },
    { name: 'Medium rare', priceDeltaCents: 0 },
    { name: 'Medium', priceDeltaCents: 0 },
    { name: 'Medium well', priceDeltaCents: 0 },
    { name: 'Well done', priceDeltaCents: 0 },
  ],
};

/** The side that comes with a main; creamy mash and greens bring milk to the item. */
const MAIN_SIDE: SeedOptionGroup = {
  name: 'Side',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Skinny fries', priceDeltaCents: 0 },
    { name: 'Creamy mash', priceDeltaCents: 0 },
    { name: 'Buttered seasonal greens', priceDeltaCents: 0 },
    { name: 'Sweet potato fries', priceDeltaCents: 150 },
  ],
};

/** Oat milk brings gluten (oats), so the coffees that offer it declare gluten. */
const COFFEE_MILK: SeedOptionGroup = {
  name: 'Milk',
  required: true,
  minSelect: 1,
  maxSelect: 1,
  options: [
    { name: 'Whole milk', priceDeltaCents: 0 },
    { name: 'Low-fat milk', priceDeltaCents: 0 },
    { name: 'Oat milk', priceDeltaCents: 40 },
  ],
};

const COFFEE_EXTRAS: SeedOptionGroup = {
  name: 'Extras',
  required: false,
  minSelect: 0,
  maxSelect: 3,
  options: [
    { name: 'Extra shot', priceDeltaCents: 60 },
    { name: 'Vanilla syrup', priceDeltaCents: 50 },
    { name: 'Caramel syrup', priceDeltaCents: 50 },
    { name: 'Hazelnut syrup', priceDeltaCents: 50 },
  ],
};

// Items on both locations' menus.

const SMASH_BURGER: SeedItem = {
  name: 'Smash Burger',
  description:
    'Smashed dry-aged Irish beef patties, American cheese, pickles, onion and house burger ' +
    'sauce in a toasted sesame brioche bun.',
  priceCents: 1450,
  station: 'grill',
  allergens: ['eggs', 'gluten', 'milk', 'mustard', 'sesame'],
  dietary: [],
  optionGroups: [BURGER_SIZE, BURGER_EXTRAS],
};

const POKE_BOWL: SeedItem = {
  name: 'Harbour poke bowl',
  description:
    'Edamame, avocado, pickled ginger, radish, cucumber, toasted sesame and sriracha mayo on ' +
    'your choice of base.',
  priceCents: 1550,
  station: 'cold',
  allergens: ['eggs', 'fish', 'gluten', 'sesame', 'soy'],
  dietary: ['dairy_free'],
  optionGroups: [
    {
      name: 'Protein',
      required: true,
      minSelect: 1,
      maxSelect: 1,
      options: [
        { name: 'Soy-cured salmon', priceDeltaCents: 0 },
        { name: 'Teriyaki chicken', priceDeltaCents: 0 },
        { name: 'Marinated tofu', priceDeltaCents: 0 },
      ],
    },
    {
      name: 'Base',
      required: true,
      minSelect: 1,
      maxSelect: 1,
      options: [
        { name: 'Sushi rice', priceDeltaCents: 0 },
        { name: 'Brown rice', priceDeltaCents: 0 },
        { name: 'Mixed leaves', priceDeltaCents: 0 },
      ],
    },
    {
      name: 'Extras',
      required: false,
      minSelect: 0,
      maxSelect: 3,
      options: [
        { name: 'Extra avocado', priceDeltaCents: 200 },
        { name: 'Extra protein', priceDeltaCents: 400 },
        { name: 'Seaweed salad', priceDeltaCents: 200 },
      ],
    },
  ],
};

const SKINNY_FRIES: SeedItem = {
  name: 'Skinny fries',
  description: 'Crisp skinny fries with sea salt.',
  priceCents: 450,
  station: 'fry',
  allergens: [],
  dietary: ['vegan', 'dairy_free'],
};

const FLAT_WHITE: SeedItem = {
  name: 'Flat white',
  description: 'A double ristretto of our house espresso with silky steamed milk.',
  priceCents: 380,
  station: 'bar',
  allergens: ['gluten', 'milk'],
  dietary: ['vegetarian'],
  optionGroups: [COFFEE_MILK, COFFEE_EXTRAS],
};

const COCA_COLA: SeedItem = {
  name: 'Coca-Cola',
  description: '330ml glass bottle, served with ice and lemon.',
  priceCents: 350,
  station: 'bar',
  allergens: [],
  dietary: ['vegan', 'gluten_free', 'dairy_free'],
  optionGroups: [
    {
      name: 'Variety',
      required: true,
      minSelect: 1,
      maxSelect: 1,
      options: [
        { name: 'Original', priceDeltaCents: 0 },
        { name: 'Zero Sugar', priceDeltaCents: 0 },
      ],
    },
  ],
};

const GUINNESS: SeedItem = {
  name: 'Pint of Guinness',
  description: 'Poured properly, with time to settle.',
  priceCents: 650,
  station: 'bar',
  allergens: ['gluten'],
  dietary: ['vegan', 'dairy_free'],
};

export const DEMO_LOCATIONS: SeedLocation[] = [
  {
    slug: 'harbour-kitchen',
    name: 'Harbour Kitchen',
    timezone: 'Europe/Dublin',
    currency: 'EUR',
    tables: [
      { label: 'Table 1', secret: '4sEn2bH9CidqTn7MciHI' },
      { label: 'Table 2', secret: 'rjODTdMSg85DJd0VOvKs' },
      { label: 'Table 3', secret: 'IOVySxeJqbqxLqb8ZhZd' },
      { label: 'Table 4', secret: 'BzEKR2cCiM1JRKnU0Hzh' },
      { label: 'Table 5', secret: 'i2kCYBdqejgxBekbpWHo' },
      { label: 'Table 6', secret: 'XjYkxnn6R0KQntXlvwag' },
      { label: 'Table 7', secret: 'Jew3yJR84bpGYUbxuqiU' },
      { label: 'Table 8', secret: 'ATuYw3aJ0yZ1WryAeMqv' },
      { label: 'Table 9', secret: 'rBrrcSpjpyhLcxOvZVqg' },
      { label: 'Table 10', secret: 'y5XePrXcpi9N7PQ1KO0N' },
    ],
    menu: [
      {
        name: 'Starters',
        items: [
          {
            name: 'Roast tomato & red pepper soup',
            description: 'Made fresh every morning, with brown soda bread and Irish butter.',
            priceCents: 750,
            station: 'hot',
            allergens: ['celery', 'gluten', 'milk'],
            dietary: ['vegetarian'],
          },
          {
            name: 'Seafood chowder',
            description:
              'Smoked haddock, salmon and mussels in a creamy white wine broth, with brown ' +
              'soda bread.',
            priceCents: 1050,
            station: 'hot',
            allergens: ['celery', 'fish', 'gluten', 'milk', 'molluscs', 'sulphites'],
            dietary: [],
          },
          {
            name: 'Salt & chilli calamari',
            description: 'Crispy squid with spring onion, red chilli and lime aioli.',
            priceCents: 1050,
            station: 'fry',
            allergens: ['eggs', 'gluten', 'molluscs'],
            dietary: ['dairy_free', 'spicy'],
          },
          {
            name: 'Chicken satay skewers',
            description: 'Chargrilled chicken thigh, peanut satay sauce and pickled cucumber.',
            priceCents: 950,
            station: 'grill',
            allergens: ['gluten', 'peanuts', 'soy'],
            dietary: ['dairy_free'],
          },
          {
            name: 'Garlic & chilli prawns',
            description:
              'Tiger prawns sizzled in garlic, chilli and butter, with grilled sourdough to ' +
              'mop up the juices.',
            priceCents: 1295,
            station: 'hot',
            allergens: ['crustaceans', 'gluten', 'milk'],
            dietary: ['spicy'],
          },
          {
            name: 'Burrata',
            description:
              'Creamy burrata with heritage tomatoes, basil oil, aged balsamic and toasted ' +
              'sourdough.',
            priceCents: 1150,
            station: 'cold',
            allergens: ['gluten', 'milk', 'sulphites'],
            dietary: ['vegetarian'],
          },
          {
            name: 'Crispy gochujang cauliflower',
            description: 'Tempura cauliflower tossed in a sticky gochujang glaze with sesame.',
            priceCents: 850,
            station: 'fry',
            allergens: ['gluten', 'sesame', 'soy'],
            dietary: ['vegan', 'dairy_free', 'spicy'],
          },
          {
            name: 'Galway Bay oysters',
            description: 'Rock oysters on crushed ice with shallot mignonette and lemon.',
            priceCents: 1800,
            station: 'cold',
            allergens: ['molluscs', 'sulphites'],
            dietary: ['gluten_free', 'dairy_free'],
            available: false,
            optionGroups: [
              {
                name: 'Size',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Half dozen', priceDeltaCents: 0 },
                  { name: 'Dozen', priceDeltaCents: 1600 },
                ],
              },
            ],
          },
        ],
      },
      {
        name: 'Burgers & Grill',
        items: [
          SMASH_BURGER,
          {
            name: 'Buttermilk chicken burger',
            description:
              'Crispy buttermilk chicken thigh, shredded lettuce, pickles and chipotle mayo in ' +
              'a toasted sesame brioche bun.',
            priceCents: 1395,
            station: 'fry',
            allergens: ['eggs', 'gluten', 'milk', 'mustard', 'sesame'],
            dietary: [],
            optionGroups: [
              {
                name: 'Style',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Classic', priceDeltaCents: 0 },
                  { name: 'Hot honey & pickled chilli', priceDeltaCents: 0 },
                ],
              },
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 3,
                options: [
                  { name: 'Cheddar', priceDeltaCents: 150 },
                  { name: 'Smoked streaky bacon', priceDeltaCents: 200 },
                  { name: 'Avocado', priceDeltaCents: 200 },
                ],
              },
            ],
          },
          {
            name: 'Halloumi & roast pepper burger',
            description:
              'Grilled halloumi, roast red pepper, rocket and smoked paprika aioli in a toasted ' +
              'sesame brioche bun.',
            priceCents: 1350,
            station: 'grill',
            allergens: ['eggs', 'gluten', 'milk', 'sesame'],
            dietary: ['vegetarian'],
            optionGroups: [
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 3,
                options: [
                  { name: 'Extra halloumi', priceDeltaCents: 250 },
                  { name: 'Avocado', priceDeltaCents: 200 },
                  { name: 'Fried egg', priceDeltaCents: 150 },
                ],
              },
            ],
          },
          {
            name: 'Dry-aged ribeye steak',
            description:
              '10oz Irish Hereford ribeye, aged for 28 days and cooked over charcoal, with ' +
              'your choice of sauce and side.',
            priceCents: 3400,
            station: 'grill',
            allergens: ['celery', 'milk', 'sulphites'],
            dietary: [],
            optionGroups: [
              DONENESS,
              {
                name: 'Sauce',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Peppercorn sauce', priceDeltaCents: 0 },
                  { name: 'Garlic & herb butter', priceDeltaCents: 0 },
                  { name: 'Chimichurri', priceDeltaCents: 0 },
                ],
              },
              MAIN_SIDE,
            ],
          },
          {
            name: 'Piri-piri half chicken',
            description:
              'Free-range half chicken, marinated overnight and flame-grilled, basted with ' +
              'piri-piri to your taste.',
            priceCents: 1850,
            station: 'grill',
            allergens: ['milk'],
            dietary: [],
            optionGroups: [
              {
                name: 'Spice level',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Lemon & herb', priceDeltaCents: 0 },
                  { name: 'Medium', priceDeltaCents: 0 },
                  { name: 'Hot', priceDeltaCents: 0 },
                  { name: 'Extra hot', priceDeltaCents: 0 },
                ],
              },
              MAIN_SIDE,
            ],
          },
        ],
      },
      {
        name: 'Mains',
        items: [
          {
            name: 'Fish & chips',
            description:
              'Beer-battered Atlantic haddock, chunky chips, mushy peas and homemade tartare ' +
              'sauce.',
            priceCents: 1795,
            station: 'fry',
            allergens: ['celery', 'eggs', 'fish', 'gluten', 'mustard'],
            dietary: [],
            optionGroups: [
              {
                name: 'Size',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Regular', priceDeltaCents: 0 },
                  { name: 'Large fillet', priceDeltaCents: 400 },
                ],
              },
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 3,
                options: [
                  { name: 'Curry sauce', priceDeltaCents: 200 },
                  { name: 'Garlic mayo', priceDeltaCents: 100 },
                  { name: 'Extra tartare sauce', priceDeltaCents: 100 },
                ],
              },
            ],
          },
          {
            name: 'Catch of the day',
            description:
              'Fish landed this morning at Howth, pan-roasted, with crushed baby potatoes, ' +
              'samphire and lemon butter sauce. Limited portions.',
            priceCents: 2450,
            station: 'hot',
            allergens: ['fish', 'milk', 'sulphites'],
            dietary: ['gluten_free'],
            stock: 12,
          },
          {
            name: 'Seafood linguine',
            description:
              'Prawns, mussels and squid with garlic, chilli, cherry tomatoes and white wine ' +
              'through fresh egg linguine.',
            priceCents: 2250,
            station: 'hot',
            allergens: ['crustaceans', 'eggs', 'gluten', 'molluscs', 'sulphites'],
            dietary: ['dairy_free', 'spicy'],
          },
          {
            name: 'Beef & Guinness pie',
            description:
              'Slow-braised Irish beef and Guinness under a puff pastry lid, with creamy mash ' +
              'and honey-roast carrots.',
            priceCents: 1950,
            station: 'hot',
            allergens: ['celery', 'eggs', 'gluten', 'milk'],
            dietary: [],
          },
          {
            name: 'Wild mushroom risotto',
            description:
              'Arborio rice with wild and chestnut mushrooms, white wine, vegetarian hard ' +
              'cheese, truffle oil and crispy sage.',
            priceCents: 1750,
            station: 'hot',
            allergens: ['celery', 'milk', 'sulphites'],
            dietary: ['vegetarian', 'gluten_free'],
          },
          {
            name: 'Thai green curry',
            description:
              'Fragrant green curry with coconut milk, Thai basil, green beans and baby corn, ' +
              'served with jasmine rice.',
            priceCents: 1750,
            station: 'hot',
            allergens: ['crustaceans', 'fish', 'soy'],
            dietary: ['gluten_free', 'dairy_free', 'spicy'],
            optionGroups: [
              {
                name: 'Protein',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Chicken', priceDeltaCents: 0 },
                  { name: 'Tofu', priceDeltaCents: 0 },
                  { name: 'Tiger prawns', priceDeltaCents: 300 },
                ],
              },
            ],
          },
        ],
      },
      {
        name: 'Salads & Bowls',
        items: [
          {
            name: 'Chicken Caesar salad',
            description:
              'Baby gem, chargrilled chicken, smoked bacon, sourdough croutons, parmesan and ' +
              'anchovy dressing.',
            priceCents: 1450,
            station: 'cold',
            allergens: ['eggs', 'fish', 'gluten', 'milk', 'mustard'],
            dietary: [],
            optionGroups: [
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 3,
                options: [
                  { name: 'Soft-boiled egg', priceDeltaCents: 150 },
                  { name: 'Extra chicken', priceDeltaCents: 400 },
                  { name: 'Avocado', priceDeltaCents: 200 },
                ],
              },
            ],
          },
          POKE_BOWL,
          {
            name: 'Roast squash & quinoa salad',
            description:
              'Roast butternut squash, quinoa, kale, pomegranate and toasted pumpkin seeds with ' +
              'a lemon tahini dressing.',
            priceCents: 1350,
            station: 'cold',
            allergens: ['sesame'],
            dietary: ['vegan', 'gluten_free', 'dairy_free'],
            optionGroups: [
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 2,
                options: [
                  { name: 'Avocado', priceDeltaCents: 200 },
                  { name: 'Falafel', priceDeltaCents: 300 },
                ],
              },
            ],
          },
          {
            name: "Beetroot & goat's cheese salad",
            description:
              "Roast beetroot, whipped goat's cheese, candied walnuts and rocket with a honey " +
              'mustard dressing.',
            priceCents: 1300,
            station: 'cold',
            allergens: ['milk', 'mustard', 'nuts'],
            dietary: ['vegetarian', 'gluten_free'],
          },
        ],
      },
      {
        name: 'Sides',
        items: [
          SKINNY_FRIES,
          {
            name: 'Sweet potato fries',
            description: 'With smoked sea salt.',
            priceCents: 550,
            station: 'fry',
            allergens: [],
            dietary: ['vegan', 'dairy_free'],
          },
          {
            name: 'Beer-battered onion rings',
            description: 'Thick-cut onion rings in a light, crisp beer batter.',
            priceCents: 500,
            station: 'fry',
            allergens: ['gluten'],
            dietary: ['vegetarian', 'dairy_free'],
          },
          {
            name: 'Truffle mac & cheese',
            description:
              'Macaroni in a mature cheddar and mozzarella sauce, with truffle oil and a ' +
              'toasted crumb.',
            priceCents: 650,
            station: 'hot',
            allergens: ['gluten', 'milk', 'mustard'],
            dietary: ['vegetarian'],
          },
          {
            name: 'Side salad',
            description: 'Mixed leaves, cucumber and radish with house mustard vinaigrette.',
            priceCents: 450,
            station: 'cold',
            allergens: ['mustard', 'sulphites'],
            dietary: ['vegan', 'gluten_free', 'dairy_free'],
          },
          {
            name: 'Garlic sourdough',
            description: 'Toasted sourdough with garlic and parsley butter.',
            priceCents: 500,
            station: 'hot',
            allergens: ['gluten', 'milk'],
            dietary: ['vegetarian'],
            optionGroups: [
              {
                name: 'Extras',
                required: false,
                minSelect: 0,
                maxSelect: 1,
                options: [{ name: 'Melted mozzarella', priceDeltaCents: 150 }],
              },
            ],
          },
        ],
      },
      {
        name: 'Desserts',
        items: [
          {
            name: 'Chocolate fondant',
            description:
              'Warm dark chocolate fondant with a molten centre and vanilla ice cream. Baked ' +
              'to order: please allow 15 minutes.',
            priceCents: 850,
            station: 'pastry',
            allergens: ['eggs', 'gluten', 'milk', 'soy'],
            dietary: ['vegetarian'],
            stock: 8,
          },
          {
            name: 'Sticky toffee pudding',
            description: 'Warm date sponge with butterscotch sauce and vanilla ice cream.',
            priceCents: 800,
            station: 'pastry',
            allergens: ['eggs', 'gluten', 'milk'],
            dietary: ['vegetarian'],
          },
          {
            name: 'Baileys cheesecake',
            description: 'Baileys cheesecake on a chocolate biscuit base, with whipped cream.',
            priceCents: 800,
            station: 'pastry',
            allergens: ['gluten', 'milk', 'soy'],
            dietary: ['vegetarian'],
          },
          {
            name: 'Apple & blackberry crumble',
            description: 'Bramley apple and blackberry under an oat and almond crumble.',
            priceCents: 800,
            station: 'pastry',
            allergens: ['eggs', 'gluten', 'milk', 'nuts'],
            dietary: ['vegetarian'],
            optionGroups: [
              {
                name: 'Topping',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Custard', priceDeltaCents: 0 },
                  { name: 'Vanilla ice cream', priceDeltaCents: 0 },
                  { name: 'Whipped cream', priceDeltaCents: 0 },
                ],
              },
            ],
          },
          {
            name: 'Ice cream & sorbet',
            description:
              'Irish-made vanilla, salted caramel or chocolate ice cream and raspberry sorbet. ' +
              'Tell us your flavours in the notes.',
            priceCents: 650,
            station: 'cold',
            allergens: ['eggs', 'milk'],
            dietary: ['vegetarian', 'gluten_free'],
            optionGroups: [
              {
                name: 'Size',
                required: true,
                minSelect: 1,
                maxSelect: 1,
                options: [
                  { name: 'Two scoops', priceDeltaCents: 0 },
                  { name: 'Three scoops', priceDeltaCents: 200 },
                ],
              },
            ],
          },
        ],
      },
      {
        name: 'Drinks',
        items: [],
        children: [
          {
            name: 'Soft drinks',
            items: [
              {
                name: 'Homemade lemonade',
                description: 'Freshly squeezed lemons, lightly sweetened and topped with soda.',
                priceCents: 450,
                station: 'bar',
                allergens: [],
                dietary: ['vegan', 'gluten_free', 'dairy_free'],
                optionGroups: [
                  {
                    name: 'Flavour',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: 'Classic', priceDeltaCents: 0 },
                      { name: 'Raspberry', priceDeltaCents: 0 },
                      { name: 'Elderflower', priceDeltaCents: 0 },
                    ],
                  },
                  {
                    name: 'Size',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: 'Regular', priceDeltaCents: 0 },
                      { name: 'Large', priceDeltaCents: 150 },
                    ],
                  },
                ],
              },
              COCA_COLA,
              {
                name: 'Irish mineral water',
                description: 'Bottled at source in County Limerick.',
                priceCents: 350,
                station: 'bar',
                allergens: [],
                dietary: ['vegan', 'gluten_free', 'dairy_free'],
                optionGroups: [
                  {
                    name: 'Type',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: 'Still', priceDeltaCents: 0 },
                      { name: 'Sparkling', priceDeltaCents: 0 },
                    ],
                  },
                  {
                    name: 'Size',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: '330ml', priceDeltaCents: 0 },
                      { name: '750ml', priceDeltaCents: 250 },
                    ],
                  },
                ],
              },
            ],
          },
          {
            name: 'Hot drinks',
            items: [
              FLAT_WHITE,
              {
                name: 'Cappuccino',
                description: 'Our house espresso with steamed milk, a deep foam and cocoa.',
                priceCents: 380,
                station: 'bar',
                allergens: ['gluten', 'milk'],
                dietary: ['vegetarian'],
                optionGroups: [COFFEE_MILK, COFFEE_EXTRAS],
              },
              {
                name: 'Americano',
                description: 'A double shot of our house espresso topped up with hot water.',
                priceCents: 320,
                station: 'bar',
                allergens: [],
                dietary: ['vegan', 'gluten_free', 'dairy_free'],
                optionGroups: [
                  {
                    name: 'Size',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: 'Regular', priceDeltaCents: 0 },
                      { name: 'Large', priceDeltaCents: 50 },
                    ],
                  },
                ],
              },
              {
                name: 'Pot of tea',
                description: 'A proper pot, brewed at the bar.',
                priceCents: 300,
                station: 'bar',
                allergens: [],
                dietary: ['vegan', 'gluten_free', 'dairy_free'],
                optionGroups: [
                  {
                    name: 'Tea',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: 'Irish breakfast', priceDeltaCents: 0 },
                      { name: 'Earl Grey', priceDeltaCents: 0 },
                      { name: 'Peppermint', priceDeltaCents: 0 },
                      { name: 'Green tea', priceDeltaCents: 0 },
                    ],
                  },
                ],
              },
            ],
          },
          {
            name: 'Beer & wine',
            items: [
              GUINNESS,
              {
                name: 'Local craft pale ale',
                description: 'A rotating pale ale from a Dublin craft brewery, by the pint.',
                priceCents: 750,
                station: 'bar',
                allergens: ['gluten'],
                dietary: ['dairy_free'],
              },
              {
                name: 'Alcohol-free lager',
                description: '330ml bottle, 0.0% ABV.',
                priceCents: 500,
                station: 'bar',
                allergens: ['gluten'],
                dietary: ['vegan', 'dairy_free'],
              },
              {
                name: 'Albariño, Rías Baixas',
                description: 'Crisp and citrusy Spanish white, made for seafood.',
                priceCents: 900,
                station: 'bar',
                allergens: ['sulphites'],
                dietary: ['gluten_free'],
                optionGroups: [
                  {
                    name: 'Size',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: '175ml glass', priceDeltaCents: 0 },
                      { name: '250ml glass', priceDeltaCents: 350 },
                      { name: 'Bottle', priceDeltaCents: 2700 },
                    ],
                  },
                ],
              },
              {
                name: 'Malbec, Mendoza',
                description: 'Smooth, plummy Argentinian red with a hint of spice.',
                priceCents: 950,
                station: 'bar',
                allergens: ['sulphites'],
                dietary: ['gluten_free'],
                optionGroups: [
                  {
                    name: 'Size',
                    required: true,
                    minSelect: 1,
                    maxSelect: 1,
                    options: [
                      { name: '175ml glass', priceDeltaCents: 0 },
                      { name: '250ml glass', priceDeltaCents: 350 },
                      { name: 'Bottle', priceDeltaCents: 2800 },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    slug: 'harbour-kitchen-docklands',
    name: 'Harbour Kitchen Docklands',
    timezone: 'Europe/Dublin',
    currency: 'EUR',
    tables: [
      { label: 'Table 1', secret: 'Bg70nDdvjusImDjtSP0Y' },
      { label: 'Table 2', secret: 'KvpX8lkdPjnihawe8DOq' },
      { label: 'Table 3', secret: 'EHAu56vVepJqE2UeU3HL' },
      { label: 'Table 4', secret: 'twWjbIfojbuHHjbTLm2R' },
    ],
    menu: [
      {
        name: 'Burgers & Bowls',
        items: [
          SMASH_BURGER,
          POKE_BOWL,
          {
            name: 'Chicken Caesar wrap',
            description:
              'Chargrilled chicken, baby gem, parmesan and anchovy dressing in a toasted ' +
              'flour tortilla.',
            priceCents: 1150,
            station: 'cold',
            allergens: ['eggs', 'fish', 'gluten', 'milk', 'mustard'],
            dietary: [],
          },
        ],
      },
      {
        name: 'Sides',
        items: [
          SKINNY_FRIES,
          {
            name: 'Halloumi fries',
            description: 'Crisp halloumi fingers with pomegranate and hot honey yoghurt.',
            priceCents: 650,
            station: 'fry',
            allergens: ['gluten', 'milk'],
            dietary: ['vegetarian'],
          },
        ],
      },
      {
        name: 'Drinks',
        items: [FLAT_WHITE, COCA_COLA, GUINNESS],
      },
    ],
  },
];

/** Demo logins, printed at start-up; `locations` holds location slugs. */
export const DEMO_STAFF: (SeedStaff & { locations: string[] })[] = [
  {
    email: 'manager@harbour.example',
    name: 'Aoife Brennan',
    role: 'manager',
    password: 'demo-manager',
    locations: ['harbour-kitchen', 'harbour-kitchen-docklands'],
  },
  {
    email: 'kitchen@harbour.example',
    name: 'Cian Doyle',
    role: 'kitchen',
    password: 'demo-kitchen',
    locations: ['harbour-kitchen'],
  },
  {
    email: 'foh@harbour.example',
    name: 'Niamh Kelly',
    role: 'front_of_house',
    password: 'demo-foh',
    locations: ['harbour-kitchen'],
  },
  {
    email: 'docklands.kitchen@harbour.example',
    name: 'Tomasz Nowak',
    role: 'kitchen',
    password: 'demo-docklands',
    locations: ['harbour-kitchen-docklands'],
  },
];
