/** One list of the ready board: a heading and a grid of order numbers sized to fit. */
import type { CSSProperties } from 'react';
import type { GridShape, NumberList, Tile } from './ready-board-model';

type GridStyle = CSSProperties & Record<'--columns' | '--rows', number>;

/** The CSS sizes the numbers from the grid's shape, so any count fits without scrolling. */
const gridStyle = (grid: GridShape): GridStyle => ({
  '--columns': grid.columns,
  '--rows': grid.rows,
});

function label(tile: Tile): string {
  if (tile.state === 'collected') return `${tile.displayNumber}, collected`;
  if (tile.state === 'received') return `${tile.displayNumber}, received`;
  return tile.fresh ? `${tile.displayNumber}, just ready` : tile.displayNumber;
}

function NumberTile({ tile }: { tile: Tile }) {
  // The hash is printed smaller: from across a room the digits are what is read.
  const digits = tile.displayNumber.replace(/^#/, '');
  const hash = digits !== tile.displayNumber;
  return (
    <li
      className="ready-board__tile"
      data-number={tile.displayNumber}
      data-state={tile.state}
      data-fresh={tile.fresh ? 'true' : undefined}
      aria-label={label(tile)}
    >
      {tile.state === 'collected' ? (
        <span className="ready-board__tick" aria-hidden="true">
          ✓
        </span>
      ) : null}
      <span className="ready-board__number" aria-hidden="true">
        {hash ? <span className="ready-board__hash">#</span> : null}
        {digits}
      </span>
    </li>
  );
}

export function NumberPanel({
  kind,
  title,
  empty,
  list,
}: {
  kind: 'received' | 'preparing' | 'ready';
  title: string;
  /** What an empty list says, quietly. */
  empty: string;
  list: NumberList;
}) {
  const headingId = `ready-board-${kind}`;
  return (
    <section
      className={`ready-board__panel ready-board__panel--${kind}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="ready-board__title">
        {title}
      </h2>
      {/* The grid's box: the numbers are sized from it (CSS container units). */}
      <div className="ready-board__body">
        {list.tiles.length === 0 ? (
          <p className="ready-board__empty">{empty}</p>
        ) : (
          <ol className="ready-board__grid" style={gridStyle(list.grid)}>
            {list.tiles.map((tile) => (
              <NumberTile key={tile.key} tile={tile} />
            ))}
            {list.hidden > 0 ? <li className="ready-board__more">+{list.hidden} more</li> : null}
          </ol>
        )}
      </div>
    </section>
  );
}
