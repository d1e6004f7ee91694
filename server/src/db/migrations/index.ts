import type { Migration } from 'kysely';
import * as initial from './2026-11-24T0900-initial';
import * as eventRooms from './2026-11-24T1000-event-rooms';
import * as dropEventsByLocation from './2026-11-24T1100-drop-events-location-index';
import * as kitchenSettings from './2026-11-25T0900-kitchen-settings';
import * as readyBoardCollected from './2026-11-26T0900-ready-board-collected';
import * as tableCodes from './2026-11-30T0900-table-codes';
import * as settings from './2026-11-30T1000-settings';
import * as menuEditing from './2026-11-30T1100-menu-editing';
import * as automation from './2026-11-30T1200-automation';

/**
 * Every migration, by timestamped name. Listed here rather than read from the
 * folder so they run the same under tsx, Vitest and any bundler.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24T0900-initial': initial,
  '2026-11-24T1000-event-rooms': eventRooms,
  '2026-11-24T1100-drop-events-location-index': dropEventsByLocation,
  '2026-11-25T0900-kitchen-settings': kitchenSettings,
  '2026-11-26T0900-ready-board-collected': readyBoardCollected,
  '2026-11-30T0900-table-codes': tableCodes,
  '2026-11-30T1000-settings': settings,
  '2026-11-30T1100-menu-editing': menuEditing,
  '2026-11-30T1200-automation': automation,
};
