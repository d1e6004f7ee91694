/** `/manage/<location>/menu`, loaded with its own chunk (dnd-kit comes with it). */
import { MenuEditorPage } from './MenuEditorPage';

export function MenuRoute() {
  return <MenuEditorPage />;
}
