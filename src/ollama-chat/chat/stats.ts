// The lines shown under a finished reply: speed, tokens, time and why it ended; or that it was
// stopped, failed, or cut off by a limit.
import { oneLine } from "../ui/text";
import type { ChatResult, OllamaError } from "../ollama/types";
import type { MetaLine } from "./render";

export function tokensPerSecond(result: ChatResult): number | undefined {
  if (result.eval_count === undefined || result.eval_duration === undefined || result.eval_duration <= 0) return undefined;
  return result.eval_count / result.eval_duration * 1e9;
}

/**
 * Why the reply ended, in plain words; nothing for the ordinary end (the model finished its answer),
 * which the stats line itself says.
 */
function endedBecause(reason: string | undefined): string | undefined {
  if (reason === undefined || reason === "stop") return undefined;
  if (reason === "length") return "cut off at the length limit";
  if (reason === "load" || reason === "unload") return `ended: the model was ${reason === "load" ? "loaded" : "unloaded"}`;
  return `ended: ${reason}`;
}

export function metaLines(err: OllamaError | undefined, result: ChatResult, stopped: boolean): MetaLine[] {
  if (stopped) return [["■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"]];
  if (err !== undefined) return [[`✗ ${oneLine(err.message)}`, "OllamaChatError"]];
  const parts: string[] = [];
  const tps = tokensPerSecond(result);
  if (tps !== undefined) parts.push(string.format("%.1f tokens/s", tps));
  if (result.eval_count !== undefined) parts.push(`${result.eval_count} tokens`);
  if (result.total_duration !== undefined) parts.push(string.format("%.1f s", result.total_duration / 1e9));
  // A reply that waited for its model to load says so: the first one after a cold start.
  if (result.load_duration !== undefined && result.load_duration > 0.5e9) parts.push(string.format("loaded in %.1f s", result.load_duration / 1e9));
  const ended = endedBecause(result.done_reason);
  if (ended !== undefined) parts.push(ended);
  const lines: MetaLine[] = [[parts.join(" · "), "OllamaChatStats"]];
  if (result.done_reason === "length") {
    lines.push(["⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"]);
  }
  return lines;
}
