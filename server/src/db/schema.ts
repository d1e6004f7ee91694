/**
 * The database as Kysely sees it: one interface per table, one `Database` type.
 * JSON columns are written as JSON text (the pg driver would turn a JS array
 * into a Postgres array) and read back parsed.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
  Allergen,
  DietaryFlag,
  ItemStatus,
  OrderStatus,
  OrderType,
  StaffRole,
  Station,
} from '@ticketrail/shared';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface LocationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  // Timezone, currency, accepting orders and the kitchen's timers are settings now:
  // read them through server/src/settings (location_settings holds the overrides).
  created_at: CreatedAt;
}

export interface TablesTable {
  id: Generated<number>;
  location_id: number;
  label: string;
  secret: string;
  /** Removed by a manager: kept for the orders that point at it, no longer orderable. */
  archived_at: Date | null;
}

/** A table's old QR codes: an old card says it was replaced. */
export interface RetiredTableSecretsTable {
  secret: string;
  table_id: number;
  retired_at: Generated<Date>;
}

export interface MenuCategoriesTable {
  id: Generated<number>;
  location_id: number;
  parent_id: number | null;
  name: string;
  sort_order: number;
  /** Bumped by every edit: a save over an older version is a CONFLICT. */
  version: Generated<number>;
  /** Not on the guest menu, nor anything in it. */
  hidden: Generated<boolean>;
  /** Deleted while holding archived items (which placed orders point at). */
  archived_at: Date | null;
  updated_at: UpdatedAt;
}

export interface MenuItemsTable {
  id: Generated<number>;
  location_id: number;
  category_id: number;
  name: string;
  description: string;
  price_cents: number;
  station: Station;
  allergens: Allergen[];
  dietary: DietaryFlag[];
  available: Generated<boolean>;
  stock: number | null;
  sort_order: number;
  updated_at: UpdatedAt;
  version: Generated<number>;
  hidden: Generated<boolean>;
  /** Deleted after being ordered: placed orders point at it; no longer on any menu. */
  archived_at: Date | null;
  /** The `menu_photos` key of its photo, the photo's address. */
  photo_key: string | null;
}

/** A dish's photo, resized for phones (menu/admin/photos.ts). */
export interface MenuPhotosTable {
  key: string;
  item_id: number;
  content_type: string;
  bytes: Uint8Array;
  width: number;
  height: number;
  created_at: CreatedAt;
}

export interface OptionGroupsTable {
  id: Generated<number>;
  item_id: number;
  name: string;
  required: boolean;
  min_select: number;
  max_select: number;
  sort_order: number;
}

export interface OptionsTable {
  id: Generated<number>;
  group_id: number;
  name: string;
  price_delta_cents: number;
  available: Generated<boolean>;
  sort_order: number;
}

export interface StaffTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: StaffRole;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface StaffLocationsTable {
  staff_id: number;
  location_id: number;
}

export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface OrderCountersTable {
  location_id: number;
  /** The location's local calendar day, 'YYYY-MM-DD'. */
  business_date: string;
  last_number: number;
}

export interface OrdersTable {
  id: string;
  location_id: number;
  business_date: string;
  number: number;
  type: OrderType;
  table_id: number | null;
  delivery_address: string | null;
  guest_name: string;
  guest_phone: string | null;
  notes: string | null;
  status: OrderStatus;
  version: Generated<number>;
  subtotal_cents: number;
  total_cents: number;
  currency: string;
  idempotency_key: string;
  /** Hash of the placement request, so a reused key with another cart is refused. */
  request_hash: string;
  tracking_token_hash: string;
  placed_at: CreatedAt;
  accepted_at: Timestamp | null;
  preparing_at: Timestamp | null;
  ready_at: Timestamp | null;
  completed_at: Timestamp | null;
  rejected_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  /** Marked rush by an automation rule: the board shows it. */
  rush: Generated<boolean>;
  /** How many the table is for, when the guest said (dine-in). */
  guest_count: number | null;
  /** What automation rules told the guest, oldest first. */
  guest_messages: ColumnType<GuestMessage[], string | undefined, string>;
  updated_at: UpdatedAt;
}

export interface GuestMessage {
  text: string;
  /** ISO 8601. */
  at: string;
}

export interface OrderItemOptionSnapshot {
  optionId: number;
  group: string;
  name: string;
  priceDeltaCents: number;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: string;
  position: number;
  menu_item_id: number;
  name: string;
  station: Station;
  allergens: Allergen[];
  quantity: number;
  unit_price_cents: number;
  options: Json<OrderItemOptionSnapshot[]>;
  notes: string | null;
  line_total_cents: number;
  status: Generated<ItemStatus>;
  updated_at: UpdatedAt;
}

export interface EventsTable {
  id: Generated<number>;
  location_id: number;
  rooms: string[];
  type: string;
  payload: Json<unknown>;
  created_at: CreatedAt;
}

export interface EventRoomsTable {
  room: string;
  event_id: number;
}

export interface ServerSecretsTable {
  name: string;
  value: string;
}

/** Settings (issue 14): partial overrides, validated on read (settings/stored.ts). */
export interface InstallationSettingsTable {
  /** Always 1: one row for the installation. */
  id: number;
  overrides: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface LocationSettingsTable {
  location_id: number;
  overrides: Json<unknown>;
  version: Generated<number>;
  updated_at: UpdatedAt;
}

export interface AutomationRulesTable {
  id: Generated<number>;
  location_id: number;
  name: string;
  enabled: boolean;
  /** Parsed with the shared schema on every read: rows are never trusted as typed. */
  trigger: Json<unknown>;
  conditions: Json<unknown>;
  actions: Json<unknown>;
  secret: string;
  version: Generated<number>;
  starts_after_event_id: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  archived_at: Timestamp | null;
}

export interface AutomationCursorsTable {
  location_id: number;
  last_event_id: number;
  updated_at: UpdatedAt;
}

export interface AutomationTimersTable {
  rule_id: number;
  event_id: number;
  order_id: string;
  stage: OrderStatus;
  stage_entered_at: Timestamp;
  due_at: Timestamp;
}

export type AutomationRunStatus = 'pending' | 'running' | 'succeeded' | 'failed';

export interface AutomationRunsTable {
  id: Generated<number>;
  rule_id: number;
  location_id: number;
  event_id: number;
  action_index: number;
  action: Json<unknown>;
  order_id: string | null;
  summary: string;
  status: AutomationRunStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_until: Timestamp | null;
  last_error: string | null;
  last_status_code: number | null;
  last_duration_ms: number | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface Database {
  locations: LocationsTable;
  tables: TablesTable;
  retired_table_secrets: RetiredTableSecretsTable;
  menu_categories: MenuCategoriesTable;
  menu_items: MenuItemsTable;
  menu_photos: MenuPhotosTable;
  option_groups: OptionGroupsTable;
  options: OptionsTable;
  staff: StaffTable;
  staff_locations: StaffLocationsTable;
  staff_sessions: StaffSessionsTable;
  order_counters: OrderCountersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  events: EventsTable;
  event_rooms: EventRoomsTable;
  server_secrets: ServerSecretsTable;
  installation_settings: InstallationSettingsTable;
  location_settings: LocationSettingsTable;
  automation_rules: AutomationRulesTable;
  automation_cursors: AutomationCursorsTable;
  automation_timers: AutomationTimersTable;
  automation_runs: AutomationRunsTable;
}

export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type NewOrder = Insertable<OrdersTable>;
export type MenuItemRow = Selectable<MenuItemsTable>;
export type LocationRow = Selectable<LocationsTable>;
