/**
 * Room names: the unit of delivery for live events. An event is written to the
 * log with every room it belongs to, and each room is one bus channel.
 */
export const rooms = {
  /** Staff of a location: full tickets. */
  kitchen: (locationId: number) => `kitchen:${locationId}` as const,
  /** Whoever holds the order's tracking token, and staff: the guest's view. */
  order: (orderId: string) => `order:${orderId}` as const,
  /** Anyone: item availability of a location's menu. */
  menu: (locationId: number) => `menu:${locationId}` as const,
  /** Anyone: the ready board, order numbers and stages only. */
  board: (locationId: number) => `board:${locationId}` as const,
};

export type RoomName = ReturnType<(typeof rooms)[keyof typeof rooms]>;
