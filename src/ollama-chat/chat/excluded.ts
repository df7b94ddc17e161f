// Turns left out of the request to fit the context: they stay in the chat buffer, dimmed and
// marked "not sent", and stay out of every later request. The mark sits on the turn's heading,
// so it follows the turn through edits; the n-th heading of the buffer is its n-th message.
import { isHeading } from "../format/transcript";

const NS = vim.api.nvim_create_namespace("ollama-chat-excluded");
const LABEL = "  not sent: left out to fit the context";

/** Rows (0-based) of the buffer's turn headings, in order. */
function headingRows(buf: number): number[] {
  const rows: number[] = [];
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  for (let i = 0; i < lines.length; i++) if (isHeading(lines[i])) rows.push(i);
  return rows;
}

/** The indices of the messages marked as left out. */
export function indices(buf: number): LuaSet<number> {
  const out = new LuaSet<number>();
  const marks = vim.api.nvim_buf_get_extmarks(buf, NS, 0, -1, {}) as [number, number, number][];
  if (marks.length === 0) return out;
  const byRow = new LuaMap<number, number>();
  const rows = headingRows(buf);
  for (let i = 0; i < rows.length; i++) byRow.set(rows[i], i);
  for (const [, row] of marks) {
    const index = byRow.get(row);
    if (index !== undefined) out.add(index);
  }
  return out;
}

/** Marks messages (by index) as left out: the heading says so, the turn is dimmed. */
export function mark(buf: number, messageIndices: number[]): void {
  const rows = headingRows(buf);
  const lineCount = vim.api.nvim_buf_line_count(buf);
  for (const i of messageIndices) {
    const row = rows[i];
    if (row !== undefined) {
      vim.api.nvim_buf_set_extmark(buf, NS, row, 0, {
        virt_text: [[LABEL, "OllamaChatWarning"]],
        virt_text_pos: "eol",
        end_row: rows[i + 1] ?? lineCount,
        end_col: 0,
        hl_group: "Comment",
        right_gravity: false,
      });
    }
  }
}

/** Forgets every mark (the buffer is taken over by another conversation). */
export function clear(buf: number): void {
  vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1);
}
