/**
 * The guest's "notify me when it's ready": which orders asked for it, the
 * browser's notification permission, and showing the notification.
 *
 * The choice is kept per order in localStorage, so a reload (or coming back
 * from the recent-orders list) does not ask again. Sound is not kept: a
 * browser lets a page make sound only after a tap on that very page load, so
 * after a reload the first tap anywhere turns it back on.
 */
import { unlockSound } from '../lib/sound';

export type NotificationState = NotificationPermission | 'unsupported';

const ALERTS_KEY = 'ticketrail.readyAlerts';
/** A guest follows a handful of orders; the oldest choices fall off. */
const MAX_REMEMBERED = 20;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function alertOrderIds(): string[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(ALERTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function alertsWanted(orderId: string): boolean {
  return alertOrderIds().includes(orderId);
}

/** Records the guest's choice for this order; a storage that refuses only costs the memory. */
export function setAlertsWanted(orderId: string, wanted: boolean): void {
  const others = alertOrderIds().filter((id) => id !== orderId);
  const next = wanted ? [orderId, ...others].slice(0, MAX_REMEMBERED) : others;
  try {
    storage()?.setItem(ALERTS_KEY, JSON.stringify(next));
  } catch {
    // Private windows and full quotas refuse writes; the choice holds until a reload.
  }
}

export function notificationState(): NotificationState {
  if (typeof window === 'undefined' || typeof window.Notification !== 'function') {
    return 'unsupported';
  }
  return window.Notification.permission;
}

/**
 * Call from the guest's tap: both the audio unlock and the permission prompt
 * need the gesture, so both start before anything is awaited.
 */
export async function requestAlerts(): Promise<{
  sound: boolean;
  notifications: NotificationState;
}> {
  const sound = unlockSound();
  const state = notificationState();
  const notifications =
    state === 'default' ? window.Notification.requestPermission() : Promise.resolve(state);
  return { sound: await sound, notifications: await notifications };
}

/**
 * Shows the ready notification if the guest allowed it. One tag per order, so
 * a recall and a second "ready" replace the first notification rather than
 * stacking. Android's Chrome refuses `new Notification` outside a service
 * worker (it throws); the page has none, so there the sound, the vibration
 * and the title are the signal.
 */
export function showReadyNotification(
  orderId: string,
  content: { title: string; body: string },
): boolean {
  if (notificationState() !== 'granted') return false;
  try {
    new window.Notification(content.title, { body: content.body, tag: `order-${orderId}` });
    return true;
  } catch {
    return false;
  }
}

/** A buzz in the pocket; browsers without it (or without a tap yet) ignore it. */
export function vibrate(): void {
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') {
    navigator.vibrate([200, 100, 200]);
  }
}
