// fzf in a tmux popup (tmux 3.2 or newer). `tmux display-popup` returns when the popup closes,
// so it runs under vim.system and reports from its exit callback.
import * as fzf from "./fzf";

/**
 * tmux hands the popup's command to the user's shell as one string. It is built from constants and
 * the job's environment (temp paths, prompt), every word quoted; item text is never part of it.
 * `env` (not `display-popup -e`, which needs tmux 3.3) works under any shell.
 */
function popupCommand<T>(job: fzf.FzfJob<T>): string {
  const words: string[] = ["env"];
  for (const [name, value] of pairs(job.env)) {
    words.push(vim.fn.shellescape(`${name}=${value}`));
  }
  for (const word of job.argv) words.push(vim.fn.shellescape(word));
  return words.join(" ");
}

/** The popup's outcome; `ran` false means the popup never showed (no client, old tmux, ...). */
export type PopupDone<T> = (this: void, result: fzf.Outcome<T>, stderr: string) => void;

/** Shows the fzf job in a tmux popup; `done` runs once on the main loop after it closes. */
export function run<T>(job: fzf.FzfJob<T>, done: PopupDone<T>): void {
  const argv = ["tmux", "display-popup", "-E", "-w", "70%", "-h", "60%", popupCommand(job)];
  vim.system(argv, { text: true }, (result) => {
    vim.schedule(() => done(fzf.outcome(job), vim.trim(result.stderr ?? "")));
  });
}
