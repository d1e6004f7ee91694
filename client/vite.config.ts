import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// In development Vite serves the app and forwards the API to a running server.
export default defineConfig({
  plugins: [
    react(),
    // A phone on a weak signal should not wait for bytes we could have saved:
    // each text file gets a .br (quality 11) and a .gz (level 9) beside it,
    // built once here so the server only picks one (server/src/http/static-files.ts)
    // and never compresses per request. A variant no smaller than its file is
    // left out; the server then sends the file as it is.
    compression({
      // The same types static-files.ts looks for a .br/.gz of.
      include: /\.(html|js|css|json|webmanifest|svg)$/,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')],
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/trpc': { target: 'http://localhost:3000', ws: true } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
