// Splits a byte stream into lines at "\n", wherever the reads happen to end: inside a line, inside
// a JSON string, between the bytes of one UTF-8 character. Only the new bytes of each read are
// scanned, and a partial line is kept as a list of pieces joined once, so a line of many
// megabytes costs linear time.

export class LineSplitter {
  private pieces: string[] = [];

  constructor(private readonly onLine: (this: void, line: string) => void) {}

  push(data: string): void {
    let start = 1;
    for (;;) {
      const [nl] = string.find(data, "\n", start, true);
      if (nl === undefined) break;
      let line = string.sub(data, start, nl - 1);
      if (this.pieces.length > 0) {
        this.pieces.push(line);
        line = table.concat(this.pieces);
        this.pieces = [];
      }
      this.emit(line);
      start = nl + 1;
    }
    if (start <= data.length) this.pieces.push(string.sub(data, start));
  }

  /** Delivers a final line that had no newline. */
  finish(): void {
    if (this.pieces.length === 0) return;
    const line = table.concat(this.pieces);
    this.pieces = [];
    this.emit(line);
  }

  private emit(line: string): void {
    // CRLF from proxies: the "\r" is framing, not content.
    if (string.sub(line, -1) === "\r") line = string.sub(line, 1, -2);
    if (line !== "") this.onLine(line);
  }
}

/** A LineSplitter for Lua callers (tstl classes are built with `new`, not `.new`). */
export function lineSplitter(onLine: (this: void, line: string) => void): LineSplitter {
  return new LineSplitter(onLine);
}
