// @vitest-environment jsdom
/**
 * The ready board as a page: its snapshot and feed come through a link the
 * test answers by hand, so a number can be moved, collected and timed out at
 * exactly the moments the test picks (the browser test uses the real server).
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, lastCall, type FakeCall } from '../test-support/fake-api';
import type { BoardFeedItem, ReadyBoard, ReadyBoardEntry } from './ready-board-feed';
import { ReadyBoardPage } from './ReadyBoardPage';

const SERVER_TIME = '2026-11-24T19:30:00.000Z';
const at = (seconds: number) => new Date(Date.parse(SERVER_TIME) + seconds * 1000).toISOString();

function entry(number: number, status: ReadyBoardEntry['status'], version = 2): ReadyBoardEntry {
  return {
    businessDate: '2026-11-24',
    number,
    displayNumber: `#${String(number).padStart(3, '0')}`,
    status,
    version,
    readyAt: status === 'ready' || status === 'completed' ? at(-120) : null,
    completedAt: status === 'completed' ? at(-10) : null,
  };
}

function snapshot(entries: ReadyBoardEntry[], overrides: Partial<ReadyBoard> = {}): ReadyBoard {
  return {
    location: { slug: 'harbour-kitchen', name: 'Harbour Kitchen', timezone: 'Europe/Dublin' },
    entries,
    collectedSeconds: 60,
    serverTime: SERVER_TIME,
    lastEventId: 40,
    ...overrides,
  };
}

let calls: FakeCall[];

function renderPage(slug = 'harbour-kitchen') {
  const Providers = fakeApiProviders(calls);
  render(
    <Providers>
      <ReadyBoardPage slug={slug} />
    </Providers>,
  );
}

const call = (path: string) => lastCall(calls, path);

/** Lets TanStack Query tell the page (it notifies on a zero timeout). */
async function settle(step: () => void) {
  await act(async () => {
    step();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** Answers the snapshot and starts the feed, as the server would. */
async function loadBoard(board: ReadyBoard) {
  await vi.waitFor(() => call('board.get'));
  await settle(() => call('board.get').answer(board));
  // The fake feed reports itself started as soon as the page subscribes.
  await vi.waitFor(() => call('board.live'));
}

let eventId = 40;
async function feed(data: BoardFeedItem['data']) {
  eventId += 1;
  const item: BoardFeedItem = { id: String(eventId), data };
  await settle(() => call('board.live').answer(item));
}

type ListName = 'Received' | 'Preparing' | 'Ready';
const list = (name: ListName) => screen.getByRole('region', { name });
const numbersIn = (name: ListName) =>
  within(list(name))
    .queryAllByRole('listitem')
    .map((tile) => `${tile.getAttribute('data-number')}:${tile.getAttribute('data-state')}`);

/** Moves this machine's clock (and the page's one-second tick) on. */
function wait(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  calls = [];
  eventId = 40;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(new Date(SERVER_TIME));
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the ready board page', () => {
  it('loads, then shows the restaurant and its numbers in two lists, by number, live', async () => {
    renderPage();
    expect(screen.getByRole('status').textContent).toContain('Loading the ready board');
    expect(calls[0]).toMatchObject({
      path: 'board.get',
      input: { locationSlug: 'harbour-kitchen' },
    });
    await loadBoard(
      snapshot([
        entry(4, 'preparing'),
        entry(2, 'ready', 4),
        entry(3, 'accepted'),
        entry(1, 'completed', 5),
      ]),
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Harbour Kitchen');
    expect(document.title).toBe('Ready board · Harbour Kitchen');
    expect(numbersIn('Preparing')).toEqual(['#003:preparing', '#004:preparing']);
    expect(numbersIn('Ready')).toEqual(['#001:collected', '#002:ready']);
    expect(
      within(list('Ready')).getByRole('listitem', { name: '#001, collected' }).textContent,
    ).toBe('✓#001');
    // The restaurant's clock: 19:30 UTC is 19:30 in Dublin in November.
    expect(screen.getByText('19:30')).toBeTruthy();
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Live'));
  });

  it('shows orders waiting to be accepted under Received, so a guest who just ordered finds theirs', async () => {
    renderPage();
    const waiting = Array.from({ length: 60 }, (_, at) => entry(at + 1, 'placed', 1));
    await loadBoard(snapshot(waiting));
    const received = numbersIn('Received');
    expect(received).toHaveLength(60);
    expect(received.at(-1)).toBe('#060:received');
    expect(within(list('Received')).getByRole('listitem', { name: '#060, received' })).toBeTruthy();
    expect(screen.queryByText('Nothing in the kitchen right now')).toBeNull();
    expect(within(list('Preparing')).getByText('Orders move here when the kitchen starts them'));

    // A new order shows at once; accepted, it moves on to Preparing.
    await feed({ type: 'board.changed', entry: entry(61, 'placed', 1) });
    expect(numbersIn('Received').at(-1)).toBe('#061:received');
    await feed({ type: 'board.changed', entry: entry(1, 'accepted', 2) });
    expect(numbersIn('Received')[0]).toBe('#002:received');
    expect(numbersIn('Preparing')).toEqual(['#001:preparing']);
    // Numbers and stages only.
    expect(list('Received').textContent).toMatch(/^Received(#\d{3})+$/);
  });

  it('says updates are delayed while the server’s bus is down, and Live once it is back', async () => {
    renderPage();
    await loadBoard(snapshot([entry(7, 'preparing', 3)]));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Live'));
    await settle(() => call('live.status').answer({ bus: 'down' }));
    expect(screen.getByRole('status').textContent).toBe('Updates delayed · may take a few seconds');
    await settle(() => call('live.status').answer({ bus: 'up' }));
    expect(screen.getByRole('status').textContent).toBe('Live');
  });

  it('moves a number from Preparing to Ready as it happens, marked as just ready for a while', async () => {
    renderPage();
    await loadBoard(snapshot([entry(7, 'preparing', 3)]));
    expect(numbersIn('Ready')).toEqual([]);
    expect(within(list('Ready')).getByText('Numbers show here when ready')).toBeTruthy();

    await feed({ type: 'board.changed', entry: { ...entry(7, 'ready', 4), readyAt: at(0) } });
    expect(numbersIn('Preparing')).toEqual([]);
    expect(numbersIn('Ready')).toEqual(['#007:ready']);
    const tile = within(list('Ready')).getByRole('listitem', { name: '#007, just ready' });
    expect(tile.getAttribute('data-fresh')).toBe('true');
    wait(10_000);
    expect(tile.hasAttribute('data-fresh')).toBe(false);
    expect(tile.getAttribute('aria-label')).toBe('#007');
  });

  it('keeps a collected number ticked for the collected time, then takes it off', async () => {
    renderPage();
    await loadBoard(snapshot([entry(7, 'ready', 4)]));
    await feed({
      type: 'board.changed',
      entry: { ...entry(7, 'completed', 5), completedAt: at(0) },
    });
    expect(numbersIn('Ready')).toEqual(['#007:collected']);
    wait(59_000);
    expect(numbersIn('Ready')).toEqual(['#007:collected']);
    wait(1_000);
    expect(numbersIn('Ready')).toEqual([]);
  });

  it('takes a rejected or cancelled number off at once', async () => {
    renderPage();
    await loadBoard(snapshot([entry(7, 'ready', 4), entry(8, 'accepted')]));
    await feed({ type: 'board.changed', entry: entry(7, 'cancelled', 5) });
    await feed({ type: 'board.changed', entry: entry(8, 'rejected', 3) });
    expect(numbersIn('Ready')).toEqual([]);
    expect(numbersIn('Preparing')).toEqual([]);
  });

  it('follows a new collected time sent while it is open', async () => {
    renderPage();
    await loadBoard(snapshot([entry(7, 'completed', 5)])); // collected 10 s ago
    await feed({ type: 'board.settings', collectedSeconds: 15 });
    wait(4_000);
    expect(numbersIn('Ready')).toEqual(['#007:collected']);
    wait(1_000);
    expect(numbersIn('Ready')).toEqual([]);
  });

  it('times a collected number by the server’s clock when this screen’s clock is wrong', async () => {
    // This screen is two minutes behind the server.
    vi.setSystemTime(new Date(Date.parse(SERVER_TIME) - 120_000));
    renderPage();
    await loadBoard(snapshot([entry(7, 'completed', 5)])); // collected 10 s ago, server time
    expect(numbersIn('Ready')).toEqual(['#007:collected']);
    expect(screen.getByText('19:30')).toBeTruthy(); // the server's time, not 19:28
    wait(50_000);
    expect(numbersIn('Ready')).toEqual([]);
  });
});

describe('the ready board page when it cannot load', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'],
    });
    vi.setSystemTime(new Date(SERVER_TIME));
  });

  it('says the board could not load and tries again by itself', async () => {
    renderPage();
    await vi.waitFor(() => call('board.get'));
    await act(async () => {
      call('board.get').refuse('INTERNAL_SERVER_ERROR', 'The server is not answering.');
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('alert').textContent).toContain(
      'The server is not answering. Trying again shortly.',
    );
    expect(calls.filter((c) => c.path === 'board.get')).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls.filter((c) => c.path === 'board.get')).toHaveLength(2);
    await act(async () => {
      call('board.get').answer(snapshot([entry(3, 'accepted')]));
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(numbersIn('Preparing')).toEqual(['#003:preparing']);
  });

  it('says so when there is no such location, and does not keep asking', async () => {
    renderPage('nowhere');
    await vi.waitFor(() => call('board.get'));
    await act(async () => {
      call('board.get').refuse('NOT_FOUND', 'There is no restaurant at “nowhere”.');
      await vi.advanceTimersByTimeAsync(0);
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('Location not found');
    expect(alert.textContent).toContain('There is no ready board at “nowhere”.');
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(calls.map((c) => c.path)).toEqual(['board.get']);
  });
});
