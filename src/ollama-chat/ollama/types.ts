// The typed surface of the Ollama client (ollama/client.ts). Features code against these types.
// Every function returns a Handle at once and reports through callbacks on the main loop.

/** What went wrong, in a form a feature can act on; `message` is written for the user. */
export type ErrorKind =
  | "unreachable" // nothing listening at the host (connection refused, DNS failure)
  | "timeout" // connect or idle timeout
  | "not_found" // 404 JSON from chat/show/delete/pull: the model is not installed
  | "server" // {"error": ...} from Ollama, before or during a stream
  | "incomplete" // a stream ended without its final line
  | "http" // a non-JSON error body (proxy, old server), or an unexpected status
  | "invalid_response" // a body that is not the JSON expected
  | "cancelled"; // cancelled by the caller

export interface OllamaError {
  kind: ErrorKind;
  message: string;
  status?: number;
  /** The model the request was about, when there is one. */
  model?: string;
}

export interface Handle {
  /** Stops the request: curl is killed; callbacks then report kind "cancelled" once. */
  cancel(): void;
  /** Streams: seconds the server has been silent (past 10 s, no data), else 0. */
  waiting?(): number;
}

export interface ModelDetails {
  format?: string;
  family?: string;
  families?: string[];
  parameter_size?: string;
  quantization_level?: string;
  context_length?: number;
}

/** An entry of /api/tags: `name` is the full name with its tag. */
export interface ModelInfo {
  name: string;
  model: string;
  modified_at: string;
  size: number;
  digest: string;
  details?: ModelDetails;
}

export interface ChatMessage {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  thinking?: string;
  images?: string[];
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  options?: { [name: string]: unknown };
  keep_alive?: string | number;
  think?: boolean | string;
  format?: unknown;
}

/** One streamed piece of a reply (content and thinking may both be empty). */
export interface ChatDelta {
  content: string;
  thinking: string;
}

/** The reply so far (on error) or whole (on success), with the final line's metrics. */
export interface ChatResult {
  model: string;
  content: string;
  thinking: string;
  done: boolean;
  done_reason?: string;
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  eval_count?: number;
  eval_duration?: number;
}

/** @noSelf */
export interface ChatHandlers {
  on_delta?: (delta: ChatDelta) => void;
  /** No data for `seconds` (from 10 s on, every second; a model may be loading); 0 when data comes again. */
  on_waiting?: (seconds: number) => void;
  /** Exactly once; `err` set on failure or cancel, `result` always holds what arrived. */
  on_done: (err: OllamaError | undefined, result: ChatResult) => void;
}

export interface GenerateRequest {
  model: string;
  prompt: string;
  system?: string;
  options?: { [name: string]: unknown };
  keep_alive?: string | number;
  think?: boolean | string;
}

/** A line of /api/pull: any status string may come; total/completed only for layers. */
export interface PullProgress {
  status: string;
  digest?: string;
  total?: number;
  completed?: number;
}

/** @noSelf */
export interface PullHandlers {
  on_progress?: (progress: PullProgress) => void;
  /** As ChatHandlers.on_waiting. */
  on_waiting?: (seconds: number) => void;
  /** Exactly once, after "success" or an error. */
  on_done: (err: OllamaError | undefined) => void;
}

/** What the registry says about a model's manifest. */
export interface RegistryManifest {
  /** false: the registry answered 404 (a local model, or unknown to that registry). */
  found: boolean;
  /**
   * Digests the local /api/tags digest may equal when the model is current: the
   * ollama-content-digest header, else the SHA-256 of the body and of its re-serialised form
   * (what servers before 0.19 stored).
   */
  digests: string[];
}

export type Callback<T> = (this: void, err: OllamaError | undefined, value: T | undefined) => void;
