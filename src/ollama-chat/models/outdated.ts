// The result of the last `:Ollama outdated`, for the model manager. The update feature announces
// each run's end with the OllamaUpdateDone event (its payload has `available` after a check);
// this keeps what the last check found, and forgets models an update has since brought up to date.
import { sameModel } from "../ollama/names";
import { changes } from "./changes";
import type { OutdatedCheck } from "./rows";

/** @noSelf */
interface DonePayload {
  updated?: string[];
  available?: string[];
  error?: string;
}

let last: OutdatedCheck | undefined;

/** The last check's outdated models and its time (epoch seconds), or undefined when none ran. */
export function lastCheck(): OutdatedCheck | undefined {
  return last;
}

/** Reads one OllamaUpdateDone payload. */
export function record(data: unknown): void {
  if (type(data) !== "table") return;
  const p = data as DonePayload;
  if (p.error !== undefined) return;
  if (type(p.available) === "table") {
    const names: string[] = [];
    for (const n of p.available!) if (type(n) === "string") names.push(n);
    last = { names, time: os.time() };
  } else if (last !== undefined && type(p.updated) === "table" && p.updated!.length > 0) {
    const still: string[] = [];
    for (const n of last.names) if (p.updated!.find((u) => sameModel(u, n)) === undefined) still.push(n);
    last = { names: still, time: last.time };
  } else return;
  changes.publish({ what: "outdated" });
}

vim.api.nvim_create_autocmd("User", {
  group: vim.api.nvim_create_augroup("ollama-chat-models-outdated", { clear: true }),
  pattern: "OllamaUpdateDone",
  callback: (args) => record(args.data),
});
