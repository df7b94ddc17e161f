// Loads a module of the plugin on first use. A variable module name keeps tstl from resolving it
// at build time; callers name the same module path the importers use (one instance per module).
export function lazy<T>(this: void, name: string): () => T {
  let mod: T | undefined;
  return () => {
    if (mod === undefined) mod = require(name) as T;
    return mod;
  };
}
