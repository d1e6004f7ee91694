/** `/manage/<location>/tables`, loaded with its own chunk. */
import { TablesPage } from './TablesPage';

export function TablesRoute() {
  return <TablesPage />;
}
