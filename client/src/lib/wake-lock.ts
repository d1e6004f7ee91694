/**
 * Keeps a wall screen awake. A kitchen board or a ready board that dims after
 * ten minutes without a touch is a board nobody can read, so while one is on
 * screen it holds a screen wake lock. Browsers drop the lock whenever the page
 * is hidden, so it is asked for again each time the page shows. Where the
 * browser has no wake lock, or refuses (a battery saver), the screen's own
 * settings decide, as before.
 */
import { useEffect } from 'react';

export function useScreenWakeLock(): void {
  useEffect(() => {
    if (typeof navigator === 'undefined' || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    let active = true;
    const request = async () => {
      if (document.visibilityState !== 'visible' || lock) return;
      try {
        const granted = await navigator.wakeLock.request('screen');
        if (!active) {
          await granted.release();
          return;
        }
        lock = granted;
        granted.addEventListener('release', () => {
          if (lock === granted) lock = null;
        });
      } catch {
        // Refused: nothing to do but let the screen sleep as it would have.
      }
    };
    const onVisibility = () => void request();
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      active = false;
      document.removeEventListener('visibilitychange', onVisibility);
      void lock?.release();
    };
  }, []);
}
