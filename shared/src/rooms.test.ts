import { describe, expect, it } from 'vitest';
import { rooms, type RoomName } from './rooms';

describe('rooms', () => {
  it('names a location’s kitchen room', () => {
    expect(rooms.kitchen(7)).toBe('kitchen:7');
  });

  it('names an order’s room by its uuid', () => {
    const orderId = '0b6f6f0e-3c2a-4d6b-9f1e-2a7c8d9e0f11';
    expect(rooms.order(orderId)).toBe('order:0b6f6f0e-3c2a-4d6b-9f1e-2a7c8d9e0f11');
  });

  it('names a location’s menu room', () => {
    expect(rooms.menu(12)).toBe('menu:12');
  });

  it('names a location’s ready board room', () => {
    expect(rooms.board(3)).toBe('board:3');
  });

  it('gives each kind of room for one location a different name', () => {
    const names: RoomName[] = [rooms.kitchen(1), rooms.menu(1), rooms.board(1), rooms.order('1')];
    expect(new Set(names).size).toBe(4);
  });

  it('keeps locations apart', () => {
    expect(rooms.kitchen(1)).not.toBe(rooms.kitchen(11));
  });

  it('has exactly the four room kinds', () => {
    expect(Object.keys(rooms).sort()).toEqual(['board', 'kitchen', 'menu', 'order']);
  });
});
