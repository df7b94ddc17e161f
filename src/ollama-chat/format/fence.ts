// Markdown fences for code sent to a model: long enough that the code cannot close them.

/** A fence longer than any run of backticks in the code, so the code cannot close it. */
export function fenceFor(lines: string[]): string {
  let longest = 0;
  for (const line of lines) {
    for (const [run] of string.gmatch(line, "(`+)")) longest = math.max(longest, run.length);
  }
  return string.rep("`", math.max(3, longest + 1));
}

/** `lines` in a fenced block with its language, under a line (and a blank) that says what it is. */
export function fenced(header: string, lang: string, lines: string[]): string {
  const fence = fenceFor(lines);
  const parts = [header, "", fence + lang];
  for (const line of lines) parts.push(line);
  parts.push(fence);
  return parts.join("\n");
}
