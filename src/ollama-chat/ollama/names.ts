// Model names: [host/][namespace/]model[:tag]. Updating must use full names with their tag:
// llama3.2:3b and llama3.2:latest are different models.
export const DEFAULT_REGISTRY_HOST = "registry.ollama.ai";
export const DEFAULT_NAMESPACE = "library";
export const DEFAULT_TAG = "latest";

export interface ModelName {
  host: string;
  namespace: string;
  model: string;
  tag: string;
}

export function parseName(name: string): ModelName {
  let rest = vim.trim(name);
  // A digest suffix (name@sha256:...) does not change which model is meant.
  const [at] = string.find(rest, "@", 1, true);
  if (at !== undefined) rest = string.sub(rest, 1, at - 1);
  const parts = vim.split(rest, "/", { plain: true });
  let last = parts[parts.length - 1];
  let tag = DEFAULT_TAG;
  const [model, t] = string.match(last, "^(.*):([^:]*)$");
  if (model !== undefined && t !== "") {
    last = model;
    tag = t as string;
  }
  const n = parts.length;
  return {
    host: n >= 3 ? parts.slice(0, n - 2).join("/") : DEFAULT_REGISTRY_HOST,
    namespace: n >= 2 ? parts[n - 2] : DEFAULT_NAMESPACE,
    model: last,
    tag,
  };
}

/** The name as Ollama lists it and as it is shown: default host and `library/` dropped, tag always
 * present (it names a different model). */
export function fullName(name: string): string {
  const p = parseName(name);
  let prefix = "";
  if (p.host !== DEFAULT_REGISTRY_HOST) prefix = `${p.host}/${p.namespace}/`;
  else if (p.namespace !== DEFAULT_NAMESPACE) prefix = `${p.namespace}/`;
  return `${prefix}${p.model}:${p.tag}`;
}

/** Whether two names denote the same model (llama3.2 == llama3.2:latest == library/llama3.2). */
export function sameModel(a: string, b: string): boolean {
  return fullName(a) === fullName(b);
}

/** The registry URL of a model's manifest; `registry` replaces the default registry host. */
export function manifestUrl(name: string, registry: string): string {
  const p = parseName(name);
  let base = registry;
  if (p.host !== DEFAULT_REGISTRY_HOST) base = string.find(p.host, "://", 1, true)[0] !== undefined ? p.host : `https://${p.host}`;
  while (string.sub(base, -1) === "/") base = string.sub(base, 1, -2);
  return `${base}/v2/${p.namespace}/${p.model}/manifests/${p.tag}`;
}

type PartKind = "host" | "namespace" | "model" | "tag";

/** One part of a name as Ollama's model.ParseName accepts it: a letter, digit or _ first. */
function validPart(kind: PartKind, part: string): boolean {
  if (part.length < 1 || part.length > (kind === "host" ? 350 : 80)) return false;
  if (string.find(part, "^[%w_]")[0] === undefined) return false;
  const allowed = kind === "host" ? "^[%w_.:%-]*$" : kind === "namespace" ? "^[%w_%-]*$" : "^[%w_.%-]*$";
  return string.find(part, allowed)[0] !== undefined;
}

/**
 * Why Ollama would refuse `name` as a model name, or undefined when it accepts it. Names come
 * from users (copy, pull) and go into JSON bodies only, never a shell: this is Ollama's rule,
 * checked first so the user hears it in plain words.
 */
export function invalidName(name: string): string | undefined {
  const shown = vim.inspect(name);
  const rule = "letters, digits, _, - and . (a letter, digit or _ first), then an optional :tag";
  if (vim.trim(name) === "") return "a model name is needed, such as llama3.2:3b";
  let rest = name;
  const [at] = string.find(rest, "@", 1, true);
  if (at !== undefined) rest = string.sub(rest, 1, at - 1);
  const parts = vim.split(rest, "/", { plain: true });
  if (parts.length > 3) return `${shown} is not a valid model name: at most host/namespace/model:tag`;
  let last = parts[parts.length - 1];
  const [colon] = string.find(last, ":[^:]*$");
  if (colon !== undefined) {
    const tag = string.sub(last, colon + 1);
    last = string.sub(last, 1, colon - 1);
    if (!validPart("tag", tag)) return `${shown} is not a valid model name: the tag takes ${rule}, at most 80 characters`;
  }
  const kinds: PartKind[] = parts.length === 3 ? ["host", "namespace", "model"] : parts.length === 2 ? ["namespace", "model"] : ["model"];
  for (let i = 0; i < parts.length; i++) {
    const part = i === parts.length - 1 ? last : parts[i];
    if (!validPart(kinds[i], part)) return `${shown} is not a valid model name: use ${rule}`;
  }
  return undefined;
}
