// The actions: one entry per thing a user asks of the plugin. From this table come the :Ollama
// subcommands and their completion (commands.ts), the bare-:Ollama picker, the
// <Plug>(ollama-chat-*) mappings and the default keymaps (keymaps.ts, through the generated
// keys.lua), the `keymaps` option's names (config.ts) and the commands and keymaps sections of
// doc/ollama-chat.txt (scripts/gen-docs.lua). Adding a subcommand is adding an entry here.
import { candidates, withPrefix } from "./completion";
import type * as Health from "./health";
import type * as Updater from "./update/updater";
import type * as Api from "./init";
import { lazy } from "./lazy";
import { notify } from "./ui/notify";
import { pick } from "./ui/picker";

const api = lazy<typeof Api>("ollama-chat");
const health = lazy<typeof Health>("ollama-chat.health");
const updater = lazy<typeof Updater>("ollama-chat.update.updater");

export type Mode = "n" | "x";

/** What an action receives: from the command line, or from a key (no arguments). */
export interface Invocation {
  /** The arguments, split on white space. */
  args: string[];
  /** Everything after the subcommand, as typed (prompts and chat names may hold spaces). */
  rest: string;
  /** The lines of a range (`:'<,'>Ollama ask`, a visual-mode key); only for actions that take one. */
  range?: [number, number];
}

/** A default keymap of an action, also its <Plug>(ollama-chat-<plug>) mapping. */
export interface Key {
  /** The name in <Plug>(ollama-chat-<plug>) and in the `keymaps` option; default: the action's. */
  plug?: string;
  /** Typed after `keymaps.prefix` (`<leader>o` + `o`). */
  suffix: string;
  /** Default: normal mode only. In visual mode ("x") the action gets the selected lines. */
  modes?: Mode[];
  /** The keymap's description when it differs from the action's. */
  desc?: string;
  /** The arguments the key passes (`layout` has one key per layout). */
  args?: string[];
}

/** @noSelf */
export interface Action {
  /** The :Ollama subcommand. */
  name: string;
  /** One line, lower case: the picker, the keymap desc and the help line come from it. */
  desc: string;
  /** The arguments as the help shows them: "[name]", "{model}", "[model ...]". */
  synopsis?: string;
  /** The help line when it says more than `desc`. */
  help?: string;
  /** At most one argument, described for the error message ("one model name"). */
  single?: string;
  /** Whether `:[range]Ollama {name}` (and a visual-mode key) passes the lines. */
  range?: boolean;
  keys?: Key[];
  /** Completes the argument being typed; `typed` holds the arguments before it. */
  complete?: (lead: string, typed: string[]) => string[];
  run: (invocation: Invocation) => void;
}

export const LAYOUTS = ["horizontal", "vertical"];

const models = () => candidates("models");
const chats = () => candidates("chats");

/** Completes the action's first argument only. */
function firstArg(source: (this: void) => string[]): (this: void, lead: string, typed: string[]) => string[] {
  return (lead, typed) => (typed.length === 0 ? withPrefix(source(), lead) : []);
}

const orNil = (text: string) => (text === "" ? undefined : text);

function setLayout(layout: string | undefined): void {
  if (layout === undefined) {
    pick({
      prompt: "Layout",
      items: LAYOUTS,
      format: (l) => l,
      on_choice: (l) => {
        if (l !== undefined) api().set_layout(l as "horizontal" | "vertical");
      },
    });
  } else if (layout === "horizontal" || layout === "vertical") {
    api().set_layout(layout);
  } else {
    notify(`:Ollama layout expects horizontal or vertical, got "${layout}".`, vim.log.levels.ERROR);
  }
}

function pull(name: string | undefined): void {
  if (name !== undefined) {
    api().pull(name);
    return;
  }
  updater().askToPull((picked) => api().pull(picked));
}

function copy(args: string[]): void {
  if (args.length !== 2) {
    notify(`:Ollama copy takes two model names, {from} and {to}, got ${args.length}: ${args.join(" ")}`, vim.log.levels.ERROR);
    return;
  }
  api().copy_model(args[0], args[1]);
}

/** The chat's model, state and speed, then what Ollama answers now (asked asynchronously). */
function showStatus(): void {
  // Partial: a spy (or an older statusline helper) may return fewer fields.
  const status = api().status() as Partial<ReturnType<typeof Api.status>> | undefined;
  if (status === undefined) return;
  const parts = [`model ${status.model ?? "none"}`, `state ${status.state ?? "unknown"}`];
  if (type(status.tokens_per_second) === "number") parts.push(string.format("%.1f tokens/s", status.tokens_per_second));
  health().status(parts.join(", "));
}

/** Every action, in the order completion, the bare-:Ollama picker and the help show them. */
export const ACTIONS: Action[] = [
  {
    name: "open",
    desc: "open the chat with the default model",
    keys: [{ suffix: "o" }],
    run: () => api().open(),
  },
  {
    name: "model",
    synopsis: "[name]",
    desc: "set the default model (persistent)",
    help: "Set the default model (persistent); without a name, pick one.",
    single: "one model name",
    keys: [{ plug: "default_model", suffix: "d" }],
    complete: firstArg(models),
    run: (inv) => api().select_model(inv.args[0]),
  },
  {
    name: "switch",
    synopsis: "[name]",
    desc: "switch the model of the open chat",
    single: "one model name",
    keys: [{ plug: "switch_model", suffix: "m" }],
    complete: firstArg(models),
    run: (inv) => api().switch_model(inv.args[0]),
  },
  {
    name: "toggle",
    desc: "hide or show the chat pane",
    keys: [{ suffix: "t" }],
    run: () => api().toggle(),
  },
  {
    name: "close",
    desc: "close the chat session",
    help: "End the chat session (stops any reply).",
    keys: [{ suffix: "c" }],
    run: () => api().close(),
  },
  {
    name: "layout",
    synopsis: "{horizontal|vertical}",
    desc: "chat in a horizontal or vertical split (persistent)",
    help: "Re-split the chat pane (persistent); without a layout, pick one.",
    single: "horizontal or vertical",
    keys: [
      { plug: "horizontal", suffix: "h", args: ["horizontal"], desc: "chat in a horizontal split (persistent)" },
      { plug: "vertical", suffix: "v", args: ["vertical"], desc: "chat in a vertical split (persistent)" },
    ],
    complete: firstArg(() => LAYOUTS),
    run: (inv) => setLayout(inv.args[0]),
  },
  {
    name: "save",
    synopsis: "[name]",
    desc: "save the chat under a name",
    keys: [{ suffix: "s" }],
    complete: firstArg(chats),
    run: (inv) => api().save(orNil(inv.rest)),
  },
  {
    name: "load",
    synopsis: "[name]",
    desc: "load a saved chat (read-only)",
    help: "Open a saved chat in a read-only buffer.",
    keys: [{ suffix: "l" }],
    complete: firstArg(chats),
    run: (inv) => api().load(orNil(inv.rest)),
  },
  {
    name: "resume",
    synopsis: "[name]",
    desc: "continue a saved chat as the active one",
    complete: firstArg(chats),
    run: (inv) => api().resume(orNil(inv.rest)),
  },
  {
    name: "clear",
    desc: "delete all saved chats, after confirmation",
    keys: [{ suffix: "x" }],
    run: () => api().clear_saved({}),
  },
  {
    name: "ask",
    synopsis: "[prompt]",
    desc: "ask about the buffer or the lines of a range",
    help: "Ask about the buffer, or the lines of range (asks for the question when none is given).",
    range: true,
    keys: [{ suffix: "a", modes: ["n", "x"], desc: "ask about the buffer or the selection" }],
    run: (inv) => api().ask({ prompt: orNil(inv.rest), range: inv.range }),
  },
  {
    name: "apply",
    desc: "apply the chat's code block through a diff",
    help: "Apply the code block under the cursor in the chat (else the last reply's last block) to the lines asked about (else the buffer the chat came from), shown first as a diff: ga/<CR> accept, gr/q reject, ]c/[c hunks.",
    keys: [{ suffix: "p" }],
    run: () => api().apply(),
  },
  {
    name: "edit",
    synopsis: "{instruction}",
    desc: "rewrite the buffer or the lines of a range with the chat's model",
    help: "Rewrite the buffer, or the lines of range, as the instruction says (asked for when none is given); the new text streams into a diff to accept or reject.",
    range: true,
    keys: [{ suffix: "e", modes: ["x"], desc: "rewrite the selection with the chat's model" }],
    run: (inv) => api().edit({ prompt: orNil(inv.rest), range: inv.range }),
  },
  {
    name: "regenerate",
    desc: "replace the last reply with a new one",
    help: "Replace the last reply with a new one from the same history and the chat's model; a failed or stopped turn is retried.",
    keys: [{ suffix: "r" }],
    run: () => api().regenerate(),
  },
  {
    name: "stop",
    desc: "stop the reply being generated",
    help: "Stop the reply, and a running update.",
    run: () => api().stop(),
  },
  {
    name: "update",
    synopsis: "[model ...]",
    desc: "update all local models, or the ones named",
    help: "Same as |:OllamaUpdate|.",
    keys: [{ suffix: "u", desc: "update all models" }],
    complete: (lead, typed) => withPrefix(models(), lead, typed),
    run: (inv) => api().update({ models: inv.args.length > 0 ? inv.args : undefined, check_only: false }),
  },
  {
    name: "outdated",
    desc: "list the models that have a newer version",
    help: "Which models have a newer version (downloads nothing).",
    run: () => api().update({ check_only: true }),
  },
  {
    name: "pull",
    synopsis: "{model}",
    desc: "download a model",
    help: "Download a model, with progress; without a name, asks for one.",
    single: "one model name",
    complete: firstArg(models),
    run: (inv) => pull(inv.args[0]),
  },
  {
    name: "models",
    desc: "manage the local models",
    help: "List the local models (size, details, capabilities, loaded or not); keys in it delete, copy, load, unload, update, pull and chat (|ollama-chat-models|).",
    keys: [{ suffix: "i" }],
    run: () => api().models(),
  },
  {
    name: "delete",
    synopsis: "{model}",
    desc: "delete a local model, after confirmation",
    single: "one model name",
    complete: firstArg(models),
    run: (inv) => api().delete_model(inv.args[0]),
  },
  {
    name: "copy",
    synopsis: "{from} {to}",
    desc: "copy a local model under a new name",
    help: "Copy a local model under a new name; an existing {to} is asked about first.",
    complete: firstArg(models),
    run: (inv) => copy(inv.args),
  },
  {
    name: "preload",
    synopsis: "{model}",
    desc: "load a model into memory",
    help: "Load a model into memory for `chat.keep_alive` (an empty request, as Ollama documents).",
    single: "one model name",
    complete: firstArg(models),
    run: (inv) => api().preload_model(inv.args[0]),
  },
  {
    name: "unload",
    synopsis: "[model]",
    desc: "unload a model from memory (all without a name)",
    help: "Unload a model from memory (`keep_alive` 0); without a name, every loaded model.",
    single: "one model name",
    complete: firstArg(models),
    run: (inv) => api().unload_model(inv.args[0]),
  },
  {
    name: "status",
    desc: "show the chat's model and state, and ask Ollama how it is",
    help: "The chat's model, state and speed, and what Ollama answers now: its version, the number of models, whether the default model is installed.",
    run: () => showStatus(),
  },
];

const byName: { [name: string]: Action | undefined } = {};
for (const action of ACTIONS) byName[action.name] = action;

/** The action of subcommand `name`, if there is one. */
export function find(this: void, name: string): Action | undefined {
  return byName[name];
}

/** The names of the subcommands, in table order. */
export function names(this: void): string[] {
  const out: string[] = [];
  for (const action of ACTIONS) out.push(action.name);
  return out;
}

/** The <Plug> name of a key: its own, else its action's. */
export function plugOf(this: void, action: Action, key: Key): string {
  return key.plug ?? action.name;
}

/** Runs the action behind <Plug>(ollama-chat-<plug>) as typed in `mode` (keymaps.ts calls it). */
export function press(this: void, plug: string, mode: Mode): void {
  for (const action of ACTIONS) {
    for (const key of action.keys ?? []) {
      if (plugOf(action, key) === plug) {
        const invocation: Invocation = { args: key.args ?? [], rest: "" };
        if (mode === "x" && action.range === true) invocation.range = leaveVisual();
        action.run(invocation);
        return;
      }
    }
  }
}

/** The lines of the visual selection, after leaving visual mode (which sets the '< and '> marks). */
function leaveVisual(): [number, number] {
  const [a, b] = [vim.fn.line("v"), vim.fn.line(".")];
  vim.api.nvim_feedkeys("\x1b", "nx", false);
  return a <= b ? [a, b] : [b, a];
}
