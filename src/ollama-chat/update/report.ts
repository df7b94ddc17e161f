// The progress view's text for a run: a header with the tally, a line per model, and after a
// check the way to update what is outdated.
import { inline } from "../ui/text";
import { count, duration, rowLine, type Line } from "./format";
import type { Row } from "./row";
import { tallyText, type Mode } from "./summary";

/** What the view needs to know about a run. */
export interface Snapshot {
  mode: Mode;
  rows: Row[];
  started: number;
  /** hrtime when the run ended; undefined while it runs. */
  ended: number | undefined;
  stopped: boolean;
  nameWidth: number;
}

export function title(mode: Mode, install: boolean): string {
  if (mode === "check") return " Ollama: outdated models ";
  return install ? " Ollama: pull " : " Ollama: update ";
}

export function outdated(rows: Row[]): string[] {
  const names: string[] = [];
  for (const row of rows) if (row.state === "available") names.push(row.name);
  return names;
}

/** Key hints under the window. */
export function footer(s: Snapshot): string {
  if (s.ended === undefined) return " x stop · q close ";
  return outdated(s.rows).length > 0 ? " u update the outdated · q close " : " q close ";
}

function header(s: Snapshot): string {
  const c = count(s.rows);
  if (s.ended === undefined) {
    const queued = c.byState["queued"] ?? 0;
    return ` ${c.done}/${c.total} done · ${c.running} running · ${queued} queued${s.stopped ? " · stopping" : ""}`;
  }
  return ` ${s.stopped ? "Stopped" : "Done"} in ${duration(s.ended - s.started)}: ${tallyText(s.mode, s.rows)}`;
}

export function lines(s: Snapshot, now: number): Line[] {
  const head = header(s);
  const out: Line[] = [{ text: head, spans: [[0, head.length, "OllamaUpdateHeader"]] }];
  out.push({ text: "", spans: [] });
  for (const row of s.rows) out.push(rowLine(row, s.nameWidth, now));
  const names = outdated(s.rows);
  if (s.ended !== undefined && names.length > 0) {
    const them = names.length === 1 ? "it" : `the ${names.length} outdated models`;
    out.push({ text: "", spans: [] });
    out.push({ text: ` Press u to update ${them}, or run :OllamaUpdate ${inline(names.join(" "))}`, spans: [] });
  }
  return out;
}
