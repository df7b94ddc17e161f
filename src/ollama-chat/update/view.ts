// The live progress view: one scratch buffer in a floating window at the bottom right, updated in
// place (only the lines that changed) at most every RENDER_MS. It listens to the runs (runChanges):
// a run that starts is shown, taking the cursor from normal mode so the keys its footer shows work
// at once (`<C-w>p` goes back to typing; the run goes on); its changes are redrawn throttled, its
// end at once. Closing the view leaves the run going; it can be shown again.
import * as highlights from "../highlights";
import { viewBuffer, writeLines } from "../ui/lines";
import { stopTimer, Throttle } from "../ui/throttle";
import { runChanges, type Run } from "./run";

/** How often the view is redrawn while a run streams progress (ms): one redraw per batch. */
export const RENDER_MS = 100;
/** After a run ends, an unfocused view stays this long (ms), then hides. */
export const LINGER_MS = 10000;

const BUF_NAME = "ollama-chat://update";
const NS = vim.api.nvim_create_namespace("ollama-chat-update");
const MIN_WIDTH = 40;

highlights.setup();

const state = {
  buf: undefined as number | undefined,
  win: undefined as number | undefined,
  /** The run shown: the last one that started. Asked for its text at every redraw. */
  run: undefined as Run | undefined,
  shown: [] as string[],
  width: MIN_WIDTH,
  lingerTimer: undefined as UvTimer | undefined,
};

function bufValid(): boolean {
  return state.buf !== undefined && vim.api.nvim_buf_is_valid(state.buf);
}

export function isVisible(): boolean {
  const win = state.win;
  return win !== undefined && vim.api.nvim_win_is_valid(win) && state.buf !== undefined && vim.api.nvim_win_get_buf(win) === state.buf;
}

export function isFocused(): boolean {
  return isVisible() && vim.api.nvim_get_current_win() === state.win;
}

/** The view's buffer, if it exists (for tests and :ls). */
export function buffer(): number | undefined {
  return bufValid() ? state.buf : undefined;
}

function setKeymaps(buf: number): void {
  const opts = (desc: string): KeymapSetOpts => ({ buffer: buf, desc, nowait: true, silent: true });
  vim.keymap.set("n", "q", () => hide(), opts("Ollama update: close the view (the update goes on)"));
  vim.keymap.set("n", "<Esc>", () => hide(), opts("Ollama update: close the view (the update goes on)"));
  vim.keymap.set("n", "x", () => state.run?.stopFromView(), opts("Ollama update: stop the running and queued pulls"));
  vim.keymap.set("n", "<C-c>", () => state.run?.stopFromView(), opts("Ollama update: stop the running and queued pulls"));
  vim.keymap.set("n", "u", () => state.run?.updateOutdated(), opts("Ollama update: update the outdated models"));
}

function createBuffer(): number {
  const buf = viewBuffer(BUF_NAME, "ollama-update");
  setKeymaps(buf);
  return buf;
}

function ensureBuffer(): number {
  if (!bufValid()) {
    state.buf = createBuffer();
    state.shown = [];
  }
  return state.buf!;
}

/** Shows `run` from now on (a new run), replacing what the view showed. */
function attach(run: Run): void {
  cancelLinger();
  state.run = run;
  state.width = MIN_WIDTH;
  render();
}

function frame(lineCount: number): KeysetWinConfig {
  const source = state.run;
  const height = math.max(1, math.min(lineCount, vim.o.lines - vim.o.cmdheight - 6));
  const width = math.max(1, math.min(state.width, vim.o.columns - 4));
  const statusline = vim.o.laststatus > 0 ? 1 : 0;
  return {
    relative: "editor",
    anchor: "SE",
    row: math.max(0, vim.o.lines - vim.o.cmdheight - statusline),
    col: vim.o.columns,
    width,
    height,
    border: "rounded",
    title: source !== undefined ? source.title() : " Ollama ",
    title_pos: "left",
    footer: source !== undefined ? source.footer() : "",
    footer_pos: "right",
  };
}

/**
 * Opens the window; `focus` moves the cursor into it, from normal mode only: typing in insert
 * mode (or a command line being typed) is never taken over.
 */
export function show(focus: boolean): void {
  cancelLinger();
  focus = focus && vim.api.nvim_get_mode().mode === "n";
  const buf = ensureBuffer();
  render();
  if (isVisible()) {
    if (focus) vim.api.nvim_set_current_win(state.win!);
    return;
  }
  const config = frame(math.max(1, state.shown.length));
  config.style = "minimal";
  config.focusable = true;
  config.zindex = 45;
  config.noautocmd = true;
  // Not everywhere can a window open (the command-line window): the run goes on, reopen shows it.
  const [ok, opened] = pcall(vim.api.nvim_open_win, buf, focus, config);
  if (!ok) return;
  const win = opened as number;
  state.win = win;
  vim.api.nvim_set_option_value("wrap", false, { win });
  vim.api.nvim_set_option_value("cursorline", false, { win });
  vim.api.nvim_set_option_value("winhighlight", "Normal:NormalFloat,FloatBorder:FloatBorder", { win });
}

/** Closes the window; the buffer and the run behind it stay. */
export function hide(): void {
  cancelLinger();
  const win = state.win;
  state.win = undefined;
  if (win === undefined || !vim.api.nvim_win_is_valid(win)) return;
  if (vim.api.nvim_list_wins().length === 1) return;
  vim.api.nvim_win_close(win, true);
}

function cancelLinger(): void {
  stopTimer(state.lingerTimer);
  state.lingerTimer = undefined;
}

/** After a run: hides the view in LINGER_MS unless the user went into it. */
function linger(ms = LINGER_MS): void {
  cancelLinger();
  if (!isVisible() || isFocused()) return;
  const timer = vim.uv.new_timer();
  state.lingerTimer = timer;
  timer.start(ms, 0, () => {
    vim.schedule(() => {
      if (state.lingerTimer !== timer) return;
      cancelLinger();
      if (!isFocused()) hide();
    });
  });
}

/** Redraws within RENDER_MS of a change: progress lines arrive far more often than that. */
const renderSoon = new Throttle(RENDER_MS, () => {
  if (isVisible()) render();
});

/** Writes the lines that changed since the last redraw, and fits the window to them. */
function render(): void {
  const source = state.run;
  if (source === undefined) return;
  const buf = ensureBuffer();
  const lines = source.lines(vim.uv.hrtime());
  // A new run (or a model added to it) writes the whole text once; then only what changed.
  state.shown = writeLines(buf, NS, state.shown, lines, (text) => {
    state.width = math.max(state.width, vim.fn.strdisplaywidth(text) + 1);
  });
  if (isVisible()) vim.api.nvim_win_set_config(state.win!, frame(math.max(1, lines.length)));
}

/** Keeps the window in its corner when the editor is resized. */
vim.api.nvim_create_autocmd("VimResized", {
  group: vim.api.nvim_create_augroup("ollama-chat-update-view", { clear: true }),
  callback: () => {
    if (isVisible()) vim.api.nvim_win_set_config(state.win!, frame(math.max(1, state.shown.length)));
  },
});

runChanges.subscribe(({ run, phase }) => {
  if (phase === "started") {
    attach(run);
    show(true);
    return;
  }
  if (run !== state.run) return;
  if (phase === "changed") {
    renderSoon.request();
    return;
  }
  render();
  linger();
});
