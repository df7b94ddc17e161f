// Hand-written declarations of the Lua-side Neovim APIs the plugin uses.
// Rules (see spec/declarations_spec.lua, which calls every callback declared here for real):
// - module functions are `@noSelf` (called with `.`); libuv handles and vim.system objects keep
//   their methods (called with `:`);
// - every callback, and every option table holding one, is `this: void` / `@noSelf`, or it would
//   receive its arguments shifted by one.
// Blocking calls (`SystemObj:wait`, `vim.wait`, `vim.fn.system`, `io.popen`) are deliberately
// absent: plugin code must never block the editor.

/** A libuv timer (methods are called with `:`). */
interface UvTimer {
  start(timeout: number, repeat: number, callback: (this: void) => void): number;
  stop(): number;
  close(): void;
  again(): number;
  is_active(): boolean;
  is_closing(): boolean;
}

/** A libuv pipe (methods are called with `:`). */
interface UvPipe {
  read_start(callback: (this: void, err: string | undefined, data: string | undefined) => void): number;
  read_stop(): number;
  write(data: string, callback?: (this: void, err: string | undefined) => void): unknown;
  shutdown(callback?: (this: void, err: string | undefined) => void): unknown;
  close(callback?: (this: void) => void): void;
  is_closing(): boolean;
}

/** A libuv child process handle (methods are called with `:`). */
interface UvProcess {
  kill(signal: number | string): number;
  close(callback?: (this: void) => void): void;
  is_closing(): boolean;
}

/** @noSelf */
interface UvSpawnOpts {
  args?: string[];
  /** stdin, stdout, stderr: a pipe, or undefined to ignore that stream. */
  stdio?: (UvPipe | undefined)[];
  env?: string[];
  cwd?: string;
  detached?: boolean;
}

interface UvStat {
  type: "file" | "directory" | "link" | string;
  size: number;
  mtime: { sec: number; nsec: number };
}

/** Result of a finished `vim.system` process. */
interface SystemCompleted {
  code: number;
  signal: number;
  stdout?: string;
  stderr?: string;
}

/** A running `vim.system` process (methods are called with `:`). No `wait`: it blocks. */
interface SystemObj {
  readonly pid: number;
  kill(signal: number | string): void;
  write(data: string | string[] | undefined): void;
  is_closing(): boolean;
}

/** @noSelf */
interface SystemOpts {
  cwd?: string;
  env?: { [name: string]: string };
  clear_env?: boolean;
  /** true: a pipe the caller writes with `obj:write()`; a string: written, then closed. */
  stdin?: boolean | string | string[];
  stdout?: boolean | ((err: string | undefined, data: string | undefined) => void);
  stderr?: boolean | ((err: string | undefined, data: string | undefined) => void);
  text?: boolean;
  timeout?: number;
  detach?: boolean;
}

/** @noSelf */
interface UiSelectOpts<T> {
  prompt?: string;
  kind?: string;
  format_item?: (item: T) => string;
}

/** @noSelf */
interface UiInputOpts {
  prompt?: string;
  default?: string;
  completion?: string;
}

/** @noSelf */
interface KeymapSetOpts {
  desc?: string;
  buffer?: number | boolean;
  silent?: boolean;
  nowait?: boolean;
  expr?: boolean;
  remap?: boolean;
  noremap?: boolean;
  unique?: boolean;
}

interface VimNil {
  readonly __vim_nil: unique symbol;
}

/** @noSelf */
declare namespace vim {
  const NIL: VimNil;
  const env: { [name: string]: string | undefined };
  const o: { columns: number; lines: number; cmdheight: number; laststatus: number; showtabline: number };
  const v: { progpath: string; shell_error: number; dying: number; exiting: unknown };

  function schedule(this: void, callback: (this: void) => void): void;
  function schedule_wrap<A extends any[]>(this: void, callback: (this: void, ...args: A) => void): (this: void, ...args: A) => void;
  function defer_fn(this: void, callback: (this: void) => void, timeout: number): UvTimer;
  function in_fast_event(this: void): boolean;
  function notify(this: void, msg: string, level?: number, opts?: { title?: string }): void;
  function cmd(this: void, command: string): void;
  function empty_dict(this: void): LuaTable;
  function split(this: void, s: string, sep: string, opts?: { plain?: boolean; trimempty?: boolean }): string[];
  function trim(this: void, s: string): string;
  function startswith(this: void, s: string, prefix: string): boolean;
  function endswith(this: void, s: string, suffix: string): boolean;
  function inspect(this: void, value: unknown): string;
  function deepcopy<T>(this: void, value: T): T;
  function islist(this: void, value: unknown): boolean;
  function is_callable(this: void, value: unknown): boolean;
  function version(this: void): { major: number; minor: number; patch: number };
  function system(this: void, cmd: string[], opts?: SystemOpts, on_exit?: (this: void, result: SystemCompleted) => void): SystemObj;

  /** @noSelf */
  namespace log {
    const levels: { TRACE: number; DEBUG: number; INFO: number; WARN: number; ERROR: number; OFF: number };
  }

  /** @noSelf */
  namespace json {
    function encode(value: unknown): string;
    function decode(text: string, opts?: { luanil?: { object?: boolean; array?: boolean } }): unknown;
  }

  /** @noSelf */
  namespace ui {
    function select<T>(items: T[], opts: UiSelectOpts<T>, on_choice: (this: void, item: T | undefined, idx: number | undefined) => void): void;
    function input(opts: UiInputOpts, on_confirm: (this: void, input: string | undefined) => void): void;
  }

  /** @noSelf */
  namespace keymap {
    function set(mode: string | string[], lhs: string, rhs: string | ((this: void) => void), opts?: KeymapSetOpts): void;
    function del(mode: string | string[], lhs: string, opts?: { buffer?: number | boolean }): void;
  }

  /** @noSelf */
  namespace fs {
    function joinpath(...parts: string[]): string;
    function dirname(path: string): string;
    function basename(path: string): string;
    function normalize(path: string): string;
  }

  /** @noSelf */
  namespace health {
    function start(name: string): void;
    function ok(msg: string): void;
    function info(msg: string): void;
    function warn(msg: string, advice?: string | string[]): void;
    function error(msg: string, advice?: string | string[]): void;
  }

  /** libuv. Functions given a callback run asynchronously; the callback is (err, result). */
  /** @noSelf */
  namespace uv {
    function new_timer(): UvTimer;
    function new_pipe(ipc: boolean): UvPipe;
    /** Returns the handle and pid, or undefined and an error message. */
    function spawn(path: string, options: UvSpawnOpts, on_exit: (this: void, code: number, signal: number) => void): LuaMultiReturn<[UvProcess | undefined, number | string]>;
    function hrtime(): number;
    function now(): number;
    /** Epoch seconds and microseconds. */
    function gettimeofday(): LuaMultiReturn<[number, number]>;
    function os_getpid(): number;
    function cwd(): string;
    function kill(pid: number, signal: number | string): number;
    function fs_stat(path: string): LuaMultiReturn<[UvStat | undefined, string | undefined]>;
    function fs_stat(path: string, callback: (this: void, err: string | undefined, stat: UvStat | undefined) => void): void;
    function fs_open(path: string, flags: string, mode: number): LuaMultiReturn<[number | undefined, string | undefined]>;
    function fs_open(path: string, flags: string, mode: number, callback: (this: void, err: string | undefined, fd: number | undefined) => void): void;
    function fs_read(fd: number, size: number, offset: number): LuaMultiReturn<[string | undefined, string | undefined]>;
    function fs_read(fd: number, size: number, offset: number, callback: (this: void, err: string | undefined, data: string | undefined) => void): void;
    function fs_write(fd: number, data: string, offset: number): LuaMultiReturn<[number | undefined, string | undefined]>;
    function fs_write(fd: number, data: string, offset: number, callback: (this: void, err: string | undefined, bytes: number | undefined) => void): void;
    function fs_fsync(fd: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
    function fs_fsync(fd: number, callback: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
    function fs_close(fd: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
    function fs_close(fd: number, callback: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
    function fs_rename(path: string, newPath: string): LuaMultiReturn<[boolean | undefined, string | undefined]>;
    function fs_rename(path: string, newPath: string, callback: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
    function fs_unlink(path: string): LuaMultiReturn<[boolean | undefined, string | undefined]>;
    function fs_unlink(path: string, callback: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
    function fs_mkdir(path: string, mode: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
    function fs_mkdir(path: string, mode: number, callback: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
    function os_gethostname(): string;
    function fs_scandir(path: string): LuaMultiReturn<[UvScandir | undefined, string | undefined]>;
    function fs_scandir(path: string, callback: (this: void, err: string | undefined, handle: UvScandir | undefined) => void): void;
    function fs_scandir_next(handle: UvScandir): LuaMultiReturn<[string | undefined, string | undefined]>;
  }

  /** A subset of Vimscript functions. */
  /** @noSelf */
  namespace fn {
    function has(feature: string): 0 | 1;
    function getcmdtype(): string;
    function getcmdline(): string;
    function nr2char(code: number): string;
    function executable(name: string): 0 | 1;
    function exepath(name: string): string;
    function stdpath(what: "config" | "data" | "state" | "cache" | "log" | "run"): string;
    function fnamemodify(fname: string, mods: string): string;
    /** Every window showing buffer `bufnr`, in any tab. */
    function win_findbuf(bufnr: number): number[];
    function expand(expr: string): string;
    function mkdir(name: string, flags?: string, prot?: number): 0 | 1;
    function isdirectory(name: string): 0 | 1;
    function filereadable(name: string): 0 | 1;
    function sha256(text: string): string;
    function strftime(format: string, time?: number): string;
    function localtime(): number;
    function tempname(): string;
    function shellescape(text: string): string;
    function fnameescape(text: string): string;
    function strdisplaywidth(text: string): number;
    function strchars(text: string): number;
    function strcharpart(text: string, start: number, len?: number): string;
    function getpid(): number;
    function mode(): string;
    function line(expr: string): number;
    function getpos(expr: string): [number, number, number, number];
    function win_gettype(win?: number): string;
    function bufnr(expr?: string | number): number;
    function confirm(msg: string, choices?: string, default_?: number, type?: string): number;
    function termopen(cmd: string | string[], opts: TermOpts): number;
    function jobstart(cmd: string | string[], opts: TermOpts & { term?: boolean }): number;
    function jobstop(id: number): number;
    function chansend(id: number, data: string | string[]): number;
    function getcompletion(pat: string, type: string): string[];
    function writefile(lines: string[], fname: string, flags?: string): 0 | -1;
    function readfile(fname: string, type?: string, max?: number): string[];
    /** With `dict` true: the mapping's details, or an empty table when `name` is not mapped. */
    function maparg(name: string, mode: string, abbr: boolean, dict: true): MapInfo;
    function win_gotoid(win: number): 0 | 1;
    function reltimefloat(time: unknown): number;
  }
}

/** A mapping as `maparg(..., true)` describes it; every field is absent when nothing is mapped. */
interface MapInfo {
  lhs?: string;
  lhsraw?: string;
  rhs?: string;
  desc?: string;
  mode?: string;
  buffer?: number;
  noremap?: number;
}

interface UvScandir {
  readonly __uv_scandir: unique symbol;
}

/** @noSelf */
interface TermOpts {
  cwd?: string;
  env?: { [name: string]: string };
  on_exit?: (jobId: number, code: number, event: string) => void;
  on_stdout?: (jobId: number, data: string[], event: string) => void;
}
