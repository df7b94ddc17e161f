// A Lua file that holds data, never code: `return { key = "value", n = 1, flag = true }`.
//
// The text is parsed here, by a tokenizer and parser for the data subset of Lua (one `return` of a
// table constructor; strings in every form LuaJIT reads, numbers, true/false/nil, nested tables,
// comments), and is never handed to `load`: nothing in it can run, loop or allocate without end.
// Whatever LuaJIT would read differently (duplicate keys, a key set both by position and by `[n]`,
// cdata numbers) is refused, so a file yields exactly the table Lua would build, or a message.

export type Scalar = string | number | boolean;
export type Data = { [key: string]: Scalar };

export type Decoded = { ok: true; value: Data } | { ok: false; error: string };
export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Tables nested deeper than this are refused (the parser recurses once per level). */
export const MAX_DEPTH = 64;

type TokenKind = "name" | "string" | "number" | "punct" | "eof";

interface Token {
  kind: TokenKind;
  /** The name or punctuation; the decoded string; the number's text. */
  text: string;
  /** A number's value. */
  num: number;
  /** Byte offset where the token starts (for the line of a message). */
  pos: number;
}

const KEYWORDS: { [word: string]: boolean } = {};
for (const word of [
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
  "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
]) KEYWORDS[word] = true;

const SPACE = "^[ \t\n\r\v\f]+";
/** What LuaJIT reads as one numeral: identifier bytes (non-ASCII ones included) and dots. */
const NUMERAL = `^[%w_%.${string.char(0x80)}-${string.char(0xff)}]+`;
const BOM = string.char(0xef, 0xbb, 0xbf);
const ESCAPES: { [c: string]: string } = { a: string.char(7), b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\", '"': '"', "'": "'" };

/** Thrown by the parser; `pos` is turned into a line number once, when the message is made. */
interface Refusal {
  refusal: true;
  pos: number;
  message: string;
}

function refusal(pos: number, message: string): Refusal {
  return { refusal: true, pos, message };
}

/** Lua's line of byte `pos`: `\n`, `\r`, `\r\n` and `\n\r` each end one line. */
function lineAt(text: string, pos: number): number {
  let line = 1;
  let i = 1;
  for (;;) {
    const [at] = string.find(text, "[\r\n]", i);
    if (at === undefined || at >= pos) return line;
    line++;
    const pair = string.sub(text, at, at + 1);
    i = pair === "\r\n" || pair === "\n\r" ? at + 2 : at + 1;
  }
}

/** Every line break (`\r\n`, `\n\r`, `\r`, `\n`) written as `\n`, as Lua reads long strings. */
function normalizeBreaks(s: string): string {
  if (string.find(s, "\r", 1, true)[0] === undefined) return s;
  const parts: string[] = [];
  let i = 1;
  for (;;) {
    const [at] = string.find(s, "[\r\n]", i);
    if (at === undefined) break;
    parts.push(string.sub(s, i, at - 1), "\n");
    const pair = string.sub(s, at, at + 1);
    i = pair === "\r\n" || pair === "\n\r" ? at + 2 : at + 1;
  }
  parts.push(string.sub(s, i));
  return parts.join("");
}

/** UTF-8 bytes of a code point below 0x110000 (surrogates excluded by the caller). */
function utf8(c: number): string {
  if (c < 0x80) return string.char(c);
  if (c < 0x800) return string.char(0xc0 + math.floor(c / 0x40), 0x80 + (c % 0x40));
  if (c < 0x10000) return string.char(0xe0 + math.floor(c / 0x1000), 0x80 + (math.floor(c / 0x40) % 0x40), 0x80 + (c % 0x40));
  return string.char(0xf0 + math.floor(c / 0x40000), 0x80 + (math.floor(c / 0x1000) % 0x40), 0x80 + (math.floor(c / 0x40) % 0x40), 0x80 + (c % 0x40));
}

class Lexer {
  pos = 1;

  constructor(readonly text: string) {
    // A UTF-8 byte order mark, as some editors write it (LuaJIT skips it too).
    if (string.sub(text, 1, 3) === BOM) this.pos = 4;
  }

  private fail(pos: number, message: string): never {
    throw refusal(pos, message);
  }

  /** The end of the long bracket `[==[` ... `]==]` opened at `from`, and where its text starts. */
  private longBracket(from: number): LuaMultiReturn<[number, number] | [undefined, undefined]> {
    const [, openEnd, level] = string.find(this.text, "^%[(=*)%[", from);
    if (openEnd === undefined) return $multi(undefined, undefined);
    const [close, closeEnd] = string.find(this.text, `]${level}]`, openEnd + 1, true);
    if (close === undefined) this.fail(from, "unfinished long string or comment");
    return $multi(openEnd + 1, closeEnd!);
  }

  private skipSpaceAndComments(): void {
    const text = this.text;
    for (;;) {
      const [, spaceEnd] = string.find(text, SPACE, this.pos);
      if (spaceEnd !== undefined) this.pos = spaceEnd + 1;
      if (string.sub(text, this.pos, this.pos + 1) !== "--") return;
      const [, longEnd] = this.longBracket(this.pos + 2);
      if (longEnd !== undefined) {
        this.pos = longEnd + 1;
      } else {
        // A line comment ends at \n or at \r: Lua ends it at either.
        const [at] = string.find(text, "[\r\n]", this.pos + 2);
        this.pos = at ?? text.length + 1;
      }
    }
  }

  private longString(start: number): Token {
    const [from, closeEnd] = this.longBracket(start);
    const level = string.find(this.text, "^%[=*", start)[1]! - start;
    let body = normalizeBreaks(string.sub(this.text, from!, closeEnd! - level - 2));
    // A line break right after the opening bracket is not part of the string.
    if (string.sub(body, 1, 1) === "\n") body = string.sub(body, 2);
    this.pos = closeEnd! + 1;
    return { kind: "string", text: body, num: 0, pos: start };
  }

  private quotedString(start: number, quote: string): Token {
    const text = this.text;
    const parts: string[] = [];
    let i = start + 1;
    for (;;) {
      const [at] = string.find(text, quote === '"' ? '[\\\r\n"]' : "[\\\r\n']", i);
      if (at === undefined) this.fail(start, "unfinished string");
      parts.push(string.sub(text, i, at! - 1));
      const c = string.sub(text, at!, at!);
      if (c === quote) {
        this.pos = at! + 1;
        return { kind: "string", text: parts.join(""), num: 0, pos: start };
      }
      if (c !== "\\") this.fail(start, "unfinished string");
      const e = string.sub(text, at! + 1, at! + 1);
      i = at! + 2;
      if (ESCAPES[e] !== undefined) {
        parts.push(ESCAPES[e]);
      } else if (e === "\n" || e === "\r") {
        const pair = string.sub(text, at! + 1, at! + 2);
        if (pair === "\r\n" || pair === "\n\r") i++;
        parts.push("\n");
      } else if (e === "x") {
        const [hex] = string.match(text, "^%x%x", i);
        if (hex === undefined) this.fail(at!, "invalid escape \\x (two hex digits expected)");
        parts.push(string.char(tonumber(hex, 16)!));
        i += 2;
      } else if (e === "z") {
        i = string.find(text, "^[ \t\n\r\v\f]*", i)[1]! + 1;
      } else if (e === "u") {
        const [hex, close] = string.match(text, "^{(%x+)()}", i);
        if (hex === undefined) this.fail(at!, "invalid escape \\u{...}");
        const [, digits] = string.find(hex!, "^0*");
        const code = hex!.length - digits! > 6 ? 0x110000 : tonumber(hex, 16)!;
        if (code >= 0x110000 || (code >= 0xd800 && code < 0xe000)) this.fail(at!, "invalid escape \\u{...}: not a Unicode scalar value");
        parts.push(utf8(code));
        i = (close as unknown as number) + 1;
      } else if (string.find(e, "^%d")[0] !== undefined) {
        const [digits] = string.match(text, "^%d%d?%d?", at! + 1);
        const code = tonumber(digits)!;
        if (code > 255) this.fail(at!, "invalid escape: decimal escapes go up to \\255");
        parts.push(string.char(code));
        i = at! + 1 + digits!.length;
      } else if (e === "") {
        this.fail(start, "unfinished string");
      } else {
        this.fail(at!, `invalid escape \\${string.format("%q", e)}`);
      }
    }
  }

  private number(start: number): Token {
    // The span LuaJIT reads as one numeral: identifier bytes and dots, and a sign after an exponent.
    let end = start;
    for (;;) {
      const [, e] = string.find(this.text, NUMERAL, end + 1);
      if (e !== undefined) end = e;
      const last = string.sub(this.text, end, end);
      const next = string.sub(this.text, end + 1, end + 1);
      if ((next === "+" || next === "-") && string.find(last, "^[eEpP]")[0] !== undefined) end++;
      else break;
    }
    const span = string.sub(this.text, start, end);
    const n = tonumber(span);
    if (n === undefined) this.fail(start, `malformed number ${string.sub(span, 1, 40)}`);
    if (n !== n || n === math.huge || n === -math.huge) this.fail(start, "numbers must be finite");
    this.pos = end + 1;
    return { kind: "number", text: span, num: n!, pos: start };
  }

  next(): Token {
    this.skipSpaceAndComments();
    const text = this.text;
    const start = this.pos;
    if (start > text.length) return { kind: "eof", text: "end of file", num: 0, pos: start };
    const c = string.sub(text, start, start);
    if (c === "[" && string.find(text, "^%[=*%[", start)[0] !== undefined) return this.longString(start);
    if (c === '"' || c === "'") return this.quotedString(start, c);
    if (string.find(c, "%d")[0] !== undefined || string.find(text, "^%.%d", start)[0] !== undefined) return this.number(start);
    if (string.find(c, "[%a_]")[0] !== undefined) {
      const [, e] = string.find(text, "^[%w_]*", start);
      this.pos = e! + 1;
      return { kind: "name", text: string.sub(text, start, e!), num: 0, pos: start };
    }
    if (string.find(c, "^[{}%[%]=,;%-]")[0] !== undefined) {
      this.pos = start + 1;
      return { kind: "punct", text: c, num: 0, pos: start };
    }
    this.fail(start, `unexpected ${string.format("%q", c)}: only data (strings, numbers, booleans, tables) is allowed`);
  }
}

/** A token as a message names it, on one line. */
function describeToken(t: Token): string {
  if (t.kind === "eof") return "end of file";
  if (t.kind === "string") return "a string";
  if (t.kind === "number") return `the number ${t.text}`;
  return `"${string.sub(t.text, 1, 30)}"`;
}

class Parser {
  private readonly lexer: Lexer;
  private tok: Token;
  private ahead: Token | undefined;

  constructor(text: string) {
    this.lexer = new Lexer(text);
    this.tok = this.lexer.next();
  }

  private advance(): void {
    this.tok = this.ahead ?? this.lexer.next();
    this.ahead = undefined;
  }

  private peekNext(): Token {
    this.ahead = this.ahead ?? this.lexer.next();
    return this.ahead;
  }

  private isEof(): boolean {
    return this.tok.kind === "eof";
  }

  private isPunct(text: string): boolean {
    return this.tok.kind === "punct" && this.tok.text === text;
  }

  private expected(what: string): never {
    throw refusal(this.tok.pos, `expected ${what}, found ${describeToken(this.tok)}`);
  }

  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.expected(`"${text}"`);
    this.advance();
  }

  /** `return <value> [;]` and nothing after it. */
  file(): unknown {
    if (!(this.tok.kind === "name" && this.tok.text === "return")) this.expected('"return" (the file must be `return { ... }`)');
    this.advance();
    if (this.isEof() || this.isPunct(";")) this.expected("a value after return");
    const value = this.value(0);
    if (this.isPunct(";")) this.advance();
    if (!this.isEof()) this.expected("end of file after the returned value");
    return value;
  }

  /** A literal or a table constructor; `nil` is returned as undefined. */
  private value(depth: number): unknown {
    const t = this.tok;
    if (t.kind === "string") {
      this.advance();
      return t.text;
    }
    if (t.kind === "number") {
      this.advance();
      return t.num;
    }
    if (t.kind === "punct" && t.text === "-") {
      this.advance();
      if (this.tok.kind !== "number") this.expected("a number after -");
      const n = this.tok.num;
      this.advance();
      return -n;
    }
    if (t.kind === "name" && (t.text === "true" || t.text === "false" || t.text === "nil")) {
      this.advance();
      return t.text === "nil" ? undefined : t.text === "true";
    }
    if (t.kind === "punct" && t.text === "{") return this.table(depth + 1);
    this.expected("a string, a number, true, false, nil or a table (names, calls and operators are not allowed)");
  }

  private table(depth: number): LuaTable {
    if (depth > MAX_DEPTH) throw refusal(this.tok.pos, `tables are nested more than ${MAX_DEPTH} deep`);
    this.advance();
    const t = new LuaTable<AnyNotNil, unknown>();
    const seen = new LuaTable<AnyNotNil, boolean>();
    let positional = 0;
    while (!this.isPunct("}")) {
      const at = this.tok.pos;
      let key: AnyNotNil;
      if (this.isPunct("[")) {
        this.advance();
        const k = this.tok;
        const k0 = this.value(depth);
        if (k0 === undefined || type(k0) === "table") throw refusal(k.pos, "a key must be a string, a number or a boolean");
        key = k0 as AnyNotNil;
        this.expectPunct("]");
        this.expectPunct("=");
      } else if (this.tok.kind === "name" && KEYWORDS[this.tok.text] === undefined && this.peekNext().kind === "punct" && this.peekNext().text === "=") {
        key = this.tok.text;
        this.advance();
        this.advance();
      } else {
        positional++;
        key = positional;
      }
      // Refused, not "last wins": LuaJIT does not always let the last one win (`{ a = {}, a = 1 }`,
      // `{ 1, [1] = 2 }`), so no rule would give the table Lua builds.
      if (seen.get(key) === true) throw refusal(at, `the key ${type(key) === "string" ? `"${string.sub(key as string, 1, 30)}"` : tostring(key)} is set twice`);
      seen.set(key, true);
      t.set(key, this.value(depth));
      if (this.isPunct(",") || this.isPunct(";")) this.advance();
      else if (!this.isPunct("}")) this.expected('"," or "}"');
    }
    this.advance();
    return t;
  }
}

/** The value a data file returns (tables as Lua tables), or why the file is not data. */
export function parse(text: string): Parsed {
  if (type(text) !== "string") return { ok: false, error: "not a text" };
  const [ok, result] = pcall(() => new Parser(text).file());
  if (ok) return { ok: true, value: result };
  const refused = result as unknown as Refusal;
  if (type(result) === "table" && refused.refusal === true) return { ok: false, error: `line ${lineAt(text, refused.pos)}: ${refused.message}` };
  // Not expected; a message all the same, never an error for the caller.
  return { ok: false, error: string.gsub(tostring(result), "[\r\n]+", " ")[0] };
}

function isFiniteNumber(n: number): boolean {
  return n === n && n !== math.huge && n !== -math.huge;
}

/** Reads a flat `return { key = scalar, ... }` file: string keys, string/number/boolean values. */
export function decode(text: string, _name?: string): Decoded {
  const parsed = parse(text);
  if (!parsed.ok) return parsed;
  if (type(parsed.value) !== "table") return { ok: false, error: "the file must return a table: `return { key = value, ... }`" };
  const data: Data = {};
  for (const [k, v] of pairs(parsed.value as LuaTable)) {
    if (type(k) !== "string") return { ok: false, error: `keys must be names or ["strings"], found the key ${tostring(k)}` };
    if (!isScalar(v)) return { ok: false, error: `\`${string.sub(k as string, 1, 40)}\`: values must be strings, numbers or booleans (found a table)` };
    data[k as string] = v as Scalar;
  }
  return { ok: true, value: data };
}

function encodeString(s: string): string {
  // %q writes a line break as a backslash and a real line break; \n reads better. A \r stays
  // escaped too (%q writes it as \r), so the file's lines are always \n-separated.
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
