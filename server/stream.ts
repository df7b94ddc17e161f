// Writing an answer in pieces: NDJSON lines (chunked, application/x-ndjson), with optional
// split points that cut the body at given byte offsets, pausing between pieces so that a client
// reads them separately. Writes respect backpressure and yield to the event loop regularly, so a
// fast stream never starves other requests.

import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { ServerResponse } from "node:http";
import type { Exchange } from "./exchange.js";
import { goJson } from "./gojson.js";

const SPLIT_PAUSE_MS = 5;
const WRITES_PER_TURN = 32;

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

export class BodyWriter {
  private offset = 0;
  private nextSplit = 0;
  private writesThisTurn = 0;

  /** `splitAt`: ascending byte offsets into the whole body. */
  constructor(
    private readonly ex: Exchange,
    private readonly splitAt: readonly number[] = [],
  ) {}

  /** Writes `bytes`, cut at the split points that fall inside it. */
  async send(bytes: Buffer): Promise<void> {
    let pos = 0;
    const end = this.offset + bytes.length;
    while (this.nextSplit < this.splitAt.length && this.splitAt[this.nextSplit]! <= end) {
      const cut = this.splitAt[this.nextSplit++]! - this.offset;
      if (cut > pos) {
        await this.write(bytes.subarray(pos, cut));
        pos = cut;
      }
      await sleep(SPLIT_PAUSE_MS);
    }
    if (pos < bytes.length) {
      await this.write(bytes.subarray(pos));
    }
    this.offset = end;
  }

  private async write(piece: Buffer): Promise<void> {
    if (this.ex.gone) {
      return;
    }
    if (!this.ex.res.write(piece)) {
      await drainOrClose(this.ex.res);
    }
    if (++this.writesThisTurn >= WRITES_PER_TURN) {
      this.writesThisTurn = 0;
      await nextTurn();
    }
  }

  end(): void {
    if (!this.ex.gone) {
      this.ex.res.end();
    }
  }
}

/** An NDJSON stream: 200, chunked, one Go-encoded object per line. Headers go with the first line. */
export class NdjsonStream {
  private readonly writer: BodyWriter;

  constructor(ex: Exchange, splitAt: readonly number[] = []) {
    ex.res.statusCode = 200;
    ex.res.setHeader("Content-Type", "application/x-ndjson");
    this.writer = new BodyWriter(ex, splitAt);
  }

  line(value: unknown): Promise<void> {
    return this.writer.send(Buffer.from(`${goJson(value)}\n`));
  }

  end(): void {
    this.writer.end();
  }
}
