/** `/manage/<location>/staff`, loaded with its own chunk. */
import { StaffPage } from './StaffPage';

export function StaffRoute() {
  return <StaffPage />;
}
