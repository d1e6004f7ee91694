/**
 * The back office's entries, loaded with their own chunk: `/manage` (sign in,
 * pick a location) and `/manage/<location>`, the frame its pages open in.
 */
import { getRouteApi, Outlet } from '@tanstack/react-router';
import { ManageArea } from './ManageArea';

const route = getRouteApi('/manage/$slug');

export function ManageRoute() {
  const { slug } = route.useParams();
  return (
    <ManageArea slug={slug}>
      <Outlet />
    </ManageArea>
  );
}

export function ManagePickerRoute() {
  return <ManageArea slug={null} />;
}
