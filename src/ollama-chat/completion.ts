// Command-line completion helpers shared by the actions (commands.ts calls them per subcommand).
// Names come from caches through the public API: completion never waits on HTTP.
import type * as Api from "./init";
import { lazy } from "./lazy";
import type * as LocalModels from "./ollama/localmodels";
import type * as Chats from "./store/chats";

const api = lazy<typeof Api>("ollama-chat");
const localModels = lazy<typeof LocalModels>("ollama-chat.ollama.localmodels");
const chatFiles = lazy<typeof Chats>("ollama-chat.store.chats");

/** Completion sources other modules provide; each returns what is cached, never waits on HTTP. */
export type CompleterKind = "models" | "chats";
type Completer = (this: void) => string[];
const completers: { [kind: string]: Completer | undefined } = {};

/** Registers the source of model names or saved chat names for completion (specs replace it). */
export function set_completer(this: void, kind: CompleterKind, fn: Completer | undefined): void {
  completers[kind] = fn;
}

/** The cached names of `kind`; nothing (never an error) when the source fails. */
export function candidates(this: void, kind: CompleterKind): string[] {
  const own = completers[kind];
  const source = own ?? (() => api().completions(kind));
  const [ok, names] = pcall(source);
  const list = ok && type(names) === "table" ? (names as string[]) : [];
  if (own === undefined && list.length === 0) {
    if (kind === "models") completeAgainWhenListed((cb) => localModels().afterRefresh(cb), () => localModels().cached().length > 0);
    else if (!chatFiles().names_known()) completeAgainWhenListed((cb) => chatFiles().refresh_names(cb), () => chatFiles().names().length > 0);
  }
  return list;
}

/**
 * The names are not known yet (a fresh editor: the first <Tab> started their listing, or a folder
 * of thousands of chats is still being listed): when the listing (`wait`) ends with some
 * (`listed`), the command line, if it still reads the same, is completed again, so the first
 * <Tab> shows them (a moment later) instead of nothing.
 */
function completeAgainWhenListed(wait: (this: void, cb: (this: void) => void) => unknown, listed: (this: void) => boolean): void {
  if (vim.fn.getcmdtype() !== ":") return;
  const line = vim.fn.getcmdline();
  wait(() => {
    vim.schedule(() => {
      const o = vim.o as unknown as { wildchar: number; wildcharm: number };
      if (vim.fn.getcmdtype() !== ":" || vim.fn.getcmdline() !== line || !listed()) return;
      // As typed ("t"): 'wildchar' completes only keys typed; 'wildcharm' any key.
      const key = o.wildcharm > 0 && o.wildcharm < 256 ? o.wildcharm : o.wildchar;
      if (key > 0 && key < 256) vim.api.nvim_feedkeys(vim.fn.nr2char(key), "nt", false);
    });
  });
}

function contains(list: string[], item: string): boolean {
  for (const x of list) if (x === item) return true;
  return false;
}

/** The names starting with `lead`, those in `exclude` left out. */
export function withPrefix(this: void, names: string[], lead: string, exclude: string[] = []): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (vim.startswith(name, lead) && !contains(exclude, name)) out.push(name);
  }
  return out;
}

/** The words typed after `:{command}` (range and name skipped), the one being typed excluded. */
export function typedArgs(this: void, argLead: string, cmdLine: string, command: string): string[] {
  const rest = string.match(cmdLine, `^.-${command}%s+(.*)$`)[0] ?? "";
  const words = vim.split(rest, "%s+", { trimempty: true });
  if (argLead !== "" && words.length > 0) words.pop();
  return words;
}

/** The saved chats' names starting with `lead`: the save prompt's completion (customlist). */
export function savedNames(this: void, lead: string): string[] {
  return withPrefix(candidates("chats"), lead);
}
