/** The ready board's entry, loaded with its own chunk: `/board/<location>`. */
import { getRouteApi } from '@tanstack/react-router';
import { ReadyBoardPage } from './ReadyBoardPage';

const route = getRouteApi('/board/$slug');

export function ReadyBoardRoute() {
  const { slug } = route.useParams();
  return <ReadyBoardPage slug={slug} />;
}
