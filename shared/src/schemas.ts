/**
 * Input schemas for every procedure. They are the contract at the edge: the
 * server parses with them, so a value that reaches the domain is well formed,
 * and the client builds forms from the same limits.
 */
import { z } from 'zod';
import { ITEM_STATUSES, ORDER_STATUSES, STATIONS } from './domain';

/**
 * Free text a person typed. Control characters have no place in a name or a
 * note (Postgres cannot even store U+0000), so they are refused here, at the
 * edge, with a message, instead of failing deep in the database.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const text = (error?: string) =>
  z
    .string(error ? { error } : undefined)
    .refine((value) => !CONTROL_CHARACTERS.test(value), 'Remove the control characters.');
/** Free text for other modules' schemas (automation rules), refused with the same words. */
export const freeText = text;

/** Database ids are Postgres `integer`s; anything larger is no id of ours. */
export const idSchema = z
  .number({ error: 'An id is a whole number.' })
  .int('An id is a whole number.')
  .positive('An id is a positive number.')
  .max(2_147_483_647, 'That id is out of range.');

export const locationSlugSchema = z
  .string()
  .trim()
  .min(1, 'Which location?')
  .max(64, 'A location name in a link is at most 64 characters.')
  .regex(
    /^[a-z0-9-]+$/,
    'A location name in a link has only lowercase letters, digits and dashes.',
  );

export const orderIdSchema = z.uuid({ error: 'That is not an order id.' });

export const trackingTokenSchema = z
  .string()
  .min(16, 'That tracking link is incomplete.')
  .max(200, 'That tracking link is not valid.');

/**
 * Chosen by the client once per checkout and sent again on every retry. It is
 * long and random so that nobody can guess someone else's.
 */
export const idempotencyKeySchema = z
  .string()
  .min(16, 'The order key must be at least 16 characters.')
  .max(100, 'The order key must be at most 100 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, 'The order key has only letters, digits, dashes and underscores.');

export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;
export const MAX_NOTE_LENGTH = 200;

export const cartLineSchema = z.strictObject({
  itemId: idSchema,
  quantity: z
    .number({ error: 'A quantity is a number.' })
    .int('A quantity is a whole number.')
    .min(1, 'A quantity is at least 1.')
    .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one item per line.`),
  optionIds: z.array(idSchema).max(30, 'Too many options on one item.').default([]),
  notes: text()
    .trim()
    .max(MAX_NOTE_LENGTH, `A note is at most ${MAX_NOTE_LENGTH} characters.`)
    .optional(),
});

export const cartSchema = z
  .array(cartLineSchema)
  .min(1, 'The cart is empty.')
  .max(MAX_CART_LINES, `A cart holds at most ${MAX_CART_LINES} lines.`);

export const guestSchema = z.strictObject({
  name: text('Please give a name for the order.')
    .trim()
    .min(1, 'Please give a name for the order.')
    .max(60, 'A name is at most 60 characters.'),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'That does not look like a phone number.')
    .optional(),
});

/** The secret from a table's QR link; a table id alone is not enough. */
export const tableSecretSchema = z
  .string({ error: 'That table link is not valid.' })
  .min(8, 'That table link is not valid.')
  .max(100, 'That table link is not valid.')
  .regex(/^[A-Za-z0-9_-]+$/, 'That table link is not valid.');

/** A table's name as guests and the kitchen read it: "Table 4", "Terrace 2". */
export const tableLabelSchema = text('A table needs a name.')
  .trim()
  .min(1, "A table's name is 1 to 40 characters.")
  .max(40, "A table's name is 1 to 40 characters.");

/** A manager adds a table to a location. */
export const tableAddInputSchema = z.strictObject({
  locationId: idSchema,
  label: tableLabelSchema,
});

/** A manager renames a table. */
export const tableRenameInputSchema = z.strictObject({
  tableId: idSchema,
  label: tableLabelSchema,
});

/** One table, by id (remove it, give it a new code). */
export const tableIdInputSchema = z.strictObject({ tableId: idSchema });

/** Which table a QR link is for, so the menu can say "Table 4" before the order. */
export const tableInputSchema = z.strictObject({
  locationSlug: locationSlugSchema,
  tableSecret: tableSecretSchema,
});

/** A party bigger than this is an event booking, not an order from a table's QR code. */
export const MAX_PARTY_SIZE = 50;

export const fulfilmentSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('dine_in'),
      tableSecret: tableSecretSchema,
      /** How many the table is for: the kitchen paces courses by it, and rules may read it. */
      guests: z
        .number({ error: 'The number of guests is a number.' })
        .int('The number of guests is a whole number.')
        .min(1, 'A table is for at least 1 guest.')
        .max(MAX_PARTY_SIZE, `A table is for at most ${MAX_PARTY_SIZE} guests.`)
        .optional(),
    }),
    z.strictObject({ type: z.literal('pickup') }),
    z.strictObject({
      type: z.literal('delivery'),
      address: text('Please give a delivery address.')
        .trim()
        .min(5, 'Please give a delivery address.')
        .max(300, 'An address is at most 300 characters.'),
    }),
  ],
  { error: 'Choose dine in, pickup or delivery.' },
);

export const quoteInputSchema = z.strictObject({
  locationSlug: locationSlugSchema,
  items: cartSchema,
});

export const placeOrderInputSchema = z.strictObject({
  locationSlug: locationSlugSchema,
  idempotencyKey: idempotencyKeySchema,
  guest: guestSchema,
  fulfilment: fulfilmentSchema,
  items: cartSchema,
  notes: text()
    .trim()
    .max(MAX_NOTE_LENGTH, `A note is at most ${MAX_NOTE_LENGTH} characters.`)
    .optional(),
});

export const trackOrderInputSchema = z.strictObject({
  orderId: orderIdSchema,
  token: trackingTokenSchema,
});

export const loginInputSchema = z.strictObject({
  email: z.email('That is not an email address.').max(200),
  password: z.string().min(1, 'Please enter the password.').max(200),
});

export const locationInputSchema = z.strictObject({ locationId: idSchema });

/** A member of staff, by id (managers' staff actions). */
export const staffMemberInputSchema = z.strictObject({ staffId: idSchema });

export const versionSchema = z
  .number({ error: 'The order version is a number.' })
  .int('The order version is a whole number.')
  .min(1, 'The order version starts at 1.');

export const reasonSchema = text().trim().max(200, 'A reason is at most 200 characters.');

export const transitionInputSchema = z.strictObject({
  orderId: orderIdSchema,
  expectedVersion: versionSchema,
  to: z.enum(ORDER_STATUSES, { error: 'That is not an order status.' }),
  reason: reasonSchema.optional(),
});

export const itemStatusInputSchema = z.strictObject({
  orderId: orderIdSchema,
  orderItemId: idSchema,
  expectedVersion: versionSchema,
  status: z.enum(ITEM_STATUSES, { error: 'That is not an item status.' }),
});

/** Undoes the last bump of an order, shortly after it (see `recallTarget`). */
export const recallInputSchema = z.strictObject({
  orderId: orderIdSchema,
  expectedVersion: versionSchema,
});

/** A station's bump: every item of that station on the ticket is done. */
export const stationBumpInputSchema = z.strictObject({
  orderId: orderIdSchema,
  expectedVersion: versionSchema,
  station: z.enum(STATIONS, { error: `A station is one of ${STATIONS.join(', ')}.` }),
});

const minutes = (what: string, max: number) =>
  z
    .number({ error: `${what} is a number of minutes.` })
    .int(`${what} is a whole number of minutes.`)
    .min(1, `${what} is at least 1 minute.`)
    .max(max, `${what} is at most ${max} minutes.`);

/** Ten minutes: a longer linger would crowd the board with numbers already handed over. */
export const READY_BOARD_COLLECTED_SECONDS_MAX = 600;

/** How a location's kitchen board (and its ready board) judges time. */
export const kitchenSettingsSchema = z
  .strictObject({
    /** A ticket older than this turns amber. */
    warnAfterMinutes: minutes('The amber threshold', 240),
    /** A ticket older than this turns red. */
    lateAfterMinutes: minutes('The red threshold', 240),
    /** How long after a bump it can still be recalled. */
    recallWindowMinutes: minutes('The recall window', 60),
    /**
     * How long a collected number stays on the ready board, ticked, before it
     * leaves: long enough for the guest to see their order was handed over.
     * 0 takes it off at once.
     */
    readyBoardCollectedSeconds: z
      .number({ error: 'The ready board time is a number of seconds.' })
      .int('The ready board time is a whole number of seconds.')
      .min(0, 'The ready board time is at least 0 seconds (0 takes a number off at once).')
      .max(
        READY_BOARD_COLLECTED_SECONDS_MAX,
        `The ready board time is at most ${READY_BOARD_COLLECTED_SECONDS_MAX} seconds.`,
      ),
  })
  .refine((settings) => settings.warnAfterMinutes < settings.lateAfterMinutes, {
    message: 'The amber threshold comes before the red one.',
    path: ['lateAfterMinutes'],
  });
export type KitchenSettings = z.infer<typeof kitchenSettingsSchema>;

export const kitchenSettingsInputSchema = z.strictObject({
  locationId: idSchema,
  settings: kitchenSettingsSchema,
});

export const availabilityInputSchema = z.strictObject({
  itemId: idSchema,
  available: z.boolean({ error: 'Available is true or false.' }),
});

export type CartLineInput = z.input<typeof cartLineSchema>;
export type PlaceOrderInput = z.infer<typeof placeOrderInputSchema>;
export type Fulfilment = z.infer<typeof fulfilmentSchema>;

/**
 * The id of the last event a client saw. tRPC's wsLink sends it again on every
 * reconnect, so a subscription resumes exactly where it stopped.
 */
export const lastEventIdSchema = z
  .string()
  .regex(/^\d{1,15}$/, 'That is not an event id.')
  .nullish();

export const kitchenLiveInputSchema = z.strictObject({
  locationId: idSchema,
  lastEventId: lastEventIdSchema,
});

export const orderLiveInputSchema = z.strictObject({
  orderId: orderIdSchema,
  /** The tracking token from the guest's link; staff may watch without one. */
  token: trackingTokenSchema.optional(),
  lastEventId: lastEventIdSchema,
});

export const locationLiveInputSchema = z.strictObject({
  locationSlug: locationSlugSchema,
  lastEventId: lastEventIdSchema,
});
