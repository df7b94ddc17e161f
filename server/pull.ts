// POST /api/pull: the status sequence of a real pull, paced by the scenario. Blobs already on
// disk take one line with completed == total; missing ones download over time, a line about every
// 60 ms. Success makes the registry's manifest the local one.

import { setTimeout as sleep } from "node:timers/promises";
import type { Exchange } from "./exchange.js";
import { blobs } from "./manifest.js";
import { displayName, parseName } from "./names.js";
import { NAMED_REQUEST, readRequest, requestedName } from "./requests.js";
import { sendError, sendJson } from "./respond.js";
import { lookupKey, type PullSpec } from "./scenario.js";
import { NdjsonStream } from "./stream.js";
import { omitEmpty } from "./gojson.js";

const PROGRESS_MS = 60;
const UNKNOWN_ERROR = "pull model manifest: file does not exist";
const DOWNLOAD_ERROR = "max retries exceeded: unexpected EOF";

interface Progress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/** Where progress goes: NDJSON lines, or nowhere for stream:false. */
type Emit = (progress: Progress) => Promise<void>;

/** Runs the pull; resolves to an error text, "gone" when the client left, or undefined on success. */
async function runPull(ex: Exchange, plan: PullSpec, name: string, emit: Emit): Promise<string | "gone" | undefined> {
  await emit({ status: "pulling manifest" });
  const key = lookupKey(name);
  const remote = ex.world.findRemote(key);
  if (plan.behavior === "unknown" || !remote) {
    return plan.error ?? UNKNOWN_ERROR;
  }
  const local = ex.world.findLocal(name);
  const have = new Set(local ? blobs(local.manifest).map((b) => b.digest) : []);
  const wanted = blobs(remote.manifest);
  const missingBytes = wanted.filter((b) => !have.has(b.digest)).reduce((sum, b) => sum + b.size, 0);
  const failAfterMs = plan.behavior === "fail_midway" ? plan.duration_ms / 2 : undefined;
  const failure = plan.error ?? DOWNLOAD_ERROR;
  let elapsedMs = 0;
  for (const blob of wanted) {
    const line = { status: `pulling ${blob.digest.slice(7, 19)}`, digest: blob.digest, total: blob.size };
    if (have.has(blob.digest)) {
      await emit({ ...line, completed: blob.size });
      continue;
    }
    const shareMs = (plan.duration_ms * blob.size) / missingBytes;
    const ticks = Math.max(1, Math.round(shareMs / PROGRESS_MS));
    await emit(line);
    for (let t = 1; t <= ticks; t++) {
      await sleep(shareMs / ticks);
      if (ex.gone) {
        return "gone";
      }
      elapsedMs += shareMs / ticks;
      if (failAfterMs !== undefined && elapsedMs >= failAfterMs) {
        return failure;
      }
      await emit({ ...line, completed: Math.floor((blob.size * t) / ticks) });
    }
  }
  if (failAfterMs !== undefined) {
    return failure;
  }
  if (ex.gone) {
    return "gone";
  }
  await emit({ status: "verifying sha256 digest" });
  await emit({ status: "writing manifest" });
  const changed = local !== undefined && local.version !== remote.version;
  ex.world.install(remote, name);
  if (changed) {
    await emit({ status: "removing unused layers" });
  }
  await emit({ status: "success" });
  return undefined;
}

export async function handlePull(ex: Exchange): Promise<void> {
  const req = readRequest(ex, "PullRequest", NAMED_REQUEST);
  if (!req) {
    return;
  }
  const name = requestedName(req);
  const parsed = parseName(name);
  ex.stats.pullStarted(parsed ? displayName(parsed) : name);
  ex.res.once("close", () => ex.stats.pullEnded());
  const plan = ex.world.pullPlan(lookupKey(name));
  if (!parsed || plan.behavior === "invalid") {
    return sendError(ex.res, 400, "invalid model name");
  }
  if (plan.delay_ms > 0) {
    await sleep(plan.delay_ms);
    if (ex.gone) {
      return;
    }
  }
  if (req["stream"] === false) {
    const outcome = await runPull(ex, plan, name, async () => {});
    if (outcome === undefined) {
      sendJson(ex.res, 200, { status: "success" });
    } else if (outcome !== "gone") {
      sendError(ex.res, 500, outcome);
    }
    return;
  }
  const out = new NdjsonStream(ex);
  const outcome = await runPull(ex, plan, name, (p) => out.line(omitEmpty(p, ["digest", "total", "completed"])));
  if (outcome === "gone") {
    return;
  }
  if (outcome !== undefined) {
    await out.line({ error: outcome });
  }
  out.end();
}
