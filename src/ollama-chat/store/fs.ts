// File primitives of the store, asynchronous over libuv: read, atomic write, append, mkdir -p,
// directory listing. One synchronous read exists for the preferences file (see readFileSync).
import { errorText, isExisting, isMissing, unlessMissing, uv } from "./async";

const CHUNK = 1024 * 1024;
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

export interface DirEntry {
  name: string;
  /** "file", "directory", "link", ... or "unknown" when the file system does not say. */
  type: string;
}

function open(path: string, flags: string, mode: number): Promise<number> {
  return uv<number>((done) => vim.uv.fs_open(path, flags, mode, done));
}

function close(fd: number): Promise<boolean> {
  return uv<boolean>((done) => vim.uv.fs_close(fd, done));
}

export function rename(from: string, to: string): Promise<boolean> {
  return uv<boolean>((done) => vim.uv.fs_rename(from, to, done));
}

export function unlink(path: string): Promise<boolean> {
  return uv<boolean>((done) => vim.uv.fs_unlink(path, done));
}

export function stat(path: string): Promise<UvStat> {
  return uv<UvStat>((done) => vim.uv.fs_stat(path, done));
}

/** Whether `path` exists (anything that is not "no such file" counts as existing). */
export async function exists(path: string): Promise<boolean> {
  return (await unlessMissing(stat(path), undefined)) !== undefined;
}

/** The whole content of a file. */
export async function readFile(path: string): Promise<string> {
  const fd = await open(path, "r", 0);
  const parts: string[] = [];
  try {
    let offset = 0;
    for (;;) {
      const chunk = await uv<string>((done) => vim.uv.fs_read(fd, CHUNK, offset, done));
      if (chunk === undefined || chunk === "") break;
      parts.push(chunk);
      offset += chunk.length;
      if (chunk.length < CHUNK) break;
    }
  } finally {
    await close(fd);
  }
  return parts.join("");
}

/**
 * The whole content of a file, read synchronously: [text] or [undefined, error]. Only for the
 * preferences file, a few hundred bytes read once on first use.
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

async function writeAll(fd: number, data: string, append: boolean): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const rest = written === 0 ? data : string.sub(data, written + 1);
    // A negative offset writes at the file position (the end, for a file opened to append).
    const offset = append ? -1 : written;
    const n = await uv<number>((done) => vim.uv.fs_write(fd, rest, offset, done));
    if (n === undefined || n <= 0) throw `could not write to the file (wrote ${written} of ${data.length} bytes)`;
    written += n;
  }
}

let tempCounter = 0;

/** A temp file next to `path`: a dot file, unique to this process and call. */
function tempPathFor(path: string): string {
  tempCounter += 1;
  return `${vim.fs.dirname(path)}/.${vim.fs.basename(path)}.tmp-${vim.uv.os_getpid()}-${tempCounter}`;
}

/** Creates a new temp file next to `path` (never an existing one). */
async function createTemp(path: string): Promise<{ fd: number; temp: string }> {
  for (let attempt = 1; ; attempt++) {
    const temp = tempPathFor(path);
    try {
      return { fd: await open(temp, "wx", FILE_MODE), temp };
    } catch (e) {
      // A temp file left by a crashed process that had our pid: try the next name.
      if (!isExisting(e) || attempt >= 5) throw e;
    }
  }
}

async function writeThroughTemp(path: string, data: string): Promise<void> {
  const { fd, temp } = await createTemp(path);
  let closed = false;
  try {
    await writeAll(fd, data, false);
    await uv<boolean>((done) => vim.uv.fs_fsync(fd, done));
    closed = true;
    await close(fd);
    await rename(temp, path);
  } catch (e) {
    if (!closed) await close(fd).catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes `data` to `path` so that readers only ever see the old or the new content: a temp file in
 * the same directory is written, flushed to disk and renamed over `path`.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  try {
    await writeThroughTemp(path, data);
  } catch (e) {
    throw `could not write ${path}: ${errorText(e)}`;
  }
}

/**
 * Creates `path` holding `content`, unless it exists (O_EXCL): false then. A reader may see it
 * empty for a moment, between creation and write.
 */
export async function createNew(path: string, content: string): Promise<boolean> {
  let fd: number;
  try {
    fd = await open(path, "wx", FILE_MODE);
  } catch (e) {
    if (isExisting(e)) return false;
    throw e;
  }
  try {
    await writeAll(fd, content, false);
  } catch (e) {
    await close(fd).catch(() => undefined);
    await unlink(path).catch(() => undefined);
    throw e;
  }
  await close(fd);
  return true;
}

/** Appends `data` to `path`, creating it when missing. */
export async function appendFile(path: string, data: string): Promise<void> {
  const fd = await open(path, "a", FILE_MODE);
  try {
    await writeAll(fd, data, true);
  } finally {
    await close(fd);
  }
}

/** Creates `path` and its missing parents (mkdir -p). */
export async function mkdirp(path: string): Promise<void> {
  try {
    await uv<boolean>((done) => vim.uv.fs_mkdir(path, DIR_MODE, done));
  } catch (e) {
    if (isExisting(e)) {
      if ((await stat(path)).type !== "directory") throw `${path} exists and is not a directory`;
      return;
    }
    const parent = vim.fs.dirname(path);
    if (!isMissing(e) || parent === path) throw e;
    await mkdirp(parent);
    await mkdirp(path);
  }
}

function entriesOf(handle: UvScandir): DirEntry[] {
  const entries: DirEntry[] = [];
  for (;;) {
    const [name, kind] = vim.uv.fs_scandir_next(handle);
    if (name === undefined) break;
    entries.push({ name, type: kind ?? "unknown" });
  }
  return entries;
}

/** The entries of a directory; a missing directory has none. */
export async function listDir(path: string): Promise<DirEntry[]> {
  const handle = await unlessMissing(uv<UvScandir>((done) => vim.uv.fs_scandir(path, done)), undefined);
  return handle === undefined ? [] : entriesOf(handle);
}

/**
 * The entries of a directory, listed synchronously; a missing or unreadable directory has none.
 * Only where an answer is needed at once (command-line completion).
 */
export function listDirSync(path: string): DirEntry[] {
  const [handle] = vim.uv.fs_scandir(path);
  return handle === undefined ? [] : entriesOf(handle);
}

/**
 * Writes `path` whole through a temp file and a rename, synchronously. Only for Neovim's exit,
 * when an asynchronous write would never finish.
 */
export function writeFileAtomicSync(path: string, text: string): string | undefined {
  const temp = `${path}.exit-${vim.fn.getpid()}.tmp`;
  const [fd, oerr] = vim.uv.fs_open(temp, "w", 420);
  if (fd === undefined) return oerr;
  const [, werr] = vim.uv.fs_write(fd, text, 0);
  vim.uv.fs_fsync(fd);
  vim.uv.fs_close(fd);
  if (werr !== undefined) {
    vim.uv.fs_unlink(temp);
    return werr;
  }
  const [, rerr] = vim.uv.fs_rename(temp, path);
  return rerr;
}
