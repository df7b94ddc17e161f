// Where a conversation's code goes back: the lines it was asked about, tracked with an extmark so
// edits made meanwhile (lines added above, the range itself edited) do not misplace them.

const NS = vim.api.nvim_create_namespace("ollama-chat-target");

interface Tracked {
  buf: number;
  mark: number;
  name: string;
  /** One empty line: a range that starts collapsed (its deletion cannot be seen). */
  empty: boolean;
}

const byConversation = new LuaMap<number, Tracked>();

/** Remembers lines first..last (1-based) of `buf` as what conversation `id` is about. */
export function remember(id: number, buf: number, first: number, last: number): void {
  const old = byConversation.get(id);
  if (old !== undefined && vim.api.nvim_buf_is_valid(old.buf)) vim.api.nvim_buf_del_extmark(old.buf, NS, old.mark);
  const lastLine = vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[0] ?? "";
  const mark = vim.api.nvim_buf_set_extmark(buf, NS, first - 1, 0, {
    end_row: last - 1, end_col: lastLine.length, right_gravity: false, end_right_gravity: true, invalidate: true, undo_restore: true,
  });
  byConversation.set(id, { buf, mark, name: vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":~:."), empty: first === last && lastLine === "" });
}

export interface Range {
  buf: number;
  first: number;
  last: number;
}

/**
 * The range conversation `id` was asked about, where it is now; a string says why it is gone
 * (buffer closed, lines deleted); undefined when nothing was asked about.
 */
export function resolve(id: number): Range | string | undefined {
  const t = byConversation.get(id);
  if (t === undefined) return undefined;
  if (!vim.api.nvim_buf_is_valid(t.buf) || !vim.api.nvim_buf_is_loaded(t.buf)) {
    return `the buffer asked about (${t.name === "" ? "[No Name]" : t.name}) was closed: open it and ask again`;
  }
  const m = vim.api.nvim_buf_get_extmark_by_id(t.buf, NS, t.mark, { details: true }) as unknown as [number?, number?, { end_row?: number; end_col?: number; invalid?: boolean }?];
  // Deleted lines invalidate the mark (0.11+ says so; 0.10 leaves it collapsed to a point).
  const collapsed = m[2] !== undefined && m[2].end_row === m[0] && m[2].end_col === m[1] && !t.empty;
  if (m[0] === undefined || m[2] === undefined || m[2].invalid === true || collapsed) {
    return "the lines asked about were deleted: ask again about the lines to change";
  }
  return { buf: t.buf, first: m[0] + 1, last: (m[2].end_row ?? m[0]) + 1 };
}
