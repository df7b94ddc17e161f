// Whether a newer version of a model exists, without downloading it: the registry's manifest
// digest against the local one. A registry that cannot be asked never makes a model "outdated".
import * as client from "../ollama/client";
import type { Handle, OllamaError, RegistryManifest } from "../ollama/types";

export type Verdict =
  | { state: "available" }
  | { state: "current" }
  /** 404 from the registry: created locally, or unknown to that registry. */
  | { state: "not_in_registry" }
  /** The registry could not answer (unreachable, an error status): nothing is known. */
  | { state: "unknown"; unreachable: boolean; error: string };

export function compare(localDigest: string, err: OllamaError | undefined, manifest: RegistryManifest | undefined): Verdict {
  if (err !== undefined || manifest === undefined) {
    if (err === undefined) return { state: "unknown", unreachable: false, error: "the registry gave no answer" };
    return { state: "unknown", unreachable: err.kind === "unreachable" || err.kind === "timeout", error: err.message };
  }
  if (!manifest.found) return { state: "not_in_registry" };
  const local = string.lower(localDigest);
  for (const digest of manifest.digests) if (string.lower(digest) === local) return { state: "current" };
  return { state: "available" };
}

/**
 * Asks `registry` about one installed model; `cb` gets the verdict on the main loop. A header
 * digest that differs is checked against the manifest's body before saying "available": the
 * local digest of a model stored by an old server is that of the re-serialised body.
 */
export function check(name: string, localDigest: string, registry: string, cb: (this: void, verdict: Verdict, cancelled: boolean) => void): Handle {
  const cancelled = (err: OllamaError | undefined): boolean => err !== undefined && err.kind === "cancelled";
  let current = client.registryManifest(name, registry, (err, manifest) => {
    const verdict = compare(localDigest, err, manifest);
    if (verdict.state !== "available" || cancelled(err)) return cb(verdict, cancelled(err));
    current = client.registryManifest(name, registry, (err2, full) => {
      // The header already said "different": a body that cannot be read does not undo that.
      cb(err2 !== undefined ? verdict : compare(localDigest, err2, full), cancelled(err2));
    }, { get: true });
  });
  return { cancel: () => current.cancel() };
}
