/**
 * The ready moment and the tab title. The title always says where the order
 * is; the chime, the buzz and the notification happen only when the order
 * turns ready while the page watches, never on opening an order that was
 * ready already (the page shows that big instead), and only if the guest
 * asked to be told.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OrderStatus } from '@ticketrail/shared';
import { playChime, soundAllowed, unlockSound } from '../lib/sound';
import {
  alertsWanted,
  notificationState,
  requestAlerts,
  setAlertsWanted,
  showReadyNotification,
  vibrate,
  type NotificationState,
} from './ready-alerts';
import { pageTitle, readyNotification, type GuestOrder } from './tracking-model';

export interface ReadyAlerts {
  /** The guest asked to be told about this order. */
  wanted: boolean;
  notifications: NotificationState;
  /** The browser lets this page make sound now. */
  soundReady: boolean;
  /** From a tap: unlocks sound, asks for notifications, remembers the choice. */
  enable: () => Promise<void>;
  disable: () => void;
  /** From any tap on the page: a reloaded page needs one before it may chime. */
  unlockOnTap: () => void;
}

export function useReadyAlerts(orderId: string): ReadyAlerts {
  const [wanted, setWanted] = useState(() => alertsWanted(orderId));
  const [notifications, setNotifications] = useState(notificationState);
  const [soundReady, setSoundReady] = useState(soundAllowed);

  const enable = useCallback(async () => {
    setAlertsWanted(orderId, true);
    setWanted(true);
    const granted = await requestAlerts();
    setSoundReady(granted.sound);
    setNotifications(granted.notifications);
  }, [orderId]);

  const disable = useCallback(() => {
    setAlertsWanted(orderId, false);
    setWanted(false);
  }, [orderId]);

  const unlockOnTap = useCallback(() => {
    if (!wanted || soundReady) return;
    void unlockSound().then(setSoundReady);
  }, [wanted, soundReady]);

  return { wanted, notifications, soundReady, enable, disable, unlockOnTap };
}

/** Keeps `document.title` on the order while the page is open; puts the old one back after. */
export function useOrderTitle(order: GuestOrder | undefined, locationName: string | null): void {
  useEffect(() => {
    const before = document.title;
    return () => {
      document.title = before;
    };
  }, []);

  const title = order ? pageTitle(order, locationName) : null;
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}

/**
 * Fires the ready moment when the order's status turns to ready from
 * anything else (a recall and a second bump fire it again: the food is up
 * again). The first status the page sees is only recorded.
 */
export function useReadyMoment(
  order: GuestOrder | undefined,
  options: { alertsWanted: boolean; locationName: string | null },
): void {
  const seen = useRef<{ orderId: string; status: OrderStatus } | null>(null);
  const { alertsWanted: wanted, locationName } = options;

  useEffect(() => {
    if (!order) return;
    const previous = seen.current?.orderId === order.id ? seen.current.status : null;
    seen.current = { orderId: order.id, status: order.status };
    if (previous === null || previous === 'ready' || order.status !== 'ready') return;
    if (!wanted) return;
    playChime();
    vibrate();
    showReadyNotification(order.id, readyNotification(order, locationName));
  }, [order, wanted, locationName]);
}
