// The chat window's winbar: the model, what the conversation is doing (with the seconds waited
// while Ollama has sent nothing), the context used once known, and the speed of the last reply.
// It follows the conversation's published state and ticks once a second while waiting.
import { changes, type Conversation } from "./conversation";
import * as registry from "./registry";

/** After this long with nothing from Ollama, the winbar says so and how to stop (ms). */
export const SILENCE_MS = 5000;

/** What the winbar may show beyond the contract's status (another feature may publish it). */
interface Shown {
  model: string | undefined;
  state: string;
  tokens_per_second: number | undefined;
  context?: { used?: number; size?: number };
}

let waitingSince: number | undefined;
let ticker: UvTimer | undefined;

/**
 * 1234 → "1.2k", 8192 → "8k", 131072 → "128k": a multiple of 1024 (a context size, as Ollama
 * and model cards name them) in binary thousands, other counts in decimal ones.
 */
export function compact(n: number): string {
  if (n < 1000) return `${math.floor(n)}`;
  if (n % 1024 === 0) return `${n / 1024}k`;
  const k = n / 1000;
  return k >= 10 || math.floor(k) === k ? `${math.floor(k + 0.5)}k` : `${string.format("%.1f", k)}k`;
}

/** The winbar's text for a status; `waitedMs` while the request has had no answer. Pure. */
export function text(s: Shown, waitedMs: number | undefined): string {
  const parts: string[] = [s.model ?? "no model"];
  if (s.state === "loading" && waitedMs !== undefined) {
    const secs = math.floor(waitedMs / 1000);
    parts.push(waitedMs >= SILENCE_MS ? `waiting for Ollama ${secs} s — loading the model? <C-c> stops` : "waiting for Ollama");
  } else {
    parts.push(s.state);
  }
  const ctx = s.context;
  if (ctx !== undefined && type(ctx.used) === "number" && type(ctx.size) === "number") parts.push(`${compact(ctx.used!)}/${compact(ctx.size!)} ctx`);
  if (s.tokens_per_second !== undefined && s.state !== "loading") parts.push(string.format("%.1f tokens/s", s.tokens_per_second));
  return parts.join(" · ");
}

function stopTicker(): void {
  if (ticker === undefined) return;
  ticker.stop();
  if (!ticker.is_closing()) ticker.close();
  ticker = undefined;
}

/** Writes the winbar of the window showing the current conversation. */
export function refresh(): void {
  const c: Conversation | undefined = registry.peek();
  if (c === undefined) return;
  const buf = c.validBuffer();
  if (buf === undefined) return;
  const status = c.status() as Shown;
  const waited = status.state === "loading" && waitingSince !== undefined ? (vim.uv.hrtime() - waitingSince) / 1e6 : undefined;
  // `%` is the statusline's escape: a model or message with one must show as written.
  const [escaped] = string.gsub(text(status, waited), "%%", "%%%%");
  for (const win of vim.api.nvim_tabpage_list_wins(0)) {
    if (vim.api.nvim_win_get_buf(win) === buf) vim.api.nvim_set_option_value("winbar", escaped, { win, scope: "local" });
  }
}

function onChat(state: string): void {
  if (state === "loading") {
    waitingSince = vim.uv.hrtime();
    if (ticker === undefined) {
      const timer = vim.uv.new_timer();
      ticker = timer;
      timer.start(1000, 1000, () => vim.schedule(() => refresh()));
    }
  } else {
    waitingSince = undefined;
    stopTicker();
  }
  refresh();
}

let done = false;

/** Subscribes once: the winbar follows the conversation and the window it is shown in. */
export function setup(): void {
  if (done) return;
  done = true;
  changes.subscribe((p) => {
    const c = registry.peek();
    if (c !== undefined && c.id === p.conversation) onChat(p.state);
  });
  vim.api.nvim_create_autocmd("BufWinEnter", {
    group: vim.api.nvim_create_augroup("ollama-chat-winbar", { clear: true }),
    callback: (args: { buf: number }) => {
      const c = registry.peek();
      if (c !== undefined && c.validBuffer() === args.buf) vim.schedule(() => refresh());
    },
  });
}

