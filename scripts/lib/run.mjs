// Helpers for the root scripts. Plain Node (no dependencies): they run before
// `pnpm install` has put anything in node_modules.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
const yellow = (text) => (process.stderr.isTTY ? `\x1b[33;1m${text}\x1b[0m` : text);

let stepNumber = 0;
export function step(title) {
  stepNumber += 1;
  console.log(`\n${bold(`▸ ${stepNumber}. ${title}`)}`);
}

export function warn(lines) {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = '!'.repeat(width);
  console.error(
    yellow([rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule].join('\n')),
  );
}

/**
 * How to run pnpm 10 here: the pnpm that launched us, one on PATH, or npx.
 * Only Node and npm are assumed (corepack's signature check fails on some machines).
 */
function findPnpm() {
  const launcher = process.env.npm_execpath;
  if (launcher && /pnpm/.test(launcher)) return [process.execPath, launcher];
  const onPath = spawnSync('pnpm', ['--version'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (onPath.status === 0 && onPath.stdout.trim().startsWith('10.')) return ['pnpm'];
  return ['npx', '--yes', 'pnpm@10'];
}

const PNPM = findPnpm();

/** Runs pnpm with the given arguments, showing its output; resolves to its exit code. */
export function pnpm(args, options = {}) {
  const [command, ...prefix] = PNPM;
  return run(command, [...prefix, ...args], options);
}

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      ...options,
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs pnpm and stops the script with pnpm's exit code if it fails. */
export async function pnpmOrExit(args, what) {
  const code = await pnpm(args);
  if (code !== 0) {
    console.error(`\n✗ ${what} failed (exit ${code}).`);
    process.exit(code);
  }
}
