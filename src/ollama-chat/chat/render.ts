// Streams one reply into the chat buffer. Text is appended in place at the end of the buffer in
// batches (one nvim_buf_set_text per batch, touching only the new text), so the cost of a chunk
// does not grow with the chat; the batches of one reply are joined into one undo step; windows
// follow the reply only while their cursor sits on the last line.
import { THINKING_CLOSE, THINKING_OPEN, escapeLine, thinkingBlocks } from "../format/transcript";
import { type LanguageTree, highlighterTree, hold, settle, splitInlineRegions } from "./render_parse";

/** How often streamed text is written to the buffer (ms): one redraw per batch, not per token. */
export const BATCH_MS = 30;

export const NS = vim.api.nvim_create_namespace("ollama-chat");

/** A virtual line under the reply: [text, highlight group]. Never part of the buffer's text. */
export type MetaLine = [string, string];

/**
 * At most this many lines go into the buffer at once; a burst (a fast model, a reader that fell
 * behind) is written in slices SLICE_GAP_MS apart, so no single write and redraw stalls the editor.
 */
export const MAX_LINES_PER_WRITE = 12;
/**
 * A reply that ends with more than this queued (bytes; the renderer fell behind a fast model) has
 * the rest written FINISH_LINES at a time before it is finished: 1.2 MB in one write held the
 * editor 19 ms, and more under load.
 */
const FINISH_BYTES = 64 * 1024;
const FINISH_LINES = 500;
const SLICE_GAP_MS = 2;

/** Per buffer: the mark left under the user's message by the last turn that brought nothing. */
const retractedMarks = new LuaMap<number, number>();

/** Dims a thinking block, its fences included (rows 0-based, `last` the closing fence's). */
function dimBlock(buf: number, first: number, last: number): void {
  // To the start of the next line; the end of the fence itself when it is the buffer's last line.
  const end: [number, number] = last + 1 < vim.api.nvim_buf_line_count(buf) ? [last + 1, 0] : [last, (vim.api.nvim_buf_get_lines(buf, last, last + 1, false)[0] ?? "").length];
  vim.api.nvim_buf_set_extmark(buf, NS, first, 0, { end_row: end[0], end_col: end[1], hl_group: "OllamaChatThinking", hl_eol: true });
}

/** Dims every thinking block of a chat written at once (resumed, loaded, rebuilt). */
export function dimThinkingBlocks(buf: number): void {
  for (const [open, close] of thinkingBlocks(vim.api.nvim_buf_get_lines(buf, 0, -1, false))) dimBlock(buf, open, close);
}

/** The head of `text` holding at most `max` line breaks, the rest, and how many breaks the head has. */
function takeLines(text: string, max: number): [string, string, number] {
  let breaks = 0;
  let at = 0;
  while (breaks < max) {
    const [found] = string.find(text, "\n", at + 1, true);
    if (found === undefined) return [text, "", breaks];
    breaks++;
    at = found;
  }
  return [string.sub(text, 1, at), string.sub(text, at + 1), breaks];
}

/** The markdown injection query (with the user's own) minus `injection.combined`; read once. */
let chatInjections: string | undefined;

/** Lines set per event-loop turn by setLinesInSlices (a few ms each). */
const SET_LINES = 20000;

/**
 * Replaces the text of `buf` (shown in no window yet) by `lines` in slices, then `done`: a 10 MB
 * chat set at once held the editor 60 ms, and its first parse, synchronous on Neovim 0.10, far
 * longer. The chat's parse is held meanwhile and, on 0.10, then finished a slice at a time.
 */
export function setLinesInSlices(buf: number, lines: string[], done: (this: void) => void): void {
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines.length <= SET_LINES ? lines : lines.slice(0, SET_LINES));
  if (lines.length <= SET_LINES) return done();
  const tree = highlighterTree(buf);
  const release = tree !== undefined ? hold(tree) : undefined;
  let at = SET_LINES;
  const next = () => {
    if (!vim.api.nvim_buf_is_valid(buf)) return release?.();
    vim.api.nvim_buf_set_lines(buf, -1, -1, false, lines.slice(at, at + SET_LINES));
    at += SET_LINES;
    if (at < lines.length) return vim.schedule(next);
    if (tree !== undefined && release !== undefined) settle(buf, tree, release);
    done();
  };
  vim.schedule(next);
}

/**
 * Gives `buf`, about to be markdown, its own tree-sitter parser before the ftplugin starts the
 * highlighter: the markdown injection query without `injection.combined` (html blocks are parsed
 * one by one). A combined injection makes every parse scan the whole chat for injections (at the
 * end of each reply: up to 100 ms in a chat of 5,000 lines, docs/benchmarks.md); without it only
 * the range drawn is scanned. Markdown elsewhere keeps its queries. No markdown parser: nothing.
 */
export function prepareParser(buf: number): void {
  const ts = (vim as any).treesitter;
  if (chatInjections === undefined) {
    const parts: string[] = [];
    for (const file of ts.query.get_files("markdown", "injections") as string[]) {
      parts.push(table.concat(vim.fn.readfile(file) as string[], "\n"));
    }
    [chatInjections] = string.gsub(table.concat(parts, "\n"), "%(#set!%s+injection%.combined%s*%)", "");
  }
  if (chatInjections === "") return;
  // No markdown parser installed: get_parser fails (0.10) or returns nil (0.11+); the chat is plain.
  const [ok, tree] = pcall(ts.get_parser, buf, "markdown", { injections: { markdown: chatInjections } });
  if (ok && tree !== undefined) splitInlineRegions(buf, tree as LanguageTree);
}

/** Pieces waiting to be written: content, or the thinking fences (structure, never escaped). */
type Piece = string | { fence: string };

export class Reply {
  private pending: Piece[] = [];
  private timer: UvTimer | undefined;
  private inThinking = false;
  private sawContent = false;
  private fenceRows = new LuaSet<number>();
  private thinkingStart = -1;
  private joinUndo = false;
  private closed = false;
  /** An extmark at the end of the reply: finding the end never re-reads a (long) last line. */
  private endMark = -1;
  /** An extmark where the reply began (before its heading): a reply that brought nothing is taken back to it. */
  private startMark = -1;
  /**
   * The chat's parse, held while the reply streams: each parse of a long chat re-reads the whole
   * document for injections (on Neovim 0.10 synchronously in the redraw). Held, the highlighter
   * keeps drawing the chat from its last trees (edited as text arrives, so the history stays
   * highlighted) and the reply is parsed once, when it ends (render_parse.ts).
   */
  private parseHold: { tree: LanguageTree; release: (this: void) => void } | undefined;
  /** The finish waiting for the queued rest of the reply to be written. */
  private finishing: ((this: void) => void) | undefined;

  constructor(private readonly buf: number) {}

  /** The row where the reply began (its heading comes a few rows after), while it is not finished. */
  startRow(): number | undefined {
    if (this.startMark < 0 || !vim.api.nvim_buf_is_valid(this.buf)) return undefined;
    return vim.api.nvim_buf_get_extmark_by_id(this.buf, NS, this.startMark, {})[0];
  }

  /** Writes the reply's heading lines at the end: the first change of the reply's undo step. */
  begin(lines: string[]): void {
    // The mark of a turn that brought nothing says why it failed: the new turn retries it.
    const retracted = retractedMarks.get(this.buf);
    if (retracted !== undefined) {
      retractedMarks.delete(this.buf);
      vim.api.nvim_buf_del_extmark(this.buf, NS, retracted);
    }
    const [row, col] = this.end();
    // Left gravity: the reply's text goes after it.
    this.startMark = vim.api.nvim_buf_set_extmark(this.buf, NS, row, col, { right_gravity: false });
    // Not loaded: no highlighter anywhere (loading it here would cost the first reply).
    const tree = highlighterTree(this.buf);
    if (tree !== undefined) this.parseHold = { tree, release: hold(tree) };
    this.appendLines(lines);
  }

  /** Where the reply ends: [row, col], 0-based; text is inserted there. */
  private end(): [number, number] {
    if (this.endMark >= 0) {
      const pos = vim.api.nvim_buf_get_extmark_by_id(this.buf, NS, this.endMark, {});
      if (pos.length === 2) return [pos[0], pos[1]];
    }
    const row = vim.api.nvim_buf_line_count(this.buf) - 1;
    const col = (vim.api.nvim_buf_get_lines(this.buf, row, row + 1, false)[0] ?? "").length;
    // Right gravity: text inserted at the mark goes before it, so the mark stays at the end.
    this.endMark = vim.api.nvim_buf_set_extmark(this.buf, NS, row, col, { right_gravity: true });
    return [row, col];
  }

  /** Appends whole lines (structure, not content) at the end, joined to the reply's undo step. */
  private appendLines(lines: string[]): void {
    const follow = this.followers();
    const [row, col] = this.end();
    this.setText(row, col, lines);
    this.follow(follow);
  }

  private follow(wins: number[]): void {
    const last = vim.api.nvim_buf_line_count(this.buf);
    for (const win of wins) {
      if (vim.api.nvim_win_is_valid(win)) vim.api.nvim_win_set_cursor(win, [last, 0]);
    }
  }

  /** Queues streamed text; it reaches the buffer within BATCH_MS. */
  push(content: string, thinking: string): void {
    if (this.closed) return;
    if (thinking !== "" && !this.sawContent) {
      if (!this.inThinking) {
        this.pending.push({ fence: THINKING_OPEN });
        this.inThinking = true;
      }
      this.pending.push(thinking);
    }
    if (content !== "") {
      this.closeThinking();
      this.sawContent = true;
      this.pending.push(content);
    }
    if (this.timer === undefined && this.pending.length > 0) this.schedule();
  }

  private closeThinking(): void {
    if (!this.inThinking) return;
    this.inThinking = false;
    this.pending.push({ fence: THINKING_CLOSE });
  }

  private schedule(delay: number = BATCH_MS): void {
    const timer = vim.uv.new_timer();
    this.timer = timer;
    timer.start(delay, 0, () => {
      timer.close();
      vim.schedule(() => {
        this.timer = undefined;
        this.write(this.finishing !== undefined ? FINISH_LINES : MAX_LINES_PER_WRITE);
        // A burst is written a slice at a time, the editor redrawing and reading keys in between.
        if (this.pending.length > 0 && !this.closed) this.schedule(SLICE_GAP_MS);
        else this.takeFinishing()?.();
      });
    });
  }

  /** Writes everything queued now. */
  flush(): void {
    this.write(math.huge);
  }

  /** Writes what is queued, up to `maxLines` line breaks of content; the rest stays queued. */
  private write(maxLines: number): void {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0 || !vim.api.nvim_buf_is_valid(this.buf)) return;
    const follow = this.followers();
    let run: string[] = [];
    let budget = maxLines;
    let i = 0;
    // No `continue`: it compiles to goto, which PUC Lua 5.1 lacks.
    for (; i < pending.length && budget > 0; i++) {
      const piece = pending[i];
      if (typeof piece === "string") {
        const [head, rest, breaks] = takeLines(piece, budget);
        run.push(head);
        budget -= breaks;
        if (rest !== "") {
          pending[i] = rest;
          break;
        }
      } else {
        if (run.length > 0) this.append(table.concat(run));
        run = [];
        this.appendFence(piece.fence);
      }
    }
    if (run.length > 0) this.append(table.concat(run));
    // What was not written stays ahead of what arrived meanwhile.
    const left: Piece[] = [];
    for (let j = i; j < pending.length; j++) left.push(pending[j]);
    for (const p of this.pending) left.push(p);
    this.pending = left;
    this.follow(follow);
  }

  /** Windows showing the chat with the cursor on its last line: they follow the reply. */
  private followers(): number[] {
    const last = vim.api.nvim_buf_line_count(this.buf);
    const wins: number[] = [];
    for (const win of vim.api.nvim_list_wins()) {
      if (vim.api.nvim_win_get_buf(win) === this.buf && vim.api.nvim_win_get_cursor(win)[0] >= last) wins.push(win);
    }
    return wins;
  }

  private setText(row: number, col: number, lines: string[]): void {
    const buf = this.buf;
    vim.api.nvim_buf_call(buf, () => {
      // One reply, one undo step: each batch joins the previous one.
      if (this.joinUndo) vim.cmd("silent! undojoin");
      vim.api.nvim_buf_set_text(buf, row, col, row, col, lines);
    });
    this.joinUndo = true;
  }

  /** Appends text at the very end; returns the row where it started. */
  private append(text: string): void {
    const [row, col] = this.end();
    const lines = vim.split(text, "\n", { plain: true });
    this.setText(row, col, lines);
    // Lines completed by this batch: escape those that would read as structure.
    for (let r = row; r < row + lines.length - 1; r++) this.escapeRow(r);
    if (this.inThinking) this.dimThinking(row + lines.length - 1);
  }

  private escapeRow(row: number): void {
    if (this.fenceRows.has(row)) return;
    const line = vim.api.nvim_buf_get_lines(this.buf, row, row + 1, false)[0] ?? "";
    if (escapeLine(line) !== line) this.setText(row, 0, ["\\"]);
  }

  /** A fence goes on a line of its own, after the text so far. */
  private appendFence(fence: string): void {
    const [row, col] = this.end();
    const lines = col === 0 ? [fence, ""] : ["", fence, ""];
    if (fence === THINKING_CLOSE) lines.push("");
    this.setText(row, col, lines);
    if (col !== 0) this.escapeRow(row);
    const fenceRow = col === 0 ? row : row + 1;
    this.fenceRows.add(fenceRow);
    if (fence === THINKING_OPEN) this.thinkingStart = fenceRow;
    else this.dimThinking(fenceRow);
  }

  private dimThinking(lastRow: number): void {
    if (this.thinkingStart < 0) return;
    dimBlock(this.buf, this.thinkingStart, lastRow);
  }

  /** The reply is over: the chat is parsed (and highlighted) again; `settled`: a slice at a time where parsing blocks. */
  private release(settled = false): void {
    const held = this.parseHold;
    this.parseHold = undefined;
    if (held === undefined) return;
    if (settled) settle(this.buf, held.tree, held.release);
    else held.release();
  }

  private stopTimer(): void {
    if (this.timer === undefined) return;
    this.timer.stop();
    if (!this.timer.is_closing()) this.timer.close();
    this.timer = undefined;
  }

  /** Drops what is queued and ignores what still comes: the buffer no longer holds this reply. */
  discard(): void {
    this.release();
    this.stopTimer();
    this.pending = [];
    this.closed = true;
    this.takeFinishing()?.();
  }

  private takeFinishing(): ((this: void) => void) | undefined {
    const f = this.finishing;
    this.finishing = undefined;
    return f;
  }

  private queuedBytes(): number {
    let n = 0;
    for (const p of this.pending) if (typeof p === "string") n += p.length;
    return n;
  }

  /**
   * Writes what is queued, closes an open thinking block, shows `meta` under the reply and
   * appends `trailing` (the next turn's heading), all in the reply's undo step; then `done`. Much
   * still queued is written in slices first (FINISH_BYTES), so `done` may come later.
   */
  finish(meta: MetaLine[], trailing: string[], done?: (this: void) => void): void {
    if (!this.closed && this.queuedBytes() > FINISH_BYTES && vim.api.nvim_buf_is_valid(this.buf)) {
      this.closeThinking();
      this.finishing = () => this.finish(meta, trailing, done);
      if (this.timer === undefined) this.schedule(0);
      return;
    }
    this.complete(meta, trailing);
    done?.();
  }

  private complete(meta: MetaLine[], trailing: string[]): void {
    if (this.closed) return;
    this.closeThinking();
    this.stopTimer();
    this.flush();
    this.closed = true;
    if (!vim.api.nvim_buf_is_valid(this.buf)) return this.release();
    const [row, col] = this.end();
    this.escapeRow(row);
    // A reply ending on a blank line (a thinking block closed by a stop: its fence and the blank
    // line after it) already has the break the next heading needs: no second one.
    const blankEnd = col === 0 && row > 0 && trailing[0] === "" && trailing[1] === "" &&
      vim.api.nvim_buf_get_lines(this.buf, row - 1, row + 1, false).join("") === "";
    const markRow = blankEnd ? row - 1 : row;
    if (meta.length > 0) {
      const virt: MetaLine[][] = [];
      for (const l of meta) virt.push([l]);
      // Left gravity: the next turn's heading, inserted where the reply ends, goes after the mark.
      vim.api.nvim_buf_set_extmark(this.buf, NS, markRow, 0, { virt_lines: virt, right_gravity: false });
    }
    this.appendLines(blankEnd ? trailing.slice(2) : trailing);
    this.dropMarks();
    this.release(true);
  }

  /**
   * Ends a reply that brought nothing: its heading goes (the user's message is again the one being
   * typed, to send or regenerate) and `meta` (why) shows under that message.
   */
  retract(meta: MetaLine[]): void {
    if (this.closed) return;
    this.stopTimer();
    this.pending = [];
    this.closed = true;
    this.release();
    if (!vim.api.nvim_buf_is_valid(this.buf)) return;
    const start = vim.api.nvim_buf_get_extmark_by_id(this.buf, NS, this.startMark, {});
    const [erow, ecol] = this.end();
    if (start.length === 2) {
      const follow = this.followers();
      vim.api.nvim_buf_call(this.buf, () => {
        if (this.joinUndo) vim.cmd("silent! undojoin");
        vim.api.nvim_buf_set_text(this.buf, start[0], start[1], erow, ecol, [""]);
      });
      const virt: MetaLine[][] = [];
      for (const l of meta) virt.push([l]);
      if (virt.length > 0) retractedMarks.set(this.buf, vim.api.nvim_buf_set_extmark(this.buf, NS, start[0], 0, { virt_lines: virt }));
      this.follow(follow);
    }
    this.dropMarks();
  }

  private dropMarks(): void {
    if (this.endMark >= 0) vim.api.nvim_buf_del_extmark(this.buf, NS, this.endMark);
    if (this.startMark >= 0) vim.api.nvim_buf_del_extmark(this.buf, NS, this.startMark);
    this.endMark = -1;
    this.startMark = -1;
  }
}
