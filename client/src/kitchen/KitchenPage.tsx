/**
 * `/kitchen` and `/kitchen/<location>?station=<station>`: sign in, pick the
 * location and the station, then run the board.
 */
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { STATIONS, type StaffRole, type Station } from '@ticketrail/shared';
import { trpc } from '../api/client';
import { useEndedSession } from '../auth/ended-session';
import { session } from '../auth/session';
import { StaffGate, useOnlyLocation, type Account } from '../auth/StaffGate';
import { SignOut } from '../auth/SignOut';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { LoadError, Loading } from '../components/States';
import { useLiveKitchenBoard } from './useLiveKitchenBoard';
import { KitchenBoard } from './KitchenBoard';
import { playChime, soundAllowed, unlockSound } from '../lib/sound';
import './kitchen.css';
import { useScreenWakeLock } from '../lib/wake-lock';

const MUTED_KEY = 'ticketrail.kitchen.muted';

function useMuted(): [boolean, () => void] {
  const [muted, setMuted] = useState(() => window.localStorage.getItem(MUTED_KEY) === '1');
  const toggle = useCallback(() => {
    setMuted((was) => {
      window.localStorage.setItem(MUTED_KEY, was ? '0' : '1');
      return !was;
    });
  }, []);
  return [muted, toggle];
}

interface Location {
  id: number;
  slug: string;
  name: string;
}

function StationPicker({ slug, station }: { slug: string; station: Station | null }) {
  const options: (Station | null)[] = [null, ...STATIONS];
  return (
    <nav className="station-picker" aria-label="Station">
      {options.map((option) => (
        <Link
          key={option ?? 'all'}
          to="/kitchen/$slug"
          params={{ slug }}
          search={option ? { station: option } : {}}
          replace
          // The router would mark "All" current on every station's page too.
          activeOptions={{ exact: true }}
          aria-current={option === station ? 'page' : undefined}
        >
          {option ?? 'All'}
        </Link>
      ))}
    </nav>
  );
}

function Board({
  location,
  station,
  staffName,
  role,
}: {
  location: Location;
  station: Station | null;
  staffName: string;
  role: StaffRole;
}) {
  const { board, live } = useLiveKitchenBoard(location.id);
  const ended = useEndedSession(live.error, board.error);
  useScreenWakeLock();
  const [muted, toggleMute] = useMuted();
  // Browsers allow sound only after a touch or key; the hint goes once it is allowed.
  const [soundReady, setSoundReady] = useState(soundAllowed);
  const logout = trpc.auth.logout.useMutation({ onSettled: () => session.set(null) });
  const onNewTickets = useCallback(() => {
    if (!muted) playChime();
  }, [muted]);

  useEffect(() => {
    document.title = `${station ? `${station} · ` : ''}Kitchen · ${location.name}`;
  }, [location.name, station]);

  const needsTap = !muted && !soundReady;
  const [toolbarSlot, setToolbarSlot] = useState<HTMLDivElement | null>(null);
  // The sign-in form takes over on the next render.
  if (ended) return null;
  return (
    <div
      className="kitchen-page"
      onPointerDown={() => {
        void unlockSound().then(setSoundReady);
      }}
    >
      <header className="kitchen-header">
        <h1>
          {location.name}
          {station ? <span className="kitchen-header__station"> · {station}</span> : null}
        </h1>
        <StationPicker slug={location.slug} station={station} />
        <ConnectionBadge connection={live} />
        {/* The board's own buttons sit up here: a rush needs every row of the screen for tickets. */}
        <div className="kitchen-header__tools" ref={setToolbarSlot} />
        {live.error && live.status !== 'live' ? (
          <p className="kitchen-header__error" role="alert">
            {live.error.message}
          </p>
        ) : null}
        {needsTap ? <p className="muted">Tap the board to turn sound on</p> : null}
        <span className="kitchen-header__who">{staffName}</span>
        <button
          type="button"
          className="toolbar-button"
          disabled={logout.isPending}
          onClick={() => logout.mutate()}
        >
          Sign out
        </button>
      </header>
      <main className="kitchen-main">
        {board.isPending ? (
          <Loading what="the tickets" />
        ) : board.isError ? (
          <LoadError message={board.error.message} onRetry={() => void board.refetch()} />
        ) : (
          <KitchenBoard
            tickets={board.data.tickets}
            settings={board.data.settings}
            locationSlug={location.slug}
            station={station}
            role={role}
            toolbarSlot={toolbarSlot}
            muted={muted}
            onToggleMute={toggleMute}
            onNewTickets={onNewTickets}
          />
        )}
      </main>
    </div>
  );
}

function KitchenFor({
  account,
  slug,
  station,
}: {
  account: Account;
  slug: string | null;
  station: Station | null;
}) {
  const navigate = useNavigate();
  useOnlyLocation(
    slug,
    account.locations,
    useCallback(
      (only: string) =>
        void navigate({ to: '/kitchen/$slug', params: { slug: only }, replace: true }),
      [navigate],
    ),
  );
  const location = account.locations.find((candidate) => candidate.slug === slug);
  if (!location) {
    return (
      <main className="page">
        <h1>Which kitchen?</h1>
        <SignOut name={account.name} />
        {slug ? <p className="state state--error">You do not work at “{slug}”.</p> : null}
        <ul className="cards">
          {account.locations.map((candidate) => (
            <li key={candidate.id} className="card">
              <h2>{candidate.name}</h2>
              <Link className="button" to="/kitchen/$slug" params={{ slug: candidate.slug }}>
                Open the board
              </Link>
              {/* A manager signing in here also keeps the place: its tables and QR codes. */}
              {account.role === 'manager' ? (
                <Link to="/manage/$slug" params={{ slug: candidate.slug }}>
                  Back office
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </main>
    );
  }
  return (
    <Board location={location} station={station} staffName={account.name} role={account.role} />
  );
}

/** `station` is the one whose tickets to show; none, or null, shows them all. */
export function KitchenPage({
  slug,
  station = null,
}: {
  slug: string | null;
  station?: Station | null;
}) {
  return (
    <StaffGate>
      {(account) => <KitchenFor account={account} slug={slug} station={station} />}
    </StaffGate>
  );
}
