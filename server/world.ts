// The live state a scenario starts: installed models with their manifests, what the registry
// holds, how each pull behaves, which models are loaded, the queue of chat replies.

import { buildManifest, compactManifest, dockerManifest, manifestBytes, OVERHEAD_BYTES, type Manifest } from "./manifest.js";
import { displayName, parseName, type ModelName } from "./names.js";
import { nowTime, parseTimeSeconds } from "./gotime.js";
import { completeModel, DEFAULT_MODEL_SIZE, DEFAULT_PULL_MS, lookupKey, type ModelSpec, type PullSpec, type ReplySpec, type Scenario } from "./scenario.js";

/** Go's largest duration (about 292 years): what a negative keep_alive means. */
const MAX_KEEP_ALIVE_MS = 9_223_372_036_854;

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
  expiresAtMs: number;
  contextLength: number;
}

export interface LoadedModel {
  model: LocalModel;
  expiresAtMs: number;
  contextLength: number;
}

export class World {
  readonly version: string;
  private readonly local = new Map<string, LocalModel>();
  private readonly remote = new Map<string, RemoteModel>();
  private readonly plans = new Map<string, PullSpec>();
  private readonly loaded = new Map<string, Loading>();
  private readonly scenario: Scenario;
  private readonly queue: ReplySpec[];

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.version = scenario.version;
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
      const parts = parseName(local.spec.name)!;
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

  /** Loads a model for `keepAliveMs` (Infinity: forever; 0: unloads it). */
  load(model: LocalModel, keepAliveMs: number, contextLength: number): void {
    const key = model.spec.name.toLowerCase();
    if (keepAliveMs <= 0) {
      this.loaded.delete(key);
      return;
    }
    this.loaded.set(key, { key, expiresAtMs: Date.now() + Math.min(keepAliveMs, MAX_KEEP_ALIVE_MS), contextLength });
  }

  isLoaded(model: LocalModel): boolean {
    const loaded = this.loaded.get(model.spec.name.toLowerCase());
    return loaded !== undefined && loaded.expiresAtMs > Date.now();
  }

  /** Loaded models that have not expired, the one expiring last first. */
  listLoaded(): LoadedModel[] {
    const now = Date.now();
    const out: LoadedModel[] = [];
    for (const l of this.loaded.values()) {
      const model = this.local.get(l.key);
      if (model && l.expiresAtMs > now) {
        out.push({ model, expiresAtMs: l.expiresAtMs, contextLength: l.contextLength });
      }
    }
    return out.sort((a, b) => b.expiresAtMs - a.expiresAtMs);
  }

  /** The reply for the next chat or generate request: queued first, then the model's, then the default. */
  takeReply(model: LocalModel): ReplySpec {
    return this.queue.shift() ?? this.scenario.chat.models.get(model.spec.name.toLowerCase()) ?? this.scenario.chat.default;
  }
}
