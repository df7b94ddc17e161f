// A Lua file that holds data, never code: `return { key = "value", n = 1, flag = true }`.
//
// Reading checks every token first: only `return`, one table constructor, keys (names or
// `["strings"]`), and string, number, boolean or nil values are allowed. Without parentheses,
// operators or names as values there is nothing to call and nothing that loops, so the text is
// only then evaluated by Lua (text mode, empty environment) to decode strings and numbers exactly.

export type Scalar = string | number | boolean;
export type Data = { [key: string]: Scalar };

export type Decoded = { ok: true; value: Data } | { ok: false; error: string };

type TokenKind = "name" | "string" | "number" | "punct" | "eof";

interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

const KEYWORDS: { [word: string]: boolean } = {};
for (const word of [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
]) KEYWORDS[word] = true;

class Lexer {
  pos = 1;
  line = 1;
  readonly tokens: Token[] = [];

  constructor(readonly text: string) {}

  private advanceTo(next: number): void {
    const skipped = string.sub(this.text, this.pos, next - 1);
    this.line += string.gsub(skipped, "\n", "")[1];
    this.pos = next;
  }

  private push(kind: TokenKind, end: number): void {
    this.tokens.push({ kind, text: string.sub(this.text, this.pos, end), line: this.line });
    this.advanceTo(end + 1);
  }

  /** End of a long bracket (`[==[ ... ]==]`) opened at the current position, or undefined. */
  private longBracketEnd(from: number): number | undefined {
    const [, openEnd, level] = string.find(this.text, "^%[(=*)%[", from);
    if (openEnd === undefined) return undefined;
    const [, closeEnd] = string.find(this.text, `]${level}]`, openEnd + 1, true);
    if (closeEnd === undefined) throw `line ${this.line}: unfinished long string or comment`;
    return closeEnd;
  }

  private quotedEnd(quote: string): number {
    let i = this.pos + 1;
    for (;;) {
      const [at] = string.find(this.text, `[\\\n${quote}]`, i);
      if (at === undefined || string.sub(this.text, at, at) === "\n") throw `line ${this.line}: unfinished string`;
      const c = string.sub(this.text, at, at);
      if (c === quote) return at;
      // An escape: skip the escaped character (an escaped line break may be \r\n; \z skips spaces).
      const escaped = string.sub(this.text, at + 1, at + 1);
      i = at + 2;
      if (escaped === "\r" && string.sub(this.text, i, i) === "\n") i++;
      if (escaped === "z") i = string.find(this.text, "^%s*", i)[1]! + 1;
    }
  }

  private numberEnd(): number {
    let [, end] = string.find(this.text, "^[%d%.]*", this.pos);
    const [, exp] = string.find(this.text, "^[eE][+-]?", end! + 1);
    if (exp !== undefined) end = exp;
    [, end] = string.find(this.text, "^[%w_%.]*", end! + 1);
    return end!;
  }

  run(): Token[] {
    const text = this.text;
    for (;;) {
      const [, spaceEnd] = string.find(text, "^%s+", this.pos);
      if (spaceEnd !== undefined) this.advanceTo(spaceEnd + 1);
      if (this.pos > text.length) break;
      const c = string.sub(text, this.pos, this.pos);
      if (string.sub(text, this.pos, this.pos + 1) === "--") {
        const end = this.longBracketEnd(this.pos + 2) ?? (string.find(text, "\n", this.pos, true)[0] ?? text.length + 1) - 1;
        this.advanceTo(end + 1);
      } else if (c === "[" && this.longBracketEnd(this.pos) !== undefined) {
        this.push("string", this.longBracketEnd(this.pos)!);
      } else if (c === '"' || c === "'") {
        this.push("string", this.quotedEnd(c));
      } else if (string.find(c, "%d")[0] !== undefined || string.find(text, "^%.%d", this.pos)[0] !== undefined) {
        const end = this.numberEnd();
        if (tonumber(string.sub(text, this.pos, end)) === undefined) throw `line ${this.line}: malformed number`;
        this.push("number", end);
      } else if (string.find(c, "[%a_]")[0] !== undefined) {
        this.push("name", string.find(text, "^[%w_]*", this.pos)[1]!);
      } else if (string.find(c, "[{}%[%]=,;%-]")[0] !== undefined) {
        this.push("punct", this.pos);
      } else {
        throw `line ${this.line}: unexpected ${string.format("%q", c)}: only \`key = value\` pairs are allowed`;
      }
    }
    this.tokens.push({ kind: "eof", text: "end of file", line: this.line });
    return this.tokens;
  }
}

/** Checks that the tokens form `return { key = value, ... }` with scalar values only. */
function checkShape(tokens: Token[]): void {
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const t = peek();
    throw `line ${t.line}: expected ${what}, found ${t.kind === "eof" ? t.text : `"${t.text}"`}`;
  };
  const take = (kind: TokenKind, text?: string): Token => {
    const t = peek();
    if (t.kind !== kind || (text !== undefined && t.text !== text)) fail(text !== undefined ? `"${text}"` : `a ${kind}`);
    i++;
    return t;
  };
  take("name", "return");
  take("punct", "{");
  while (!(peek().kind === "punct" && peek().text === "}")) {
    const t = peek();
    if (t.kind === "name" && KEYWORDS[t.text] === undefined) {
      i++;
    } else if (t.kind === "punct" && t.text === "[") {
      i++;
      take("string");
      take("punct", "]");
    } else {
      fail("a key (a name or [\"string\"])");
    }
    take("punct", "=");
    const negative = peek().kind === "punct" && peek().text === "-";
    if (negative) i++;
    const v = peek();
    const literal = v.kind === "name" && (v.text === "true" || v.text === "false" || v.text === "nil");
    if (!(v.kind === "number" || (!negative && (v.kind === "string" || literal)))) {
      fail("a string, number, true or false (tables and expressions are not allowed)");
    }
    i++;
    const sep = peek();
    if (sep.kind === "punct" && (sep.text === "," || sep.text === ";")) i++;
    else if (!(sep.kind === "punct" && sep.text === "}")) fail('"," or "}"');
  }
  take("punct", "}");
  take("eof");
}

function isFiniteNumber(n: number): boolean {
  return n === n && n !== math.huge && n !== -math.huge;
}

/** Reads the data in `text`; `name` names the file in Lua's own messages. */
export function decode(text: string, name: string): Decoded {
  try {
    checkShape(new Lexer(text).run());
  } catch (e) {
    return { ok: false, error: tostring(e) };
  }
  // Text mode (no bytecode) and an empty environment; setfenv too, for a Neovim built on Lua 5.1.
  const env = {};
  const [chunk, loadError] = loadstring(text, `=${name}`, "t", env);
  if (chunk === undefined) return { ok: false, error: loadError as string };
  setfenv(chunk, env);
  const [ok, value] = pcall(chunk);
  if (!ok) return { ok: false, error: tostring(value) };
  const data: Data = {};
  for (const [k, v] of pairs(value as LuaTable)) {
    const t = type(v);
    if (t === "number" && !isFiniteNumber(v as number)) return { ok: false, error: `${k as string}: numbers must be finite` };
    data[k as string] = v as Scalar;
  }
  return { ok: true, value: data };
}

function encodeString(s: string): string {
  // %q writes a line break as a backslash and a real line break; \n reads better.
  return string.gsub(string.format("%q", s), "\\\n", "\\n")[0];
}

function encodeNumber(n: number): string {
  if (math.floor(n) === n && math.abs(n) < 2 ** 53) return string.format("%d", n);
  const short = string.format("%.14g", n);
  return tonumber(short) === n ? short : string.format("%.17g", n);
}

function encodeKey(key: string): string {
  const [ident] = string.find(key, "^[%a_][%w_]*$");
  return ident !== undefined && KEYWORDS[key] === undefined ? key : `[${encodeString(key)}]`;
}

function encodeValue(v: Scalar): string {
  if (type(v) === "string") return encodeString(v as string);
  if (type(v) === "number") return encodeNumber(v as number);
  return tostring(v);
}

/** Whether `v` can be written by `encode` and read back by `decode`. */
export function isScalar(v: unknown): v is Scalar {
  const t = type(v);
  return t === "string" || t === "boolean" || (t === "number" && isFiniteNumber(v as number));
}

/**
 * Lua text for `data`, after the comment lines `header`: the keys of `order` first, in that order,
 * then the others sorted, one `key = value,` a line.
 */
export function encode(data: Data, order: string[], header: string[]): string {
  const lines: string[] = [];
  for (const h of header) lines.push(`-- ${h}`);
  lines.push("return {");
  const keys: string[] = [];
  for (const k of order) if (data[k] !== undefined) keys.push(k);
  const rest: string[] = [];
  for (const [k] of pairs(data as unknown as LuaTable)) if (!order.includes(k as string)) rest.push(k as string);
  rest.sort();
  for (const k of rest) keys.push(k);
  for (const k of keys) lines.push(`  ${encodeKey(k)} = ${encodeValue(data[k])},`);
  lines.push("}", "");
  return lines.join("\n");
}
