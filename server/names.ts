// Model names as Ollama reads them: `[host/][namespace/]model[:tag]`, with host
// registry.ollama.ai, namespace library and tag latest by default, compared ignoring case.

const DEFAULT_HOST = "registry.ollama.ai";
const DEFAULT_NAMESPACE = "library";
const DEFAULT_TAG = "latest";

export interface ModelName {
  host: string;
  namespace: string;
  model: string;
  tag: string;
}

const PART = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const HOST = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;

function validPart(part: string, max: number, pattern: RegExp = PART): boolean {
  return part.length <= max && pattern.test(part);
}

/** The parts of a model name, or undefined when Ollama would call the name invalid. */
export function parseName(text: string): ModelName | undefined {
  const at = text.indexOf("@");
  const full = at >= 0 ? text.slice(0, at) : text;
  const colon = full.lastIndexOf(":");
  const slash = full.lastIndexOf("/");
  const hasTag = colon > slash;
  const tag = hasTag ? full.slice(colon + 1) : DEFAULT_TAG;
  const parts = (hasTag ? full.slice(0, colon) : full).split("/");
  if (parts.length > 3) {
    return undefined;
  }
  const model = parts[parts.length - 1]!;
  const namespace = parts.length >= 2 ? parts[parts.length - 2]! : DEFAULT_NAMESPACE;
  const host = parts.length === 3 ? parts[0]! : DEFAULT_HOST;
  const valid = validPart(model, 80) && validPart(namespace, 80) && validPart(tag, 80) && validPart(host, 350, HOST);
  return valid ? { host, namespace, model, tag } : undefined;
}

/** The form /api/tags shows: default host and `library` dropped, the tag kept. */
export function displayName(name: ModelName): string {
  const path = `${name.model}:${name.tag}`;
  if (name.host.toLowerCase() !== DEFAULT_HOST) {
    return `${name.host}/${name.namespace}/${path}`;
  }
  return name.namespace.toLowerCase() === DEFAULT_NAMESPACE ? path : `${name.namespace}/${path}`;
}

/** The key under which a model is found: its display name, case folded. */
export function nameKey(text: string): string | undefined {
  const name = parseName(text);
  return name && displayName(name).toLowerCase();
}
