// The text of the progress view: a line per model, readable at a glance. Pure: rows in, lines and
// highlight ranges out.
import { bytes } from "../format/bytes";
import type { Line, Span } from "../ui/lines";
import { inline, oneLine } from "../ui/text";
import { isFinal, type Row, type RowState } from "./row";

export type { Line, Span };

export const BAR_WIDTH = 20;
const STATE_WIDTH = 13;

interface Look {
  icon: string;
  label: string;
  group: string;
}

const LOOKS: { [state in RowState]: Look } = {
  queued: { icon: "○", label: "queued", group: "OllamaUpdateMuted" },
  checking: { icon: "●", label: "checking", group: "OllamaUpdateActive" },
  downloading: { icon: "●", label: "downloading", group: "OllamaUpdateActive" },
  finishing: { icon: "●", label: "finishing", group: "OllamaUpdateActive" },
  current: { icon: "✓", label: "up to date", group: "OllamaUpdateMuted" },
  updated: { icon: "✓", label: "updated", group: "OllamaUpdateDone" },
  installed: { icon: "✓", label: "installed", group: "OllamaUpdateDone" },
  failed: { icon: "✗", label: "failed", group: "OllamaUpdateFailed" },
  cancelled: { icon: "-", label: "cancelled", group: "OllamaUpdateCancelled" },
  available: { icon: "↑", label: "outdated", group: "OllamaUpdateAvailable" },
  not_in_registry: { icon: "?", label: "local only", group: "OllamaUpdateMuted" },
  unreachable: { icon: "?", label: "unreachable", group: "OllamaUpdateCancelled" },
  unknown: { icon: "?", label: "unknown", group: "OllamaUpdateCancelled" },
};

export function stateLabel(state: RowState): string {
  return LOOKS[state].label;
}

export function duration(ns: number): string {
  const s = ns / 1e9;
  if (s < 60) return `${string.format("%.1f", s)} s`;
  return `${math.floor(s / 60)} min ${math.floor(s % 60)} s`;
}

export function bar(fraction: number, width = BAR_WIDTH): string {
  const filled = math.floor(math.max(0, math.min(1, fraction)) * width + 0.5);
  return string.rep("━", filled) + string.rep("─", width - filled);
}

function pad(text: string, width: number): string {
  const w = vim.fn.strdisplaywidth(text);
  return w >= width ? text : text + string.rep(" ", width - w);
}

/** What follows the state: progress while downloading, the server's words otherwise. */
function detail(row: Row, now: number): [string, string] {
  const t = row.tracker;
  switch (row.state) {
    case "downloading": {
      if (t === undefined) return ["", ""];
      const pct = string.format("%3d%%", math.floor(t.fraction() * 100));
      const speed = t.speed(now);
      const rate = speed > 0 ? `  ${bytes(speed)}/s` : "";
      return [`${bar(t.fraction())} ${pct}  ${bytes(t.done)}/${bytes(t.total)}${rate}`, "OllamaUpdateBar"];
    }
    case "updated":
    case "installed":
      if (t !== undefined && t.total > 0 && row.ended !== undefined) return [`${bytes(t.total)} in ${duration(row.ended - t.started)}`, "OllamaUpdateMuted"];
      return ["", ""];
    case "failed":
    case "unreachable":
    case "unknown":
      return [oneLine(row.detail), "OllamaUpdateFailed"];
    case "not_in_registry":
      return ["not in a registry (created locally?)", "OllamaUpdateMuted"];
    case "available":
      return ["a newer version is available", "OllamaUpdateAvailable"];
    case "checking":
    case "finishing":
      return [oneLine(row.detail), "OllamaUpdateMuted"];
    default:
      return ["", ""];
  }
}

/** One model's line; `nameWidth` aligns the columns. */
export function rowLine(row: Row, nameWidth: number, now: number): Line {
  const look = LOOKS[row.state];
  const label = look.label;
  const head = ` ${look.icon} `;
  // A name from outside (a server, a file) may hold a newline: a buffer line may not.
  const name = pad(inline(row.name), nameWidth);
  const state = pad(label, STATE_WIDTH);
  const [extra, extraGroup] = detail(row, now);
  const text = `${head}${name}  ${state}${extra}`;
  const spans: Span[] = [[0, head.length, look.group]];
  const stateStart = head.length + name.length + 2;
  spans.push([stateStart, stateStart + label.length, look.group]);
  if (extra !== "" && extraGroup !== "") spans.push([stateStart + state.length, text.length, extraGroup]);
  const [trimmed] = string.gsub(text, "%s+$", "");
  return { text: trimmed, spans };
}

export interface Counts {
  total: number;
  done: number;
  running: number;
  byState: { [state: string]: number };
}

export function count(rows: Row[]): Counts {
  const c: Counts = { total: rows.length, done: 0, running: 0, byState: {} };
  for (const row of rows) {
    c.byState[row.state] = (c.byState[row.state] ?? 0) + 1;
    if (isFinal(row)) c.done++;
    else if (row.state !== "queued") c.running++;
  }
  return c;
}

/** "4 updated, 9 up to date, 1 failed": the states present, in `order`. */
export function tally(c: Counts, order: RowState[]): string {
  const parts: string[] = [];
  for (const state of order) {
    const n = c.byState[state] ?? 0;
    if (n > 0) parts.push(`${n} ${stateLabel(state)}`);
  }
  return parts.join(", ");
}

export function nameWidth(rows: Row[]): number {
  let w = 0;
  for (const row of rows) w = math.max(w, vim.fn.strdisplaywidth(inline(row.name)));
  return w;
}
