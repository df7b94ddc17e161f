// fzf in a terminal inside a floating window. The window closes and its buffer is wiped when fzf
// exits; focus returns to the window the picker was opened from.
import type { FzfJob } from "./fzf";

interface FloatSize {
  width: number;
  height: number;
}

function sizeFor(itemCount: number, promptWidth: number): FloatSize {
  const columns = vim.o.columns;
  const lines = vim.o.lines - vim.o.cmdheight;
  const width = Math.min(columns - 4, Math.max(60, promptWidth + 20, Math.floor(columns * 0.6)));
  // fzf needs a line for the prompt and one per item, plus some room to breathe.
  const height = Math.min(lines - 4, Math.max(8, itemCount + 2), Math.floor(lines * 0.7));
  return { width: Math.max(width, 10), height: Math.max(height, 3) };
}

function openWindow(buf: number, title: string, size: FloatSize): number {
  return vim.api.nvim_open_win(buf, true, {
    relative: "editor",
    width: size.width,
    height: size.height,
    row: Math.max(0, Math.floor((vim.o.lines - vim.o.cmdheight - size.height) / 2) - 1),
    col: Math.floor((vim.o.columns - size.width) / 2),
    style: "minimal",
    border: "rounded",
    title: ` ${title} `,
    title_pos: "center",
  });
}

/** Starts `argv` as a terminal job in the current buffer (termopen is deprecated from 0.11). */
function startTerminal(argv: string[], env: { [name: string]: string }, onExit: (this: void) => void): number {
  const opts: TermOpts = { env, on_exit: () => onExit() };
  if (vim.fn.has("nvim-0.11") === 1) return vim.fn.jobstart(argv, { ...opts, term: true });
  return vim.fn.termopen(argv, opts);
}

function close(win: number, buf: number, previous: number): void {
  if (vim.api.nvim_win_is_valid(win)) vim.api.nvim_win_close(win, true);
  if (vim.api.nvim_buf_is_valid(buf)) vim.api.nvim_buf_delete(buf, { force: true });
  if (vim.api.nvim_win_is_valid(previous)) vim.api.nvim_set_current_win(previous);
}

/** Runs the fzf job in a floating terminal; `done` runs once, after the float is gone. */
export function run<T>(job: FzfJob<T>, title: string, done: (this: void) => void): void {
  const previous = vim.api.nvim_get_current_win();
  const buf = vim.api.nvim_create_buf(false, true);
  // Closing the float by hand wipes the buffer, which ends fzf and so still calls `done`.
  vim.api.nvim_set_option_value("bufhidden", "wipe", { buf });
  const win = openWindow(buf, title, sizeFor(job.items.length, vim.fn.strdisplaywidth(title)));
  const finish = () => {
    close(win, buf, previous);
    done();
  };
  const id = startTerminal(job.argv, job.env, () => vim.schedule(finish));
  if (id <= 0) {
    finish();
    return;
  }
  vim.api.nvim_set_option_value("filetype", "ollama_chat_picker", { buf });
  vim.cmd("startinsert");
}
