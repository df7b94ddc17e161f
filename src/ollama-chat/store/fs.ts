// File primitives of the store, asynchronous over libuv, in callbacks (store/async.ts): read,
// atomic write (through a symbolic link, keeping the file's mode), append, mkdir -p, directory
// listing. Synchronous reads and writes exist only for the preferences file (read once, on first
// use, after a size check) and for Neovim's exit.
import { Callback, Done, errorText, isExisting, isMissing, then, unlessMissing, uv } from "./async";

const CHUNK = 1024 * 1024;
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

/** What libuv's stat gives beyond the shared UvStat declaration. */
export interface Stat extends UvStat {
  /** File type and permission bits. */
  mode: number;
  ino: number;
}

/** libuv functions the store uses that the shared declarations do not have. */
/** @noSelf */
interface MoreUv {
  fs_lstat(path: string, cb: (this: void, err: string | undefined, stat: Stat | undefined) => void): void;
  fs_lstat(path: string): LuaMultiReturn<[Stat | undefined, string | undefined]>;
  fs_readlink(path: string, cb: (this: void, err: string | undefined, target: string | undefined) => void): void;
  fs_readlink(path: string): LuaMultiReturn<[string | undefined, string | undefined]>;
  fs_fchmod(fd: number, mode: number, cb: (this: void, err: string | undefined, ok: boolean | undefined) => void): void;
  fs_fchmod(fd: number, mode: number): LuaMultiReturn<[boolean | undefined, string | undefined]>;
}

const uvx = vim.uv as unknown as MoreUv;

export interface DirEntry {
  name: string;
  /** "file", "directory", "link", ... or "unknown" when the file system does not say. */
  type: string;
}

function open(path: string, flags: string, mode: number, cb: Callback<number>): void {
  uv<number>((done) => vim.uv.fs_open(path, flags, mode, done), cb);
}

function close(fd: number, cb: Done): void {
  uv<boolean>((done) => vim.uv.fs_close(fd, done), (err) => cb(err));
}

export function rename(from: string, to: string, cb: Done): void {
  uv<boolean>((done) => vim.uv.fs_rename(from, to, done), (err) => cb(err));
}

export function unlink(path: string, cb: Done): void {
  uv<boolean>((done) => vim.uv.fs_unlink(path, done), (err) => cb(err));
}

export function stat(path: string, cb: Callback<Stat>): void {
  uv<Stat>((done) => vim.uv.fs_stat(path, done as (this: void, err: string | undefined, s: UvStat | undefined) => void), cb);
}

/** Whether `path` exists (anything that is not "no such file" counts as existing). */
export function exists(path: string, cb: Callback<boolean>): void {
  stat(path, unlessMissing(undefined, then(cb, (info) => cb(undefined, info !== undefined))));
}

/** The whole content of a file. */
export function readFile(path: string, cb: Callback<string>): void {
  open(path, "r", 0, then(cb, (fd) => {
    const parts: string[] = [];
    let offset = 0;
    const finish = (err: string | undefined) => close(fd, () => (err !== undefined ? cb(err) : cb(undefined, parts.join(""))));
    const readNext = () => {
      uv<string>((done) => vim.uv.fs_read(fd, CHUNK, offset, done), (err, chunk) => {
        if (err !== undefined) return finish(err);
        if (chunk === undefined || chunk === "") return finish(undefined);
        parts.push(chunk);
        offset += chunk.length;
        if (chunk.length < CHUNK) finish(undefined);
        else readNext();
      });
    };
    readNext();
  }));
}

/**
 * The whole content of a file, read synchronously: [text] or [undefined, error]. Only for the
 * preferences file, whose size the caller checked (at most 1 MB), read once on first use.
 */
export function readFileSync(path: string): LuaMultiReturn<[string | undefined, string | undefined]> {
  const [fd, err] = vim.uv.fs_open(path, "r", 0);
  if (fd === undefined) return $multi(undefined, err);
  const parts: string[] = [];
  let offset = 0;
  let failure: string | undefined;
  for (;;) {
    const [chunk, rerr] = vim.uv.fs_read(fd, CHUNK, offset);
    if (chunk === undefined) {
      failure = rerr;
      break;
    }
    if (chunk === "") break;
    parts.push(chunk);
    offset += chunk.length;
  }
  vim.uv.fs_close(fd);
  if (failure !== undefined) return $multi(undefined, failure);
  return $multi(parts.join(""), undefined);
}

function writeAll(fd: number, data: string, append: boolean, cb: Done): void {
  let written = 0;
  const writeNext = () => {
    if (written >= data.length) return cb();
    const rest = written === 0 ? data : string.sub(data, written + 1);
    // A negative offset writes at the file position (the end, for a file opened to append).
    const offset = append ? -1 : written;
    uv<number>((done) => vim.uv.fs_write(fd, rest, offset, done), (err, n) => {
      if (err !== undefined) return cb(err);
      if (n === undefined || n <= 0) return cb(`could not write to the file (wrote ${written} of ${data.length} bytes)`);
      written += n;
      writeNext();
    });
  };
  writeNext();
}

let tempCounter = 0;

/** A temp file next to `path`: a dot file, unique to this process and call. */
function tempPathFor(path: string): string {
  tempCounter += 1;
  return `${vim.fs.dirname(path)}/.${vim.fs.basename(path)}.tmp-${vim.uv.os_getpid()}-${tempCounter}`;
}

/** Creates a new temp file next to `path` (never an existing one). */
function createTemp(path: string, attempt: number, cb: Callback<{ fd: number; temp: string }>): void {
  const temp = tempPathFor(path);
  open(temp, "wx", FILE_MODE, (err, fd) => {
    // A temp file left by a crashed process that had our pid: try the next name.
    if (err !== undefined && isExisting(err) && attempt < 5) return createTemp(path, attempt + 1, cb);
    if (err !== undefined) return cb(err);
    cb(undefined, { fd: fd!, temp });
  });
}

/** `path` resolved through symbolic links (a link's target is relative to the link's folder). */
function resolveLinks(path: string, hops: number, cb: Callback<string>): void {
  uvx.fs_lstat(path, (lerr, info) => vim.schedule(() => {
    if (lerr !== undefined || info === undefined || info.type !== "link") return cb(undefined, path);
    if (hops >= 16) return cb(`${path}: too many levels of symbolic links`);
    uvx.fs_readlink(path, (rerr, target) => vim.schedule(() => {
      if (rerr !== undefined || target === undefined) return cb(rerr ?? `${path}: unreadable link`);
      const next = string.sub(target, 1, 1) === "/" ? target : `${vim.fs.dirname(path)}/${target}`;
      resolveLinks(vim.fs.normalize(next), hops + 1, cb);
    }));
  }));
}

function writeThroughTemp(path: string, data: string, mode: number | undefined, cb: Done): void {
  createTemp(path, 1, then(cb, ({ fd, temp }) => {
    const fail = (err: string, closed: boolean) => {
      const removeTemp = () => unlink(temp, () => cb(err));
      if (closed) removeTemp();
      else close(fd, removeTemp);
    };
    const write = () => writeAll(fd, data, false, (werr) => {
      if (werr !== undefined) return fail(werr, false);
      uv<boolean>((done) => vim.uv.fs_fsync(fd, done), (serr) => {
        if (serr !== undefined) return fail(serr, false);
        close(fd, (cerr) => {
          if (cerr !== undefined) return fail(cerr, true);
          rename(temp, path, (rerr) => (rerr !== undefined ? fail(rerr, true) : cb()));
        });
      });
    });
    if (mode === undefined) return write();
    // The file keeps its permissions (a private 0600 file stays private).
    uv<boolean>((done) => uvx.fs_fchmod(fd, mode, done), (merr) => (merr !== undefined ? fail(merr, false) : write()));
  }));
}

/**
 * Writes `data` to `path` so that readers only ever see the old or the new content: a temp file in
 * the same directory is written, flushed to disk and renamed over `path`. A symbolic link is
 * written through (its target is replaced, the link stays), and an existing file keeps its mode.
 */
export function writeFileAtomic(path: string, data: string, cb: Done): void {
  const failed = (err: string) => cb(`could not write ${path}: ${errorText(err)}`);
  resolveLinks(path, 0, (lerr, target) => {
    if (lerr !== undefined) return failed(lerr);
    stat(target!, (serr, info) => {
      if (serr !== undefined && !isMissing(serr)) return failed(serr);
      const mode = info !== undefined ? info.mode % 0o10000 : undefined;
      writeThroughTemp(target!, data, mode, (err) => (err !== undefined ? failed(err) : cb()));
    });
  });
}

/**
 * Creates `path` holding `content`, unless it exists (O_EXCL): false then. A reader may see it
 * empty for a moment, between creation and write.
 */
export function createNew(path: string, content: string, cb: Callback<boolean>): void {
  open(path, "wx", FILE_MODE, (err, fd) => {
    if (err !== undefined) return isExisting(err) ? cb(undefined, false) : cb(err);
    writeAll(fd!, content, false, (werr) => {
      if (werr !== undefined) return close(fd!, () => unlink(path, () => cb(werr)));
      close(fd!, (cerr) => (cerr !== undefined ? cb(cerr) : cb(undefined, true)));
    });
  });
}

/** Appends `data` to `path`, creating it when missing. */
export function appendFile(path: string, data: string, cb: Done): void {
  open(path, "a", FILE_MODE, then(cb, (fd) => {
    writeAll(fd, data, true, (werr) => close(fd, (cerr) => cb(werr ?? cerr)));
  }));
}

/** Creates `path` and its missing parents (mkdir -p). */
export function mkdirp(path: string, cb: Done): void {
  uv<boolean>((done) => vim.uv.fs_mkdir(path, DIR_MODE, done), (err) => {
    if (err === undefined) return cb();
    if (isExisting(err)) {
      return stat(path, then(cb, (info) => cb(info.type !== "directory" ? `${path} exists and is not a directory` : undefined)));
    }
    const parent = vim.fs.dirname(path);
    if (!isMissing(err) || parent === path) return cb(err);
    mkdirp(parent, then(cb, () => mkdirp(path, cb)));
  });
}

/**
 * The entries of a directory, listed in slices across event-loop turns (a folder may hold tens of
 * thousands); a missing directory has none.
 */
export function listDir(path: string, cb: Callback<DirEntry[]>): void {
  uv<UvScandir>((done) => vim.uv.fs_scandir(path, done), unlessMissing(undefined, then(cb, (handle) => {
    const entries: DirEntry[] = [];
    if (handle === undefined) return cb(undefined, entries);
    const slice = () => {
      const started = vim.uv.hrtime();
      for (;;) {
        const [name, kind] = vim.uv.fs_scandir_next(handle);
        if (name === undefined) return cb(undefined, entries);
        entries.push({ name, type: kind ?? "unknown" });
        if (entries.length % 256 === 0 && vim.uv.hrtime() - started > 4e6) return vim.schedule(slice);
      }
    };
    slice();
  })));
}

/** Synchronous stat: the preferences file's size, checked before its synchronous read. */
export function statSync(path: string): Stat | undefined {
  const [info] = vim.uv.fs_stat(path);
  return info as Stat | undefined;
}

/**
 * Writes `path` whole through a temp file and a rename, synchronously, through a symbolic link and
 * keeping the file's mode. Only for Neovim's exit, when an asynchronous write would never finish.
 */
export function writeFileAtomicSync(path: string, text: string): string | undefined {
  let target = path;
  for (let hops = 0; hops < 16; hops++) {
    const [info] = uvx.fs_lstat(target);
    if (info === undefined || info.type !== "link") break;
    const [link] = uvx.fs_readlink(target);
    if (link === undefined) break;
    target = vim.fs.normalize(string.sub(link, 1, 1) === "/" ? link : `${vim.fs.dirname(target)}/${link}`);
  }
  const before = statSync(target);
  const temp = `${target}.exit-${vim.fn.getpid()}.tmp`;
  const [fd, oerr] = vim.uv.fs_open(temp, "w", FILE_MODE);
  if (fd === undefined) return oerr;
  if (before !== undefined) uvx.fs_fchmod(fd, before.mode % 0o10000);
  const [, werr] = vim.uv.fs_write(fd, text, 0);
  vim.uv.fs_fsync(fd);
  vim.uv.fs_close(fd);
  if (werr !== undefined) {
    vim.uv.fs_unlink(temp);
    return werr;
  }
  const [, rerr] = vim.uv.fs_rename(temp, target);
  return rerr;
}
