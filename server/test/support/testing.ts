/**
 * `@ticketrail/server/testing`: what the browser suites (client/e2e) need to
 * run a real server in-process and set a scene behind it. The app itself sees
 * only the router's types (`@ticketrail/server`); nothing else of the server
 * is exported, so the client cannot come to depend on its internals.
 */
export { DEMO_LOCATIONS } from '../../src/demo/data';
export { seedDemo } from '../../src/demo/seed';
export { startServer, type RunningServer } from '../../src/http/server';
export type { BusHandlers, RoomBus } from '../../src/live/bus';
export { createRealtime, type Realtime } from '../../src/live/index';
export { MemoryBus } from '../../src/live/memory-bus';
export type { BusState } from '../../src/live/stats';
export { getMenu } from '../../src/menu/public-menu';
export { placeOrder } from '../../src/orders/place';
export { readSettingsLocks } from '../../src/settings/locks';
export { setLocationOverridesQuietly } from '../../src/settings/stored';
export { transitionOrder } from '../../src/orders/transition';
export { openTestDatabase, type TestDatabase } from './database';
