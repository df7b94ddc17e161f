// Text from outside (model names, server errors, replies) made safe where it meets the screen: a
// buffer line or a virtual line may not hold a newline (nvim_buf_set_lines throws), and a message
// of several lines, or wider than the screen, makes Neovim stop and wait.

const ESCAPES: { [c: string]: string } = { "\n": "\\n", "\r": "\\r", "\t": " ", "\0": "\\0" };

function escapeControl(c: string): string {
  return ESCAPES[c] ?? string.format("\\x%02x", string.byte(c));
}

/**
 * One line showing all of `text`: control characters visible as `\n`, `\r`, `\x1b` (a tab as a
 * space). For names and labels, where a hidden newline would be a different name.
 */
export function inline(text: string): string {
  const [control] = string.find(text, "%c");
  if (control === undefined) return text;
  const [out] = string.gsub(text, "%c", escapeControl);
  return out;
}

/**
 * The lines of a message joined into one ("a · b"), blank ones dropped, other control
 * characters made visible. For errors and notices, whose lines are one thought.
 */
export function oneLine(text: string): string {
  const [control] = string.find(text, "%c");
  if (control === undefined) return text;
  const parts: string[] = [];
  for (const [line] of string.gmatch(text, "[^\r\n]+")) {
    const trimmed = vim.trim(line);
    if (trimmed !== "") parts.push(trimmed);
  }
  return inline(parts.join(" · "));
}

/** Buffer lines for text that may hold newlines (a reply): split at "\n", a CR before it dropped. */
export function lines(text: string): string[] {
  const out = vim.split(text, "\n", { plain: true });
  for (let i = 0; i < out.length; i++) {
    if (string.sub(out[i], -1) === "\r") out[i] = string.sub(out[i], 1, -2);
  }
  return out;
}

/** `text` cut to at most `width` display cells, ending in "…" when cut; never splits a character. */
export function fit(text: string, width: number): string {
  if (vim.fn.strdisplaywidth(text) <= width) return text;
  if (width <= 0) return "";
  // Characters are at least one cell wide: the first `width` of them are enough, then drop
  // characters from the end until the text and the ellipsis fit.
  let n = math.min(vim.fn.strchars(text), width);
  let cut = vim.fn.strcharpart(text, 0, n);
  while (n > 0 && vim.fn.strdisplaywidth(cut) + 1 > width) {
    n--;
    cut = vim.fn.strcharpart(text, 0, n);
  }
  return cut + "…";
}
