// Every face's stylesheet loads up front, before the app's own (styles.css
// last), as it always has: where a face's rule ties with a shared one, the
// shared one wins, and the screens were drawn with that cascade. Loaded with
// each face's chunk instead, a face's rules would come last and win. The
// faces' scripts still load per face (routes.tsx).
import './kitchen/kitchen.css';
import './kitchen/ticket-details.css';
import './manage/manage.css';
import './ordering/ordering.css';
import './ready-board/ready-board.css';
import './tracking/tracking.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/ApiProvider';
import { session } from './auth/session';
import { createAppRouter } from './routes';
import './styles.css';

const router = createAppRouter();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <ApiProvider session={session}>
      <RouterProvider router={router} />
    </ApiProvider>
  </StrictMode>,
);
