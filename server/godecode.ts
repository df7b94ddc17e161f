// Request bodies decoded the way Ollama's handlers decode them (gin's ShouldBindJSON, i.e. one
// json.Decoder.Decode into a struct): the same error texts for an empty body, a syntax error or a
// field of the wrong type; data after the first value is ignored; keys match fields ignoring case.

export type Decoded =
  | { kind: "empty" }
  | { kind: "error"; message: string }
  | { kind: "ok"; value: unknown };

class SyntaxFailure {
  constructor(readonly message: string) {}
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const ESCAPABLE = new Set(Array.from('"\\/bfnrt', (ch) => ch.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Go's quoteChar: the offending byte as the scanner names it in its error text. */
function quoteChar(c: number): string {
  if (c === 0x27) {
    return "'\\''";
  }
  if (c === 0x22) {
    return "'\"'";
  }
  const named: { [c: number]: string } = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 0x5c: "\\\\" };
  const text = named[c];
  if (text !== undefined) {
    return `'${text}'`;
  }
  if (c < 0x20 || c === 0x7f) {
    return `'\\x${c.toString(16).padStart(2, "0")}'`;
  }
  if (c >= 0x80 && c < 0xa0) {
    return `'\\u${c.toString(16).padStart(4, "0")}'`;
  }
  return `'${String.fromCharCode(c)}'`;
}

/** Finds the end of the first JSON value in `bytes`, failing with Go's scanner messages. */
class Scanner {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  skipSpace(): void {
    while (this.pos < this.bytes.length && SPACE.has(this.bytes[this.pos]!)) {
      this.pos++;
    }
  }

  atEnd(): boolean {
    return this.pos >= this.bytes.length;
  }

  get offset(): number {
    return this.pos;
  }

  private next(): number {
    const c = this.bytes[this.pos];
    if (c === undefined) {
      throw new SyntaxFailure("unexpected EOF");
    }
    this.pos++;
    return c;
  }

  private peek(): number {
    const c = this.bytes[this.pos];
    if (c === undefined) {
      throw new SyntaxFailure("unexpected EOF");
    }
    return c;
  }

  private fail(c: number, context: string): never {
    throw new SyntaxFailure(`invalid character ${quoteChar(c)} ${context}`);
  }

  value(): void {
    this.skipSpace();
    const c = this.next();
    if (c === 0x7b) {
      this.object();
    } else if (c === 0x5b) {
      this.array();
    } else if (c === 0x22) {
      this.string();
    } else if (c === 0x2d || isDigit(c)) {
      this.number(c);
    } else if (c === 0x74) {
      this.literal("true");
    } else if (c === 0x66) {
      this.literal("false");
    } else if (c === 0x6e) {
      this.literal("null");
    } else {
      this.fail(c, "looking for beginning of value");
    }
  }

  private object(): void {
    this.skipSpace();
    if (this.peek() === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      const quote = this.next();
      if (quote !== 0x22) {
        this.fail(quote, "looking for beginning of object key string");
      }
      this.string();
      this.skipSpace();
      const colon = this.next();
      if (colon !== 0x3a) {
        this.fail(colon, "after object key");
      }
      this.value();
      this.skipSpace();
      const sep = this.next();
      if (sep === 0x7d) {
        return;
      }
      if (sep !== 0x2c) {
        this.fail(sep, "after object key:value pair");
      }
      this.skipSpace();
    }
  }

  private array(): void {
    this.skipSpace();
    if (this.peek() === 0x5d) {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.skipSpace();
      const sep = this.next();
      if (sep === 0x5d) {
        return;
      }
      if (sep !== 0x2c) {
        this.fail(sep, "after array element");
      }
    }
  }

  private string(): void {
    for (;;) {
      const c = this.next();
      if (c === 0x22) {
        return;
      }
      if (c === 0x5c) {
        const esc = this.next();
        if (esc === 0x75) {
          for (let i = 0; i < 4; i++) {
            const h = this.next();
            if (!isHex(h)) {
              this.fail(h, "in \\u hexadecimal character escape");
            }
          }
        } else if (!ESCAPABLE.has(esc)) {
          this.fail(esc, "in string escape code");
        }
      } else if (c < 0x20) {
        this.fail(c, "in string literal");
      }
    }
  }

  private digits(): void {
    while (this.pos < this.bytes.length && isDigit(this.bytes[this.pos]!)) {
      this.pos++;
    }
  }

  private number(first: number): void {
    let c = first;
    if (c === 0x2d) {
      c = this.next();
      if (!isDigit(c)) {
        this.fail(c, "in numeric literal");
      }
    }
    if (c !== 0x30) {
      this.digits();
    }
    if (this.bytes[this.pos] === 0x2e) {
      this.pos++;
      const d = this.next();
      if (!isDigit(d)) {
        this.fail(d, "after decimal point in numeric literal");
      }
      this.digits();
    }
    const e = this.bytes[this.pos];
    if (e === 0x65 || e === 0x45) {
      this.pos++;
      let d = this.next();
      if (d === 0x2b || d === 0x2d) {
        d = this.next();
      }
      if (!isDigit(d)) {
        this.fail(d, "in exponent of numeric literal");
      }
      this.digits();
    }
  }

  private literal(word: string): void {
    for (let i = 1; i < word.length; i++) {
      const c = this.next();
      if (c !== word.charCodeAt(i)) {
        this.fail(c, `in literal ${word} (expecting '${word[i]}')`);
      }
    }
  }
}

export function decodeBody(body: Buffer): Decoded {
  const scanner = new Scanner(body);
  scanner.skipSpace();
  if (scanner.atEnd()) {
    return { kind: "empty" };
  }
  const start = scanner.offset;
  try {
    scanner.value();
  } catch (err) {
    if (err instanceof SyntaxFailure) {
      return { kind: "error", message: err.message };
    }
    throw err;
  }
  return { kind: "ok", value: JSON.parse(body.subarray(start, scanner.offset).toString("utf8")) };
}

/** The name Go's decoder gives a JSON value's type in "cannot unmarshal X into ...". */
function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) {
    return "array";
  }
  if (typeof value === "boolean") {
    return "bool";
  }
  return typeof value;
}

/** How one field of a Go request struct accepts JSON; null always leaves the zero value. */
export type FieldKind =
  | { type: "string" }
  /** Go's []byte: a base64 string (standard alphabet, padded; \r and \n ignored). */
  | { type: "base64" }
  | { type: "bool" }
  | { type: "object" }
  | { type: "bool_or_string" }
  | { type: "number_or_string" }
  | { type: "array"; goType: string; item: FieldKind }
  | { type: "struct"; goType: string; fields: FieldSchema };

export type FieldSchema = { [field: string]: FieldKind };

export class DecodeError extends Error {}

function goTypeOf(kind: FieldKind): string {
  switch (kind.type) {
    case "string":
      return "string";
    case "base64":
      return "[]uint8";
    case "bool":
      return "bool";
    case "object":
      return "map[string]interface {}";
    case "bool_or_string":
      return "api.ThinkValue";
    case "number_or_string":
      return "api.Duration";
    case "array":
    case "struct":
      return kind.goType;
  }
}

function accepts(kind: FieldKind, value: unknown): boolean {
  switch (kind.type) {
    case "string":
    case "base64":
      return typeof value === "string";
    case "bool":
      return typeof value === "boolean";
    case "bool_or_string":
      return typeof value === "boolean" || typeof value === "string";
    case "number_or_string":
      return typeof value === "number" || typeof value === "string";
    case "array":
      return Array.isArray(value);
    case "object":
    case "struct":
      return typeof value === "object" && !Array.isArray(value);
  }
}

/**
 * Reads a decoded body into a plain record keyed by the schema's field names, failing the way
 * Go's decoder fails on a value of the wrong type. Fields outside the schema are ignored.
 */
export function bindStruct(value: unknown, structName: string, schema: FieldSchema): { [field: string]: unknown } {
  if (value === null) {
    return {};
  }
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new DecodeError(`json: cannot unmarshal ${jsonTypeName(value)} into Go value of type api.${structName}`);
  }
  return bindFields(value as { [key: string]: unknown }, structName, "", schema);
}

function bindFields(obj: { [key: string]: unknown }, structName: string, path: string, schema: FieldSchema): { [field: string]: unknown } {
  const byLowerName = new Map(Object.keys(schema).map((name) => [name.toLowerCase(), name]));
  const out: { [field: string]: unknown } = {};
  for (const [key, v] of Object.entries(obj)) {
    const field = byLowerName.get(key.toLowerCase());
    if (field === undefined || v === null) {
      continue;
    }
    out[field] = bindValue(v, schema[field]!, structName, path + field);
  }
  return out;
}

function zeroValue(kind: FieldKind): unknown {
  switch (kind.type) {
    case "string":
      return "";
    case "bool":
      return false;
    case "struct":
      return {};
    default:
      return undefined;
  }
}

function bindValue(v: unknown, kind: FieldKind, structName: string, path: string): unknown {
  if (!accepts(kind, v)) {
    throw new DecodeError(`json: cannot unmarshal ${jsonTypeName(v)} into Go struct field ${structName}.${path} of type ${goTypeOf(kind)}`);
  }
  if (kind.type === "base64") {
    const bad = base64ErrorOffset(v as string);
    if (bad !== undefined) {
      throw new DecodeError(`illegal base64 data at input byte ${bad}`);
    }
    return v;
  }
  if (kind.type === "array") {
    return (v as unknown[]).map((item) => (item === null ? zeroValue(kind.item) : bindValue(item, kind.item, structName, path)));
  }
  if (kind.type === "struct") {
    return bindFields(v as { [key: string]: unknown }, structName, `${path}.`, kind.fields);
  }
  return v;
}

const BASE64_CHAR = /[A-Za-z0-9+/]/;

/**
 * Where Go's base64.StdEncoding stops on `text` (the offset its CorruptInputError reports), or
 * undefined when it decodes: a character outside the alphabet, padding before the end, or a
 * last group of fewer than 4 characters (reported at the start of that group).
 */
function base64ErrorOffset(text: string): number | undefined {
  let inGroup = 0;
  let groupStart = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\r" || ch === "\n") {
      continue;
    }
    if (inGroup === 0) {
      groupStart = i;
    }
    if (ch === "=") {
      if (inGroup < 2) {
        return i;
      }
      padding++;
    } else if (padding > 0 || !BASE64_CHAR.test(ch)) {
      return i;
    }
    inGroup = (inGroup + 1) % 4;
    if (inGroup === 0 && padding > 0 && i !== text.length - 1) {
      return i + 1;
    }
  }
  return inGroup === 0 ? undefined : groupStart;
}
