// Picks one item from a list: fzf in a tmux popup, fzf in a floating terminal, or vim.ui.select
// (so telescope, fzf-lua or snacks users get their own UI). Never blocks the editor.
import * as config from "../config";
import { notify } from "./notify";
import * as fzf from "./picker/fzf";
import * as float from "./picker/float";
import * as tmux from "./picker/tmux";
import type { PickOpts } from "./picker/types";

export type { PickOpts } from "./picker/types";

export { modelFormatter, shortDate } from "./picker/models";
export { bytes as humanSize } from "../format/bytes";

export type Backend = "tmux" | "fzf" | "select";

let warnedNoFzf = false;

function insideTmux(): boolean {
  const value = vim.env.TMUX;
  return value !== undefined && value !== "" && vim.fn.executable("tmux") === 1;
}

/** The backend the `picker` option names, falling back to what this editor can run. */
export function backend(this: void): Backend {
  const wanted = config.get().picker;
  const hasFzf = vim.fn.executable("fzf") === 1;
  if (wanted === "select") return "select";
  if ((wanted === "auto" || wanted === "tmux") && hasFzf && insideTmux()) return "tmux";
  if (hasFzf) return "fzf";
  if (wanted !== "auto" && !warnedNoFzf) {
    warnedNoFzf = true;
    notify(`picker = "${wanted}" needs fzf, which is not on PATH; using vim.ui.select. Install fzf or set picker = "select".`, vim.log.levels.WARN);
  }
  return "select";
}

function pickWithSelect<T>(opts: PickOpts<T>): void {
  vim.ui.select(opts.items, { prompt: opts.prompt, format_item: opts.format, kind: opts.kind }, (item) => opts.on_choice(item));
}

function runInFloat<T>(job: fzf.FzfJob<T>, opts: PickOpts<T>): void {
  float.run(job, opts.prompt, () => {
    const result = fzf.outcome(job);
    if (!result.ran) notify("could not start fzf in a terminal; is `sh` on PATH?", vim.log.levels.ERROR);
    fzf.finish(job, result, opts.on_choice);
  });
}

function runInTmux<T>(job: fzf.FzfJob<T>, opts: PickOpts<T>): void {
  tmux.run(job, (result, stderr) => {
    if (result.ran) return fzf.finish(job, result, opts.on_choice);
    const why = stderr === "" ? "no popup was shown" : stderr;
    notify(`tmux could not open a popup (${why}); showing the picker in Neovim instead.`, vim.log.levels.WARN);
    runInFloat(job, opts);
  });
}

/** Shows the items and calls `opts.on_choice` once with the chosen one (undefined: cancelled). */
export function pick<T>(this: void, opts: PickOpts<T>): void {
  if (opts.items.length === 0) {
    notify(`${opts.prompt}: nothing to choose from.`, vim.log.levels.WARN);
    opts.on_choice(undefined);
    return;
  }
  const kind = backend();
  const job = kind === "select" ? undefined : fzf.prepare(opts);
  if (job === undefined) pickWithSelect(opts);
  else if (kind === "tmux") runInTmux(job, opts);
  else runInFloat(job, opts);
}
