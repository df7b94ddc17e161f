// A conversation: its buffer, model, messages, settings and the reply streaming into it. The
// buffer is the conversation: what is sent to /api/chat is what the buffer says (transcript), so
// edits to earlier turns count. The reply belongs to the conversation: once the conversation is
// closed, what the reply still delivers changes nothing anywhere.
import * as config from "../config";
import type { Config } from "../config";
import * as events from "../events";
import * as sliced from "../format/sliced";
import * as transcript from "../format/transcript";
import * as highlights from "../highlights";
import type { Message } from "../format/transcript";
import * as client from "../ollama/client";
import type { ChatMessage, ChatResult, Handle, OllamaError } from "../ollama/types";
import { notify } from "../ui/notify";
import * as chatBuffer from "./buffer";
import * as codeKeys from "./codekeys";
import * as excluded from "./excluded";
import * as fit from "./fit";
import * as fold from "./fold";
import type { Fitted, Sent } from "./fit";
import * as message from "./message";
import { NS, Reply, dimThinkingBlocks } from "./render";
import { keepWithReply, metaLines, tokensPerSecond } from "./stats";
import * as warmup from "./warmup";
import * as window from "./window";

export type State = "idle" | "loading" | "generating" | "error";

export interface Status {
  model: string | undefined;
  state: State;
  tokens_per_second: number | undefined;
  /** Tokens in the context (estimated, then measured by the last reply) of the size asked for. */
  context?: { used: number; size: number };
  /** Whether the model is in memory (warmed up, or it replied); undefined before either. */
  loaded?: boolean;
}

/** What a conversation may set for itself over the `chat` options (unset: the option). */
export type Settings = Partial<Pick<Config["chat"], "system" | "options" | "keep_alive" | "think">>;

/** What the conversation asks of the chat around it. */
/** @noSelf */
export interface Host {
  /** The buffer's send key: send this conversation's message (opening what is needed). */
  send: (conversation: Conversation) => void;
  /** A reply failed because its model is not installed. */
  missingModel: (conversation: Conversation, model: string) => void;
  /** `:w` in the buffer: save this conversation. */
  write: (conversation: Conversation) => void;
}

export interface ConversationInit {
  messages?: Message[];
  model?: string;
  savedName?: string;
}

highlights.setup();
fold.setup();

/** What a conversation announces when its state changes (a winbar or statusline listens). */
export interface Change {
  conversation: number;
  state: State;
}

/** Every conversation's state changes. */
export const changes = new events.Channel<Change>("chat");

let nextId = 1;

/** Buffer lines taken per event-loop turn by readLater (about 1 ms). */
const READ_SLICE = 20000;

/** One reply being received: the request and the text it streams into the buffer. */
class Streaming {
  stopped = false;
  readonly handle: Handle;

  constructor(
    readonly model: string,
    readonly reply: Reply,
    /** What was sent, to check the reply against (context size, estimate). */
    readonly sent: Sent,
    start: (streaming: Streaming) => Handle,
  ) {
    this.handle = start(this);
  }

  stop(): void {
    this.stopped = true;
    this.handle.cancel();
  }
}

export class Conversation {
  readonly id = nextId++;
  model: string | undefined;
  /** The conversation as last sent or received: rebuilds the buffer if it is wiped. */
  messages: Message[];
  settings: Settings = {};
  /** The saved chat this conversation was resumed from or last saved as (saving again appends). */
  savedName: string | undefined;
  private state: State = "idle";
  private tokensPerSecond: number | undefined;
  private buf: number | undefined;
  private streaming: Streaming | undefined;
  private closed = false;
  /** Between the send key and the request: capabilities, images, the context guard. */
  private preparing = false;
  private context: { used: number; size: number } | undefined;
  private loaded: boolean | undefined;
  private warmedFor: string | undefined;
  /** The context the user chose to raise this chat to (the guard), over the settings' options. */
  private raisedNumCtx: number | undefined;

  constructor(
    init: ConversationInit,
    private readonly host: Host,
  ) {
    this.messages = init.messages ?? [];
    this.model = init.model;
    this.savedName = init.savedName;
  }

  /** The buffer, if it exists. */
  validBuffer(): number | undefined {
    return this.buf !== undefined && vim.api.nvim_buf_is_valid(this.buf) ? this.buf : undefined;
  }

  /** The buffer, created (or rebuilt from the messages after a wipe) when needed. */
  buffer(): number {
    const valid = this.validBuffer();
    if (valid !== undefined) return valid;
    const lines = this.messages.length > 0 ? message.linesWithInput(this.messages) : message.initialLines();
    const buf = chatBuffer.create(lines);
    dimThinkingBlocks(buf);
    this.own(buf);
    return buf;
  }

  /** Takes over the buffer of a conversation it replaces: its text becomes this conversation. */
  adopt(buf: number): void {
    vim.api.nvim_buf_clear_namespace(buf, NS, 0, -1);
    excluded.clear(buf);
    const lines = message.linesWithInput(this.messages);
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines);
    window.highlightUnlessLong(buf, lines);
    dimThinkingBlocks(buf);
    fold.refold(buf);
    this.own(buf);
  }

  private own(buf: number): void {
    this.buf = buf;
    chatBuffer.attach(buf, {
      send: () => this.host.send(this),
      stop: () => this.stop(),
      wiped: (wiped) => {
        if (this.buf === wiped) this.buf = undefined;
      },
      write: () => this.host.write(this),
    });
    codeKeys.attach(buf);
  }

  isStreaming(): boolean {
    return this.streaming !== undefined;
  }

  status(): Status {
    return { model: this.model, state: this.state, tokens_per_second: this.tokensPerSecond, context: this.context, loaded: this.loaded };
  }

  /** The `chat` options with this conversation's settings over them. */
  effectiveSettings(): Required<Settings> {
    const chat = config.get().chat;
    const s = this.settings;
    let options = s.options ?? chat.options;
    if (this.raisedNumCtx !== undefined && (options.num_ctx === undefined || options.num_ctx === "auto")) {
      const raised: { [name: string]: unknown } = {};
      for (const [k, v] of pairs(options)) raised[k as string] = v;
      raised.num_ctx = this.raisedNumCtx;
      options = raised;
    }
    return {
      system: s.system ?? chat.system,
      options,
      keep_alive: s.keep_alive ?? chat.keep_alive,
      think: s.think ?? chat.think,
    } as Required<Settings>;
  }

  /** The buffer's messages as last read, and the changedtick they are of. */
  private lastRead: { buf: number; tick: number; messages: Message[] } | undefined;

  /** What the buffer's text was last read as, if it has not changed since. */
  private readAlready(buf: number): Message[] | undefined {
    const r = this.lastRead;
    return r !== undefined && r.buf === buf && r.tick === vim.api.nvim_buf_get_changedtick(buf) ? r.messages.slice() : undefined;
  }

  private remember(buf: number, tick: number, messages: Message[]): Message[] {
    this.lastRead = { buf, tick, messages: message.withoutEmptyInput(messages) };
    return this.lastRead.messages.slice();
  }

  /** The conversation as the buffer says it, without the empty turn being typed. */
  read(): Message[] {
    const buf = this.validBuffer();
    if (buf === undefined) return message.withoutEmptyInput(this.messages.slice());
    return this.readAlready(buf) ?? this.remember(buf, vim.api.nvim_buf_get_changedtick(buf), transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false)));
  }

  /**
   * read(), for saving: in slices (format/sliced.ts), so a chat of any size never holds the editor.
   * `cb(messages, tick)`: `tick` is the changedtick the messages are of (undefined without a
   * buffer). A change meanwhile starts the reading over.
   */
  readLater(cb: (this: void, messages: Message[], tick: number | undefined) => void): void {
    const buf = this.validBuffer();
    if (buf === undefined) return cb(this.read(), undefined);
    const tick = vim.api.nvim_buf_get_changedtick(buf);
    const known = this.readAlready(buf);
    if (known !== undefined) return cb(known, tick);
    const n = vim.api.nvim_buf_line_count(buf);
    const lines: string[] = [];
    const changed = () => !vim.api.nvim_buf_is_valid(buf) || vim.api.nvim_buf_get_changedtick(buf) !== tick;
    const take = () => {
      if (changed()) return this.readLater(cb);
      for (const l of vim.api.nvim_buf_get_lines(buf, lines.length, Math.min(n, lines.length + READ_SLICE), false)) lines.push(l);
      if (lines.length < n) return vim.schedule(take);
      sliced.parseLines(lines, (messages) => (changed() ? this.readLater(cb) : cb(this.remember(buf, tick, messages), tick)));
    };
    take();
  }

  /** The model that wrote the last reply, else the conversation's model. */
  lastModel(): string | undefined {
    return transcript.lastModel(this.read()) ?? this.model;
  }

  /**
   * The messages to send: the buffer's, ending with the typed message (`text` when given, written
   * in first). Undefined, after telling the user, when there is nothing to send.
   */
  takeMessage(text: string | undefined): Message[] | undefined {
    if (this.preparing) {
      notify("the last message is still being prepared (a choice may be waiting for you)", vim.log.levels.WARN);
      return undefined;
    }
    if (this.streaming !== undefined) {
      notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN);
      return undefined;
    }
    const buf = this.buffer();
    if (text !== undefined) message.setPending(buf, text);
    const messages = transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false));
    const last = messages[messages.length - 1];
    if (last === undefined || last.role !== "user" || vim.trim(last.content) === "") {
      notify(`nothing to send: type your message under the last "${transcript.USER_HEADING}" heading`, vim.log.levels.WARN);
      return undefined;
    }
    return messages;
  }

  /**
   * Sends `messages` (from takeMessage) to the conversation's model once fitted to it (chat/fit.ts:
   * capabilities, images, the context, maybe the user's choice); the reply streams in. `rewrite`
   * turns the request's messages into what is sent (variables expanded: chat/prepare.ts).
   */
  send(messages: Message[], rewrite?: (this: void, req: ChatMessage[]) => ChatMessage[]): void {
    const model = this.model!;
    messages[messages.length - 1].content = vim.trim(messages[messages.length - 1].content);
    const settings = this.effectiveSettings();
    this.preparing = true;
    fit.prepare(
      {
        model,
        messages,
        excluded: excluded.indices(this.buffer()),
        toRequest: (kept) => {
          const req = message.toRequest(kept, settings.system);
          return rewrite !== undefined ? rewrite(req) : req;
        },
        options: settings.options,
        think: settings.think,
      },
      {
        exclude: (indices) => {
          const buf = this.validBuffer();
          if (buf !== undefined) excluded.mark(buf, indices);
        },
        setNumCtx: (numCtx) => {
          this.raisedNumCtx = numCtx;
        },
        done: (fitted) => {
          this.preparing = false;
          if (fitted !== undefined && !this.closed && this.model === model) this.dispatch(model, messages, fitted);
        },
      },
    );
  }

  /** Warms the model up in the background (once per model), with the context the next reply will ask for. */
  warm(): void {
    const model = this.model;
    if (model === undefined || this.warmedFor === model) return;
    this.warmedFor = model;
    const settings = this.effectiveSettings();
    warmup.warm({
      model,
      keep_alive: settings.keep_alive,
      numCtx: (caps) => fit.numCtxFor(model, message.toRequest(this.read(), settings.system), caps, settings.options),
      done: (loaded) => {
        if (this.model !== model) return;
        this.loaded = loaded || this.loaded;
        changes.publish({ conversation: this.id, state: this.state });
      },
    });
  }

  private dispatch(model: string, messages: Message[], fitted: Fitted): void {
    const buf = this.buffer();
    message.trimEnd(buf);
    this.messages = messages;
    fold.replyStarted(buf);
    const reply = new Reply(buf);
    reply.begin(["", "", transcript.assistantHeading(model), "", ""]);
    const settings = this.effectiveSettings();
    this.context = { used: fitted.sent.estimate, size: fitted.sent.num_ctx };
    this.setState("loading", undefined);
    this.streaming = new Streaming(model, reply, fitted.sent, (streaming) =>
      client.chat(
        { model, messages: fitted.messages, options: fitted.options, keep_alive: settings.keep_alive, think: fitted.think },
        {
          on_delta: (delta) => {
            if (this.state !== "generating") this.setState("generating", undefined);
            reply.push(delta.content, delta.thinking);
          },
          on_done: (err, result) => this.finish(streaming, err, result),
        },
      ),
    );
  }

  /** Stops the reply in progress; what arrived stays, marked as stopped. */
  stop(): void {
    this.streaming?.stop();
  }

  /**
   * Ends the conversation: a reply in progress is stopped and writes nothing more (its
   * OllamaChatDone still fires). Returns the buffer for whoever takes it over or deletes it.
   */
  close(): number | undefined {
    this.closed = true;
    const streaming = this.streaming;
    this.streaming = undefined;
    if (streaming !== undefined) {
      streaming.reply.discard();
      streaming.stop();
    }
    const buf = this.validBuffer();
    this.buf = undefined;
    fold.replyEnded(buf);
    return buf;
  }

  private setState(state: State, tps: number | undefined): void {
    this.state = state;
    this.tokensPerSecond = tps;
    changes.publish({ conversation: this.id, state });
  }

  private finish(streaming: Streaming, err: OllamaError | undefined, result: ChatResult): void {
    const stopped = streaming.stopped && err !== undefined && err.kind === "cancelled";
    const done = () =>
      events.emit("OllamaChatDone", {
        model: streaming.model,
        content: result.content,
        error: err !== undefined && !stopped ? err.message : undefined,
        stopped,
        eval_count: result.eval_count,
        eval_duration: result.eval_duration,
      });
    if (this.closed) return done();
    this.settle(streaming, err, result, stopped, done);
  }

  /** The end of the reply: buffer, state and history; then `done` (once the reply is all written). */
  private settle(streaming: Streaming, err: OllamaError | undefined, result: ChatResult, stopped: boolean, done: (this: void) => void): void {
    const meta = metaLines(err, result, stopped);
    if (err === undefined) {
      const warning = fit.afterReply(streaming.sent, result);
      if (warning !== undefined) meta.push([warning, "OllamaChatWarning"]);
      this.context = fit.meter(streaming.sent, result);
      this.loaded = true;
    }
    // A turn that brought nothing leaves no empty heading: the user's message is again the one to send.
    const from = streaming.reply.startRow();
    const ended = () => {
      // Closed while the rest of a long reply was written: its buffer went to another.
      if (this.closed) return done();
      window.plainIfLarge(this.validBuffer());
      fold.replyEnded(this.validBuffer());
      keepWithReply(this.validBuffer(), from);
      if (this.streaming === streaming) this.streaming = undefined;
      if (result.content !== "" || result.thinking !== "") {
        const m: Message = { role: "assistant", model: streaming.model, content: result.content };
        if (result.thinking !== "") m.thinking = result.thinking;
        this.messages.push(m);
      }
      this.setState(err !== undefined && !stopped ? "error" : "idle", err === undefined ? tokensPerSecond(result) : undefined);
      if (err !== undefined && !stopped) {
        if (err.kind === "not_found") this.host.missingModel(this, streaming.model);
        else notify(err.message, vim.log.levels.ERROR);
      }
      done();
    };
    if (result.content === "" && result.thinking === "") {
      streaming.reply.retract(meta);
      ended();
    } else streaming.reply.finish(meta, ["", "", transcript.USER_HEADING, "", ""], ended);
  }
}
