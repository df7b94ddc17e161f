// Model manifests: deterministic per (name, version), in the two textual forms that matter.
// Ollama's own form is compact JSON in Go struct order; a Docker-style registry serves the same
// manifest pretty-printed with 3-space indents and layers keyed mediaType, size, digest.

import { createHash } from "node:crypto";

export interface Layer {
  mediaType: string;
  digest: string;
  size: number;
}

export interface Manifest {
  schemaVersion: number;
  mediaType: string;
  config: Layer;
  layers: Layer[];
}

const MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
const CONFIG_TYPE = "application/vnd.docker.container.image.v1+json";
const MODEL_TYPE = "application/vnd.ollama.image.model";
/** The layers besides the weights: the same in every version of a model. */
const SMALL_LAYERS = [
  { mediaType: "application/vnd.ollama.image.template", size: 1429 },
  { mediaType: "application/vnd.ollama.image.license", size: 7711 },
  { mediaType: "application/vnd.ollama.image.params", size: 96 },
];
const CONFIG_SIZE = 561;
/** What a model weighs besides its weights layer. */
export const OVERHEAD_BYTES = SMALL_LAYERS.reduce((sum, l) => sum + l.size, CONFIG_SIZE);

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function blobDigest(key: string, part: string): string {
  return `sha256:${sha256(`${key}\n${part}`)}`;
}

/**
 * The manifest of version `version` of the model `key` whose weights layer has `modelBytes`:
 * new versions change the weights and the config, never the small layers.
 */
export function buildManifest(key: string, version: number, modelBytes: number): Manifest {
  return {
    schemaVersion: 2,
    mediaType: MANIFEST_TYPE,
    config: { mediaType: CONFIG_TYPE, digest: blobDigest(key, `config ${version}`), size: CONFIG_SIZE },
    layers: [
      { mediaType: MODEL_TYPE, digest: blobDigest(key, `model ${version}`), size: modelBytes },
      ...SMALL_LAYERS.map((l) => ({ mediaType: l.mediaType, digest: blobDigest(key, l.mediaType), size: l.size })),
    ],
  };
}

/** A model's size as /api/tags reports it: every blob, config included. */
export function manifestBytes(m: Manifest): number {
  return m.layers.reduce((sum, l) => sum + l.size, m.config.size);
}

/** The blobs a pull fetches, in order: the layers, then the config. */
export function blobs(m: Manifest): Layer[] {
  return [...m.layers, m.config];
}

function goLayer(l: Layer): Layer {
  return { mediaType: l.mediaType, digest: l.digest, size: l.size };
}

/** Compact, keys in Go struct order: what Ollama stores, and what servers before 0.19 re-serialised. */
export function compactManifest(m: Manifest): string {
  return JSON.stringify({ schemaVersion: m.schemaVersion, mediaType: m.mediaType, config: goLayer(m.config), layers: m.layers.map(goLayer) });
}

function dockerLayer(l: Layer): { mediaType: string; size: number; digest: string } {
  return { mediaType: l.mediaType, size: l.size, digest: l.digest };
}

/** Docker distribution's canonical form: 3-space indents, layer keys mediaType, size, digest. */
export function dockerManifest(m: Manifest): string {
  return JSON.stringify({ schemaVersion: m.schemaVersion, mediaType: m.mediaType, config: dockerLayer(m.config), layers: m.layers.map(dockerLayer) }, null, 3);
}
