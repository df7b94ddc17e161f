// The live state a scenario starts: installed models with their manifests, what the registry
// holds, how each pull behaves, which models are loaded, the queue of chat replies.

import { buildManifest, compactManifest, dockerManifest, manifestBytes, OVERHEAD_BYTES, type Manifest } from "./manifest.js";
import { setTimeout as sleep } from "node:timers/promises";
import { displayName, parseName, type ModelName } from "./names.js";
import { nowTime, parseTimeSeconds } from "./gotime.js";
import { completeModel, DEFAULT_KEEP_ALIVE_MS, DEFAULT_MODEL_SIZE, DEFAULT_PULL_MS, lookupKey, type ModelSpec, type PullSpec, type ReplySpec, type Scenario } from "./scenario.js";

/** Go's largest duration (about 292 years): what a negative keep_alive means. */
const MAX_KEEP_ALIVE_MS = 9_223_372_036_854;

/** now + keep_alive, as Go's time.Add saturates it. */
function clampExpiry(nowMs: number, sessionMs: number): number {
  return nowMs + Math.min(sessionMs, MAX_KEEP_ALIVE_MS);
}

export interface LocalModel {
  spec: ModelSpec;
  version: number;
  manifest: Manifest;
  /** The manifest file's text: its SHA-256 is the digest /api/tags shows. */
  stored: string;
}

export interface RemoteModel {
  key: string;
  status: number;
  header: boolean;
  version: number;
  manifest: Manifest;
  /** The manifest's text as the registry serves it. */
  body: string;
  /** Details of the model a pull installs when it is not local (new, or deleted since). */
  details: Partial<Omit<ModelSpec, "name">>;
}

interface Loading {
  key: string;
  /** When the model unloads once idle; while requests use it, it stays. */
  expiresAtMs: number;
  /** The keep_alive in force (Ollama keeps the last one given). */
  sessionMs: number;
  /** The num_ctx it was loaded with. */
  contextLength: number;
  /** Requests using it now. */
  active: number;
  /** Resolves when loading ends (already resolved once loaded). */
  ready: Promise<void>;
  readyAtMs: number;
}

export interface LoadedModel {
  model: LocalModel;
  expiresAtMs: number;
  contextLength: number;
}

/** A request's hold on a loaded model: how long it waited for the load; release when it ends. */
export interface Use {
  /** Milliseconds this request waited for the model to load (0: it was warm). */
  waitedMs: number;
  /** The model was not loaded (or loaded with another num_ctx) when the request came. */
  cold: boolean;
  release(): void;
}

export class World {
  readonly version: string;
  readonly defaultNumCtx: number;
  private readonly local = new Map<string, LocalModel>();
  private readonly remote = new Map<string, RemoteModel>();
  private readonly plans = new Map<string, PullSpec>();
  private readonly loaded = new Map<string, Loading>();
  private readonly scenario: Scenario;
  private readonly queue: ReplySpec[];

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.version = scenario.version;
    this.defaultNumCtx = scenario.default_num_ctx;
    this.queue = scenario.chat.queue.slice();
    for (const spec of scenario.models) {
      const key = spec.name.toLowerCase();
      const manifest = buildManifest(key, 1, Math.max(1, spec.size - OVERHEAD_BYTES));
      this.local.set(key, { spec, version: 1, manifest, stored: compactManifest(manifest) });
    }
    const names = new Set([...this.local.keys(), ...scenario.pull.keys(), ...scenario.registry.keys()]);
    for (const key of names) {
      this.plans.set(key, this.resolvePlan(key));
    }
    for (const key of names) {
      if (parseName(key)) {
        this.remote.set(key, this.resolveRemote(key));
      }
    }
  }

  /** How a pull of `key` behaves: the scenario's settings completed with defaults. */
  private resolvePlan(key: string): PullSpec {
    const given = this.scenario.pull.get(key) ?? {};
    const registryNewer = this.scenario.registry.get(key)?.newer ?? false;
    const fallback = this.local.has(key) ? (registryNewer ? "update" : "up_to_date") : "unknown";
    return {
      behavior: given.behavior ?? fallback,
      duration_ms: given.duration_ms ?? DEFAULT_PULL_MS,
      total: given.total,
      error: given.error,
      delay_ms: given.delay_ms ?? 0,
      model: given.model ?? {},
    };
  }

  /** The registry side of a model, with defaults that agree with its pull behaviour. */
  private resolveRemote(key: string): RemoteModel {
    const local = this.local.get(key);
    const plan = this.pullPlan(key);
    const given = this.scenario.registry.get(key) ?? {};
    const newer = given.newer ?? (plan.behavior === "update" || plan.behavior === "fail_midway");
    const version = local ? local.version + (newer ? 1 : 0) : 1;
    const size = local?.spec.size ?? plan.model.size ?? DEFAULT_MODEL_SIZE;
    const modelBytes = local && !newer ? local.manifest.layers[0]!.size : plan.total ?? Math.max(1, size - OVERHEAD_BYTES);
    const manifest = buildManifest(key, version, modelBytes);
    const legacy = local?.spec.legacy_digest ?? false;
    return {
      key,
      status: given.status ?? (plan.behavior === "unknown" || plan.behavior === "invalid" ? 404 : 200),
      header: given.header ?? true,
      version,
      manifest,
      body: legacy ? dockerManifest(manifest) : compactManifest(manifest),
      details: local ? local.spec : plan.model,
    };
  }

  /** How a pull of `key` behaves; names the scenario does not know are unknown to the registry. */
  pullPlan(key: string): PullSpec {
    return this.plans.get(key) ?? { behavior: "unknown", duration_ms: DEFAULT_PULL_MS, total: undefined, error: undefined, delay_ms: 0, model: {} };
  }

  findLocal(name: string): LocalModel | undefined {
    return this.local.get(lookupKey(name));
  }

  findRemote(key: string): RemoteModel | undefined {
    return this.remote.get(key);
  }

  /** The registry entry a /v2/<namespace>/<model>/manifests/<tag> path names, whatever its host. */
  findRemoteByPath(namespace: string, model: string, tag: string): RemoteModel | undefined {
    for (const entry of this.remote.values()) {
      const name = parseName(entry.key)!;
      if (name.namespace === namespace.toLowerCase() && name.model === model.toLowerCase() && name.tag === tag.toLowerCase()) {
        return entry;
      }
    }
    return undefined;
  }

  /** Installed models, newest first (by whole seconds, as Ollama sorts them). */
  listLocal(): LocalModel[] {
    const seconds = (m: LocalModel) => parseTimeSeconds(m.spec.modified_at) ?? 0;
    return [...this.local.values()].sort((a, b) => Math.floor(seconds(b)) - Math.floor(seconds(a)));
  }

  /** Makes the registry's manifest the local one, as a successful pull does. */
  install(remote: RemoteModel, name: string): void {
    const previous = this.local.get(remote.key);
    const spec = previous?.spec ?? completeModel(displayName(parseName(name)!), remote.details, 0);
    const size = previous?.version === remote.version ? spec.size : manifestBytes(remote.manifest);
    this.local.set(remote.key, {
      spec: { ...spec, size, modified_at: nowTime() },
      version: remote.version,
      manifest: remote.manifest,
      stored: remote.body,
    });
  }

  /**
   * A name with each part (host, namespace, model, tag) spelt as an installed model spells it,
   * when one matches ignoring case: Ollama reuses the directories it finds.
   */
  canonicalName(name: ModelName): ModelName {
    const out = { ...name };
    const done = { host: false, namespace: false, model: false, tag: false };
    for (const local of this.local.values()) {
      const parts = parseName(local.spec.name);
      if (!parts) {
        continue; // an unchecked name
      }
      for (const part of ["host", "namespace", "model", "tag"] as const) {
        if (!done[part] && parts[part].toLowerCase() === name[part].toLowerCase()) {
          out[part] = parts[part];
          done[part] = true;
        }
      }
    }
    return out;
  }

  /** Copies the manifest of `source` to `name` (replacing a model there), modified now. */
  copy(source: LocalModel, name: ModelName): void {
    const display = displayName(name);
    const key = display.toLowerCase();
    if (key === source.spec.name.toLowerCase()) {
      return;
    }
    this.local.set(key, { ...source, spec: { ...source.spec, name: display, modified_at: nowTime() } });
  }

  delete(model: LocalModel): void {
    const key = model.spec.name.toLowerCase();
    this.local.delete(key);
    this.loaded.delete(key);
  }

  /**
   * Makes a request use `model` with `numCtx`: a model not loaded, or loaded with another num_ctx,
   * loads (taking its `load_ms`); one loading already is waited for. `keepAliveMs` undefined keeps
   * the keep_alive in force (the default 5m for a new load). The model expires `sessionMs` after its
   * last use is released (0: at once).
   */
  async use(model: LocalModel, keepAliveMs: number | undefined, numCtx: number): Promise<Use> {
    const key = model.spec.name.toLowerCase();
    const now = Date.now();
    let entry = this.loaded.get(key);
    const expired = entry !== undefined && entry.active === 0 && entry.readyAtMs <= now && entry.expiresAtMs <= now;
    const cold = entry === undefined || expired || entry.contextLength !== numCtx;
    if (cold) {
      const sessionMs = keepAliveMs ?? (entry && !expired ? entry.sessionMs : DEFAULT_KEEP_ALIVE_MS);
      const readyAtMs = now + model.spec.load_ms;
      entry = {
        key,
        expiresAtMs: clampExpiry(now, sessionMs),
        sessionMs,
        contextLength: numCtx,
        active: 0,
        ready: model.spec.load_ms > 0 ? sleep(model.spec.load_ms) : Promise.resolve(),
        readyAtMs,
      };
      this.loaded.set(key, entry);
    } else if (keepAliveMs !== undefined) {
      entry!.sessionMs = keepAliveMs;
    }
    const held = entry!;
    held.active++;
    const waitedMs = Math.max(0, held.readyAtMs - now);
    await held.ready;
    let released = false;
    return {
      waitedMs,
      cold: cold || waitedMs > 0,
      release: () => {
        if (released) {
          return;
        }
        released = true;
        held.active--;
        if (held.active === 0 && this.loaded.get(key) === held) {
          if (held.sessionMs <= 0) {
            this.loaded.delete(key);
          } else {
            held.expiresAtMs = clampExpiry(Date.now(), held.sessionMs);
          }
        }
      },
    };
  }

  /** keep_alive 0 with nothing to say: unloads now, or as soon as the requests using it end. */
  unload(model: LocalModel): void {
    const key = model.spec.name.toLowerCase();
    const entry = this.loaded.get(key);
    if (!entry) {
      return;
    }
    entry.sessionMs = 0;
    if (entry.active === 0) {
      this.loaded.delete(key);
    }
  }

  /** Loaded (or loading) models that have not expired, the one expiring last first. */
  listLoaded(): LoadedModel[] {
    const now = Date.now();
    const out: LoadedModel[] = [];
    for (const l of this.loaded.values()) {
      const model = this.local.get(l.key);
      if (model && (l.active > 0 || l.expiresAtMs > now)) {
        out.push({ model, expiresAtMs: l.expiresAtMs, contextLength: l.contextLength });
      } else if (!model || l.active === 0) {
        this.loaded.delete(l.key);
      }
    }
    // Ollama compares whole seconds, keeping the load order among equals.
    return out.sort((a, b) => Math.floor(b.expiresAtMs / 1000) - Math.floor(a.expiresAtMs / 1000));
  }

  /** The reply for the next chat or generate request: queued first, then the model's, then the default. */
  takeReply(model: LocalModel): ReplySpec {
    return this.queue.shift() ?? this.scenario.chat.models.get(model.spec.name.toLowerCase()) ?? this.scenario.chat.default;
  }
}
