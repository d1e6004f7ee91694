// `npm start`: from a fresh clone to a running Ticketrail in one command.
// Installs dependencies, builds the web app, then starts the server, which
// migrates and seeds its database and prints where to go and how to sign in.
import { pnpm, pnpmOrExit, step } from './lib/run.mjs';

step('Installing dependencies (pnpm)');
await pnpmOrExit(['install', '--frozen-lockfile'], 'Installing dependencies');

step('Building the web app');
await pnpmOrExit(['--filter', '@ticketrail/client', 'build'], 'Building the web app');

step('Starting Ticketrail');
process.exit(await pnpm(['--silent', '--filter', '@ticketrail/server', 'start']));
