// The end of a run: the OllamaUpdateDone payload and a one-line summary for the user.
import { count, tally } from "./format";
import type { Row, RowState } from "./row";

export type Mode = "update" | "check";

export interface Failure {
  name: string;
  error: string;
}

/** The OllamaUpdateDone payload (contract.md); `available` only for a check. */
export interface DonePayload {
  updated: string[];
  current: string[];
  failed: Failure[];
  cancelled: boolean;
  available?: string[];
  /** Why the run could not start (Ollama down, bad arguments); absent otherwise. */
  error?: string;
}

export function emptyPayload(mode: Mode): DonePayload {
  const p: DonePayload = { updated: [], current: [], failed: [], cancelled: false };
  if (mode === "check") p.available = [];
  return p;
}

/** Registry answers that leave a model's state unknown, and why, for `failed`. */
function checkFailure(row: Row): string | undefined {
  if (row.state === "not_in_registry") return "not in a registry (created locally, or unknown to the registry)";
  if (row.state === "unreachable" || row.state === "unknown") return row.detail;
  return undefined;
}

export function payload(mode: Mode, rows: Row[], cancelled: boolean): DonePayload {
  const p = emptyPayload(mode);
  p.cancelled = cancelled;
  for (const row of rows) {
    const s = row.state;
    if (s === "updated" || s === "installed") p.updated.push(row.name);
    else if (s === "current") p.current.push(row.name);
    else if (s === "failed") p.failed.push({ name: row.name, error: row.detail });
    else if (s === "available") p.available?.push(row.name);
    else {
      const why = checkFailure(row);
      if (why !== undefined) p.failed.push({ name: row.name, error: why });
    }
  }
  return p;
}

const UPDATE_ORDER: RowState[] = ["updated", "installed", "current", "failed", "cancelled"];
const CHECK_ORDER: RowState[] = ["available", "current", "not_in_registry", "unreachable", "unknown", "cancelled"];

/** "4 updated, 9 up to date, 1 failed" (or, for a check, "2 outdated, 11 up to date, ..."). */
export function tallyText(mode: Mode, rows: Row[]): string {
  return tally(count(rows), mode === "check" ? CHECK_ORDER : UPDATE_ORDER);
}

/** Appends as many names as fit in `budget` characters, then "and N more". */
function names(list: string[], budget: number): string {
  let text = "";
  for (let i = 0; i < list.length; i++) {
    const next = text === "" ? list[i] : `${text}, ${list[i]}`;
    const rest = list.length - i - 1;
    const tail = rest > 0 ? ` and ${rest} more` : "";
    if (next.length + tail.length > budget && text !== "") return `${text} and ${list.length - i} more`;
    text = next;
  }
  return text;
}

/**
 * The summary notification: one line that fits in `width` columns (a longer message would stop
 * the user's typing at a hit-enter prompt); the view holds the details.
 */
export function message(mode: Mode, rows: Row[], cancelled: boolean, width: number): string {
  const p = payload(mode, rows, cancelled);
  let head = mode === "check" ? `check done: ${tallyText(mode, rows)}` : `update done: ${tallyText(mode, rows)}`;
  if (cancelled) head = mode === "check" ? `check stopped: ${tallyText(mode, rows)}` : `update stopped: ${tallyText(mode, rows)}`;
  const room = width - head.length;
  if (mode === "check") {
    const available = p.available ?? [];
    if (available.length > 0 && room > 20) return `${head}. Outdated: ${names(available, room - 12)}`;
    return head;
  }
  const failed: string[] = [];
  for (const f of p.failed) failed.push(f.name);
  if (failed.length > 0 && room > 20) return `${head}. Failed: ${names(failed, room - 10)}`;
  return head;
}

/** The OllamaUpdateDone event; an error in a user's handler is reported, not raised into the run. */
export function emit(p: DonePayload): void {
  const [ok, err] = pcall(() => vim.api.nvim_exec_autocmds("User", { pattern: "OllamaUpdateDone", modeline: false, data: p }));
  if (!ok) vim.notify(`ollama-chat: an OllamaUpdateDone handler failed: ${tostring(err)}`, vim.log.levels.ERROR);
}
