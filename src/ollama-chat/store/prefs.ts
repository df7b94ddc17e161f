// Persistent preferences in `config_file`, a Lua data file a person can edit:
//   return { default_model = "llama3.2:3b", split_preference = "horizontal", last_updated = "2025-01-23" }
// Read as data (store/luadata.ts), never run. Writes merge our changes into the file as it is on
// disk at that moment (keys we do not know, or that another Neovim wrote, are kept), under a lock,
// atomically, through a symbolic link. A file that cannot be read, or larger than 1 MB, is kept
// aside as `<file>.corrupt-<time>` and replaced.
import * as config from "../config";
import { Layout } from "../config";
import { notify } from "../ui/notify";
import { Callback, Done, isMissing, reason, then, unlessMissing } from "./async";
import { exists, mkdirp, readFile, readFileSync, rename, stat, statSync, writeFileAtomic, writeFileAtomicSync } from "./fs";
import { withLock } from "./lock";
import { Data, Scalar, decode, encode, isScalar } from "./luadata";

export interface Prefs {
  default_model?: string;
  split_preference?: Layout;
  /** YYYY-mm-dd of the last change of default_model. */
  last_updated?: string;
  [key: string]: Scalar | undefined;
}

interface Rule {
  expects: string;
  /** What the preference is, in "could not save <what>". */
  what: string;
  check: (this: void, v: unknown) => boolean;
}

const RULES: { [key: string]: Rule } = {
  default_model: { expects: "a model name such as \"llama3.2:3b\"", what: "the default model", check: (v) => type(v) === "string" && (v as string) !== "" },
  split_preference: { expects: '"horizontal" or "vertical"', what: "the split preference", check: (v) => v === "horizontal" || v === "vertical" },
  last_updated: { expects: 'a date such as "2025-01-23"', what: "the date of the last change", check: (v) => type(v) === "string" && string.find(v as string, "^%d%d%d%d%-%d%d%-%d%d$")[0] !== undefined },
};

const ORDER = ["default_model", "split_preference", "last_updated"];

const HEADER = [
  "ollama-chat.nvim preferences. Read as plain data, never run: only `key = value` lines with",
  "strings, numbers or booleans. The plugin rewrites this file when a preference changes.",
];

/** The largest preferences file read: a bigger one is kept aside, like a corrupt one. */
export const MAX_BYTES = 1024 * 1024;

interface State {
  path: string;
  /** The file's table as read, unknown and invalid keys included. */
  values: Data;
}

let state: State | undefined;

/** Changes not yet written, and who waits for them. */
let pending: Data | undefined;
let waiters: Done[] = [];
let flushing = false;
/** Changes being written right now (not yet confirmed on disk). */
let inflight: Data | undefined;
let exitHook = false;

export function path(): string {
  return config.get().config_file;
}

/** Copies every key of `from` into `into` (the one merge of this module); returns `into`. */
function assign(into: Data, from: Data | undefined): Data {
  if (from !== undefined) for (const [k, v] of pairs(from as unknown as LuaTable)) into[k as string] = v as Scalar;
  return into;
}

function warnInvalid(file: string, values: Data): void {
  for (const [key, rule] of pairs(RULES)) {
    const v = values[key as string];
    if (v !== undefined && !rule.check(v)) {
      notify(`${file}: \`${key as string}\` expects ${rule.expects}, got ${vim.inspect(v)}; it is ignored until it is set again.`, vim.log.levels.WARN);
    }
  }
}

function tooLarge(file: string, size: number): string {
  return `${file} is ${string.format("%.1f", size / 1048576)} MB, more than the ${MAX_BYTES / 1048576} MB a preferences file may hold`;
}

function load(file: string): State {
  // Synchronous: a file of a few hundred bytes, read once, when a preference is first needed; its
  // size is checked first, so a huge file is never read here.
  const info = statSync(file);
  if (info !== undefined && info.size > MAX_BYTES) {
    // The next write finds it still too large, keeps it aside and says so.
    queueWrite({}, undefined);
    return { path: file, values: {} };
  }
  const [text, err] = readFileSync(file);
  if (text === undefined) {
    if (!isMissing(err)) notify(`could not read ${file} (${err}); using default preferences.`, vim.log.levels.WARN);
    return { path: file, values: {} };
  }
  const decoded = decode(text);
  if (!decoded.ok) {
    // The next write finds the file still corrupt, keeps it aside and says so.
    queueWrite({}, undefined);
    return { path: file, values: {} };
  }
  warnInvalid(file, decoded.value);
  return { path: file, values: decoded.value };
}

function current(): State {
  const file = path();
  if (state === undefined || state.path !== file) state = load(file);
  return state;
}

/** A preference, or undefined when unset or invalid. */
export function get(key: string): Scalar | undefined {
  const v = current().values[key];
  const rule = RULES[key];
  return rule !== undefined && !rule.check(v) ? undefined : v;
}

/** All valid preferences (a copy). */
export function all(): Prefs {
  const out: Prefs = {};
  for (const [k] of pairs(current().values as unknown as LuaTable)) {
    const v = get(k as string);
    if (v !== undefined) out[k as string] = v;
  }
  return out;
}

/** Forgets what was read: the next `get` reads the file again. */
export function reload(): void {
  state = undefined;
}

function validate(values: Prefs): string | undefined {
  if (type(values) !== "table") return `prefs.set() expects a table of preferences, got ${vim.inspect(values)}`;
  for (const [k, v] of pairs(values as unknown as LuaTable)) {
    if (type(k) !== "string" || k === "") return `prefs.set(): keys must be non-empty strings, got ${vim.inspect(k)}`;
    const rule = RULES[k as string];
    if (rule !== undefined && !rule.check(v)) return `prefs.set(): \`${k as string}\` expects ${rule.expects}, got ${vim.inspect(v)}`;
    if (!isScalar(v)) return `prefs.set(): \`${k as string}\` must be a string, a number or a boolean, got ${vim.inspect(v)}`;
  }
  return undefined;
}

/**
 * Changes preferences: applied at once, written to the file in the background (`cb` once written,
 * with a one-line message when it could not be: "could not save the default model to <file>:
 * permission denied; it applies to this session only."). Without `cb`, that message is notified.
 * A new default_model also sets last_updated to today. Returns an error and changes nothing when
 * a value is invalid.
 */
export function set(values: Prefs, cb?: Done): string | undefined {
  const invalid = validate(values);
  if (invalid !== undefined) return `${invalid}; nothing was changed.`;
  const changes = assign({}, values as Data);
  if (changes.default_model !== undefined && changes.last_updated === undefined && changes.default_model !== get("default_model")) {
    changes.last_updated = os.date("%Y-%m-%d");
  }
  assign(current().values, changes);
  queueWrite(changes, cb === undefined ? undefined : notSavedMessage(changes, cb));
  return undefined;
}

/** `cb`, given the user's message for a write of `changes` that failed. */
function notSavedMessage(changes: Data, cb: Done): Done {
  return (err) => {
    if (err === undefined) return cb();
    // last_updated comes with default_model: name the one the user chose.
    const keys: string[] = [];
    for (const [k] of pairs(changes as unknown as LuaTable)) {
      if (k !== "last_updated" || changes.default_model === undefined) keys.push(k as string);
    }
    const what = keys.length === 1 && RULES[keys[0]] !== undefined ? RULES[keys[0]].what : "preferences";
    const file = vim.fn.fnamemodify(path(), ":~");
    cb(`could not save ${what} to ${file}: ${reason(err)}; it applies to this session only.`);
  };
}

/** At exit, changes not yet on disk are written synchronously: quitting must not lose them. */
function flushAtExit(): void {
  const changes = assign(assign({}, inflight), pending);
  if (next(changes)[0] === undefined) return;
  const file = path();
  vim.fn.mkdir(vim.fs.dirname(file), "p");
  const info = statSync(file);
  let decoded: ReturnType<typeof decode> | undefined;
  if (info !== undefined && info.size <= MAX_BYTES) {
    const [text] = readFileSync(file);
    if (text !== undefined) decoded = decode(text);
  }
  // A file too large or corrupt is kept aside here too, never written over.
  if (info !== undefined && (decoded === undefined || !decoded.ok)) vim.uv.fs_rename(file, `${file}.corrupt-${os.date("%Y%m%d-%H%M%S")}-exit`);
  const data = decoded !== undefined && decoded.ok ? decoded.value : {};
  writeFileAtomicSync(file, encode(assign(data, changes), ORDER, HEADER));
}

function queueWrite(changes: Data, cb: Done | undefined): void {
  if (!exitHook) {
    exitHook = true;
    vim.api.nvim_create_autocmd("VimLeavePre", { callback: () => flushAtExit() });
  }
  pending = assign(pending ?? {}, changes);
  waiters.push(cb ?? notSavedMessage(changes, (err) => {
    if (err !== undefined) notify(err, vim.log.levels.ERROR);
  }));
  if (!flushing) startFlush();
}

function startFlush(): void {
  const file = path();
  const changes = pending ?? {};
  const cbs = waiters;
  pending = undefined;
  waiters = [];
  flushing = true;
  inflight = changes;
  flush(file, changes, (err, written) => {
    flushing = false;
    inflight = undefined;
    // What is on disk now, plus what was set while we were writing.
    if (written !== undefined && state !== undefined && state.path === file) state.values = assign(written, pending);
    for (const cb of cbs) cb(err);
    if (pending !== undefined) startFlush();
  });
}

/** A free name `<file>.corrupt-YYYYmmdd-HHMMSS[-N]` for the backup of a corrupt file. */
function backupName(file: string, cb: Callback<string>): void {
  const base = `${file}.corrupt-${os.date("%Y%m%d-%H%M%S")}`;
  const tryName = (n: number) => {
    const name = n === 1 ? base : `${base}-${n}`;
    exists(name, then(cb, (taken) => (taken ? tryName(n + 1) : cb(undefined, name))));
  };
  tryName(1);
}

/** Keeps `file` aside as a backup and says why (`problem`); the file then reads as empty. */
function keepAside(file: string, problem: string, cb: Callback<Data>): void {
  backupName(file, then(cb, (backup) => rename(file, backup, then(cb, () => {
    notify(`${problem}. It was kept as ${backup} and replaced with fresh preferences; copy any setting you still need from the backup.`, vim.log.levels.WARN);
    cb(undefined, {});
  }))));
}

/** The file's data as on disk; a corrupt or too large file is kept aside and reads as empty. */
function readForUpdate(file: string, cb: Callback<Data>): void {
  stat(file, unlessMissing(undefined, then(cb, (info) => {
    if (info === undefined) return cb(undefined, {});
    if (info.size > MAX_BYTES) return keepAside(file, tooLarge(file, info.size), cb);
    readFile(file, unlessMissing(undefined, then(cb, (text) => {
      if (text === undefined) return cb(undefined, {});
      const decoded = decode(text);
      if (decoded.ok) return cb(undefined, decoded.value);
      keepAside(file, `${file} is not a valid preferences file (${decoded.error})`, cb);
    })));
  })));
}

function flush(file: string, changes: Data, cb: Callback<Data>): void {
  mkdirp(vim.fs.dirname(file), then(cb, () => {
    withLock<Data>(`${file}.lock`, (done) => {
      readForUpdate(file, then(done, (data) => {
        assign(data, changes);
        writeFileAtomic(file, encode(data, ORDER, HEADER), then(done, () => done(undefined, data)));
      }));
    }, cb);
  }));
}
