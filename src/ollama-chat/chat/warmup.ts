// Warm-up: opening a chat loads its model in the background (a chat request with no messages and
// the chat's keep_alive, as `ollama run` does), with the context the first reply will ask for, so
// that reply does not wait for the load, nor load the model a second time with another num_ctx.
import * as capabilities from "../ollama/capabilities";
import type { ModelCaps } from "../ollama/capabilities";
import * as client from "../ollama/client";

/** @noSelf */
export interface WarmSpec {
  model: string;
  keep_alive: string | number | undefined;
  /** The num_ctx the conversation would ask for now, given the model's capabilities. */
  numCtx: (caps: ModelCaps | undefined) => number;
  /** Whether the model is now in memory (false: not a chat model, or Ollama said no). */
  done: (loaded: boolean) => void;
}

/** Starts loading the model; nothing is told to the user (the first message reports any problem). */
export function warm(spec: WarmSpec): void {
  capabilities.of(spec.model, (err, caps) => {
    if (err !== undefined || caps === undefined || !capabilities.canChat(caps)) return spec.done(false);
    client.load(spec.model, spec.keep_alive, (lerr) => spec.done(lerr === undefined), { num_ctx: spec.numCtx(caps) });
  });
}
