// @vitest-environment jsdom
/**
 * The addresses the app answers, as the router reads them: each face at the
 * exact paths it always had (QR codes and receipts carry them), with typed
 * params and search values, and "Page not found" for anything else.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppRouter, parseSearch, stringifySearch } from './routes';

// The router scrolls a new page to the top, which jsdom does not do.
beforeEach(() => vi.spyOn(window, 'scrollTo').mockImplementation(() => {}));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const routerAt = (href: string) =>
  createAppRouter({ history: createMemoryHistory({ initialEntries: [href] }) });

/** The route the router settles on for `href`, with its params and search. */
async function open(href: string) {
  const router = routerAt(href);
  await router.load();
  const last = router.state.matches[router.state.matches.length - 1]!;
  return { route: last.routeId, status: last.status, params: last.params, search: last.search };
}

/** Whether `href` shows the not-found page. */
async function showsNotFound(href: string): Promise<boolean> {
  render(<RouterProvider router={routerAt(href)} />);
  const found = await screen.findByRole('heading', { name: 'Page not found' }).then(
    () => true,
    () => false,
  );
  cleanup();
  return found;
}

describe('the app’s addresses', () => {
  it('opens each face at its path', async () => {
    const ORDER_ID = '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f';
    const faces: [string, string, Record<string, string>][] = [
      ['/', '/', {}],
      ['/l/harbour-kitchen', '/l/$slug', { slug: 'harbour-kitchen' }],
      [`/track/${ORDER_ID}`, '/track/$orderId', { orderId: ORDER_ID }],
      ['/board/harbour-kitchen', '/board/$slug', { slug: 'harbour-kitchen' }],
      ['/kitchen', '/kitchen', {}],
      ['/kitchen/harbour-kitchen', '/kitchen/$slug', { slug: 'harbour-kitchen' }],
      ['/manage', '/manage', {}],
      ['/manage/harbour-kitchen/menu', '/manage/$slug/menu', { slug: 'harbour-kitchen' }],
      ['/manage/harbour-kitchen/tables', '/manage/$slug/tables', { slug: 'harbour-kitchen' }],
      ['/manage/harbour-kitchen/qr', '/manage/$slug/qr', { slug: 'harbour-kitchen' }],
      ['/manage/harbour-kitchen/staff', '/manage/$slug/staff', { slug: 'harbour-kitchen' }],
      ['/manage/harbour-kitchen/settings', '/manage/$slug/settings', { slug: 'harbour-kitchen' }],
    ];
    for (const [href, route, params] of faces) {
      expect(await open(href), href).toMatchObject({ route, status: 'success', params });
    }
  });

  it('opens a location’s back office on its menu', async () => {
    const router = routerAt('/manage/harbour-kitchen');
    await router.load();
    expect(router.state.location.pathname).toBe('/manage/harbour-kitchen/menu');
  });

  it('takes a trailing slash', async () => {
    expect(await open('/l/harbour-kitchen/')).toMatchObject({ route: '/l/$slug' });
    expect(await open('/kitchen/')).toMatchObject({ route: '/kitchen' });
  });

  it('reads a table and a station from the query, as text', async () => {
    expect(await open('/l/harbour-kitchen?table=0042&utm_source=qr')).toMatchObject({
      search: { table: '0042', utm_source: 'qr' },
    });
    expect(await open('/kitchen/harbour-kitchen?station=grill')).toMatchObject({
      search: { station: 'grill' },
    });
    // Not a station: every station's tickets.
    expect(await open('/kitchen/harbour-kitchen?station=roof')).toMatchObject({
      search: { station: undefined },
    });
  });

  it('shows "Page not found" for any other address', async () => {
    for (const href of [
      '/nowhere',
      '/L/harbour-kitchen',
      '/l/Harbour-Kitchen',
      '/l/harbour_kitchen',
      '/l',
      '/l/harbour-kitchen/more',
      '/track/not-an-id!',
      '/track/' + 'a'.repeat(65),
      '/board/Harbour',
      '/kitchen/Harbour',
      '/kitchen/harbour/grill',
      '/manage/Harbour',
    ]) {
      expect(await showsNotFound(href), href).toBe(true);
    }
  });
});

describe('query strings', () => {
  it('are read as plain text, the first of a repeated key winning', () => {
    expect(parseSearch('?table=123&x=true&x=false&empty=')).toEqual({
      table: '123',
      x: 'true',
      empty: '',
    });
  });

  it('are written back the way they were read, leaving out what is unset', () => {
    expect(stringifySearch({ table: 'a b&c', station: undefined })).toBe('?table=a+b%26c');
    expect(stringifySearch({})).toBe('');
    expect(parseSearch(stringifySearch({ table: 'a b&c' }))).toEqual({ table: 'a b&c' });
  });
});
