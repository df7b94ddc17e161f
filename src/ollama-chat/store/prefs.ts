// Persistent preferences in `config_file`, a Lua data file a person can edit:
//   return { default_model = "llama3.2:3b", split_preference = "horizontal", last_updated = "2025-01-23" }
// Read as data (store/luadata.ts), never run. Writes merge our changes into the file as it is on
// disk at that moment (keys we do not know, or that another Neovim wrote, are kept), under a lock,
// atomically. A file that cannot be read is kept aside as `<file>.corrupt-<time>` and replaced.
import * as config from "../config";
import { Layout } from "../config";
import { notify } from "../ui/notify";
import { Callback, deliver, isMissing, unlessMissing } from "./async";
import { exists, mkdirp, readFile, readFileSync, rename, stat, writeFileAtomic, writeFileAtomicSync } from "./fs";
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
  check: (this: void, v: unknown) => boolean;
}

const RULES: { [key: string]: Rule } = {
  default_model: { expects: "a model name such as \"llama3.2:3b\"", check: (v) => type(v) === "string" && (v as string) !== "" },
  split_preference: { expects: '"horizontal" or "vertical"', check: (v) => v === "horizontal" || v === "vertical" },
  last_updated: { expects: 'a date such as "2025-01-23"', check: (v) => type(v) === "string" && string.find(v as string, "^%d%d%d%d%-%d%d%-%d%d$")[0] !== undefined },
};

const ORDER = ["default_model", "split_preference", "last_updated"];

const HEADER = [
  "ollama-chat.nvim preferences. Read as plain data, never run: only `key = value` lines with",
  "strings, numbers or booleans. The plugin rewrites this file when a preference changes.",
];

interface State {
  path: string;
  /** The file's table as read, unknown and invalid keys included. */
  values: Data;
}

let state: State | undefined;

/** Changes not yet written, and who waits for them. */
let pending: Data | undefined;
let waiters: ((this: void, err: string | undefined) => void)[] = [];
let flushing = false;
/** Changes being written right now (not yet confirmed on disk). */
let inflight: Data | undefined;
let exitHook = false;

export function path(): string {
  return config.get().config_file;
}

function warnInvalid(file: string, values: Data): void {
  for (const [key, rule] of pairs(RULES)) {
    const v = values[key as string];
    if (v !== undefined && !rule.check(v)) {
      notify(`${file}: \`${key as string}\` expects ${rule.expects}, got ${vim.inspect(v)}; it is ignored until it is set again.`, vim.log.levels.WARN);
    }
  }
}

/** The largest preferences file read: a bigger one is kept aside, like a corrupt one. */
export const MAX_BYTES = 1024 * 1024;

function tooLarge(file: string, size: number): string {
  return `${file} is ${string.format("%.1f", size / 1048576)} MB, more than the ${MAX_BYTES / 1048576} MB a preferences file may hold`;
}

function load(file: string): State {
  // Synchronous: a file of a few hundred bytes, read once, when a preference is first needed; its
  // size is checked first, so a huge file is never read here.
  const [info] = vim.uv.fs_stat(file);
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
  const decoded = decode(text, vim.fs.basename(file));
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
 * Changes preferences: applied at once, written to the file in the background (`cb` once written).
 * A new default_model also sets last_updated to today. Returns an error and changes nothing when a
 * value is invalid.
 */
export function set(values: Prefs, cb?: (this: void, err: string | undefined) => void): string | undefined {
  const invalid = validate(values);
  if (invalid !== undefined) return `${invalid}; nothing was changed.`;
  const changes: Data = {};
  for (const [k, v] of pairs(values as unknown as LuaTable)) changes[k as string] = v as Scalar;
  if (changes.default_model !== undefined && changes.last_updated === undefined && changes.default_model !== get("default_model")) {
    changes.last_updated = os.date("%Y-%m-%d");
  }
  const s = current();
  for (const [k, v] of pairs(changes as unknown as LuaTable)) s.values[k as string] = v as Scalar;
  queueWrite(changes, cb);
  return undefined;
}

/** At exit, changes not yet on disk are written synchronously: quitting must not lose them. */
function flushAtExit(): void {
  const changes: Data = {};
  for (const part of [inflight, pending]) {
    if (part !== undefined) for (const [k, v] of pairs(part as unknown as LuaTable)) changes[k as string] = v as Scalar;
  }
  if (next(changes)[0] === undefined) return;
  const file = path();
  vim.fn.mkdir(vim.fs.dirname(file), "p");
  const [text] = readFileSync(file);
  const decoded = text === undefined ? undefined : decode(text, vim.fs.basename(file));
  const data: Data = decoded !== undefined && decoded.ok ? decoded.value : {};
  for (const [k, v] of pairs(changes as unknown as LuaTable)) data[k as string] = v as Scalar;
  writeFileAtomicSync(file, encode(data, ORDER, HEADER));
}

function queueWrite(changes: Data, cb: ((this: void, err: string | undefined) => void) | undefined): void {
  if (!exitHook) {
    exitHook = true;
    vim.api.nvim_create_autocmd("VimLeavePre", { callback: () => flushAtExit() });
  }
  pending = pending ?? {};
  for (const [k, v] of pairs(changes as unknown as LuaTable)) pending[k as string] = v as Scalar;
  if (cb !== undefined) waiters.push(cb);
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
  const done: Callback<Data> = (err, written) => {
    flushing = false;
    inflight = undefined;
    if (written !== undefined && state !== undefined && state.path === file) {
      // What is on disk now, plus what was set while we were writing.
      for (const [k, v] of pairs((pending ?? {}) as unknown as LuaTable)) written[k as string] = v as Scalar;
      state.values = written;
    }
    if (err !== undefined && cbs.length === 0) notify(`could not save preferences: ${err}`, vim.log.levels.ERROR);
    for (const cb of cbs) cb(err);
    if (pending !== undefined) startFlush();
  };
  deliver(flush(file, changes), done);
}

/** A free name `<file>.corrupt-YYYYmmdd-HHMMSS[-N]` for the backup of a corrupt file. */
async function backupName(file: string): Promise<string> {
  const base = `${file}.corrupt-${os.date("%Y%m%d-%H%M%S")}`;
  let name = base;
  for (let n = 2; await exists(name); n++) name = `${base}-${n}`;
  return name;
}

/** The file's data as on disk; a corrupt file is renamed aside (and reported) and reads as empty. */
async function readForUpdate(file: string): Promise<Data> {
  const info = await unlessMissing(stat(file), undefined);
  if (info === undefined) return {};
  let problem: string;
  if (info.size > MAX_BYTES) {
    problem = tooLarge(file, info.size);
  } else {
    const text = await unlessMissing(readFile(file), undefined);
    if (text === undefined) return {};
    const decoded = decode(text, vim.fs.basename(file));
    if (decoded.ok) return decoded.value;
    problem = `${file} is not a valid preferences file (${decoded.error})`;
  }
  const backup = await backupName(file);
  await rename(file, backup);
  notify(`${problem}. It was kept as ${backup} and replaced with fresh preferences; copy any setting you still need from the backup.`, vim.log.levels.WARN);
  return {};
}

async function flush(file: string, changes: Data): Promise<Data> {
  await mkdirp(vim.fs.dirname(file));
  return withLock(`${file}.lock`, async () => {
    const data = await readForUpdate(file);
    for (const [k, v] of pairs(changes as unknown as LuaTable)) data[k as string] = v as Scalar;
    await writeFileAtomic(file, encode(data, ORDER, HEADER));
    return data;
  });
}
