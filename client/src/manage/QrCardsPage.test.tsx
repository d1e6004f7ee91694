// @vitest-environment jsdom
/**
 * The QR cards: one per table and one for pickup, each naming the restaurant
 * and the table and holding the link its code encodes; Print prints.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { toString as qrText } from 'qrcode';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApiProviders, type FakeCall } from '../test-support/fake-api';
import { ManagedLocationContext } from './location-context';
import { qrCards, QrCardsPage } from './QrCardsPage';
import { fakeTables, HARBOUR } from './test-tables';

let calls: FakeCall[];

beforeEach(() => {
  calls = [];
  window.history.replaceState(null, '', `/manage/${HARBOUR.slug}/qr`);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderCards(onCall: (call: FakeCall) => void) {
  const Providers = fakeApiProviders(calls, onCall);
  render(
    <Providers>
      <ManagedLocationContext.Provider value={HARBOUR}>
        <QrCardsPage />
      </ManagedLocationContext.Provider>
    </Providers>,
  );
}

describe('the QR cards', () => {
  it('are one per table and one for pickup, with the links their codes hold', () => {
    const origin = 'https://eat.example';
    const cards = qrCards(origin, 'harbour-kitchen', [
      { id: 4, label: 'Table 4', secret: 'secret-of-4' },
    ]);
    expect(cards.map(({ title, line, url }) => ({ title, line, url }))).toEqual([
      {
        title: 'Table 4',
        line: 'Scan to order',
        url: 'https://eat.example/l/harbour-kitchen?table=secret-of-4',
      },
      {
        title: 'Pickup',
        line: 'Scan to order for pickup',
        url: 'https://eat.example/l/harbour-kitchen',
      },
    ]);
  });

  it('show each card with the restaurant, the table and its code as an image', async () => {
    const server = fakeTables(['Table 2', 'Terrace 1']);
    renderCards(server.onCall);
    const images = await screen.findAllByRole('img');
    expect(images.map((image) => image.getAttribute('alt'))).toEqual([
      `QR code for Table 2: ${window.location.origin}/l/harbour-kitchen?table=${server.tables[0]!.secret}`,
      `QR code for Terrace 1: ${window.location.origin}/l/harbour-kitchen?table=${server.tables[1]!.secret}`,
      `QR code for Pickup: ${window.location.origin}/l/harbour-kitchen`,
    ]);
    const cards = [...document.querySelectorAll('.qr-card')];
    expect(cards.map((card) => card.textContent)).toEqual([
      'Harbour KitchenTable 2Scan to order',
      'Harbour KitchenTerrace 1Scan to order',
      'Harbour KitchenPickupScan to order for pickup',
    ]);
    // The image is the library's SVG for exactly that link: no markup of its own to trust.
    const pickup = images[2]!.getAttribute('src')!;
    expect(pickup.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(pickup.slice(pickup.indexOf(',') + 1));
    expect(svg).toBe(
      await qrText(`${window.location.origin}/l/harbour-kitchen`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      }),
    );
    expect(svg).not.toMatch(/style=/);
  });

  it('print with the Print button', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    renderCards(fakeTables(['Table 1']).onCall);
    await screen.findAllByRole('img');
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('lead to the operator’s PUBLIC_URL when set, not to the address this laptop used', async () => {
    const server = fakeTables(['Table 2'], 'https://eat.example');
    renderCards(server.onCall);
    const images = await screen.findAllByRole('img');
    expect(images.map((image) => image.getAttribute('alt'))).toEqual([
      `QR code for Table 2: https://eat.example/l/harbour-kitchen?table=${server.tables[0]!.secret}`,
      'QR code for Pickup: https://eat.example/l/harbour-kitchen',
    ]);
  });

  it('still offer the pickup card when there are no tables', async () => {
    renderCards(fakeTables([]).onCall);
    const images = await screen.findAllByRole('img');
    expect(images.map((image) => image.getAttribute('alt'))).toEqual([
      `QR code for Pickup: ${window.location.origin}/l/harbour-kitchen`,
    ]);
  });
});
