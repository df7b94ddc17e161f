// The chat's tree-sitter parse around a streamed reply. While a reply streams the parse is held
// (the highlighter draws from the trees as of the reply's start, edited as text arrives); when it
// ends the chat is parsed again. Neovim 0.11+ parses asynchronously in the highlighter, so there
// the hold is simply released. Neovim 0.10 parses synchronously in the redraw: the parse at the
// end of a long reply froze the editor 150-800 ms (docs/benchmarks.md), so there the parse is
// finished here a slice at a time (tree-sitter's timeout, resumed). On every Neovim long inline
// regions are split, so no single inline parse or scan is long (0.12's asynchronous parse does
// not yield inside one: the injection scan of one 4,000-line inline tree blocked 45-50 ms).
// Touches LanguageTree internals (0.10's and 0.11+'s `_get_injections`).

/** The part of Neovim's tree-sitter LanguageTree used here (not in types/vim.d.ts). */
export interface LanguageTree {
  parse: ((this: LanguageTree, range?: unknown) => unknown) | undefined;
  trees(this: LanguageTree): LuaTable<number, TSTree>;
  children(this: LanguageTree): LuaTable<string, LanguageTree>;
  lang(this: LanguageTree): string;
  _parser: TSParser;
  _injection_query: TSQuery | undefined;
  _get_injections: ((this: LanguageTree, ...args: unknown[]) => Injections) | undefined;
  _get_injection(this: LanguageTree, match: unknown, metadata: unknown): LuaMultiReturn<[string | undefined, boolean, Range6[]]>;
}
interface TSParser {
  set_timeout(this: TSParser, us: number): void;
  reset(this: TSParser): void;
}
interface TSNode {
  range(this: TSNode): LuaMultiReturn<[number, number, number, number]>;
}
interface TSTree {
  root(this: TSTree): TSNode;
}
type MatchIter = (this: void) => LuaMultiReturn<[number | undefined, unknown, unknown]>;
interface TSQuery {
  iter_matches(this: TSQuery, node: unknown, source: number, start: number, stop: number, opts: object): MatchIter;
}
/** {start row, start col, start byte, end row, end col, end byte}, 0-based. */
type Range6 = [number, number, number, number, number, number];
/** Regions by language, each region a list of ranges parsed together. */
type Injections = LuaTable<string, Range6[][]>;

/** Neovim 0.10: no asynchronous parse. */
const SYNC_PARSE = vim.fn.has("nvim-0.11") === 0;

/** One slice of the end-of-reply parse works at most about this long (µs), then the editor runs. */
const SLICE_US = 4000;
const SLICE_GAP_MS = 2;
/** The injection scan's row ranges (see InjectionScan). */
const SCAN_ROWS = 200;
/** An inline region longer than this (rows) is parsed in pieces of this many rows. */
export const INLINE_ROWS = 100;
/**
 * An inline region of more bytes than this is parsed in pieces of at most this many: a line of
 * megabytes (a saved chat with an 8 MB line) is otherwise one inline parse of 100 ms, which
 * tree-sitter's timeout does not interrupt (one token).
 */
export const INLINE_BYTES = 64 * 1024;

/** The tree-sitter error a parse stopped by its timeout raises (Neovim 0.10). */
const TIMED_OUT = "An error occurred when parsing";

function classMethod<K extends keyof LanguageTree>(tree: LanguageTree, name: K): LanguageTree[K] {
  return ((getmetatable(tree) as { __index: LanguageTree }).__index)[name];
}

/** The highlighter's tree of `buf`, if any (its module not loaded: no highlighter anywhere). */
export function highlighterTree(buf: number): LanguageTree | undefined {
  const highlighter = (globalThis as any).package.loaded["vim.treesitter.highlighter"] as
    | { active: LuaTable<number, { tree?: LanguageTree } | undefined> }
    | undefined;
  return highlighter?.active.get(buf)?.tree;
}

/** How many holds each tree has: a reply that starts while the last one's parse settles shares it. */
const holds = new LuaMap<LanguageTree, number>();

function heldParse(this: LanguageTree): unknown {
  return this.trees();
}

/** Holds the parse of `tree` (returns its current trees) until every hold is released. */
export function hold(tree: LanguageTree): (this: void) => void {
  holds.set(tree, (holds.get(tree) ?? 0) + 1);
  tree.parse = heldParse;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const n = (holds.get(tree) ?? 1) - 1;
    if (n > 0) return void holds.set(tree, n);
    holds.delete(tree);
    tree.parse = undefined; // the class's parse again
  };
}

function eachTree(tree: LanguageTree, fn: (t: LanguageTree) => void): void {
  fn(tree);
  for (const [, child] of tree.children()) eachTree(child, fn);
}

function setTimeouts(tree: LanguageTree, us: number): void {
  eachTree(tree, (t) => t._parser.set_timeout(us));
}

/** `region` in pieces of at most INLINE_ROWS rows, cut at row starts. */
function splitRegion(buf: number, region: Range6[]): Range6[][] {
  const out: Range6[][] = [];
  let piece: Range6[] = [];
  let pieceStart = region[0][0];
  for (const range of region) {
    let [sr, sc, sb] = [range[0], range[1], range[2]];
    while (range[3] > pieceStart + INLINE_ROWS) {
      const cut = pieceStart + INLINE_ROWS;
      if (cut > sr) {
        const cb = vim.api.nvim_buf_get_offset(buf, cut);
        piece.push([sr, sc, sb, cut, 0, cb]);
        [sr, sc, sb] = [cut, 0, cb];
      }
      if (piece.length > 0) out.push(piece);
      piece = [];
      pieceStart = Math.max(cut, sr);
    }
    piece.push([sr, sc, sb, range[3], range[4], range[5]]);
  }
  if (piece.length > 0) out.push(piece);
  return out;
}

function byteLength(region: Range6[]): number {
  let n = 0;
  for (const r of region) n += r[5] - r[2];
  return n;
}

/** Where a cut at byte column `col` of `row` may go: not inside a UTF-8 character. */
function charStart(buf: number, row: number, col: number, end: number): number {
  const [text] = vim.api.nvim_buf_get_text(buf, row, col, row, Math.min(col + 4, end), {});
  let i = 1;
  while (i <= text.length && string.byte(text, i) >= 0x80 && string.byte(text, i) < 0xc0) i++;
  return col + i - 1;
}

/** `region` in pieces of at most about INLINE_BYTES bytes: its rows apart, a longer row cut within. */
function splitBytes(buf: number, region: Range6[]): Range6[][] {
  const out: Range6[][] = [];
  let piece: Range6[] = [];
  let size = 0;
  const add = (r: Range6) => {
    if (size + r[5] - r[2] > INLINE_BYTES && piece.length > 0) {
      out.push(piece);
      [piece, size] = [[], 0];
    }
    piece.push(r);
    size += r[5] - r[2];
  };
  for (const range of region) {
    let [row, col, byte] = [range[0], range[1], range[2]];
    while (row <= range[3]) {
      const last = row === range[3];
      // this row's part of the range: to the range's end, or to the next row's start
      const [endRow, endCol, endByte] = last ? [row, range[4], range[5]] : [row + 1, 0, vim.api.nvim_buf_get_offset(buf, row + 1)];
      const rowEnd = last ? range[4] : col + endByte - byte - 1;
      while (endByte - byte > INLINE_BYTES) {
        const cut = charStart(buf, row, col + INLINE_BYTES, rowEnd);
        if (cut >= rowEnd) break;
        add([row, col, byte, row, cut, byte + cut - col]);
        [byte, col] = [byte + cut - col, cut];
      }
      if (endByte > byte) add([row, col, byte, endRow, endCol, endByte]);
      [row, col, byte] = [row + 1, 0, endByte];
    }
  }
  if (piece.length > 0) out.push(piece);
  return out;
}

/**
 * The inline regions longer than INLINE_ROWS rows or INLINE_BYTES bytes split (each region is one
 * inline tree, parsed and scanned whole).
 */
function splitLong(buf: number, injections: Injections): Injections {
  const inline = injections.get("markdown_inline");
  if (inline === undefined) return injections;
  const out: Range6[][] = [];
  for (const region of inline) {
    const pieces = region.length === 0 || region[region.length - 1][3] - region[0][0] <= INLINE_ROWS ? [region] : splitRegion(buf, region);
    for (const piece of pieces) {
      if (byteLength(piece) <= INLINE_BYTES) out.push(piece);
      else for (const small of splitBytes(buf, piece)) out.push(small);
    }
  }
  injections.set("markdown_inline", out);
  return injections;
}

/**
 * Makes the chat's parser split long inline regions. A reply of thousands of lines in one
 * paragraph is one inline region: on 0.10 one uninterruptible parse of 100 ms or more; on 0.11+
 * one inline tree whose injection scan does not yield (and, split, only the pieces drawn are parsed).
 */
export function splitInlineRegions(buf: number, tree: LanguageTree): void {
  const scan = classMethod(tree, "_get_injections");
  if (scan === undefined) return;
  // 0.11+ passes (range, thread state); 0.10 nothing.
  tree._get_injections = function (this: LanguageTree, ...args: unknown[]) {
    return splitLong(buf, scan.call(this, ...args));
  };
}

/**
 * The injection scan of `tree`'s trees, done a slice at a time; the same regions _get_injections
 * finds. It goes SCAN_ROWS rows at a time: walking one long paragraph (a reply of thousands of
 * lines) to its end is one call of the match iterator, 35 ms for 4,000 lines; a node in several
 * row ranges matches in each and is counted once.
 */
class InjectionScan {
  private readonly indexes: number[] = [];
  private at = 0;
  private row = 0;
  private iter: MatchIter | undefined;
  private readonly seen = new LuaSet<string>();
  /** regions by tree index, language and pattern, in document order */
  private readonly found = new LuaMap<number, LuaMap<string, LuaMap<number, { combined: boolean; regions: Range6[][] }>>>();

  constructor(private readonly buf: number, private readonly tree: LanguageTree) {
    for (const [i] of tree.trees()) this.indexes.push(i);
  }

  /** Scans until `deadline` (hrtime); the regions when the scan is complete. */
  run(deadline: number): Injections | undefined {
    const query = this.tree._injection_query;
    if (query === undefined) return new LuaTable();
    let n = 0;
    while (this.at < this.indexes.length) {
      const index = this.indexes[this.at];
      const root = this.tree.trees().get(index).root();
      const [sr, , er] = root.range();
      if (this.iter === undefined) {
        this.row = Math.max(this.row, sr);
        this.iter = query.iter_matches(root, this.buf, this.row, Math.min(this.row + SCAN_ROWS, er + 1), { all: true });
      }
      for (;;) {
        const [pattern, match, metadata] = this.iter();
        if (pattern === undefined) break;
        if (this.firstTime(pattern, match as LuaTable<number, { id(this: unknown): string }[]>)) {
          const [lang, combined, ranges] = this.tree._get_injection(match, metadata);
          if (lang !== undefined && ranges.length > 0) this.add(index, lang, pattern, combined, ranges);
        }
        n++;
        if (n % 16 === 0 && vim.uv.hrtime() > deadline) return undefined;
      }
      this.iter = undefined;
      this.row += SCAN_ROWS;
      if (this.row > er) {
        this.at++;
        this.row = 0;
      }
      if (vim.uv.hrtime() > deadline) return undefined;
    }
    return this.result();
  }

  /** Whether this match (its pattern and nodes) was not seen in an earlier row range. */
  private firstTime(pattern: number, match: LuaTable<number, { id(this: unknown): string }[]>): boolean {
    const ids: string[] = [tostring(pattern)];
    for (const [, nodes] of match) for (const node of nodes) ids.push(node.id());
    const key = table.concat(ids, " ");
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  private add(index: number, lang: string, pattern: number, combined: boolean, ranges: Range6[]): void {
    let byLang = this.found.get(index);
    if (byLang === undefined) this.found.set(index, (byLang = new LuaMap()));
    let byPattern = byLang.get(lang);
    if (byPattern === undefined) byLang.set(lang, (byPattern = new LuaMap()));
    let entry = byPattern.get(pattern);
    if (entry === undefined) byPattern.set(pattern, (entry = { combined, regions: [] }));
    entry.regions.push(ranges);
  }

  /** A combined pattern's regions are parsed as one; the others one by one. */
  private result(): Injections {
    const out: Injections = new LuaTable();
    for (const [, byLang] of this.found) {
      for (const [lang, byPattern] of byLang) {
        let regions = out.get(lang);
        if (regions === undefined) out.set(lang, (regions = []));
        for (const [, entry] of byPattern) {
          if (entry.combined) {
            const all: Range6[] = [];
            for (const r of entry.regions) for (const range of r) all.push(range);
            regions.push(all);
          } else {
            for (const r of entry.regions) regions.push(r);
          }
        }
      }
    }
    return out;
  }
}

/** The rows the windows showing `buf` draw, as the highlighter asks for them; undefined when none does. */
function shownRange(buf: number): [number, number] | undefined {
  let top = math.huge;
  let bottom = -1;
  for (const win of vim.api.nvim_list_wins()) {
    if (vim.api.nvim_win_get_buf(win) === buf) {
      const fn = vim.fn as unknown as { line(this: void, expr: string, win: number): number };
      top = Math.min(top, fn.line("w0", win) - 1);
      bottom = Math.max(bottom, fn.line("w$", win));
    }
  }
  return bottom < 0 ? undefined : [top, bottom];
}

/**
 * Ends a hold taken for a reply: on 0.11+ at once (the highlighter parses asynchronously); on
 * 0.10 once the chat is parsed for its windows, a slice at a time, the hold kept meanwhile.
 */
export function settle(buf: number, tree: LanguageTree, release: (this: void) => void): void {
  if (!SYNC_PARSE) return release();
  const parse = classMethod(tree, "parse") as (this: LanguageTree, range?: unknown) => unknown;
  let phase: "root" | "injections" | "install" | "children" = "root";
  let scan: InjectionScan | undefined;
  let found: Injections | undefined;
  let tick = vim.api.nvim_buf_get_changedtick(buf);

  /** One parse call within the slice's timeout: true when it finished, false when it timed out. */
  const attempt = (range?: unknown): boolean | undefined => {
    setTimeouts(tree, SLICE_US);
    const [ok, err] = pcall(parse, tree, range);
    setTimeouts(tree, 0);
    if (ok) return true;
    return string.find(tostring(err), TIMED_OUT, 1, true)[0] !== undefined ? false : undefined;
  };

  const step = (): void => {
    // Another reply holds the parse now (it settles when it ends), or the chat is gone.
    if (!vim.api.nvim_buf_is_valid(buf) || (holds.get(tree) ?? 0) > 1 || highlighterTree(buf) !== tree) return release();
    const now = vim.api.nvim_buf_get_changedtick(buf);
    if (now !== tick) {
      // Edited meanwhile: a parse stopped halfway would resume on other text.
      eachTree(tree, (t) => t._parser.reset());
      [tick, phase, scan, found] = [now, "root", undefined, undefined];
    }
    const deadline = vim.uv.hrtime() + SLICE_US * 1000;
    let done: boolean | undefined = false;
    if (phase === "root") {
      done = attempt();
      if (done === true) [phase, done] = ["injections", false];
    } else if (phase === "injections") {
      scan = scan ?? new InjectionScan(buf, tree);
      found = scan.run(deadline);
      if (found !== undefined) phase = "install";
    } else if (phase === "install" && found !== undefined) {
      const range = shownRange(buf);
      if (range === undefined) return release();
      // The scan's result stands in for the first scan of the next parse, which parses the shown rows.
      const own = rawget(tree, "_get_injections") as LanguageTree["_get_injections"];
      const regions = found;
      tree._get_injections = () => splitLong(buf, regions);
      done = attempt(range);
      tree._get_injections = own;
      phase = "children";
    } else {
      const range = shownRange(buf);
      done = range === undefined ? true : attempt(range);
    }
    // undefined: a parse failed for another reason; the highlighter's own parse will report it.
    if (done !== false) return release();
    vim.defer_fn(guarded, SLICE_GAP_MS);
  };
  // Internals this does not expect (another Neovim than 0.10's): the hold goes, nothing else.
  const guarded = (): void => {
    const [ok] = pcall(step);
    if (!ok) release();
  };
  vim.defer_fn(guarded, SLICE_GAP_MS);
}
