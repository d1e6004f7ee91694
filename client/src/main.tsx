import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createQueryClient, createTrpcClient, trpc } from './api/client';
import './styles.css';

function Root() {
  const [queryClient] = useState(createQueryClient);
  // Staff sign-in arrives with the kitchen pages; until then every visitor is a guest.
  const [api] = useState(() => createTrpcClient());
  return (
    <trpc.Provider client={api.trpc} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </trpc.Provider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
