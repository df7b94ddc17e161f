// Whole (non-streamed) answers framed as Go's net/http frames them: a body up to 2 KiB is
// buffered and gets a Content-Length, a longer one goes out chunked.

import type { ServerResponse } from "node:http";
import { goJson } from "./gojson.js";

const BUFFER_BEFORE_CHUNKING = 2048;

export function sendBody(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  if (bytes.length <= BUFFER_BEFORE_CHUNKING) {
    res.setHeader("Content-Length", bytes.length);
    res.end(bytes);
  } else {
    res.write(bytes);
    res.end();
  }
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendBody(res, status, "application/json; charset=utf-8", goJson(value));
}

export function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = "text/plain; charset=utf-8"): void {
  sendBody(res, status, contentType, text);
}

/** 200 with no body and no Content-Type, as /api/delete answers. */
export function sendEmpty(res: ServerResponse): void {
  res.statusCode = 200;
  res.setHeader("Content-Length", 0);
  res.end();
}
