/**
 * Walking and editing JSON-like values without mutating them, for building
 * near-valid inputs. Keys are set with defineProperty so that `__proto__`
 * becomes an own key that JSON.stringify sends, as a hostile client would.
 */
type Key = string | number;
type Path = readonly Key[];

export interface Node {
  path: Path;
  value: unknown;
  /** The nearest object key above (or at) the node: `optionIds` for `optionIds[2]`. */
  key: string | null;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function nodesOf(value: unknown, path: Path = [], key: string | null = null): Node[] {
  const here: Node = { path, value, key };
  if (Array.isArray(value)) {
    return [here, ...value.flatMap((item, index) => nodesOf(item, [...path, index], key))];
  }
  if (isRecord(value)) {
    return [
      here,
      ...Object.entries(value).flatMap(([name, item]) => nodesOf(item, [...path, name], name)),
    ];
  }
  return [here];
}

/** Sets a property so that JSON.stringify sends it, even when it is `__proto__`. */
export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) defineKey(out, key, copy(item));
    return out;
  }
  return value;
}

/** Replaces (or with `remove`, deletes) the node at `path`; returns the new root. */
export function update(
  root: unknown,
  path: Path,
  change: (old: unknown) => unknown,
  remove = false,
) {
  if (path.length === 0) return change(root);
  const out = copy(root);
  let parent: unknown = out;
  for (const key of path.slice(0, -1)) parent = (parent as Record<Key, unknown>)[key];
  const last = path[path.length - 1] as Key;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (remove) parent.splice(last, 1);
    else parent[last] = change(parent[last]);
  } else if (isRecord(parent)) {
    if (remove) delete parent[String(last)];
    else defineKey(parent, String(last), change(parent[String(last)]));
  }
  return out;
}

export const typeOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
