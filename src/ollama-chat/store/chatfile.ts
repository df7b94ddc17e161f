// Names of saved chat files: `<name>_<model>_<YYYYmmdd-HHMMSS>.txt`.
//
// `_` separates the fields, and both chat names ("my_notes") and Ollama model names ("q4_K_M")
// may contain it. The name is what the user types to load a chat, so it is kept as given; the
// model field is only a label (the exact model is in the transcript's assistant headings), so in
// it every character other than letters, digits, `.` and `-` is written as `-` (`:` and `/`
// included). The model field then holds no `_`, and a file name is read from the right:
// timestamp, then model up to the last `_`, then the name (everything before).

export const MAX_NAME_BYTES = 100;
const MAX_MODEL_BYTES = 80;
const TIMESTAMP_FORMAT = "%Y%m%d-%H%M%S";
const FILE_PATTERN = "^(.+)_([%w%.%-]+)_(%d%d%d%d%d%d%d%d%-%d%d%d%d%d%d)%.txt$";

export type NameCheck = { ok: true; name: string } | { ok: false; cancelled: boolean; reason: string };

export interface ChatFileName {
  name: string;
  /** The model as written in the file name (`llama3.2-3b`). */
  model: string;
  /** YYYYmmdd-HHMMSS: when the file was first saved. */
  timestamp: string;
}

function reject(reason: string): NameCheck {
  return { ok: false, cancelled: false, reason };
}

/**
 * Checks a chat name typed by the user: trimmed; empty (or nil, a cancelled prompt) means cancel;
 * path separators, `..`, a leading dot, control characters and characters that Windows forbids in
 * file names are refused with the reason.
 */
export function sanitize_name(input: string | undefined): NameCheck {
  if (input === undefined || type(input) !== "string") return { ok: false, cancelled: true, reason: "No name given: the chat was not saved." };
  const name = vim.trim(input);
  if (name === "") return { ok: false, cancelled: true, reason: "No name given: the chat was not saved." };
  if (string.find(name, "%c")[0] !== undefined) return reject("A chat name cannot contain control characters (tabs, line breaks).");
  if (string.find(name, "[/\\]")[0] !== undefined) return reject(`A chat name cannot contain / or \\: "${name}" would not stay in the chats folder.`);
  if (string.find(name, "..", 1, true)[0] !== undefined) return reject(`A chat name cannot contain "..": "${name}".`);
  if (string.sub(name, 1, 1) === ".") return reject(`A chat name cannot start with a dot: "${name}".`);
  if (string.find(name, '[<>:"|?*]')[0] !== undefined) return reject(`A chat name cannot contain any of < > : " | ? *: "${name}".`);
  if (name.length > MAX_NAME_BYTES) return reject(`A chat name can be at most ${MAX_NAME_BYTES} bytes long; "${name}" has ${name.length}.`);
  return { ok: true, name };
}

/** The model as written in a file name: `llama3.2:3b` → `llama3.2-3b`, `q4_K_M` → `q4-K-M`. */
export function modelField(model: string): string {
  if (type(model) !== "string") return "unknown";
  const field = string.sub(string.gsub(model, "[^%w%.%-]", "-")[0], 1, MAX_MODEL_BYTES);
  return field === "" ? "unknown" : field;
}

/** YYYYmmdd-HHMMSS of a time in seconds (local time). */
export function timestamp(time: number): string {
  return os.date(TIMESTAMP_FORMAT, time);
}

/** `<name>_<model>_<YYYYmmdd-HHMMSS>.txt`, for a name that passed `sanitize_name`. */
export function fileName(name: string, model: string, time: number): string {
  return `${name}_${modelField(model)}_${timestamp(time)}.txt`;
}

/** The fields of a saved chat's file name, or undefined when the file is not a saved chat. */
export function parseFileName(file: string): ChatFileName | undefined {
  const [name, model, stamp] = string.match(file, FILE_PATTERN);
  if (name === undefined || model === undefined || stamp === undefined) return undefined;
  // Only names this plugin could have written: anything else in the folder is not ours.
  const check = sanitize_name(name);
  if (!check.ok || check.name !== name) return undefined;
  return { name, model, timestamp: stamp };
}

/** "2025-01-23 14:30:22" for the timestamp "20250123-143022". */
export function timestampDate(stamp: string): string {
  const [y, mo, d, h, mi, s] = string.match(stamp, "^(%d%d%d%d)(%d%d)(%d%d)%-(%d%d)(%d%d)(%d%d)$");
  if (y === undefined) return stamp;
  return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
}
