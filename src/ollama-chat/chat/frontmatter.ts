// The settings section at the top of a chat buffer ("## Settings", chat/settings.ts): read from
// the buffer before each request (the user may edit it there), written when a chat command
// changes it, removed when nothing is set.
import * as transcript from "../format/transcript";
import * as settings from "./settings";
import type { ChatSettings, Parsed } from "./settings";

/** The section's lines: [heading row, row of the next heading) (0-based), if it has one. */
function section(lines: string[]): [number, number] | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === transcript.SETTINGS_HEADING) {
      let j = i + 1;
      while (j < lines.length && !transcript.isHeading(lines[j])) j++;
      return [i, j];
    }
    if (transcript.isHeading(lines[i])) return undefined;
  }
  return undefined;
}

/** The settings the buffer shows (empty when it has no section). */
export function read(buf: number): Parsed {
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  const at = section(lines);
  if (at === undefined) return { settings: settings.empty(), errors: [] };
  const body: string[] = [];
  for (let i = at[0] + 1; i < at[1]; i++) body.push(transcript.unescapeLine(lines[i]));
  return settings.parse(body.join("\n"));
}

/** The settings of saved messages (their settings section), for a resumed chat. */
export function ofMessages(messages: transcript.Message[]): ChatSettings {
  const first = messages[0];
  return first !== undefined && first.role === "settings" ? settings.parse(first.content).settings : settings.empty();
}

/** Shows `s` at the top of the buffer (replacing the section, or removing it when empty). */
export function write(buf: number, s: ChatSettings): void {
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  const at = section(lines);
  const next: string[] = [];
  if (!settings.isEmpty(s)) {
    for (const l of transcript.renderMessage({ role: "settings", content: settings.render(s) })) next.push(l);
    next.push("");
  }
  if (at === undefined) vim.api.nvim_buf_set_lines(buf, 0, 0, false, next);
  else vim.api.nvim_buf_set_lines(buf, at[0], at[1], false, next);
}

/** A model switched from outside the chat (:Ollama switch) replaces the one the section names. */
export function switchModel(buf: number | undefined, model: string): void {
  if (buf === undefined) return;
  const shown = read(buf);
  if (shown.settings.model === undefined || shown.settings.model === model) return;
  shown.settings.model = model;
  write(buf, shown.settings);
}
