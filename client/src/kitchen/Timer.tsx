/**
 * How long a ticket has waited, coloured against the location's thresholds
 * (green, amber, red). Ticks on the shared clock, alone: the board does not
 * re-render every second.
 */
import type { KitchenSettings } from '@ticketrail/shared';
import { elapsedSeconds, formatElapsed, timerLevel } from './board-model';
import { useNow } from '../lib/clock';

export function Timer({
  placedAt,
  settings,
  label,
}: {
  placedAt: string;
  settings: KitchenSettings;
  /** Words before the time, such as "oldest". */
  label?: string;
}) {
  const seconds = elapsedSeconds(placedAt, useNow());
  const level = timerLevel(seconds, settings);
  return (
    <span className={`ticket__timer ticket__timer--${level}`} data-level={level}>
      {label ? <span className="ticket__timer-label">{label} </span> : null}
      {formatElapsed(seconds)}
    </span>
  );
}
