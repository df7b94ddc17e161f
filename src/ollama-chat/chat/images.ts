// `#image:{path}` in a message: the file goes to a vision model as base64 in the message's
// `images`; the buffer keeps the short form. Refused with a message (and nothing sent) for a
// model without `vision`, for a file that is not an image, and for one over 20 MB.
import type { ChatMessage } from "../ollama/types";
import * as fs from "../store/fs";

/** Larger images are refused: Ollama would take them, but a chat request that big stalls. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** @noSelf */
interface Base64 {
  encode(s: string): string;
}
// vim.base64 (Neovim 0.10+) is not in the shared declarations.
const base64 = (vim as unknown as { base64: Base64 }).base64;

export interface ImageRef {
  /** As typed: `#image:cat.png` or `#image:{my cat.png}`. */
  token: string;
  path: string;
}

/** The `#image:` references of a message, in order: `#image:path` (to the next space) or `#image:{path}`. */
export function refs(content: string): ImageRef[] {
  const out: ImageRef[] = [];
  let from = 1;
  for (;;) {
    const [s, e] = string.find(content, "#image:", from, true);
    if (s === undefined) break;
    let token: string;
    let path: string;
    if (string.sub(content, e + 1, e + 1) === "{") {
      const [close] = string.find(content, "}", e + 2, true);
      const stop = close ?? content.length + 1;
      token = string.sub(content, s, close ?? content.length);
      path = string.sub(content, e + 2, stop - 1);
    } else {
      const [word] = string.match(content, "^[^%s]*", e + 1);
      token = string.sub(content, s, e + (word as string).length);
      path = word as string;
    }
    if (path !== "") out.push({ token, path });
    from = s + token.length;
  }
  return out;
}

/** The image format a file starts with, or undefined when it is not an image Ollama decodes. */
export function format(head: string): string | undefined {
  // Bytes above 127 through string.char: a TypeScript "\xff" is a character, not a byte.
  if (string.sub(head, 1, 8) === string.char(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "PNG";
  if (string.sub(head, 1, 3) === string.char(0xff, 0xd8, 0xff)) return "JPEG";
  const gif = string.sub(head, 1, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return "GIF";
  if (string.sub(head, 1, 4) === "RIFF" && string.sub(head, 9, 12) === "WEBP") return "WebP";
  if (string.sub(head, 1, 2) === "BM") return "BMP";
  return undefined;
}

/** Whether any message refers to an image. */
export function anyIn(messages: ChatMessage[]): boolean {
  for (const m of messages) if (m.role === "user" && refs(m.content).length > 0) return true;
  return false;
}

/** How many images each message will carry (for the token estimate). */
export function countIn(content: string): number {
  return refs(content).length;
}

function resolvePath(path: string): string {
  const expanded = vim.fs.normalize(path);
  return string.sub(expanded, 1, 1) === "/" ? expanded : vim.fs.normalize(vim.fn.fnamemodify(expanded, ":p"));
}

/** One image read, checked and encoded; `cb` gets a message for the user or the base64. */
function load(ref: ImageRef, cb: (this: void, err: string | undefined, base64?: string) => void): void {
  const path = resolvePath(ref.path);
  fs.stat(path, (serr, info) => {
    if (serr !== undefined || info === undefined) return cb(`${ref.token}: cannot read ${path} (${serr ?? "no such file"})`);
    if (info.type !== "file") return cb(`${ref.token}: ${path} is not a file`);
    if (info.size > MAX_BYTES) return cb(`${ref.token}: ${path} is ${string.format("%.1f", info.size / 1048576)} MB; images over 20 MB are not sent`);
    fs.readFile(path, (rerr, data) => {
      if (rerr !== undefined || data === undefined) return cb(`${ref.token}: cannot read ${path} (${rerr ?? "empty"})`);
      if (format(data) === undefined) return cb(`${ref.token}: ${path} is not an image (PNG, JPEG, GIF, WebP or BMP)`);
      cb(undefined, base64.encode(data));
    });
  });
}

/**
 * The request's messages with their images attached (the `#image:` token replaced by
 * `[image: name]`), or a message for the user when an image cannot go: `vision` says whether the
 * model sees images.
 */
export function attach(model: string, vision: boolean, messages: ChatMessage[], cb: (this: void, err: string | undefined, messages?: ChatMessage[]) => void): void {
  const jobs: { message: ChatMessage; ref: ImageRef }[] = [];
  for (const m of messages) {
    if (m.role === "user") for (const ref of refs(m.content)) jobs.push({ message: m, ref });
  }
  if (jobs.length === 0) return cb(undefined, messages);
  if (!vision) {
    return cb(`${model} cannot read images (it has no vision capability): remove ${jobs[0].ref.token} or switch to a vision model (:Ollama switch)`);
  }
  let i = 0;
  const step = (): void => {
    if (i >= jobs.length) return cb(undefined, messages);
    const job = jobs[i++];
    load(job.ref, (err, base64) => {
      if (err !== undefined) return cb(err);
      const m = job.message;
      if (m.images === undefined) m.images = [];
      m.images.push(base64!);
      const [start] = string.find(m.content, job.ref.token, 1, true);
      if (start !== undefined) {
        m.content = string.sub(m.content, 1, start - 1) + `[image: ${vim.fs.basename(job.ref.path)}]` + string.sub(m.content, start + job.ref.token.length);
      }
      step();
    });
  };
  step();
}
