// How long a prompt is, in this server's deterministic tokens, and what fits in num_ctx: the
// messages Ollama drops (the oldest, keeping system messages and always the last one), then the
// runner's cut to num_ctx. Clients estimate tokens from characters and calibrate against the
// prompt_eval_count these rules give.

import type { Fields } from "./requests.js";
import { text } from "./requests.js";

/** Tokens a message costs besides its text: its role header and end marker. */
export const MESSAGE_OVERHEAD_TOKENS = 4;
/** Bytes of UTF-8 per token. */
export const BYTES_PER_TOKEN = 4;
/** What Ollama counts for an image when truncating for a vision model. */
export const IMAGE_TOKENS = 768;

export interface PromptMessage {
  role: string;
  content: string;
  images: number;
}

export function promptMessage(fields: Fields): PromptMessage {
  const images = fields["images"];
  return { role: text(fields, "role"), content: text(fields, "content"), images: Array.isArray(images) ? images.length : 0 };
}

/** 4 + ceil(UTF-8 bytes / 4), plus 768 per image on a vision model. */
export function messageTokens(m: PromptMessage, vision: boolean): number {
  return MESSAGE_OVERHEAD_TOKENS + Math.ceil(Buffer.byteLength(m.content) / BYTES_PER_TOKEN) + (vision ? IMAGE_TOKENS * m.images : 0);
}

export interface Fitted {
  /** Tokens of the whole prompt as sent. */
  promptTokens: number;
  /** Messages dropped from the front (system messages are kept). */
  droppedMessages: number;
  /** Tokens evaluated: what is left after dropping, cut to num_ctx by the runner. */
  evaluated: number;
}

/**
 * Fits `messages` into `numCtx`: with `dropMessages` (chat), the oldest non-system messages go
 * first until the rest fits, the last message always kept; then whatever is still too long is cut
 * to num_ctx tokens (the runner keeps the start and the end).
 */
export function fitPrompt(messages: PromptMessage[], numCtx: number, vision: boolean, dropMessages: boolean): Fitted {
  const costs = messages.map((m) => messageTokens(m, vision));
  const promptTokens = costs.reduce((a, b) => a + b, 0);
  let start = 0;
  let kept = promptTokens;
  if (dropMessages) {
    let systemBefore = 0;
    let rest = promptTokens;
    for (start = 0; start < messages.length - 1 && systemBefore + rest > numCtx; start++) {
      rest -= costs[start]!;
      if (messages[start]!.role === "system") {
        systemBefore += costs[start]!;
      }
    }
    kept = systemBefore + rest;
  }
  const droppedMessages = messages.slice(0, start).filter((m) => m.role !== "system").length;
  return { promptTokens, droppedMessages, evaluated: Math.min(kept, numCtx) };
}
