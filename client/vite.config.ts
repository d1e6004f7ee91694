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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // server/src/http/first-page.ts reads it to preload a page's chunk with the page.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // zod and the shared schemas built with it are one chunk of
              // their own (about 22 KB of the guest's JavaScript, compressed),
              // so a page that only takes a price formatter or a limit from
              // shared/ does not download them too (shared/package.json says
              // `sideEffects: false`, so importing from shared/ does not pull
              // in the module either): the menu reads without them, and only
              // its checkout loads them (issue 13).
              name: 'schemas',
              // Not the rest of shared/ (the stations the routes list, say): every page has that.
              includeDependenciesRecursively: false,
              test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]src[\\/]schemas\.ts$/,
            },
          ],
        },
      },
    },
  },
});
