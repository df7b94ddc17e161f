// Fenced code blocks in markdown lines (a reply): where each starts and ends, its language, and
// whether it was closed (a reply cut off mid-block leaves one open).
import { THINKING_OPEN, unescapeLine } from "../format/transcript";

export interface Block {
  /** The info string's first word ("lua"), "" when none. */
  lang: string;
  /** 0-based index of the opening fence line. */
  open: number;
  /** 0-based index of the closing fence line; for an unclosed block, one past its last line. */
  close: number;
  /** The code, without the fences. */
  lines: string[];
  closed: boolean;
}

interface Fence {
  indent: string;
  marker: string;
  info: string;
}

const BACKTICK = 96;
const TILDE = 126;
const SPACE = 32;
const BACKSLASH = 92;

/** Whether the line's first character after up to 3 spaces is a fence character: most lines are not. */
function mayBeFence(line: string): boolean {
  for (let i = 1; i <= 4; i++) {
    const c = string.byte(line, i);
    if (c === BACKTICK || c === TILDE) return true;
    if (c !== SPACE) return false;
  }
  return false;
}

function fenceOf(line: string): Fence | undefined {
  if (!mayBeFence(line)) return undefined;
  const [indent, marker, info] = string.match(line, "^( ? ? ?)(```+)(.*)$");
  if (marker !== undefined) {
    // A backtick fence's info string may not hold a backtick (CommonMark).
    if (string.find(info as string, "`", 1, true)[0] !== undefined) return undefined;
    return { indent: indent as string, marker: marker as string, info: info as string };
  }
  const [indent2, marker2, info2] = string.match(line, "^( ? ? ?)(~~~+)(.*)$");
  if (marker2 === undefined) return undefined;
  return { indent: indent2 as string, marker: marker2 as string, info: info2 as string };
}

function closes(open: Fence, line: string): boolean {
  const f = fenceOf(line);
  return f !== undefined && string.sub(f.marker, 1, 1) === string.sub(open.marker, 1, 1) &&
    f.marker.length >= open.marker.length && vim.trim(f.info) === "";
}

/** Strips up to the opening fence's indentation from a code line, as CommonMark does. */
function dedent(line: string, indent: string): string {
  if (indent === "") return line;
  let i = 0;
  while (i < indent.length && string.sub(line, i + 1, i + 1) === " ") i++;
  return string.sub(line, i + 1);
}

/**
 * The fenced blocks of `lines`, in order. `stop` marks lines that end any open block (the chat's
 * turn headings: a reply cut off mid-block must not swallow the next turn). From the 0-based line
 * `from` on (indexes stay those of `lines`).
 */
export function find(lines: string[], stop?: (this: void, line: string) => boolean, from = 0): Block[] {
  const blocks: Block[] = [];
  let open: Fence | undefined;
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (open !== undefined && current !== undefined) {
      if (stop !== undefined && stop(line)) {
        current.close = i;
        open = undefined;
      } else if (closes(open, line)) {
        current.close = i;
        current.closed = true;
        open = undefined;
      } else {
        current.lines.push(dedent(line, open.indent));
      }
    } else {
      const f = fenceOf(line);
      if (f !== undefined) {
        open = f;
        const [lang] = string.match(vim.trim(f.info), "^(%S*)");
        current = { lang: (lang ?? "") as string, open: i, close: lines.length, lines: [], closed: false };
        blocks.push(current);
      }
    }
  }
  return blocks;
}

/** The block whose fences or code hold line `index` (0-based). */
export function at(blocks: Block[], index: number): Block | undefined {
  for (const b of blocks) {
    if (index >= b.open && index <= (b.closed ? b.close : b.close - 1)) return b;
  }
  return undefined;
}

/**
 * `block` found in the chat buffer's `lines` as code: its lines unescaped (the transcript escapes
 * lines that would read as its structure); undefined for a reply's thinking block, not code.
 */
export function chatCode(lines: string[], block: Block): Block | undefined {
  if (lines[block.open] === THINKING_OPEN) return undefined;
  const code: string[] = [];
  // Only a line starting with a backslash may be escaped: the rest are taken as they are.
  for (const l of block.lines) code.push(string.byte(l, 1) === BACKSLASH ? unescapeLine(l) : l);
  block.lines = code;
  return block;
}
