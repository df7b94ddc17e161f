// Notifications always go through vim.schedule: they can be raised from libuv callbacks.
// Each is one line that fits the screen: a message of several lines, or wider than the screen,
// makes Neovim stop for "Press ENTER" or pause. When the line had to be shortened, the full text
// goes to a log file the line names, so nothing is lost.
import { fit, oneLine } from "./text";

const TITLE = "ollama-chat";
/** The log is started afresh (the old one kept as .1) past this size. */
const LOG_LIMIT = 1024 * 1024;

/** Where notifications too long for one line are kept in full. */
export function logPath(): string {
  return vim.fn.stdpath("log") + "/ollama-chat.log";
}

/** Appends `text` to the log; false when it cannot be written (the notification still shows). */
function writeLog(text: string, level: number): boolean {
  const path = logPath();
  vim.fn.mkdir(vim.fn.fnamemodify(path, ":h"), "p");
  const [stat] = vim.uv.fs_stat(path);
  if (stat !== undefined && stat.size > LOG_LIMIT) vim.uv.fs_rename(path, path + ".1");
  const [fd] = vim.uv.fs_open(path, "a", 0o600);
  if (fd === undefined) return false;
  const names = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR"];
  const entry = `${os.date("%Y-%m-%d %H:%M:%S")} ${names[level] ?? "INFO"} ${text}\n`;
  const [written] = vim.uv.fs_write(fd, entry, -1);
  vim.uv.fs_close(fd);
  return written === entry.length;
}

/** `msg` as one line of at most `width` cells; when it had to be cut, the full text is logged. */
export function shorten(msg: string, level: number, width: number): string {
  const line = oneLine(msg);
  if (vim.fn.strdisplaywidth(line) <= width) return line;
  // A log that cannot be written (read-only state dir) must not turn a notice into a Lua error.
  const [ok, written] = pcall(writeLog, msg, level);
  const logged = ok && written === true;
  if (!logged) return fit(line, width);
  // The log's path when enough of the message still shows beside it, else its name.
  for (const where of [` (full text: ${vim.fn.fnamemodify(logPath(), ":~")})`, " (full text: ollama-chat.log)"]) {
    const room = width - vim.fn.strdisplaywidth(where);
    if (room >= 30) return fit(line, room) + where;
  }
  return fit(line, width);
}

/** Cells a message may take without scrolling the message area (the last one left free). */
export function screenWidth(): number {
  return math.max(vim.o.columns * math.max(vim.o.cmdheight, 1) - 1, 1);
}

/** With no screen attached (headless, tests over RPC) nothing scrolls: only lines are joined. */
function messageWidth(): number {
  return vim.api.nvim_list_uis().length > 0 ? screenWidth() : math.huge;
}

export function notify(msg: string, level: number = vim.log.levels.INFO): void {
  const send = () => vim.notify(shorten(`${TITLE}: ${msg}`, level, messageWidth()), level, { title: TITLE });
  if (vim.in_fast_event()) vim.schedule(send);
  else send();
}
