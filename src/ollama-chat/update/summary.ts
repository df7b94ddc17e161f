// The end of a run: the OllamaUpdateDone payload and a one-line summary for the user.
import { count, tally } from "./format";
import type { Row, RowState } from "./row";

export type Mode = "update" | "check";

/** What the user calls a run: a pull (of named models to install), an update or a check. */
export type Noun = "update" | "check" | "pull";

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

/** "a, b and 3 more" in at most `budget` characters; "" when not even one name fits. */
function names(list: string[], budget: number): string {
  let text = "";
  for (let i = 0; i < list.length; i++) {
    const next = text === "" ? list[i] : `${text}, ${list[i]}`;
    const rest = list.length - i - 1;
    if (next.length + (rest > 0 ? ` and ${rest} more`.length : 0) > budget) {
      return text === "" ? "" : `${text} and ${list.length - i} more`;
    }
    text = next;
  }
  return text;
}

/**
 * The summary notification: one line that fits in `width` columns (a longer message would stop
 * the user's typing at a hit-enter prompt); the view holds the details.
 */
export function message(mode: Mode, rows: Row[], cancelled: boolean, width: number, noun: Noun = mode): string {
  const p = payload(mode, rows, cancelled);
  const head = `${noun} ${cancelled ? "stopped" : "done"}: ${tallyText(mode, rows)}`;
  const room = width - head.length;
  const list: string[] = [];
  if (mode === "check") {
    for (const name of p.available ?? []) list.push(name);
  } else {
    for (const f of p.failed) list.push(f.name);
  }
  const label = mode === "check" ? ". Outdated: " : ". Failed: ";
  const shown = names(list, room - label.length);
  return shown === "" ? head : `${head}${label}${shown}`;
}
