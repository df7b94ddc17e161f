// ollama-chat.keys (dist/lua/ollama-chat/keys.lua) is generated at build time from the action
// table (actions.ts) by scripts/gen-docs.lua: the keys plugin/ maps at startup without loading the
// actions (nor the runtime helpers). tsconfig's noResolvePaths lets tstl require it as it is.
declare module "ollama-chat.keys" {
  /** A default keymap and its <Plug>(ollama-chat-<plug>) mapping. */
  export interface Key {
    plug: string;
    suffix: string;
    modes: ("n" | "x")[];
    /** The mapping's description ("Ollama: Open the chat with the default model"). */
    desc: string;
  }

  /** The default of `keymaps.prefix`. */
  export const prefix: string;
  export const keys: Key[];
}
