/** The all-day count: how many of each item are still to make, across every open ticket. */
import type { Station } from '@ticketrail/shared';
import type { KitchenTicket } from './kitchen-feed';
import { allDayCounts } from './board-model';

export function AllDayPanel({
  tickets,
  station,
}: {
  tickets: readonly KitchenTicket[];
  station: Station | null;
}) {
  const lines = allDayCounts(tickets, station);
  return (
    <aside className="side-panel" aria-labelledby="all-day-title">
      <h2 id="all-day-title">All day{station ? ` · ${station}` : ''}</h2>
      {lines.length === 0 ? (
        <p className="muted">Nothing waiting to be made.</p>
      ) : (
        <table className="all-day">
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.station}:${line.name}`}>
                <td className="all-day__count">{line.count}</td>
                <td>
                  <span className="all-day__name">{line.name}</span>
                  {station ? null : <span className="all-day__station"> {line.station}</span>}
                  {line.variants.length > 0 ? (
                    <span className="all-day__variants">
                      {line.variants
                        .map((variant) => `${variant.count} ${variant.options}`)
                        .join(' · ')}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
