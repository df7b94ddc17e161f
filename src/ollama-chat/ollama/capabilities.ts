// What each model can do and hold (/api/show: capabilities, context_length), cached per model
// digest: a model pulled anew (new digest) is asked again, an unchanged one never twice.
import * as client from "./client";
import { sameModel } from "./names";
import type { Handle, ModelInfo, OllamaError } from "./types";

export interface ModelCaps {
  /** As Ollama names them: completion, embedding, vision, tools, insert, thinking, ... */
  capabilities: string[];
  /** The most tokens the model holds (model_info's `<architecture>.context_length`). */
  context_length?: number;
}

/** @noSelf */
export interface CapsCallback {
  (err: OllamaError | undefined, caps: ModelCaps | undefined): void;
}

const byDigest = new LuaMap<string, ModelCaps>();

export function has(caps: ModelCaps, capability: string): boolean {
  return caps.capabilities.includes(capability);
}

/** Servers before 0.6.4 list no capabilities: every model there chats. */
export function canChat(caps: ModelCaps): boolean {
  return caps.capabilities.length === 0 || has(caps, "completion");
}

function fromShow(s: client.ModelShow): ModelCaps {
  return { capabilities: s.capabilities, context_length: s.context_length };
}

/** The cached capabilities of a listed model, if known. */
export function cached(model: ModelInfo): ModelCaps | undefined {
  return byDigest.get(model.digest);
}

/** Capabilities of a listed model (its digest from /api/tags), asked once per digest. */
export function ofListed(model: ModelInfo, cb: CapsCallback): Handle {
  const hit = byDigest.get(model.digest);
  if (hit !== undefined) {
    cb(undefined, hit);
    return { cancel: () => undefined };
  }
  return client.showModel(model.name, (err, v) => {
    if (err !== undefined || v === undefined) return cb(err, undefined);
    const caps = fromShow(v);
    if (model.digest !== undefined && model.digest !== "") byDigest.set(model.digest, caps);
    cb(undefined, caps);
  });
}

/**
 * Capabilities of `name`: its digest looked up in /api/tags, then the cache or /api/show. A model
 * that is not installed is reported as /api/show reports it (kind "not_found").
 */
export function of(name: string, cb: CapsCallback): void {
  client.tags((err, models) => {
    const listed = models?.find((m) => sameModel(m.name, name));
    if (err !== undefined || listed === undefined) {
      // Not listed (or no list): /api/show says why, uncached.
      client.showModel(name, (serr, v) => cb(serr, v === undefined ? undefined : fromShow(v)));
      return;
    }
    ofListed(listed, cb);
  });
}

/** Capabilities of every listed model (in order; undefined where /api/show failed), at most 4 asked at once. */
export function ofAll(models: ModelInfo[], cb: (this: void, caps: (ModelCaps | undefined)[]) => void): void {
  const out: (ModelCaps | undefined)[] = [];
  let next = 0;
  let pending = models.length;
  if (pending === 0) return cb(out);
  const start = (): void => {
    const i = next++;
    if (i >= models.length) return;
    ofListed(models[i], (_err, caps) => {
      out[i] = caps;
      pending--;
      if (pending === 0) cb(out);
      else start();
    });
  };
  for (let k = 0; k < 4; k++) start();
}

/** Short marks for a picker line: "thinking · vision · tools". */
export function badges(caps: ModelCaps | undefined): string {
  if (caps === undefined) return "";
  const shown: string[] = [];
  for (const c of caps.capabilities) if (c !== "completion") shown.push(c);
  return shown.join(" · ");
}
