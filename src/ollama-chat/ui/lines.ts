// Text views written in place: a line with its highlight ranges, and the writer that rewrites
// only the lines that changed. Shared by the update progress view and the model manager.

/** [start byte, end byte, highlight group] within a line. */
export type Span = [number, number, string];

export interface Line {
  text: string;
  spans: Span[];
}

/** A scratch buffer named `name` that keeps its text when hidden and is written only by code. */
export function viewBuffer(name: string, filetype: string): number {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_set_name(buf, name);
  vim.api.nvim_set_option_value("buftype", "nofile", { buf });
  vim.api.nvim_set_option_value("bufhidden", "hide", { buf });
  vim.api.nvim_set_option_value("swapfile", false, { buf });
  vim.api.nvim_set_option_value("undolevels", -1, { buf });
  vim.api.nvim_set_option_value("modifiable", false, { buf });
  vim.api.nvim_set_option_value("filetype", filetype, { buf });
  return buf;
}

function highlight(buf: number, ns: number, row: number, line: Line): void {
  vim.api.nvim_buf_clear_namespace(buf, ns, row, row + 1);
  for (const [start, stop, group] of line.spans) {
    vim.api.nvim_buf_set_extmark(buf, ns, row, start, { end_col: math.min(stop, line.text.length), hl_group: group });
  }
}

/**
 * Shows `lines` in `buf` (a non-modifiable scratch buffer), given the texts `shown` now: when the
 * count differs everything is written once, otherwise only the lines whose text changed.
 * Returns the texts shown afterwards; `onWritten` hears each line written.
 */
export function writeLines(buf: number, ns: number, shown: string[], lines: Line[], onWritten?: (this: void, text: string) => void): string[] {
  let whole = shown.length !== lines.length;
  if (!whole) {
    // Many changed lines (a column grew wider) cost less as one write.
    let changed = 0;
    for (let i = 0; i < lines.length; i++) if (shown[i] !== lines[i].text) changed++;
    whole = changed > 8 && changed * 4 > lines.length;
  }
  vim.api.nvim_set_option_value("modifiable", true, { buf });
  const out: string[] = whole ? [] : shown;
  if (whole) {
    const texts: string[] = [];
    for (const line of lines) texts.push(line.text);
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, texts);
    vim.api.nvim_buf_clear_namespace(buf, ns, 0, -1);
  }
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (whole || out[i] !== text) {
      if (!whole) vim.api.nvim_buf_set_lines(buf, i, i + 1, false, [text]);
      highlight(buf, ns, i, lines[i]);
      out[i] = text;
      if (onWritten !== undefined) onWritten(text);
    }
  }
  vim.api.nvim_set_option_value("modifiable", false, { buf });
  return out;
}

/** Whether two lists of texts are the same, line for line. */
export function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
