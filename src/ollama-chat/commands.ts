// :Ollama {subcommand} and :OllamaUpdate: one table entry per subcommand, { impl, complete }.
// Each impl calls the public API, require("ollama-chat"), looked up when the command runs.
import { notify } from "./ui/notify";
import { pick } from "./ui/picker";

/** What a subcommand receives besides its arguments. */
export interface Invocation {
  /** Everything after the subcommand, as typed (prompts and chat names may hold spaces). */
  rest: string;
  /** The lines given as a range (`:'<,'>Ollama ask`); absent when no range was typed. */
  range?: [number, number];
}

/** @noSelf */
export interface Subcommand {
  desc: string;
  /** At most one argument, described for the error message ("one model name"). */
  single?: string;
  impl: (this: void, args: string[], invocation: Invocation) => void;
  complete?: (this: void, argLead: string, cmdLine: string) => string[];
}

/** Completion sources other modules provide; each returns what is cached, never waits on HTTP. */
export type CompleterKind = "models" | "chats";
type Completer = (this: void) => string[];
const completers: { [kind: string]: Completer | undefined } = {};

/** Registers the source of model names or saved chat names for completion. */
export function set_completer(this: void, kind: CompleterKind, fn: Completer | undefined): void {
  completers[kind] = fn;
}

// Looked up when a command runs: the API facade loads the features it delegates to lazily.
const API_MODULE = "ollama-chat";

const LAYOUTS = ["horizontal", "vertical"];

/** By default, completion asks the public API, which answers from its caches. */
function apiCompleter(kind: CompleterKind): Completer {
  return () => (require(API_MODULE) as { completions: (this: void, kind: CompleterKind) => string[] }).completions(kind);
}

function candidates(kind: CompleterKind): string[] {
  const source = completers[kind] ?? apiCompleter(kind);
  const [ok, names] = pcall(source);
  return ok && type(names) === "table" ? (names as string[]) : [];
}

function withPrefix(names: string[], lead: string, exclude: string[] = []): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (vim.startswith(name, lead) && !exclude.includes(name)) out.push(name);
  }
  return out;
}

/** The words typed after `:{command}` (range and name skipped), the one being typed excluded. */
function typedArgs(argLead: string, cmdLine: string, command = "Ollama"): string[] {
  const rest = string.match(cmdLine, `^.-${command}%s+(.*)$`)[0] ?? "";
  const words = vim.split(rest, "%s+", { trimempty: true });
  if (argLead !== "" && words.length > 0) words.pop();
  return words;
}

/** Completes the subcommand's first argument only. */
function firstArgFrom(source: (this: void) => string[]): (this: void, argLead: string, cmdLine: string) => string[] {
  return (argLead, cmdLine) => (typedArgs(argLead, cmdLine).length === 1 ? withPrefix(source(), argLead) : []);
}

const models = () => candidates("models");


/** Calls require("ollama-chat")[name](...args), or says it is not there. */
function callApi(name: string, ...args: unknown[]): unknown {
  const api = require(API_MODULE) as { [fn: string]: unknown };
  const fn = api[name];
  if (type(fn) !== "function") {
    notify(`${name}() is not available in this version of ollama-chat.`, vim.log.levels.ERROR);
    return undefined;
  }
  return (fn as (this: void, ...a: unknown[]) => unknown)(...args);
}

function setLayout(layout: string | undefined): void {
  if (layout === undefined) {
    pick({
      prompt: "Layout",
      items: LAYOUTS,
      format: (l) => l,
      on_choice: (l) => {
        if (l !== undefined) callApi("set_layout", l);
      },
    });
  } else if (LAYOUTS.includes(layout)) {
    callApi("set_layout", layout);
  } else {
    notify(`:Ollama layout expects horizontal or vertical, got "${layout}".`, vim.log.levels.ERROR);
  }
}

function pull(name: string | undefined): void {
  if (name !== undefined) {
    callApi("pull", name);
    return;
  }
  vim.ui.input({ prompt: "Model to pull (name:tag): " }, (input) => {
    const trimmed = vim.trim(input ?? "");
    if (trimmed !== "") callApi("pull", trimmed);
  });
}

interface Status {
  model?: string;
  state?: string;
  tokens_per_second?: number;
}

function showStatus(): void {
  const status = callApi("status") as Status | undefined;
  if (status === undefined) return;
  const parts = [`model ${status.model ?? "none"}`, `state ${status.state ?? "unknown"}`];
  if (type(status.tokens_per_second) === "number") parts.push(string.format("%.1f tokens/s", status.tokens_per_second));
  notify(parts.join(", "));
}

const orNil = (text: string) => (text === "" ? undefined : text);

/** The subcommands, in the order completion and the bare-:Ollama picker show them. */
export const ORDER = ["open", "model", "switch", "toggle", "close", "layout", "save", "load", "resume", "clear", "ask", "stop", "update", "outdated", "pull", "status"];

export const SUBCOMMANDS: { [name: string]: Subcommand } = {
  open: { desc: "open the chat with the default model", impl: () => callApi("open") },
  model: {
    desc: "set the default model (persistent)",
    single: "one model name",
    impl: (args) => callApi("select_model", args[0]),
    complete: firstArgFrom(models),
  },
  switch: {
    desc: "switch the model of the open chat",
    single: "one model name",
    impl: (args) => callApi("switch_model", args[0]),
    complete: firstArgFrom(models),
  },
  toggle: { desc: "show or hide the chat pane", impl: () => callApi("toggle") },
  close: { desc: "close the chat session", impl: () => callApi("close") },
  layout: {
    desc: "chat in a horizontal or vertical split (persistent)",
    single: "horizontal or vertical",
    impl: (args) => setLayout(args[0]),
    complete: firstArgFrom(() => LAYOUTS),
  },
  save: { desc: "save the chat under a name", impl: (_args, inv) => callApi("save", orNil(inv.rest)) },
  load: {
    desc: "load a saved chat (read-only)",
    impl: (_args, inv) => callApi("load", orNil(inv.rest)),
    complete: firstArgFrom(() => candidates("chats")),
  },
  resume: {
    desc: "continue a saved chat as the active one",
    impl: (_args, inv) => callApi("resume", orNil(inv.rest)),
    complete: firstArgFrom(() => candidates("chats")),
  },
  clear: { desc: "delete all saved chats, after confirmation", impl: () => callApi("clear_saved", {}) },
  ask: {
    desc: "ask about the buffer or the lines of a range",
    impl: (_args, inv) => callApi("ask", { prompt: orNil(inv.rest), range: inv.range }),
  },
  stop: { desc: "stop the reply being generated", impl: () => callApi("stop") },
  update: {
    desc: "update all local models, or the ones named",
    impl: (args) => callApi("update", { models: args.length > 0 ? args : undefined, check_only: false }),
    complete: (argLead, cmdLine) => withPrefix(models(), argLead, typedArgs(argLead, cmdLine)),
  },
  outdated: { desc: "list the models that have a newer version", impl: () => callApi("update", { check_only: true }) },
  pull: {
    desc: "download a model",
    single: "one model name",
    impl: (args) => pull(args[0]),
    complete: firstArgFrom(models),
  },
  status: { desc: "show the model, state and speed of the chat", impl: () => showStatus() },
};

function runSubcommand(name: string, args: string[], invocation: Invocation): void {
  const sub = SUBCOMMANDS[name];
  if (sub === undefined) {
    notify(`unknown subcommand "${name}". Valid subcommands: ${ORDER.join(", ")}.`, vim.log.levels.ERROR);
    return;
  }
  if (sub.single !== undefined && args.length > 1) {
    notify(`:Ollama ${name} takes ${sub.single}, got ${args.length} arguments: ${args.join(" ")}`, vim.log.levels.ERROR);
    return;
  }
  sub.impl(args, invocation);
}

function pickSubcommand(): void {
  let width = 0;
  for (const name of ORDER) width = Math.max(width, name.length);
  pick({
    prompt: "Ollama",
    items: ORDER,
    format: (name) => `${name}${string.rep(" ", width - name.length)}  ${SUBCOMMANDS[name].desc}`,
    on_choice: (name) => {
      if (name !== undefined) runSubcommand(name, [], { rest: "" });
    },
  });
}

/** :Ollama [subcommand [args]] */
export function run(this: void, cmd: UserCommandArgs): void {
  const [name, rest] = string.match(cmd.args, "^%s*(%S*)%s*(.-)%s*$");
  if (name === undefined || name === "") return pickSubcommand();
  const invocation: Invocation = { rest: rest ?? "" };
  if (cmd.range > 0) invocation.range = [cmd.line1, cmd.line2];
  runSubcommand(name, cmd.fargs.slice(1), invocation);
}

/** Completion for :Ollama: subcommands, then what the subcommand takes. */
export function complete(this: void, argLead: string, cmdLine: string, _cursorPos?: number): string[] {
  const typed = typedArgs(argLead, cmdLine);
  if (typed.length === 0) return withPrefix(ORDER, argLead);
  const sub = SUBCOMMANDS[typed[0]];
  if (sub === undefined || sub.complete === undefined) return [];
  return sub.complete(argLead, cmdLine);
}

/** :OllamaUpdate [model ...] */
export function run_update(this: void, cmd: UserCommandArgs): void {
  callApi("update", { models: cmd.fargs.length > 0 ? cmd.fargs : undefined, check_only: false });
}

/** Completion for :OllamaUpdate: local model names not typed yet. */
export function complete_update(this: void, argLead: string, cmdLine: string, _cursorPos?: number): string[] {
  return withPrefix(models(), argLead, typedArgs(argLead, cmdLine, "OllamaUpdate"));
}
