// The context window, as pure arithmetic: how many tokens a conversation is likely to take
// (estimated from its bytes, then scaled by what the model measured last time), which num_ctx to
// ask for, whether the conversation fits, and which oldest turns to leave out so that it does.

/** What a message costs: its text and how many images it carries. */
export interface Costed {
  role: string;
  content: string;
  images?: number;
}

/** The smallest context "auto" asks for (Ollama's own default on small machines). */
export const MIN_CTX = 4096;
/** Room kept for the reply when sizing the context (tokens). */
export const REPLY_ROOM = 1024;
/** What an image costs a vision model (Ollama's truncation counts it so). */
export const IMAGE_TOKENS = 768;
/** Tokens of framing around each message (role, separators) in a chat template. */
export const MESSAGE_OVERHEAD = 4;

/** The byte-based estimate of one message, before calibration: about 4 bytes a token. */
export function rawCost(m: Costed): number {
  return MESSAGE_OVERHEAD + math.ceil(m.content.length / 4) + (m.images ?? 0) * IMAGE_TOKENS;
}

export function rawTotal(messages: Costed[]): number {
  let total = 0;
  for (const m of messages) total += rawCost(m);
  return total;
}

/** The estimate of the whole prompt, scaled by the model's measured ratio (1 before any reply). */
export function estimate(messages: Costed[], factor: number): number {
  return math.ceil(rawTotal(messages) * factor);
}

/**
 * The ratio to use from now on, from a reply's real `prompt_eval_count`: undefined when the
 * figure says nothing reliable (tiny prompts, or a prompt Ollama truncated).
 */
export function calibrate(raw: number, promptEvalCount: number | undefined, truncated: boolean): number | undefined {
  if (promptEvalCount === undefined || promptEvalCount <= 0 || truncated || raw < 64) return undefined;
  return math.min(4, math.max(0.25, promptEvalCount / raw));
}

/** The most num_ctx may be: the model's context_length and, for "auto", chat.max_ctx. */
export function limit(contextLength: number | undefined, maxCtx: number | undefined): number {
  let most = contextLength ?? math.huge;
  if (maxCtx !== undefined) most = math.min(most, maxCtx);
  return most === math.huge ? MIN_CTX * 8 : most;
}

/** The next power of two holding `need`, at least MIN_CTX (unless the model holds less), at most `most`. */
export function sizeFor(need: number, most: number): number {
  let size = MIN_CTX;
  while (size < need) size = size * 2;
  return math.min(size, most);
}

export interface Plan {
  /** The estimated prompt, in tokens. */
  estimate: number;
  /** The num_ctx the request asks for. */
  num_ctx: number;
  /** Whether the prompt fits in num_ctx. */
  fits: boolean;
  /** A larger num_ctx the model allows that would fit the prompt (or its largest), when there is one. */
  raise?: number;
  /** The model's own limit (context_length), when known. */
  model_limit?: number;
}

export interface PlanInput {
  messages: Costed[];
  factor: number;
  /** The user's number, or undefined for "auto". */
  fixed: number | undefined;
  context_length: number | undefined;
  max_ctx: number;
  reply_room: number;
}

/** What to ask for, and whether the conversation fits in it. */
export function plan(input: PlanInput): Plan {
  const est = estimate(input.messages, input.factor);
  const need = est + input.reply_room;
  const numCtx = input.fixed ?? sizeFor(need, limit(input.context_length, input.max_ctx));
  const result: Plan = { estimate: est, num_ctx: numCtx, fits: est <= numCtx, model_limit: input.context_length };
  if (!result.fits) {
    // Raising goes past chat.max_ctx (the user asks for it) but never past the model.
    const most = limit(input.context_length, undefined);
    const raised = sizeFor(need, most);
    if (raised > numCtx) result.raise = raised;
  }
  return result;
}

/**
 * The oldest turns to leave out so that the rest fits in `budget` tokens: indices into
 * `messages`, oldest first. System messages and the last message are always kept; a user turn
 * goes with the replies that follow it. Undefined when even the kept messages do not fit.
 */
export function oldestToDrop(messages: Costed[], factor: number, budget: number): number[] | undefined {
  let total = estimate(messages, factor);
  const dropped: number[] = [];
  const last = messages.length - 1;
  let i = 0;
  while (total > budget && i < last) {
    if (messages[i].role === "system") {
      i++;
    } else {
      // A turn: this message and the non-user messages after it (the replies), never the last.
      let j = i;
      do {
        total -= math.ceil(rawCost(messages[j]) * factor);
        dropped.push(j);
        j++;
      } while (j < last && messages[j].role !== "user" && messages[j].role !== "system");
      i = j;
    }
  }
  return total > budget ? undefined : dropped;
}

/**
 * Whether Ollama cut the prompt: it was sent over the context and measured within it, or it was
 * sent near the context and measured clearly fewer tokens than estimated.
 */
export function wasTruncated(expected: number, promptEvalCount: number | undefined, numCtx: number): boolean {
  if (promptEvalCount === undefined) return false;
  if (expected > numCtx && promptEvalCount <= numCtx) return true;
  return expected > numCtx * 0.8 && promptEvalCount < expected * 0.8;
}

/** "15,200": thousands separated, as the user reads figures. */
export function figure(n: number): string {
  let s = string.format("%d", math.floor(n + 0.5));
  let out = "";
  while (s.length > 3) {
    out = "," + string.sub(s, -3) + out;
    s = string.sub(s, 1, -4);
  }
  return s + out;
}
