// The lines shown under a finished reply: speed, tokens, time and why it ended; or that it was
// stopped, failed, or cut off by a limit.
import { oneLine } from "../ui/text";
import type { ChatResult, OllamaError } from "../ollama/types";
import * as transcript from "../format/transcript";
import { NS, type MetaLine } from "./render";

export function tokensPerSecond(result: ChatResult): number | undefined {
  if (result.eval_count === undefined || result.eval_duration === undefined || result.eval_duration <= 0) return undefined;
  return result.eval_count / result.eval_duration * 1e9;
}

/**
 * Why the reply ended, in plain words; nothing for the ordinary end (the model finished its answer),
 * which the stats line itself says.
 */
function endedBecause(reason: string | undefined): string | undefined {
  if (reason === undefined || reason === "stop") return undefined;
  if (reason === "length") return "cut off at the length limit";
  if (reason === "load" || reason === "unload") return `ended: the model was ${reason === "load" ? "loaded" : "unloaded"}`;
  return `ended: ${reason}`;
}

export function metaLines(err: OllamaError | undefined, result: ChatResult, stopped: boolean): MetaLine[] {
  if (stopped && result.content === "" && result.thinking === "") return [["■ stopped before any reply arrived", "OllamaChatStopped"]];
  if (stopped) return [["■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"]];
  if (err !== undefined) return [[`✗ ${oneLine(err.message)}`, "OllamaChatError"]];
  const parts: string[] = [];
  const tps = tokensPerSecond(result);
  if (tps !== undefined) parts.push(string.format("%.1f tokens/s", tps));
  if (result.eval_count !== undefined) parts.push(`${result.eval_count} tokens`);
  if (result.total_duration !== undefined) parts.push(string.format("%.1f s", result.total_duration / 1e9));
  // A reply that waited for its model to load says so: the first one after a cold start.
  if (result.load_duration !== undefined && result.load_duration > 0.5e9) parts.push(string.format("loaded in %.1f s", result.load_duration / 1e9));
  const ended = endedBecause(result.done_reason);
  if (ended !== undefined) parts.push(ended);
  const lines: MetaLine[] = [[parts.join(" · "), "OllamaChatStats"]];
  if (result.done_reason === "length") {
    lines.push(["⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"]);
  }
  return lines;
}

// A reply's stats (or stop) line is a virtual line on the reply's last line. Undo does not take an
// extmark away with the text it removes (it only collapses to where the text was), so the chat
// watches its own text: a reply undone hides its line, redo puts it back under the reply, and once
// the user changed something else (redo is no longer possible) the hidden line is dropped.
const ANCHORS = vim.api.nvim_create_namespace("ollama-chat-stats");

interface Kept {
  /** In ANCHORS, left gravity: the reply's heading. */
  heading: number;
  /** In NS: the virtual line's extmark. */
  mark: number;
  virt: MetaLine[][];
  hidden: boolean;
}

const kept = new LuaMap<number, Kept[]>();

function position(buf: number, ns: number, id: number): [number, number] | undefined {
  const pos = vim.api.nvim_buf_get_extmark_by_id(buf, ns, id, {});
  return pos.length === 2 ? [pos[0], pos[1]] : undefined;
}

function before(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
}

/** Where the stats of the reply whose heading is at `row` belong: its last non-blank line. */
function lastLineOf(row: number, lines: string[]): number {
  let end = lines.length - 1;
  for (let i = row + 1; i < lines.length; i++) {
    if (lines[i] === transcript.USER_HEADING) {
      end = i - 1;
      break;
    }
  }
  while (end > row && vim.trim(lines[end]) === "") end--;
  return end;
}

function review(buf: number): void {
  const list = kept.get(buf);
  if (list === undefined) return;
  const next: Kept[] = [];
  const tree = vim.api.nvim_buf_call(buf, () => (vim.fn as any).undotree()) as { seq_cur: number; seq_last: number };
  for (const k of list) {
    const h = position(buf, ANCHORS, k.heading);
    const m = position(buf, NS, k.mark);
    if (h === undefined || m === undefined) {
      if (h !== undefined) vim.api.nvim_buf_del_extmark(buf, ANCHORS, k.heading);
      if (m !== undefined) vim.api.nvim_buf_del_extmark(buf, NS, k.mark);
    } else if (!k.hidden) {
      if (before(m, h)) {
        vim.api.nvim_buf_set_extmark(buf, NS, m[0], m[1], { id: k.mark });
        k.hidden = true;
      }
      next.push(k);
    } else {
      const lines = vim.api.nvim_buf_get_lines(buf, h[0], m[0] + 1, false);
      let heading = -1;
      for (let i = 0; i < lines.length && heading < 0; i++) if (transcript.parseAssistantHeading(lines[i]) !== undefined) heading = i;
      if (heading >= 0) {
        const all = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
        const row = lastLineOf(h[0] + heading, all);
        vim.api.nvim_buf_set_extmark(buf, ANCHORS, h[0] + heading, 0, { id: k.heading, right_gravity: false });
        vim.api.nvim_buf_set_extmark(buf, NS, row, 0, { id: k.mark, virt_lines: k.virt });
        k.hidden = false;
        next.push(k);
      } else if (tree.seq_cur < tree.seq_last) {
        next.push(k);
      } else {
        vim.api.nvim_buf_del_extmark(buf, ANCHORS, k.heading);
        vim.api.nvim_buf_del_extmark(buf, NS, k.mark);
      }
    }
  }
  kept.set(buf, next);
}

/**
 * The row of the heading of the reply whose stats are at row `markRow`: a few rows after `from`
 * (where the reply began), else searched back from the mark (the whole reply read: a 10 MB one
 * costs 25 ms).
 */
function replyHeading(buf: number, markRow: number, from: number | undefined): number {
  if (from !== undefined) {
    const head = vim.api.nvim_buf_get_lines(buf, from, math.min(from + 4, markRow + 1), false);
    for (let i = 0; i < head.length; i++) if (transcript.parseAssistantHeading(head[i]) !== undefined) return from + i;
  }
  const lines = vim.api.nvim_buf_get_lines(buf, 0, markRow + 1, false);
  for (let i = lines.length - 1; i >= 0; i--) {
    if (transcript.parseAssistantHeading(lines[i]) !== undefined) return i;
    if (lines[i] === transcript.USER_HEADING) break;
  }
  return -1;
}

/**
 * After a reply ended in `buf`: its stats line (the last virtual line) is kept with the reply, so
 * that undoing the reply takes it away. A turn that brought nothing (no reply heading) has none.
 * `from`: the row where the reply began, when known (its heading is found there).
 */
export function keepWithReply(this: void, buf: number | undefined, from?: number): void {
  if (buf === undefined || !vim.api.nvim_buf_is_valid(buf)) return;
  const found = vim.api.nvim_buf_get_extmarks(buf, NS, -1, 0, { details: true, limit: 8 }) as [number, number, number, { virt_lines?: MetaLine[][] }][];
  let mark: [number, number, number, { virt_lines?: MetaLine[][] }] | undefined;
  for (const m of found) if (mark === undefined && m[3].virt_lines !== undefined) mark = m;
  if (mark === undefined) return;
  const heading = replyHeading(buf, mark[1], from);
  if (heading < 0) return;
  let list = kept.get(buf);
  if (list === undefined) {
    list = [];
    kept.set(buf, list);
    vim.api.nvim_create_autocmd("TextChanged", {
      group: vim.api.nvim_create_augroup(`ollama-chat-stats-${buf}`, { clear: true }),
      buffer: buf,
      callback: () => review(buf),
    });
  }
  const id = vim.api.nvim_buf_set_extmark(buf, ANCHORS, heading, 0, { right_gravity: false });
  list.push({ heading: id, mark: mark[0], virt: mark[3].virt_lines!, hidden: false });
}
