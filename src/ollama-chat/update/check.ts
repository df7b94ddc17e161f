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

/** Asks `registry` about one installed model; `cb` gets the verdict on the main loop. */
export function check(name: string, localDigest: string, registry: string, cb: (this: void, verdict: Verdict, cancelled: boolean) => void): Handle {
  return client.registryManifest(name, registry, (err, manifest) => {
    cb(compare(localDigest, err, manifest), err !== undefined && err.kind === "cancelled");
  });
}
