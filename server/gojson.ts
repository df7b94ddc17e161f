// JSON as Go's encoding/json writes it: HTML-sensitive characters and the JavaScript line
// separators escaped, `omitempty` fields dropped when zero. Key order is the order of insertion,
// so every response builder inserts keys in the order of the Go struct.

const GO_ESCAPES: { [ch: string]: string } = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => GO_ESCAPES[ch] ?? ch);
}

function isGoZero(value: unknown): boolean {
  if (value === undefined || value === null || value === 0 || value === "" || value === false) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Drops the `keys` holding Go's zero value, as a field tagged `omitempty` is dropped. */
export function omitEmpty<T extends object>(obj: T, keys: readonly (keyof T)[]): T {
  for (const key of keys) {
    if (isGoZero(obj[key])) {
      delete obj[key];
    }
  }
  return obj;
}

const GO_QUOTE_NAMED: { [ch: string]: string } = {
  "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\\": "\\\\", '"': '\\"',
};

/** A string as Go's `%q` writes it: named escapes, `\xNN` for other ASCII controls, `\uNNNN` for unprintable runes. */
export function goQuote(s: string): string {
  const body = s.replace(/[^\p{L}\p{M}\p{N}\p{P}\p{S} ]|["\\]/gu, (ch) => {
    const named = GO_QUOTE_NAMED[ch];
    if (named) return named;
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return `\\x${code.toString(16).padStart(2, "0")}`;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return `"${body}"`;
}
