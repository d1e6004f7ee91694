/** Types of binaries.mjs (plain Node, so that scripts/test.mjs can use it before install). */
export function findPostgresBin(): string | null;
export function findRedisServer(): string | null;
export function missingChaosBinaries(): string[];
