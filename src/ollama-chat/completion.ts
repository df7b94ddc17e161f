// Command-line completion helpers shared by the actions (commands.ts calls them per subcommand).
// Names come from caches through the public API: completion never waits on HTTP.
import type * as Api from "./init";
import { lazy } from "./lazy";

const api = lazy<typeof Api>("ollama-chat");

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
  const source = completers[kind] ?? (() => api().completions(kind));
  const [ok, names] = pcall(source);
  return ok && type(names) === "table" ? (names as string[]) : [];
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
