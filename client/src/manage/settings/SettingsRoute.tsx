/** `/manage/<location>/settings`, loaded with its own chunk. */
import { SettingsPage } from './SettingsPage';

export function SettingsRoute() {
  return <SettingsPage />;
}
