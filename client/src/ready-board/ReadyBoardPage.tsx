/**
 * `/board/<location>`: the screen over the pickup counter or in the dining
 * room. Order numbers only, in three lists, "Received" (placed, waiting for
 * the kitchen to take it on: a guest who just ordered finds their number at
 * once), "Preparing" and "Ready", read from across a room; a collected number stays ticked for the location's collected
 * time, then leaves. Nobody touches it: it loads, goes live, and keeps itself
 * current (and retries by itself when the server is away).
 */
import { useEffect, useMemo } from 'react';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadError, Loading } from '../components/States';
import type { LiveConnection } from '../live/connection';
import { useLiveReadyBoard } from './useLiveReadyBoard';
import type { ReadyBoard } from './ready-board-feed';
import { NumberPanel } from './NumberPanel';
import { boardLists } from './ready-board-model';
import { useServerNow } from './useServerNow';
import './ready-board.css';
import { useScreenWakeLock } from '../lib/wake-lock';

/** A screen nobody taps: after a failed first load it tries again by itself this often. */
const RETRY_LOAD_MS = 10_000;

/** "14:05" at the restaurant, whatever time zone the screen was set up with. */
function useClockFormat(timeZone: string): Intl.DateTimeFormat {
  return useMemo(() => {
    const options = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    try {
      return new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      // A zone this browser does not know: its own clock is the best there is.
      return new Intl.DateTimeFormat('en-GB', options);
    }
  }, [timeZone]);
}

function Screen({
  board,
  arrivedAt,
  live,
}: {
  board: ReadyBoard;
  arrivedAt: number;
  live: LiveConnection;
}) {
  const now = useServerNow(board, arrivedAt);
  const lists = boardLists(board.entries, { now, collectedSeconds: board.collectedSeconds });
  const clock = useClockFormat(board.location.timezone);
  const time = new Date(now);
  useScreenWakeLock();

  useEffect(() => {
    document.title = `Ready board · ${board.location.name}`;
  }, [board.location.name]);

  return (
    <div className="ready-board">
      <header className="ready-board__header">
        <h1 className="ready-board__name">{board.location.name}</h1>
        <p className="ready-board__hint">Collect your order when your number shows under Ready</p>
        <time className="ready-board__clock" dateTime={time.toISOString()}>
          {clock.format(time)}
        </time>
      </header>
      <main className="ready-board__lists">
        <NumberPanel
          kind="received"
          title="Received"
          empty="New orders show here"
          list={lists.received}
        />
        <NumberPanel
          kind="preparing"
          title="Preparing"
          empty={
            lists.received.tiles.length > 0
              ? 'Orders move here when the kitchen starts them'
              : 'Nothing in the kitchen right now'
          }
          list={lists.preparing}
        />
        <NumberPanel
          kind="ready"
          title="Ready"
          empty="Numbers show here when ready"
          list={lists.ready}
        />
      </main>
      <div className="ready-board__connection">
        <ConnectionBadge connection={live} />
      </div>
    </div>
  );
}

export function ReadyBoardPage({ slug }: { slug: string }) {
  const { board, live } = useLiveReadyBoard(slug);
  const notFound = board.error?.data?.code === 'NOT_FOUND';
  const { isError, refetch } = board;

  useEffect(() => {
    if (!isError || notFound) return;
    const timer = setTimeout(() => void refetch(), RETRY_LOAD_MS);
    return () => clearTimeout(timer);
  }, [isError, notFound, refetch]);

  if (board.data) {
    return <Screen board={board.data} arrivedAt={board.dataUpdatedAt} live={live} />;
  }
  return (
    <div className="ready-board ready-board--message">
      {board.isPending ? (
        <Loading what="the ready board" />
      ) : notFound ? (
        <section className="ready-board__missing" role="alert" aria-labelledby="board-missing">
          <h1 id="board-missing">Location not found</h1>
          <p>
            There is no ready board at “{slug}”. Check the address: it ends in the restaurant’s name
            as it appears in its menu link.
          </p>
        </section>
      ) : (
        <LoadError
          message={`${board.error?.message ?? 'The board could not be loaded.'} Trying again shortly.`}
          onRetry={() => void refetch()}
        />
      )}
    </div>
  );
}
