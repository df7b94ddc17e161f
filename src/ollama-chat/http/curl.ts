// HTTP through curl, run by process.ts (vim.system). The request body goes over stdin (never argv: large
// buffers exceed argv limits and no shell ever sees user text); headers, which can hold secrets
// (a proxy's Authorization), go through a private file, since argv is readable by every local
// user in /proc/<pid>/cmdline; `-i` puts the status line and
// headers in front of the body so errors can be told apart; streamed bodies are split into lines
// as they arrive. Everything the caller sees is delivered in order on the main loop, in time
// slices, so a flood of lines never freezes the editor.
import { LineSplitter } from "./lines";
import { run, type Process } from "./process";

export type Method = "GET" | "POST" | "DELETE" | "HEAD";

/** @noSelf */
export interface HttpRequest {
  method: Method;
  url: string;
  headers?: { [name: string]: string };
  /** Sent over stdin. */
  body?: string;
  /** Seconds to wait for the TCP connection. */
  connect_timeout?: number;
  /** Milliseconds without any data from the server before giving up (0: never). Blank lines are not data. */
  idle_timeout_ms?: number;
  /**
   * Silence: called once `waiting_after_ms` (default 10 s) passed without data, then every second,
   * with the seconds since the request began or data last came; with 0 once data flows again.
   */
  on_waiting?: (seconds: number) => void;
  waiting_after_ms?: number;
  /** For streams: called with each line of a 2xx body instead of collecting it. */
  on_line?: (line: string) => void;
  /** Exactly once, after every line was delivered. */
  on_done: (response: HttpResponse) => void;
}

export interface HttpResponse {
  /** 0 when no HTTP answer arrived. */
  status: number;
  /** Header names in lower case. */
  headers: { [name: string]: string };
  /** The body, unless it was streamed through on_line. */
  body: string;
  /** curl's exit code (0 success, 7 refused, 28 timeout, 18/56 cut off, ...). */
  curl_code: number;
  curl_error: string;
  cancelled: boolean;
  /** The idle timeout fired. */
  idle_timeout: boolean;
  /** on_line raised this Lua error: the request was stopped and the rest of the stream dropped. */
  line_error?: string;
}

export interface HttpHandle {
  cancel(): void;
  /** Seconds the server has been silent, once past `waiting_after_ms`; else 0. */
  waiting(): number;
  /** curl's pid, for tests and diagnostics. */
  readonly pid: number;
}

/** Main-loop work per slice before yielding to input and redraw. */
const SLICE_NS = 4e6;

let curlPath: string | undefined;

/**
 * curl by its full path, looked up once: starting a process blocks the editor until it runs,
 * and given a bare name libuv searches $PATH in that window (measured: about 30 ms against
 * under 1 ms on Neovim 0.12 with a long $PATH).
 */
function curl(): string {
  if (curlPath === undefined || curlPath === "") curlPath = vim.fn.exepath("curl");
  return curlPath !== "" ? curlPath : "curl";
}

/** Header lines for `-H @file`: one per line, so a CR or LF in a name or value is dropped. */
function headerLines(headers: { [name: string]: string }): string | undefined {
  const lines: string[] = [];
  for (const [name, value] of pairs(headers)) {
    const [line] = string.gsub(`${name}: ${value}`, "[\r\n]", "");
    lines.push(line);
  }
  return lines.length > 0 ? lines.join("\n") + "\n" : undefined;
}

/** Writes `text` to a new file only this user can read (in Neovim's own 0700 temp dir); undefined on failure. */
function privateFile(text: string): string | undefined {
  const path = vim.fn.tempname();
  const [fd] = vim.uv.fs_open(path, "wx", 0o600);
  if (fd === undefined) return undefined;
  const [written] = vim.uv.fs_write(fd, text, 0);
  vim.uv.fs_close(fd);
  if (written !== text.length) {
    vim.uv.fs_unlink(path);
    return undefined;
  }
  return path;
}

function curlArgs(req: HttpRequest, headerFile: string | undefined): string[] {
  // -q first: ignore the user's ~/.curlrc, which could change the output format.
  const args = [curl(), "-q", "--silent", "--show-error", "--no-buffer", "-i", "--proto", "=http,https"];
  args.push("--connect-timeout", tostring(req.connect_timeout ?? 5));
  if (req.method === "HEAD") args.push("--head");
  else args.push("-X", req.method);
  if (headerFile !== undefined) args.push("-H", `@${headerFile}`);
  if (req.body !== undefined) args.push("-H", "Content-Type: application/json", "--data-binary", "@-");
  args.push("--", req.url);
  return args;
}

/** Parses one header block; returns the status, or undefined if the block is malformed. */
function parseHead(head: string, headers: { [name: string]: string }): number | undefined {
  const [code] = string.match(head, "^HTTP/[%d.]+ (%d%d%d)");
  if (code === undefined) return undefined;
  for (const [name, value] of string.gmatch(head, "\n([^:\r\n]+):[ \t]*([^\r\n]*)")) {
    headers[string.lower(name)] = value;
  }
  return tonumber(code);
}

class Exchange {
  private status = 0;
  private headers: { [name: string]: string } = {};
  private head: string[] = [];
  private inBody = false;
  private bodyPieces: string[] = [];
  private streaming = false;
  private splitter: LineSplitter;
  private stderr: string[] = [];
  // Lines and the final response, waiting to be delivered on the main loop.
  private queue: string[] = [];
  private queueHead = 0;
  private final: HttpResponse | undefined;
  private flushScheduled = false;
  private delivered = false;
  private cancelled = false;
  private idleFired = false;
  private lineError: string | undefined;
  private timer: UvTimer | undefined;
  private waitTimer: UvTimer | undefined;
  /** hrtime of the request's start or of the last data (anything but blank lines). */
  private lastData = vim.uv.hrtime();
  private waitingSeconds = 0;
  private headerFile: string | undefined;
  readonly pid: number;
  private readonly proc: Process;

  constructor(private readonly req: HttpRequest) {
    this.splitter = new LineSplitter((line) => this.queue.push(line));
    const lines = req.headers !== undefined ? headerLines(req.headers) : undefined;
    if (lines !== undefined) {
      this.headerFile = privateFile(lines);
      if (this.headerFile === undefined) {
        // Never fall back to argv: report it like a request that failed.
        this.pid = -1;
        this.proc = { pid: -1, kill: () => {} };
        this.stderr.push(`could not write the request headers to a private file in ${vim.fn.fnamemodify(vim.fn.tempname(), ":h")}`);
        vim.schedule(() => this.onExit(26));
        return;
      }
    }
    this.proc = run(curlArgs(req, this.headerFile), {
      stdin: req.body,
      stdout: (data) => this.onStdout(data),
      stderr: (data) => this.stderr.push(data),
      on_exit: (code) => this.onExit(code),
    });
    this.pid = this.proc.pid;
    const idle = req.idle_timeout_ms ?? 0;
    if (idle > 0) {
      const timer = vim.uv.new_timer();
      this.timer = timer;
      timer.start(idle, idle, () => {
        this.idleFired = true;
        this.stopTimers();
        this.proc.kill(15);
      });
    }
    if (req.on_waiting !== undefined) {
      const after = req.waiting_after_ms ?? 10000;
      const timer = vim.uv.new_timer();
      this.waitTimer = timer;
      timer.start(after, 1000, () => this.checkSilence(after));
    }
  }

  cancel(): void {
    if (this.delivered || this.cancelled) return;
    this.cancelled = true;
    this.stopTimers();
    this.proc.kill(15);
  }

  waiting(): number {
    return this.waitingSeconds;
  }

  private stopTimers(): void {
    for (const timer of [this.timer, this.waitTimer]) {
      if (timer !== undefined && !timer.is_closing()) {
        timer.stop();
        timer.close();
      }
    }
    this.timer = undefined;
    this.waitTimer = undefined;
  }

  // Fast context (timer): reports silence on the main loop.
  private checkSilence(after: number): void {
    // The timer may fire a little early by the clock: a tick's worth of slack.
    const silentMs = (vim.uv.hrtime() - this.lastData) / 1e6 + 100;
    if (silentMs < after) return;
    this.waitingSeconds = math.floor(silentMs / 1000);
    const seconds = this.waitingSeconds;
    vim.schedule(() => {
      if (!this.delivered && !this.cancelled && this.waitingSeconds > 0) this.req.on_waiting!(seconds);
    });
  }

  // Fast context: data (not just blank lines) resets the idle timeout and ends a silence.
  private noteData(data: string): void {
    const [nonBlank] = string.find(data, "%S");
    if (nonBlank === undefined) return;
    this.lastData = vim.uv.hrtime();
    this.timer?.again();
    if (this.waitingSeconds > 0) {
      this.waitingSeconds = 0;
      vim.schedule(() => {
        if (!this.delivered && !this.cancelled) this.req.on_waiting!(0);
      });
    }
  }

  // Runs in libuv's fast context: string work only, no Neovim API.
  private onStdout(data: string): void {
    if (this.cancelled || this.lineError !== undefined) return;
    this.noteData(data);
    if (this.inBody) {
      this.onBody(data);
      return;
    }
    this.head.push(data);
    let text = table.concat(this.head);
    for (;;) {
      const [stop] = string.find(text, "\r\n\r\n", 1, true);
      if (stop === undefined) {
        this.head = [text];
        return;
      }
      this.headers = {};
      this.status = parseHead(string.sub(text, 1, stop + 1), this.headers) ?? 0;
      text = string.sub(text, stop + 4);
      // "100 Continue" and other interim answers precede the real one.
      if (this.status < 100 || this.status >= 200) break;
    }
    this.head = [];
    this.inBody = true;
    this.streaming = this.req.on_line !== undefined && this.status >= 200 && this.status < 300;
    if (text !== "") this.onBody(text);
  }

  private onBody(data: string): void {
    if (this.streaming) {
      this.splitter.push(data);
      this.scheduleFlush();
    } else {
      this.bodyPieces.push(data);
    }
  }

  private onExit(code: number): void {
    this.stopTimers();
    this.waitingSeconds = 0;
    if (this.headerFile !== undefined) vim.uv.fs_unlink(this.headerFile);
    if (this.streaming) this.splitter.finish();
    this.final = {
      status: this.status,
      headers: this.headers,
      body: table.concat(this.bodyPieces),
      curl_code: code,
      curl_error: vim.trim(table.concat(this.stderr)),
      cancelled: this.cancelled,
      idle_timeout: this.idleFired,
    };
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    vim.schedule(() => this.flush());
  }

  // Main loop: delivers queued lines for at most SLICE_NS, then yields and continues.
  private flush(): void {
    this.flushScheduled = false;
    if (this.delivered) return;
    const onLine = this.req.on_line;
    const started = vim.uv.hrtime();
    while (this.queueHead < this.queue.length) {
      if (this.cancelled) {
        this.queue = [];
        this.queueHead = 0;
        break;
      }
      const line = this.queue[this.queueHead];
      this.queueHead++;
      if (onLine !== undefined && this.lineError === undefined) {
        // A handler's error must not leave the request without its on_done: stop it and report.
        const [ok, err] = pcall(onLine, line);
        if (!ok) {
          this.lineError = tostring(err);
          this.stopTimers();
          this.proc.kill(15);
        }
      }
      if (vim.uv.hrtime() - started > SLICE_NS && this.queueHead < this.queue.length) {
        this.scheduleFlush();
        return;
      }
    }
    // Delivered lines are dropped in one go, not shifted one by one.
    this.queue = [];
    this.queueHead = 0;
    if (this.final !== undefined) {
      this.delivered = true;
      if (this.lineError !== undefined) this.final.line_error = this.lineError;
      this.req.on_done(this.final);
    }
  }
}

/** Starts a request; returns at once. */
export function request(req: HttpRequest): HttpHandle {
  const exchange = new Exchange(req);
  return {
    pid: exchange.pid,
    cancel: () => exchange.cancel(),
    waiting: () => exchange.waiting(),
  };
}
