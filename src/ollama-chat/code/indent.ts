// Keeping the original's layout when a model rewrites code: small models drop the indentation of
// a snippet taken from inside a function, wrap the answer in a fence they were told not to write,
// and lose the blank lines around it.

function leading(line: string): string {
  return string.match(line, "^(%s*)")[0] as string;
}

function isBlank(line: string): boolean {
  return string.find(line, "^%s*$")[0] !== undefined;
}

/** The leading white space of the least indented non-blank line ("" when all are blank). */
export function baseIndent(lines: string[]): string {
  let base: string | undefined;
  for (const line of lines) {
    if (!isBlank(line)) {
      const lead = leading(line);
      if (base === undefined || lead.length < base.length) base = lead;
      // Nothing is less indented than a line that is not: the rest need not be read.
      if (base === "") return base;
    }
  }
  return base ?? "";
}

/**
 * `replacement` laid out like `original`: when its least indented line is indented less than the
 * original's, every line is shifted right by the difference (in the original's white space); the
 * original's blank lines at the start and end are kept when the replacement dropped them.
 */
export function keepLayout(original: string[], replacement: string[]): string[] {
  const want = baseIndent(original);
  const have = baseIndent(replacement);
  let out: string[] = [];
  if (have.length < want.length && vim.startswith(want, have)) {
    const add = string.sub(want, have.length + 1);
    for (const line of replacement) out.push(isBlank(line) ? line : add + line);
  } else {
    out = replacement;
  }
  let lead = 0;
  while (lead < original.length && isBlank(original[lead])) lead++;
  if (lead < original.length) {
    let trail = 0;
    while (trail < original.length && isBlank(original[original.length - 1 - trail])) trail++;
    const result: string[] = [];
    const hasLead = out.length > 0 && isBlank(out[0]);
    const hasTrail = out.length > 0 && isBlank(out[out.length - 1]);
    if (!hasLead) for (let i = 0; i < lead; i++) result.push(original[i]);
    for (const l of out) result.push(l);
    if (!hasTrail) for (let i = original.length - trail; i < original.length; i++) result.push(original[i]);
    return result;
  }
  return out;
}

/**
 * The code of a reply that should hold code only: what is inside its first fence (a fence still
 * open keeps everything after it), prose around it left out, as small models add some despite the
 * prompt; a reply with no fence is all code.
 */
export function codeOnly(lines: string[]): string[] {
  let first = 0;
  let fence: string | undefined;
  for (; first < lines.length; first++) {
    const [marker] = string.match(lines[first], "^%s*(```+)");
    const [tilde] = string.match(lines[first], "^%s*(~~~+)");
    fence = (marker ?? tilde) as string | undefined;
    if (fence !== undefined) break;
  }
  if (fence === undefined) return lines;
  const out: string[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    if (vim.startswith(vim.trim(line), fence) && vim.trim(string.gsub(vim.trim(line), string.sub(fence, 1, 1), "")[0]) === "") return out;
    out.push(line);
  }
  return out;
}
