// A proposed replacement of lines first..last of a buffer, shown inline in that buffer before
// anything changes: the lines that would go are marked (DiffDelete, a "-" sign), the lines that
// would come show as virtual lines below them (DiffAdd), both with cterm colours so they read
// without 'termguicolors'. Keys while it is shown: ga / gr accept or reject the hunk under the
// cursor (every open hunk when the cursor is on none), <CR> accepts and q rejects the rest, ]c /
// [c go to the next / previous hunk. When no hunk is left open, the accepted ones are written in
// one nvim_buf_set_lines: one undo step. The text may still be streaming in (an edit).
import { sameTexts } from "../ui/lines";
import { notify } from "../ui/notify";

const NS = vim.api.nvim_create_namespace("ollama-chat-diff");
/** The range itself, tracked while the diff is shown (edits above it move it). */
const NS_RANGE = vim.api.nvim_create_namespace("ollama-chat-diff-range");
const KEYS = ["ga", "gr", "<CR>", "q", "]c", "[c"];

type HunkState = "open" | "accepted" | "rejected";

interface Hunk {
  /** 0-based start in the old lines and count; an insertion (count 0) goes before `oldStart`. */
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  state: HunkState;
}

/** What the view tells whoever opened it, once. */
/** @noSelf */
export interface Outcome {
  /** Accepted (some hunk written) or not; first..last: the lines written, else the range asked. */
  done: (accepted: boolean, first: number, last: number) => void;
  /** q while the text is still streaming: stop it. */
  stop?: () => void;
}

/** The view showing in each buffer (one at a time per buffer). */
const shown = new LuaMap<number, DiffView>();

export function viewOf(buf: number): DiffView | undefined {
  return shown.get(buf);
}

/**
 * Above this many lines histogram (the better diff of code) gets slow: 200 ms for 20,000 lines
 * against 16 ms for myers (bench/apply.lua). Smaller texts keep histogram.
 */
const HISTOGRAM_MAX_LINES = 4000;

function hunksOf(old: string[], proposed: string[]): Hunk[] {
  const a = old.length === 0 ? "" : table.concat(old, "\n") + "\n";
  const b = proposed.length === 0 ? "" : table.concat(proposed, "\n") + "\n";
  const algorithm = math.max(old.length, proposed.length) > HISTOGRAM_MAX_LINES ? "myers" : "histogram";
  const out: Hunk[] = [];
  for (const [sa, ca, sb, cb] of vim.diff(a, b, { result_type: "indices", algorithm })) {
    out.push({ oldStart: ca > 0 ? sa - 1 : sa, oldCount: ca, newStart: cb > 0 ? sb - 1 : sb, newCount: cb, state: "open" });
  }
  return out;
}

function expandTabs(line: string, ts: number): string {
  if (string.find(line, "\t", 1, true)[0] === undefined) return line;
  return string.gsub(line, "\t", string.rep(" ", ts))[0];
}

interface SavedMap {
  lhs: string;
  map: MapInfo | undefined;
}

export class DiffView {
  private proposed: string[] = [];
  private hunks: Hunk[] = [];
  private range: number;
  private closed = false;
  private saved: SavedMap[] = [];
  private augroup: number;
  streaming: boolean;

  /**
   * Shows lines first..last (1-based, inclusive) of `buf` against `proposed`. `old` is what the
   * range holds now; `note` (a warning) is shown with the keys.
   */
  constructor(
    readonly buf: number,
    readonly first: number,
    readonly last: number,
    private readonly old: string[],
    proposed: string[],
    streaming: boolean,
    private readonly outcome: Outcome,
    private readonly note?: string,
  ) {
    shown.get(buf)?.reject();
    shown.set(buf, this);
    this.streaming = streaming;
    const lastLine = vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[0] ?? "";
    this.range = vim.api.nvim_buf_set_extmark(buf, NS_RANGE, first - 1, 0, { end_row: last - 1, end_col: lastLine.length, right_gravity: false, end_right_gravity: true });
    this.bindKeys();
    this.augroup = vim.api.nvim_create_augroup(`ollama-chat-diff-${buf}`, { clear: true });
    vim.api.nvim_create_autocmd(["BufUnload", "BufDelete"], {
      group: this.augroup,
      buffer: buf,
      once: true,
      callback: () => {
        notify("the buffer of the diff was closed: nothing applied", vim.log.levels.WARN);
        this.close(false, undefined);
      },
    });
    this.setProposed(proposed);
    if (!streaming && this.hunks.length === 0) {
      notify("nothing to apply: the code is the same as the lines it would replace");
      this.close(false, undefined);
      return;
    }
    this.render();
  }

  isOpen(): boolean {
    return !this.closed;
  }

  /** The rows (0-based, inclusive) the range spans now. */
  private span(): [number, number] | undefined {
    if (!vim.api.nvim_buf_is_valid(this.buf)) return undefined;
    const m = vim.api.nvim_buf_get_extmark_by_id(this.buf, NS_RANGE, this.range, { details: true }) as unknown as [number, number, { end_row?: number }];
    if (m[0] === undefined) return undefined;
    return [m[0], m[2].end_row ?? m[0]];
  }

  /** The row (0-based) where the range starts now (drawing needs no more than that). */
  private base(): number | undefined {
    return this.span()?.[0];
  }

  /** The row (0-based) where the range starts now, and the old lines it holds now. */
  private where(): [number, string[]] | undefined {
    const s = this.span();
    if (s === undefined) return undefined;
    return [s[0], vim.api.nvim_buf_get_lines(this.buf, s[0], s[1] + 1, false)];
  }

  private setProposed(lines: string[]): void {
    this.proposed = lines;
    this.hunks = hunksOf(this.old, lines);
  }

  /** New text for the range (the streamer throttles its calls); `done` ends the stream. */
  update(lines: string[], done: boolean): void {
    if (this.closed) return;
    this.setProposed(lines);
    if (done) {
      this.streaming = false;
      this.render();
      if (this.hunks.length === 0) {
        notify("the model proposes no change");
        this.close(false, undefined);
      }
      return;
    }
    this.render();
  }

  /** Stops showing anything (the stream failed): nothing is applied. */
  abort(): void {
    this.close(false, undefined);
  }

  private width(): number {
    const win = vim.fn.bufwinid(this.buf);
    return win > 0 ? vim.api.nvim_win_get_width(win) : 80;
  }

  /** The hunk's rows in the buffer (0-based, inclusive) given the range's start row. */
  private rowsOf(h: Hunk, base: number): [number, number] {
    if (h.oldCount > 0) return [base + h.oldStart, base + h.oldStart + h.oldCount - 1];
    const row = base + math.max(0, h.oldStart - 1);
    return [row, row];
  }

  private render(): void {
    if (this.closed || !vim.api.nvim_buf_is_valid(this.buf)) return;
    const base = this.base();
    if (base === undefined) return;
    vim.api.nvim_buf_clear_namespace(this.buf, NS, 0, -1);
    const width = this.width();
    const ts = vim.api.nvim_get_option_value("tabstop", { buf: this.buf }) as number;
    let hinted = false;
    for (const h of this.hunks) {
      if (h.state !== "rejected") {
        const accepted = h.state === "accepted";
        for (let k = 0; k < h.oldCount; k++) {
          vim.api.nvim_buf_set_extmark(this.buf, NS, base + h.oldStart + k, 0, {
            line_hl_group: "DiffDelete", sign_text: accepted ? "x" : "-", sign_hl_group: "DiffDelete", priority: 200,
          });
        }
        const virt: [string, string?][][] = [];
        for (let k = 0; k < h.newCount; k++) {
          const text = expandTabs(this.proposed[h.newStart + k], ts);
          const pad = math.max(0, width - vim.fn.strdisplaywidth(text));
          virt.push([[text + string.rep(" ", pad), accepted ? "DiffText" : "DiffAdd"]]);
        }
        const above = h.oldCount === 0 && h.oldStart === 0;
        const row = h.oldCount > 0 ? base + h.oldStart + h.oldCount - 1 : base + math.max(0, h.oldStart - 1);
        const mark: KeysetSetExtmark = { priority: 200 };
        if (virt.length > 0) {
          mark.virt_lines = virt;
          mark.virt_lines_above = above;
        }
        if (!hinted || accepted) {
          mark.virt_text = [[accepted ? "  accepted" : this.hint(), accepted ? "DiffText" : "Comment"]];
          mark.virt_text_pos = "eol";
          if (!accepted) hinted = true;
        }
        vim.api.nvim_buf_set_extmark(this.buf, NS, math.min(row, vim.api.nvim_buf_line_count(this.buf) - 1), 0, mark);
      }
    }
  }

  private hint(): string {
    const keys = this.streaming ? "  streaming… q stops and rejects" : "  ga accept · gr reject · ]c/[c hunks · <CR> accept all · q reject all";
    return this.note !== undefined ? `${keys} · ${this.note}` : keys;
  }

  /** The open hunk under the cursor, if the cursor is in the target's window on one. */
  private hunkAtCursor(): Hunk | undefined {
    const base = this.base();
    if (base === undefined || vim.api.nvim_get_current_buf() !== this.buf) return undefined;
    const row = vim.api.nvim_win_get_cursor(0)[0] - 1;
    for (const h of this.hunks) {
      const [a, b] = this.rowsOf(h, base);
      if (h.state === "open" && row >= a && row <= b) return h;
    }
    return undefined;
  }

  private decide(state: HunkState, all: boolean): void {
    if (this.streaming && state === "accepted") {
      notify("the edit is still streaming: wait for it to finish (q stops it and rejects)", vim.log.levels.WARN);
      return;
    }
    if (this.streaming) {
      this.outcome.stop?.();
      this.close(false, undefined);
      return;
    }
    const one = all ? undefined : this.hunkAtCursor();
    for (const h of this.hunks) {
      if (h.state === "open" && (one === undefined || h === one)) h.state = state;
    }
    for (const h of this.hunks) {
      if (h.state === "open") {
        this.render();
        this.jump(1);
        return;
      }
    }
    this.finish();
  }

  accept(all = false): void {
    this.decide("accepted", all);
  }

  reject(all = false): void {
    this.decide("rejected", all);
  }

  /** Moves the cursor to the next (1) or previous (-1) open hunk, or the first one (0). */
  jump(dir: number): void {
    if (this.closed) return;
    const base = this.base();
    const win = vim.fn.bufwinid(this.buf);
    if (base === undefined || win < 0) return;
    const row = vim.api.nvim_win_get_cursor(win)[0] - 1;
    let target: number | undefined;
    for (const h of this.hunks) {
      if (h.state === "open") {
        const [a] = this.rowsOf(h, base);
        if (dir === 0 && target === undefined) target = a;
        if (dir > 0 && a > row && target === undefined) target = a;
        if (dir < 0 && a < row) target = a;
      }
    }
    if (target === undefined && dir > 0) {
      for (const h of this.hunks) if (h.state === "open" && target === undefined) target = this.rowsOf(h, base)[0];
    }
    if (target !== undefined) vim.api.nvim_win_set_cursor(win, [target + 1, 0]);
  }

  /** Writes the accepted hunks (one change: one undo step) and closes. */
  private finish(): void {
    const w = this.where();
    if (w === undefined) {
      notify("the buffer of the diff is gone: nothing applied", vim.log.levels.WARN);
      return this.close(false, undefined);
    }
    const [base, now] = w;
    let anyAccepted = false;
    for (const h of this.hunks) if (h.state === "accepted") anyAccepted = true;
    if (!anyAccepted) return this.close(false, undefined);
    const refusal = unwritable(this.buf);
    if (refusal !== undefined) {
      notify(`${refusal}: nothing applied`, vim.log.levels.ERROR);
      return this.close(false, undefined);
    }
    if (!sameTexts(now, this.old)) {
      notify("the lines changed while the diff was shown: nothing applied; apply again to see the new diff", vim.log.levels.WARN);
      return this.close(false, undefined);
    }
    // Each accepted hunk written on its own, the last first (the rows above stay where they are):
    // one undo step still (no undo sync between the writes of one key), and 200 one-line writes
    // cost less than rewriting the 20,000 lines around them.
    let spanStart = this.old.length;
    let spanEnd = 0;
    let grown = 0;
    for (let k = this.hunks.length - 1; k >= 0; k--) {
      const h = this.hunks[k];
      if (h.state === "accepted") {
        const lines: string[] = [];
        for (let i = 0; i < h.newCount; i++) lines.push(this.proposed[h.newStart + i]);
        vim.api.nvim_buf_set_lines(this.buf, base + h.oldStart, base + h.oldStart + h.oldCount, false, lines);
        spanStart = math.min(spanStart, h.oldStart);
        spanEnd = math.max(spanEnd, h.oldStart + h.oldCount);
        grown += h.newCount - h.oldCount;
      }
    }
    const first = base + spanStart + 1;
    this.close(true, [first, math.max(first, base + spanEnd + grown)]);
  }

  private close(accepted: boolean, written: [number, number] | undefined): void {
    if (this.closed) return;
    this.closed = true;
    if (shown.get(this.buf) === this) shown.delete(this.buf);
    pcall(vim.api.nvim_del_augroup_by_id, this.augroup);
    if (vim.api.nvim_buf_is_valid(this.buf)) {
      vim.api.nvim_buf_clear_namespace(this.buf, NS, 0, -1);
      vim.api.nvim_buf_del_extmark(this.buf, NS_RANGE, this.range);
      this.restoreKeys();
    }
    this.outcome.done(accepted, written?.[0] ?? this.first, written?.[1] ?? this.last);
  }

  private bindKeys(): void {
    const buf = this.buf;
    const opts = (desc: string): KeymapSetOpts => ({ buffer: buf, desc: `Ollama diff: ${desc}`, nowait: true, silent: true });
    this.saved = [];
    vim.api.nvim_buf_call(buf, () => {
      for (const lhs of KEYS) {
        const m = vim.fn.maparg(lhs, "n", false, true);
        this.saved.push({ lhs, map: m.buffer === 1 ? m : undefined });
      }
    });
    vim.keymap.set("n", "ga", () => this.accept(), opts("accept the hunk under the cursor (all when on none)"));
    vim.keymap.set("n", "gr", () => this.reject(), opts("reject the hunk under the cursor (all when on none)"));
    vim.keymap.set("n", "<CR>", () => this.accept(true), opts("accept every open hunk"));
    vim.keymap.set("n", "q", () => this.reject(true), opts("reject every open hunk"));
    vim.keymap.set("n", "]c", () => this.jump(1), opts("next hunk"));
    vim.keymap.set("n", "[c", () => this.jump(-1), opts("previous hunk"));
  }

  private restoreKeys(): void {
    const buf = this.buf;
    for (const s of this.saved) {
      pcall(vim.keymap.del, "n", s.lhs, { buffer: buf });
      if (s.map !== undefined) {
        const map = s.map;
        vim.api.nvim_buf_call(buf, () => vim.fn.mapset("n", false, map));
      }
    }
  }
}

/** Why `buf` cannot take an edit now, if it cannot. */
export function unwritable(buf: number): string | undefined {
  const name = vim.fn.bufname(buf) === "" ? "[No Name]" : vim.fn.fnamemodify(vim.fn.bufname(buf), ":~:.");
  if (!vim.api.nvim_get_option_value("modifiable", { buf })) return `${name} is not modifiable`;
  if (vim.api.nvim_get_option_value("readonly", { buf })) return `${name} is read-only (:set noreadonly first)`;
  return undefined;
}
