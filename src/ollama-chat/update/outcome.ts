// How a pull ended, decided from facts: the model's digest in /api/tags before and after the pull.
// The stream's own evidence (bytes downloaded, old layers removed) only counts when /api/tags
// could not be asked after the pull.
import type { OllamaError } from "../ollama/types";

export type Outcome =
  | { state: "updated"; installed: boolean }
  | { state: "current" }
  | { state: "failed"; error: string }
  | { state: "cancelled" };

export interface PullFacts {
  /** The digest before the pull; undefined when the model was not installed. */
  before: string | undefined;
  /** How the pull ended. */
  error: OllamaError | undefined;
  /**
   * /api/tags after the pull: the model's digest ("" when it is not listed), or undefined when
   * /api/tags could not be read.
   */
  after: string | undefined;
  /** The stream showed a download or removed old layers. */
  streamChanged: boolean;
}

export function decide(f: PullFacts): Outcome {
  if (f.error !== undefined) {
    if (f.error.kind === "cancelled") return { state: "cancelled" };
    return { state: "failed", error: f.error.message };
  }
  if (f.after === undefined) {
    if (f.before === undefined) return { state: "updated", installed: true };
    return f.streamChanged ? { state: "updated", installed: false } : { state: "current" };
  }
  if (f.after === "") {
    return { state: "failed", error: "the pull ended, but Ollama does not list the model: run the update again" };
  }
  if (f.before === undefined) return { state: "updated", installed: true };
  return f.after !== f.before ? { state: "updated", installed: false } : { state: "current" };
}

/**
 * What a failed pull of `name` tells the user: Ollama's "file does not exist" names no model.
 * `installed`: the model is local (created with `ollama create`, say), only the registry lacks it.
 */
export function failureText(name: string, error: string, installed: boolean): string {
  if (string.find(error, "file does not exist", 1, true)[0] === undefined) return error;
  if (installed) return `"${name}" is not in the registry (created locally?): nothing to pull`;
  return `no model "${name}" in the registry: check the name and tag (https://ollama.com/library lists them)`;
}
