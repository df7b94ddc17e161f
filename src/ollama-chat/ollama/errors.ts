// Turns what curl and Ollama said into an OllamaError whose message tells the user what to do.
import type { HttpResponse } from "../http/curl";
import { hostName } from "./host";
import type { ErrorKind, OllamaError } from "./types";

function make(kind: ErrorKind, message: string, status?: number, model?: string): OllamaError {
  const err: OllamaError = { kind, message };
  if (status !== undefined && status !== 0) err.status = status;
  if (model !== undefined) err.model = model;
  return err;
}

export function cancelled(): OllamaError {
  return make("cancelled", "request cancelled");
}

export function notRunning(host: string): OllamaError {
  return make("unreachable", `Ollama is not running at ${host}: start it with \`ollama serve\``);
}

/** curl exit 6: the name did not resolve, so nothing was asked; `ollama serve` would not help. */
export function unresolved(host: string): OllamaError {
  return make("unreachable", `could not resolve the host name "${hostName(host)}" of ${host}: check \`host\` in setup() or $OLLAMA_HOST`);
}

export function notFound(model: string, status = 404): OllamaError {
  return make("not_found", `model "${model}" is not installed: pull it with \`:Ollama pull ${model}\` (or \`ollama pull ${model}\`)`, status, model);
}

export function serverSaid(message: string, status?: number, model?: string): OllamaError {
  return make("server", `Ollama: ${message}`, status, model);
}

export function incomplete(host: string, detail?: string): OllamaError {
  const why = detail !== undefined && detail !== "" ? ` (${detail})` : "";
  return make("incomplete", `incomplete response from Ollama at ${host}: the stream ended before its final line${why}`);
}

export function invalid(host: string, what: string): OllamaError {
  return make("invalid_response", `unexpected answer from Ollama at ${host}: ${what}`);
}

function excerpt(text: string): string {
  const line = vim.trim(vim.split(text, "\n", { plain: true })[0] ?? "");
  return line.length > 120 ? string.sub(line, 1, 120) + "..." : line;
}

/** The error of a request that got no usable HTTP answer, or undefined when it got one. */
export function transport(res: HttpResponse, host: string, idleSeconds: number): OllamaError | undefined {
  if (res.cancelled) return cancelled();
  if (res.line_error !== undefined) return make("invalid_response", `could not handle the answer of Ollama at ${host}: ${res.line_error}`);
  if (res.idle_timeout) {
    return make("timeout", `Ollama at ${host} sent nothing for ${idleSeconds} s: it may be stuck or overloaded (check \`ollama ps\`)`);
  }
  if (res.status !== 0) return undefined;
  switch (res.curl_code) {
    case 6:
      return unresolved(host);
    case 7:
      return notRunning(host);
    case 28:
      return make("timeout", `could not connect to Ollama at ${host} in time: is the host right and reachable?`);
    case 52:
      return make("http", `Ollama at ${host} closed the connection without answering`);
    default:
      return make("http", `request to ${host} failed: ${res.curl_error !== "" ? res.curl_error : `curl exit code ${res.curl_code}`}`);
  }
}

/** The error body of a non-2xx answer: {"error": ...} from Ollama, or text from something else. */
export function fromStatus(res: HttpResponse, host: string, model?: string, modelEndpoint = false): OllamaError {
  const [ok, decoded] = pcall(vim.json.decode, res.body, { luanil: { object: true, array: true } });
  const message = ok && type(decoded) === "table" ? (decoded as { error?: unknown }).error : undefined;
  if (type(message) === "string") {
    // Key on the status, not the text: its wording changed across Ollama versions.
    if (res.status === 404 && modelEndpoint && model !== undefined) return notFound(model);
    return serverSaid(message as string, res.status, model);
  }
  const body = excerpt(res.body);
  return make(
    "http",
    `${host} answered HTTP ${res.status}${body !== "" ? ` "${body}"` : ""}, not an Ollama reply: is \`host\` right, and is a proxy in the way?`,
    res.status,
    model,
  );
}
