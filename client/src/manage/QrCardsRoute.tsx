/** `/manage/<location>/qr`, loaded with its own chunk (it holds the QR code library). */
import { QrCardsPage } from './QrCardsPage';

export function QrCardsRoute() {
  return <QrCardsPage />;
}
