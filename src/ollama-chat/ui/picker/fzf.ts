// One fzf run: the items go to fzf through a temp file as "<index>\t<text>" lines and the choice
// comes back by index, so item text never passes through a shell. fzf is started by argv with
// its files and prompt in the environment: the shell script is a constant.
import type { PickOpts } from "./types";
import { notify } from "../notify";

export interface FzfJob<T> {
  items: T[];
  input: string;
  output: string;
  argv: string[];
  env: { [name: string]: string };
}

// fzf shows field 2 onwards (the text), searches only that, and prints the whole chosen line;
// the script then appends fzf's exit status ("exit 130" when the user pressed Esc).
const SCRIPT =
  '"$OC_PICK_FZF" --prompt "$OC_PICK_PROMPT" --delimiter "\\t" --with-nth "2.." --no-multi' +
  ' --layout reverse --info inline < "$OC_PICK_IN" > "$OC_PICK_OUT"; echo "exit $?" >> "$OC_PICK_OUT"';

/** Tabs, newlines and other control characters would break the one-line-per-item format. */
function oneLine(text: string): string {
  return string.gsub(text, "%c", " ")[0];
}

function promptOf(prompt: string): string {
  return `${oneLine(vim.trim(prompt))}> `;
}

/** Writes the item lines to a temp file; undefined (after telling the user) when that fails. */
export function prepare<T>(opts: PickOpts<T>): FzfJob<T> | undefined {
  const lines: string[] = [];
  for (let i = 0; i < opts.items.length; i++) {
    lines.push(`${i + 1}\t${oneLine(opts.format(opts.items[i]))}`);
  }
  const input = vim.fn.tempname();
  if (vim.fn.writefile(lines, input) !== 0) {
    notify(`could not write the picker's list to ${input}; using vim.ui.select.`, vim.log.levels.WARN);
    return undefined;
  }
  // Not created here: its absence after a run tells that fzf never started.
  const output = vim.fn.tempname();
  return {
    items: opts.items,
    input,
    output,
    argv: ["sh", "-c", SCRIPT],
    env: { OC_PICK_FZF: vim.fn.exepath("fzf"), OC_PICK_PROMPT: promptOf(opts.prompt), OC_PICK_IN: input, OC_PICK_OUT: output },
  };
}

/** What a run left in the output file. */
export interface Outcome<T> {
  /** false: fzf never started (its output file, which the script creates first, is missing). */
  ran: boolean;
  /** fzf's exit status; absent when the script was killed before it could write it. */
  code?: number;
  item?: T;
}

function itemAt<T>(job: FzfJob<T>, line: string): T | undefined {
  const index = tonumber(string.match(line, "^(%d+)\t")[0]);
  if (index === undefined || index < 1 || index > job.items.length) return undefined;
  return job.items[index - 1];
}

/** The first item line: FZF_DEFAULT_OPTS may add others (--print-query, --expect). */
function chosenItem<T>(job: FzfJob<T>, lines: string[]): T | undefined {
  for (let i = 0; i < lines.length - 1; i++) {
    const item = itemAt(job, lines[i]);
    if (item !== undefined) return item;
  }
  return undefined;
}

/** Reads the output file: the chosen line (if any) then "exit <status>". */
export function outcome<T>(job: FzfJob<T>): Outcome<T> {
  if (vim.fn.filereadable(job.output) !== 1) return { ran: false };
  const lines = vim.fn.readfile(job.output);
  const code = tonumber(string.match(lines[lines.length - 1] ?? "", "^exit (%d+)$")[0]);
  if (code === undefined) return { ran: true };
  return { ran: true, code, item: code === 0 ? chosenItem(job, lines) : undefined };
}

/** Removes the job's temp files. */
function discard<T>(job: FzfJob<T>): void {
  os.remove(job.input);
  os.remove(job.output);
}

// fzf exits 1 when nothing matched and 130 on Esc or Ctrl-C: both are a plain cancel.
function reportFailure(code: number | undefined): void {
  if (code === undefined || code === 0 || code === 1 || code === 130) return;
  const why = code === 127 ? "fzf was not found" : `fzf exited with status ${code}`;
  notify(`the picker failed: ${why}. Check FZF_DEFAULT_OPTS, or set picker = "select".`, vim.log.levels.ERROR);
}

/** Removes the temp files, then reports the choice (undefined when cancelled or failed). */
export function finish<T>(job: FzfJob<T>, result: Outcome<T>, on_choice: (this: void, item: T | undefined) => void): void {
  discard(job);
  reportFailure(result.code);
  on_choice(result.item);
}
