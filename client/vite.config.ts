import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and forwards the API to a running server.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: 'http://localhost:3000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
