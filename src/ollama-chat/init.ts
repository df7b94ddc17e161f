// Public Lua API: require("ollama-chat"). Thin: each function delegates to its feature module.
import * as config from "./config";
import * as keymaps from "./keymaps";

export const version = "0.1.0";

/** Configures the plugin; may be called any number of times, each call reconfiguring. */
export function setup(this: void, opts?: unknown): void {
  config.set(opts);
  keymaps.apply();
}
