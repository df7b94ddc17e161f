// Chat variables: `#name` or `#name:arg` in a message, replaced in the request (never in the
// buffer or the saved chat) by content in a fenced block that names it. A small registry: each
// variable expands itself, asynchronously when it must (`#gitdiff` runs git), and may complete its
// argument. Other features add theirs with register() (`#image:{path}`).
import { fenced } from "../format/fence";
import * as process from "../http/process";
import * as source from "../code/source";

/** Where the message comes from: the buffer the chat was opened from, if any is left. */
export interface Context {
  origin: number | undefined;
}

/**
 * The expansion: text in place of the token (and images to attach to the message, base64), or
 * why the message cannot be sent.
 */
export type Done = (this: void, err: string | undefined, text: string | undefined, images?: string[]) => void;

/** A message's text with its variables expanded, and the images they attach. */
export type Expanded = (this: void, err: string | undefined, text: string | undefined, images: string[]) => void;

/** @noSelf */
export interface Variable {
  name: string;
  /** One line for completion menus. */
  desc: string;
  /** "none": `#name` only; "required": `#name:arg` only; "optional": both. */
  arg: "none" | "required" | "optional";
  /** The argument's candidates starting with `lead`. */
  complete?: (lead: string) => string[];
  expand: (arg: string | undefined, ctx: Context, done: Done) => void;
}

const registry = new LuaMap<string, Variable>();
const order: string[] = [];

/** Adds (or replaces) a variable. */
export function register(v: Variable): void {
  if (!registry.has(v.name)) order.push(v.name);
  registry.set(v.name, v);
}

export function get(name: string): Variable | undefined {
  return registry.get(name);
}

export interface Token {
  /** 1-based byte positions of the token in the text, inclusive. */
  from: number;
  to: number;
  name: string;
  arg: string | undefined;
}

/** The registered variables used in `text`, in order (`#include` and `#1` are left alone). */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  let init = 1;
  for (;;) {
    const [from, to, name, colonArg] = string.find(text, "#(%a+)(:?%S*)", init);
    if (from === undefined) break;
    init = to + 1;
    const prev = from > 1 ? string.sub(text, from - 1, from - 1) : "";
    const v = registry.get(name as string);
    if (v !== undefined && (prev === "" || string.find(prev, "^[%s(]")[0] !== undefined)) {
      let arg: string | undefined = string.sub(colonArg as string, 1, 1) === ":" ? string.sub(colonArg as string, 2) : undefined;
      let end = to;
      // Punctuation after `#buffer` ends a sentence, it is not an argument.
      if (string.sub(colonArg as string, 1, 1) !== ":") end = from + (name as string).length;
      if (arg !== undefined) {
        const [trimmed] = string.match(arg, "^(.-)[.,;:!?)]*$");
        end -= arg.length - (trimmed as string).length;
        arg = trimmed as string;
        if (arg === "") arg = undefined;
      }
      out.push({ from, to: end, name: name as string, arg });
    }
  }
  return out;
}

function usage(v: Variable): string {
  return v.arg === "required" ? `#${v.name}:{...}` : `#${v.name}`;
}

/**
 * `text` with each variable replaced by its content; `done(err)` (nothing sent) when one of them
 * cannot be expanded. Calls back on the main loop, in order, once.
 */
export function expand(text: string, ctx: Context, done: Expanded): void {
  const found = tokens(text);
  const images: string[] = [];
  if (found.length === 0) {
    done(undefined, text, images);
    return;
  }
  const parts: string[] = [];
  let i = 0;
  let pos = 1;
  const step = (): void => {
    if (i >= found.length) {
      parts.push(string.sub(text, pos));
      done(undefined, parts.join(""), images);
      return;
    }
    const t = found[i];
    const v = registry.get(t.name)!;
    if (v.arg === "required" && t.arg === undefined) {
      done(`#${t.name} needs an argument: ${usage(v)}`, undefined, images);
      return;
    }
    if (v.arg === "none" && t.arg !== undefined) {
      done(`#${t.name} takes no argument (got #${t.name}:${t.arg})`, undefined, images);
      return;
    }
    let called = false;
    const [ok, err] = pcall(() => v.expand(t.arg, ctx, (e, content, attached) => {
      if (called) return;
      called = true;
      vim.schedule(() => {
        if (e !== undefined || content === undefined) {
          done(`#${t.name}${t.arg !== undefined ? ":" + t.arg : ""}: ${e ?? "nothing to put there"}`, undefined, images);
          return;
        }
        for (const image of attached ?? []) images.push(image);
        parts.push(string.sub(text, pos, t.from - 1), "\n\n", content, "\n\n");
        pos = t.to + 1;
        i++;
        step();
      });
    }));
    if (!ok && !called) {
      called = true;
      done(`#${t.name} failed: ${tostring(err)}`, undefined, images);
    }
  };
  step();
}

/** Completion items for the word being typed (`#`, `#buf`, `#file:sr`): full tokens. */
export function complete(word: string): { word: string; menu: string }[] {
  const out: { word: string; menu: string }[] = [];
  const [name, arg] = string.match(word, "^#(%a*):(.*)$");
  if (name !== undefined) {
    const v = registry.get(name as string);
    if (v?.complete === undefined || v.arg === "none") return out;
    for (const c of v.complete(arg as string)) out.push({ word: `#${name as string}:${c}`, menu: v.desc });
    return out;
  }
  const lead = string.sub(word, 2);
  for (const n of order) {
    const v = registry.get(n)!;
    if (vim.startswith(n, lead)) {
      if (v.arg !== "required") out.push({ word: `#${n}`, menu: v.desc });
      if (v.arg !== "none") out.push({ word: `#${n}:`, menu: v.desc });
    }
  }
  return out;
}

/** Every form completion offers with no word typed (for completions("variables")). */
export function names(): string[] {
  const out: string[] = [];
  for (const item of complete("#")) out.push(item.word);
  for (const n of order) {
    const v = registry.get(n)!;
    if (v.arg !== "none" && v.complete !== undefined) {
      for (const c of v.complete("")) out.push(`#${n}:${c}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The built-in variables.

const MAX_FILE_BYTES = 1024 * 1024;

function usableOrigin(ctx: Context): number | undefined {
  return ctx.origin !== undefined && vim.api.nvim_buf_is_valid(ctx.origin) ? ctx.origin : undefined;
}

const NO_ORIGIN = "there is no buffer the chat came from";

function wholeBuffer(buf: number): string {
  return source.block(buf, 1, vim.api.nvim_buf_line_count(buf));
}

/** Loaded buffers one could mean by name (not the chat's own). */
function namedBuffers(): number[] {
  const out: number[] = [];
  for (const b of vim.api.nvim_list_bufs()) {
    const name = vim.api.nvim_buf_get_name(b);
    if (vim.api.nvim_buf_is_loaded(b) && name !== "" && !vim.startswith(name, "ollama-chat://")) out.push(b);
  }
  return out;
}

/** The buffer `name` means: its full name, its name as shown, else the only one with that tail. */
function bufferNamed(name: string): number | string {
  const tails: number[] = [];
  for (const b of namedBuffers()) {
    const full = vim.api.nvim_buf_get_name(b);
    if (full === name || source.displayName(b) === name || full === vim.fn.fnamemodify(name, ":p")) return b;
    if (vim.fn.fnamemodify(full, ":t") === name) tails.push(b);
  }
  if (tails.length === 1) return tails[0];
  if (tails.length > 1) return `${tails.length} buffers are named ${name}: give more of the path`;
  return `no buffer named ${name} is loaded`;
}

register({
  name: "buffer",
  desc: "a buffer (default: the one the chat came from)",
  arg: "optional",
  complete: (lead) => {
    const out: string[] = [];
    for (const b of namedBuffers()) {
      const shown = source.displayName(b);
      if (vim.startswith(shown, lead)) out.push(shown);
    }
    return out;
  },
  expand: (arg, ctx, done) => {
    if (arg === undefined) {
      const buf = usableOrigin(ctx);
      if (buf === undefined) return done("there is no buffer the chat came from: name one, #buffer:{name}", undefined);
      return done(undefined, wholeBuffer(buf));
    }
    const found = bufferNamed(arg);
    if (type(found) === "string") return done(found as string, undefined);
    done(undefined, wholeBuffer(found as number));
  },
});

register({
  name: "selection",
  desc: "the last visual selection",
  arg: "none",
  expand: (_arg, ctx, done) => {
    const buf = usableOrigin(ctx);
    if (buf === undefined) return done(NO_ORIGIN, undefined);
    const [first] = vim.api.nvim_buf_get_mark(buf, "<");
    const [last] = vim.api.nvim_buf_get_mark(buf, ">");
    if (first === 0 || last === 0) return done(`nothing was selected in ${source.displayName(buf)} yet: select lines with V first`, undefined);
    const total = vim.api.nvim_buf_line_count(buf);
    done(undefined, source.block(buf, math.min(first, last, total), math.min(math.max(first, last), total)));
  },
});

/** The file's text, or why it is refused (missing, a directory, over 1 MB, binary). */
function readFile(path: string, done: Done): void {
  vim.uv.fs_stat(path, (statErr, stat) => {
    if (statErr !== undefined || stat === undefined) return done(`no such file: ${path}`, undefined);
    if (stat.type === "directory") return done(`${path} is a directory, not a file`, undefined);
    if (stat.size > MAX_FILE_BYTES) return done(`${path} is ${string.format("%.1f", stat.size / 1048576)} MB, over the 1 MB limit: ask about part of it with #selection`, undefined);
    vim.uv.fs_open(path, "r", 0, (openErr, fd) => {
      if (openErr !== undefined || fd === undefined) return done(`cannot read ${path}: ${openErr ?? "open failed"}`, undefined);
      vim.uv.fs_read(fd, stat.size, 0, (readErr, data) => {
        vim.uv.fs_close(fd, () => {});
        if (readErr !== undefined || data === undefined) return done(`cannot read ${path}: ${readErr ?? "read failed"}`, undefined);
        if (string.find(data, "\0", 1, true)[0] !== undefined) return done(`${path} is a binary file`, undefined);
        done(undefined, data);
      });
    });
  });
}

register({
  name: "file",
  desc: "a file's content",
  arg: "required",
  complete: (lead) => {
    const out: string[] = [];
    for (const f of vim.fn.getcompletion(lead, "file")) out.push(f);
    return out;
  },
  expand: (arg, _ctx, done) => {
    const path = vim.fn.fnamemodify(vim.fn.expand(arg!), ":p");
    readFile(path, (err, data) => {
      if (err !== undefined || data === undefined) return done(err, undefined);
      vim.schedule(() => {
        let text = data;
        if (vim.endswith(text, "\n")) text = string.sub(text, 1, -2);
        const lines = vim.split(text, "\n", { plain: true });
        const ft = vim.filetype.match({ filename: path }) ?? "";
        done(undefined, fenced(`File: ${vim.fn.fnamemodify(path, ":~:.")}${ft !== "" ? ` (${ft})` : ""}, all ${lines.length} lines`, ft, lines));
      });
    });
  },
});

const SEVERITY: { [n: number]: string } = { [1]: "error", [2]: "warning", [3]: "info", [4]: "hint" };

register({
  name: "diagnostics",
  desc: "the diagnostics of the buffer the chat came from",
  arg: "none",
  expand: (_arg, ctx, done) => {
    const buf = usableOrigin(ctx);
    if (buf === undefined) return done(NO_ORIGIN, undefined);
    const lines: string[] = [];
    const list = vim.diagnostic.get(buf);
    table.sort(list, (a, b) => a.lnum < b.lnum || (a.lnum === b.lnum && a.col < b.col));
    for (const d of list) {
      const code = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[0] ?? "";
      const from = d.source !== undefined ? ` [${d.source}]` : "";
      lines.push(`${source.displayName(buf)}:${d.lnum + 1}:${d.col + 1}: ${SEVERITY[d.severity ?? 1] ?? "error"}: ${d.message}${from}`);
      lines.push(`    ${vim.trim(code)}`);
    }
    if (lines.length === 0) lines.push("(no diagnostics)");
    done(undefined, fenced(`Diagnostics of ${source.displayName(buf)} (${list.length})`, "", lines));
  },
});

let git: string | undefined;

register({
  name: "gitdiff",
  desc: "git diff of the repository of the buffer the chat came from",
  arg: "none",
  expand: (_arg, ctx, done) => {
    git = git !== undefined && git !== "" ? git : vim.fn.exepath("git");
    if (git === "") return done("git is not installed (not found on $PATH)", undefined);
    const buf = usableOrigin(ctx);
    const name = buf !== undefined ? vim.api.nvim_buf_get_name(buf) : "";
    const dir = name !== "" && !vim.startswith(name, "ollama-chat://") ? vim.fn.fnamemodify(name, ":p:h") : vim.uv.cwd();
    const out: string[] = [];
    const err: string[] = [];
    process.run([git, "-C", dir, "--no-pager", "diff", "--no-color", "--no-ext-diff"], {
      stdout: (data) => out.push(data),
      stderr: (data) => err.push(data),
      on_exit: (code) => {
        if (code !== 0) {
          const first = vim.split(vim.trim(table.concat(err, "")), "\n", { plain: true })[0] ?? "";
          const reason = string.find(string.lower(first), "not a git repository", 1, true)[0] !== undefined ? `${vim.fn.fnamemodify(dir, ":~")} is not in a git repository` : `git diff failed: ${first}`;
          return done(reason, undefined);
        }
        let text = table.concat(out, "");
        if (vim.endswith(text, "\n")) text = string.sub(text, 1, -2);
        const lines = text === "" ? ["(no changes)"] : vim.split(text, "\n", { plain: true });
        done(undefined, fenced(`git diff of ${vim.fn.fnamemodify(dir, ":~")}`, "diff", lines));
      },
    });
  },
});
