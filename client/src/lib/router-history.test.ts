// @vitest-environment jsdom
/**
 * The router hears of every move to another address, and of every move it
 * made itself, but not of a step a sheet pushes (or pops) at the same address.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAppHistory } from './router-history';

const history = createAppHistory();
let heard: string[] = [];
const stop = history.subscribe(({ location, action }) =>
  heard.push(`${action.type} ${location.href}`),
);
afterEach(() => {
  heard = [];
});

describe('the history the router follows', () => {
  it('tells of a move to another address, however it was made', () => {
    window.history.pushState(null, '', '/l/harbour-kitchen');
    window.history.replaceState(null, '', '/l/harbour-kitchen#category-3');
    expect(heard).toEqual(['PUSH /l/harbour-kitchen', 'REPLACE /l/harbour-kitchen#category-3']);
  });

  it('keeps quiet about a step at the same address, and its way back', async () => {
    window.history.pushState({ ticketrailSheet: 1 }, '');
    window.history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    expect(heard).toEqual([]);
  });

  it('tells of the router’s own moves, even to the same address', () => {
    const here = window.location.pathname + window.location.search + window.location.hash;
    history.push(here, { from: 'router' });
    history.flush();
    expect(heard).toEqual([`PUSH ${here}`]);
    stop();
  });
});
