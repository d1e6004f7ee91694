/**
 * Vitest globalSetup of the browser project: builds the client once per run,
 * as `npm start` would, into a temporary folder, and hands the folder to the
 * test files as `inject('clientDist')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built client (index.html and assets), for the test servers to serve. */
    clientDist: string;
  }
}

const CLIENT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function buildClient(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'ticketrail-e2e-client-'));
  // Vitest sets NODE_ENV=test, which Vite would bake into the bundle (React's
  // development build). Build what production serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: CLIENT_ROOT,
      configFile: join(CLIENT_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('clientDist', outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
