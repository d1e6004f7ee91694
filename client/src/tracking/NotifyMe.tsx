import type { ReadyAlerts } from './useReadyMoment';

/** Drawn, not an emoji: phones without an emoji font would show a box. */
function BellIcon() {
  return (
    <svg className="notify__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * "Notify me when it's ready". The button is the tap a browser needs before
 * it lets the page chime or ask for notifications; once on, it says what the
 * guest will get, including when the browser has refused notifications.
 */
export function NotifyMe({ alerts }: { alerts: ReadyAlerts }) {
  if (!alerts.wanted) {
    return (
      <section className="notify" aria-label="Ready alert">
        <button type="button" className="notify__button" onClick={() => void alerts.enable()}>
          <BellIcon />
          Notify me when it’s ready
        </button>
        <p className="notify__hint">A chime, and a notification if you allow it.</p>
      </section>
    );
  }
  const how =
    alerts.notifications === 'granted'
      ? 'We’ll chime and send a notification when it’s ready.'
      : alerts.notifications === 'denied'
        ? 'We’ll chime when it’s ready. Notifications are blocked in your browser settings, so keep this page open.'
        : 'We’ll chime when it’s ready. Keep this page open.';
  return (
    <section className="notify notify--on" aria-label="Ready alert">
      <BellIcon />
      <p className="notify__status">
        {how}
        {alerts.soundReady ? null : (
          <span className="notify__tap"> Tap anywhere on the page to allow the chime.</span>
        )}
      </p>
      <button type="button" className="notify__off" onClick={alerts.disable}>
        Turn off
      </button>
    </section>
  );
}
