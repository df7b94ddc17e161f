// Reading and writing chat text in slices of at most SLICE_NS, so a chat of any size never holds
// the editor: transcript.parse and transcript.render, a message (or a piece of a large one) per
// event-loop turn. The store reads and writes saved chats with them; the chat reads its buffer.
import type { Message } from "./transcript";
import { THINKING_OPEN, contentLines, isHeading, parse, renderMessage } from "./transcript";

/** Longest stretch of work between two event-loop turns (the editor answers keys meanwhile). */
export const SLICE_NS = 4e6;

/** Content bytes rendered per event-loop turn when a message is large (on 0.10, 256 KB took 90 ms). */
const RENDER_CHUNK = 64 * 1024;

/** Body lines parsed per turn when a message is larger than 2 pieces (and holds no thinking). */
const PARSE_PIECE = 2000;

/**
 * One message's lines (heading, body, the next heading when there is one) → `parse` in pieces of
 * PARSE_PIECE lines, `next` called once per piece until it returns the message. Content is joined
 * with "\n" across pieces; a piece after the first gets a blank line after its heading, the one
 * `parse` drops, and only the last piece has the layout blank and next heading at its end.
 */
function pieceParser(section: string[]): (this: void) => Message | undefined {
  const heading = section[0];
  const firstBody = section[1] === "" ? section[2] : section[1];
  // A thinking block must be parsed whole (rare to be huge): one piece.
  const piece = firstBody === THINKING_OPEN ? section.length : PARSE_PIECE;
  let at = 1;
  let head: Message | undefined;
  const parts: string[] = [];
  return () => {
    const stop = section.length - at <= 2 * piece ? section.length : at + piece;
    const lines = head === undefined ? [heading] : [heading, ""];
    for (let i = at; i < stop; i++) lines.push(section[i]);
    const m = parse(lines)[0];
    if (head === undefined) head = m;
    parts.push(m.content);
    at = stop;
    if (at < section.length) return undefined;
    return parts.length === 1 ? head : { ...head, content: table.concat(parts, "\n") };
  };
}

/**
 * transcript.parse in slices: the lines are cut at the headings and each message parsed on its own
 * turn (a large one in pieces). A message is parsed with the next heading after it, so it reads
 * exactly as in the whole.
 */
export function parseLines(lines: string[], cb: (this: void, messages: Message[]) => void): void {
  const starts: number[] = [];
  let i = 0;
  const findHeadings = () => {
    const started = vim.uv.hrtime();
    while (i < lines.length) {
      if (isHeading(lines[i])) starts.push(i);
      i++;
      if (i % 256 === 0 && vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(findHeadings);
    }
    vim.schedule(parseSections);
  };
  const messages: Message[] = [];
  let s = 0;
  let next: ((this: void) => Message | undefined) | undefined;
  const parseSections = () => {
    const started = vim.uv.hrtime();
    while (s < starts.length) {
      if (next === undefined) {
        const last = s === starts.length - 1;
        next = pieceParser(lines.slice(starts[s], last ? lines.length : starts[s + 1] + 1));
      }
      const message = next();
      if (message !== undefined) {
        messages.push(message);
        next = undefined;
        s++;
      }
      if (vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(parseSections);
    }
    cb(messages);
  };
  findHeadings();
}

/**
 * transcript.render in slices: `out` gets the lines of `messages` (messages separated by a blank
 * line), a message or a RENDER_CHUNK of its content per turn. Content is cut only at "\n", and
 * contentLines(a .. "\n" .. b) is contentLines(a) followed by contentLines(b).
 */
export function renderInto(out: string[], messages: Message[], cb: (this: void) => void): void {
  let m = 0;
  /** Where the rest of a large message's content starts, when one is being rendered. */
  let pos: number | undefined;
  const slice = () => {
    const started = vim.uv.hrtime();
    while (m < messages.length) {
      const message = messages[m];
      const content = message.content;
      if (pos === undefined) {
        if (out.length > 0) out.push("");
        const cut = type(content) === "string" && content.length > RENDER_CHUNK ? string.find(content, "\n", RENDER_CHUNK, true)[0] : undefined;
        for (const l of renderMessage(cut === undefined ? message : { ...message, content: string.sub(content, 1, cut - 1) })) out.push(l);
        if (cut !== undefined) pos = cut + 1;
        else m++;
      } else {
        // Substrings of the content, never copies of its rest: each turn costs its own chunk only.
        const [nl] = string.find(content, "\n", pos + RENDER_CHUNK, true);
        for (const l of contentLines(string.sub(content, pos, nl === undefined ? -1 : nl - 1))) out.push(l);
        pos = nl === undefined ? undefined : nl + 1;
        if (pos === undefined) m++;
      }
      if (vim.uv.hrtime() - started > SLICE_NS) return vim.schedule(slice);
    }
    cb();
  };
  slice();
}
