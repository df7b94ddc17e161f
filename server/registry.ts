// The model registry: HEAD|GET /v2/<namespace>/<model>/manifests/<tag>, answered for
// registry.ollama.ai and other hosts (hf.co) alike, since a path names no host.

import type { Exchange } from "./exchange.js";
import { sha256 } from "./manifest.js";
import { sendBody, sendJson } from "./respond.js";

export const MANIFEST_PATH = /^\/v2\/([^/]+)\/([^/]+)\/manifests\/([^/]+)$/;
const MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
/** Push time of version 1 of every model (unix seconds); each next version a day later. */
const FIRST_PUSH = 1746405464;

function registryError(status: number): object {
  const error = status === 404 ? { code: "MANIFEST_UNKNOWN", message: "manifest unknown" } : { code: "UNKNOWN", message: "unknown error" };
  return { errors: [error] };
}

export function handleManifest(ex: Exchange, namespace: string, model: string, tag: string): void {
  const remote = ex.world.findRemoteByPath(decodeURIComponent(namespace), decodeURIComponent(model), decodeURIComponent(tag));
  if (!remote || remote.status !== 200) {
    return sendJson(ex.res, remote?.status ?? 404, registryError(remote?.status ?? 404));
  }
  if (remote.header) {
    ex.res.setHeader("ollama-content-digest", sha256(remote.body));
    ex.res.setHeader("ollama-push-time", String(FIRST_PUSH + (remote.version - 1) * 86400));
  }
  sendBody(ex.res, 200, MANIFEST_TYPE, remote.body);
}
