// The chat as text: what the chat buffer shows and what a saved chat file holds. One format, so a
// saved chat loads back into the exact conversation.
//
//   ## Settings               (only when the chat has its own: chat/settings.ts)
//
//   think: off
//
//   ## System                 (only when there is a system prompt)
//
//   You are terse.
//
//   ## User
//
//   How do I quit?
//
//   ## Assistant (llama3.2:3b)
//
//   ~~~~thinking              (only for reasoning models)
//   The user wants...
//   ~~~~
//
//   Type `:q`.
//
// Headings and the thinking fence are the structure; a content line that looks like one is written
// with a `\` in front (and one more `\` for a line that already starts with `\` before such a
// pattern), so any text, markdown headings and code fences included, survives a round trip.

import { inline } from "../ui/text";

/** "settings": the chat's own settings (chat/settings.ts), shown first, never sent as a message. */
export type Role = "system" | "user" | "assistant" | "settings";

export interface Message {
  role: Role;
  content: string;
  /** The model that wrote an assistant message. */
  model?: string;
  /** Reasoning of a thinking model, kept apart from the answer. */
  thinking?: string;
}

export const USER_HEADING = "## User";
export const SYSTEM_HEADING = "## System";
export const SETTINGS_HEADING = "## Settings";
export const THINKING_OPEN = "~~~~thinking";
export const THINKING_CLOSE = "~~~~";

/** The thinking blocks of a chat's `lines` as 0-based [open fence, closing fence] rows, `offset` added. */
export function thinkingBlocks(lines: string[], offset = 0): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === THINKING_OPEN) open = i;
    else if (lines[i] === THINKING_CLOSE && open >= 0) {
      out.push([offset + open, offset + i]);
      open = -1;
    }
  }
  return out;
}

export function assistantHeading(model: string): string {
  // A model name from outside may hold a newline; the heading is one buffer line.
  return `## Assistant (${inline(model)})`;
}

/** The model named by an assistant heading, or undefined for any other line. */
export function parseAssistantHeading(line: string): string | undefined {
  const [model] = string.match(line, "^## Assistant %((.+)%)$");
  return model ?? undefined;
}

function isStructural(line: string): boolean {
  return line === USER_HEADING || line === SYSTEM_HEADING || line === SETTINGS_HEADING || line === THINKING_OPEN || line === THINKING_CLOSE ||
    parseAssistantHeading(line) !== undefined;
}

/** Whether a buffer line is a turn heading (used to find where messages start). */
export function isHeading(line: string): boolean {
  return line === USER_HEADING || line === SYSTEM_HEADING || line === SETTINGS_HEADING || parseAssistantHeading(line) !== undefined;
}

/** Escapes one content line so it cannot be read as structure. */
export function escapeLine(line: string): string {
  const [, rest] = string.match(line, "^(\\*)(.*)$");
  return isStructural(rest as string) ? "\\" + line : line;
}

export function unescapeLine(line: string): string {
  const [slashes, rest] = string.match(line, "^(\\+)(.*)$");
  if (slashes !== undefined && isStructural(rest as string)) return string.sub(line, 2);
  return line;
}

/** Splits text into escaped lines (a final newline gives a final empty line). */
export function contentLines(text: string): string[] {
  const out: string[] = [];
  for (const line of vim.split(text, "\n", { plain: true })) out.push(escapeLine(line));
  return out;
}

function headingFor(message: Message): string {
  if (message.role === "user") return USER_HEADING;
  if (message.role === "system") return SYSTEM_HEADING;
  if (message.role === "settings") return SETTINGS_HEADING;
  return assistantHeading(message.model ?? "assistant");
}

/** The lines of one message: heading, blank, [thinking block, blank], content. */
export function renderMessage(message: Message): string[] {
  const lines = [headingFor(message), ""];
  if (message.thinking !== undefined && message.thinking !== "") {
    lines.push(THINKING_OPEN);
    for (const l of contentLines(message.thinking)) lines.push(l);
    lines.push(THINKING_CLOSE, "");
  }
  for (const l of contentLines(message.content)) lines.push(l);
  return lines;
}

/** The whole transcript: messages separated by a blank line. */
export function render(messages: Message[]): string[] {
  const lines: string[] = [];
  for (const [i, m] of messages.entries()) {
    if (i > 0) lines.push("");
    for (const l of renderMessage(m)) lines.push(l);
  }
  return lines;
}

interface Section {
  heading: string;
  body: string[];
}

function bodyOf(section: Section, isLast: boolean): Message {
  const model = parseAssistantHeading(section.heading);
  const role: Role = section.heading === USER_HEADING ? "user" : section.heading === SYSTEM_HEADING ? "system" :
    section.heading === SETTINGS_HEADING ? "settings" : "assistant";
  const body = section.body;
  // One blank line follows a heading and one precedes the next heading: layout, not content.
  // The last message has no heading after it, so its trailing lines are all content.
  let first = 0;
  let last = body.length - 1;
  if (first <= last && body[first] === "") first++;
  if (!isLast && last >= first && body[last] === "") last--;
  let thinking: string | undefined;
  if (role === "assistant" && body[first] === THINKING_OPEN) {
    const parts: string[] = [];
    let i = first + 1;
    while (i <= last && body[i] !== THINKING_CLOSE) {
      parts.push(unescapeLine(body[i]));
      i++;
    }
    thinking = parts.join("\n");
    first = i + 1;
    if (first <= last && body[first] === "") first++;
  }
  const content: string[] = [];
  for (let i = first; i <= last; i++) content.push(unescapeLine(body[i]));
  const message: Message = { role, content: content.join("\n") };
  if (model !== undefined) message.model = model;
  if (thinking !== undefined) message.thinking = thinking;
  return message;
}

/** Reads a transcript back into messages. Text before the first heading is ignored. */
export function parse(lines: string[]): Message[] {
  const messages: Message[] = [];
  let section: Section | undefined;
  for (const line of lines) {
    if (isHeading(line)) {
      if (section !== undefined) messages.push(bodyOf(section, false));
      section = { heading: line, body: [] };
    } else if (section !== undefined) {
      section.body.push(line);
    }
  }
  if (section !== undefined) messages.push(bodyOf(section, true));
  return messages;
}

/** The model that wrote the last reply of `messages`, if any reply names one. */
export function lastModel(messages: Message[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].model !== undefined) return messages[i].model;
  }
  return undefined;
}
