// The chat: one conversation per Neovim instance, in an ordinary editable markdown buffer. The
// buffer is the conversation: what is sent to /api/chat is what the buffer says (transcript.ts),
// so edits to earlier turns count.
import * as config from "../config";
import type { Layout } from "../config";
import * as client from "../ollama/client";
import * as prefs from "../store/prefs";
import type { ChatMessage, ChatResult, Handle, OllamaError } from "../ollama/types";
import { notify } from "../ui/notify";
import { NS, Reply, type MetaLine } from "./render";
import * as transcript from "./transcript";
import type { Message } from "./transcript";
import * as models from "./models";
import * as window from "./window";

export type State = "idle" | "loading" | "generating" | "error";

export interface Status {
  model: string | undefined;
  state: State;
  tokens_per_second: number | undefined;
}

interface Streaming {
  handle: Handle;
  reply: Reply;
  model: string;
  stopped: boolean;
  /** The conversation it belonged to was closed or replaced: its end changes nothing. */
  detached: boolean;
}

const BUF_NAME = "ollama-chat://chat";

const session = {
  buf: undefined as number | undefined,
  model: undefined as string | undefined,
  layout: undefined as Layout | undefined,
  state: "idle" as State,
  tokensPerSecond: undefined as number | undefined,
  /** The conversation as last sent or received: recovers the pane if its buffer is wiped. */
  messages: [] as Message[],
  streaming: undefined as Streaming | undefined,
  /** The saved chat this conversation was resumed from or last saved as (saving again appends). */
  savedName: undefined as string | undefined,
};

const HIGHLIGHTS: [string, string][] = [
  ["OllamaChatThinking", "Comment"],
  ["OllamaChatStats", "Comment"],
  ["OllamaChatStopped", "WarningMsg"],
  ["OllamaChatWarning", "WarningMsg"],
  ["OllamaChatError", "ErrorMsg"],
];
for (const [group, link] of HIGHLIGHTS) vim.api.nvim_set_hl(0, group, { link, default: true });

function bufValid(): boolean {
  return session.buf !== undefined && vim.api.nvim_buf_is_valid(session.buf);
}

/** This instance's choice, else the persisted preference, else the configured first-run split. */
function layout(): Layout {
  const saved = prefs.get("split_preference");
  return session.layout ?? (saved === "horizontal" || saved === "vertical" ? saved : config.get().chat.split);
}

/** The model for a new chat (asking the first time); a default found uninstalled is replaced. */
function resolveModel(cb: (this: void, model: string | undefined) => void): void {
  models.resolve(cb, (picked) => {
    if (session.streaming === undefined) session.model = picked;
  });
}

function initialLines(): string[] {
  const messages: Message[] = [];
  const system = config.get().chat.system;
  if (system !== undefined) messages.push({ role: "system", content: system });
  messages.push({ role: "user", content: "" });
  return transcript.render(messages);
}

function setBufKeymaps(buf: number): void {
  const opts = (desc: string): KeymapSetOpts => ({ buffer: buf, desc, nowait: true, silent: true });
  vim.keymap.set("n", "<CR>", () => send(), opts("Ollama: send the message"));
  vim.keymap.set(["n", "i"], "<C-s>", () => {
    vim.cmd("stopinsert");
    send();
  }, opts("Ollama: send the message"));
  vim.keymap.set(["n", "i"], "<C-c>", () => stop(), opts("Ollama: stop the reply"));
}

function createBuffer(lines: string[]): number {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_set_name(buf, BUF_NAME);
  vim.api.nvim_set_option_value("buftype", "nofile", { buf });
  vim.api.nvim_set_option_value("bufhidden", "hide", { buf });
  vim.api.nvim_set_option_value("swapfile", false, { buf });
  window.setMarkdown(buf);
  // The initial text is not an edit the user can undo.
  const undolevels = vim.api.nvim_get_option_value("undolevels", { buf });
  vim.api.nvim_set_option_value("undolevels", -1, { buf });
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines);
  vim.api.nvim_set_option_value("undolevels", undolevels, { buf });
  setBufKeymaps(buf);
  vim.api.nvim_create_autocmd("BufWipeout", {
    buffer: buf,
    once: true,
    callback: () => {
      if (session.buf === buf) session.buf = undefined;
    },
  });
  return buf;
}

/** The chat buffer, recreated from the conversation if it was wiped. */
function ensureBuffer(): number {
  if (bufValid()) return session.buf!;
  const lines = session.messages.length > 0 ? transcript.render(session.messages.concat([{ role: "user", content: "" }])) : initialLines();
  session.buf = createBuffer(lines);
  return session.buf;
}

function focusInput(win: number): void {
  const buf = vim.api.nvim_win_get_buf(win);
  vim.api.nvim_win_set_cursor(win, [vim.api.nvim_buf_line_count(buf), 0]);
}

/** Shows the pane (creating or recovering it) and puts the cursor where the user types. */
function show(enter: boolean): number {
  const buf = ensureBuffer();
  let win = window.findWindow(buf);
  if (win === undefined) win = window.openSplit(buf, layout(), config.get().chat.size, enter);
  else if (enter) vim.api.nvim_set_current_win(win);
  if (enter) focusInput(win);
  return win;
}

export function isOpen(): boolean {
  return bufValid() && window.findWindow(session.buf!) !== undefined;
}

/** Opens the chat with the default model (asking for one the first time). */
export function open(): void {
  if (session.model !== undefined) {
    show(true);
    return;
  }
  resolveModel((model) => {
    if (model === undefined) return;
    session.model = model;
    show(true);
  });
}

export function toggle(): void {
  if (isOpen()) {
    window.hide(window.findWindow(session.buf!)!);
    return;
  }
  open();
}

/**
 * Stops the reply in progress and cuts it loose from the session: the conversation it belonged
 * to is being closed or replaced, so what it still delivers (chunks, its end) must not land in
 * the next one. Its OllamaChatDone still fires.
 */
function detachReply(): void {
  const s = session.streaming;
  if (s === undefined) return;
  s.detached = true;
  s.reply.discard();
  session.streaming = undefined;
  s.stopped = true;
  s.handle.cancel();
}

/** Ends the session: stops any reply, closes the pane, forgets the conversation. */
export function close(): void {
  detachReply();
  const buf = session.buf;
  session.buf = undefined;
  session.messages = [];
  session.savedName = undefined;
  session.state = "idle";
  session.tokensPerSecond = undefined;
  if (buf !== undefined && vim.api.nvim_buf_is_valid(buf)) {
    const win = window.findWindow(buf);
    if (win !== undefined && vim.api.nvim_list_wins().length === 1) vim.api.nvim_win_call(win, () => vim.cmd("enew"));
    vim.api.nvim_buf_delete(buf, { force: true });
  }
}

/** Re-splits the open pane and remembers the layout for this and future instances. */
export function setLayout(l: Layout): void {
  session.layout = l;
  const err = prefs.set({ split_preference: l });
  if (err !== undefined) notify(err, vim.log.levels.ERROR);
  if (!isOpen()) return;
  const win = window.findWindow(session.buf!)!;
  const cursor = vim.api.nvim_win_get_cursor(win);
  const wasCurrent = vim.api.nvim_get_current_win() === win;
  window.hide(win);
  const newWin = show(wasCurrent);
  vim.api.nvim_win_set_cursor(newWin, cursor);
}

/** Uses `model` for the rest of this chat; a reply in progress is stopped first. */
export function switchModel(model: string): void {
  stop();
  session.model = model;
  notify(`the chat now uses ${model}`);
}


export function status(): Status {
  return { model: session.model ?? undefined, state: session.state, tokens_per_second: session.tokensPerSecond };
}

export function stop(): void {
  const s = session.streaming;
  if (s === undefined) return;
  s.stopped = true;
  s.handle.cancel();
}

/** Replaces the text of the last user turn (the one being typed) with `text`. */
function setPendingMessage(buf: number, text: string): void {
  const lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false);
  let heading = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (transcript.isHeading(lines[i])) {
      heading = lines[i] === transcript.USER_HEADING ? i : -1;
      break;
    }
  }
  // Built with a loop: spread compiles to unpack(), which fails past ~8000 lines.
  const lines2: string[] = heading < 0 ? ["", transcript.USER_HEADING, ""] : [""];
  for (const l of transcript.contentLines(text)) lines2.push(l);
  vim.api.nvim_buf_set_lines(buf, heading < 0 ? -1 : heading + 1, -1, false, lines2);
}

/** Drops blank lines at the end of the buffer (after the user's message). */
function trimEnd(buf: number): void {
  let n = vim.api.nvim_buf_line_count(buf);
  let last = n;
  while (last > 1 && vim.api.nvim_buf_get_lines(buf, last - 1, last, false)[0] === "") last--;
  if (last < n) vim.api.nvim_buf_set_lines(buf, last, n, false, []);
}

function toRequest(messages: Message[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  const system = config.get().chat.system;
  if (system !== undefined && (messages.length === 0 || messages[0].role !== "system")) out.push({ role: "system", content: system });
  for (const m of messages) out.push({ role: m.role, content: m.content });
  return out;
}

/**
 * Sends the message being typed (or `text`) with the whole conversation. `onSent` is told the
 * model once the request is on its way (the model may first have to be picked); never when
 * nothing was sent.
 */
export function send(text?: string, onSent?: (this: void, model: string) => void): void {
  if (session.streaming !== undefined) {
    notify("a reply is still streaming: wait for it, or stop it with <C-c> or :Ollama stop", vim.log.levels.WARN);
    return;
  }
  if (session.model === undefined || !bufValid()) {
    // send() opens the chat first when it is closed.
    resolveModel((model) => {
      if (model === undefined) return;
      session.model = model;
      show(true);
      send(text, onSent);
    });
    return;
  }
  const buf = session.buf!;
  if (text !== undefined) setPendingMessage(buf, text);
  const messages = transcript.parse(vim.api.nvim_buf_get_lines(buf, 0, -1, false));
  const last = messages[messages.length - 1];
  if (last === undefined || last.role !== "user" || vim.trim(last.content) === "") {
    notify(`nothing to send: type your message under the last "${transcript.USER_HEADING}" heading`, vim.log.levels.WARN);
    return;
  }
  if (window.findWindow(buf) === undefined) show(false);
  trimEnd(buf);
  last.content = vim.trim(last.content);
  session.messages = messages;
  startReply(buf, session.model, messages);
  onSent?.(session.model);
}

function startReply(buf: number, model: string, messages: Message[]): void {
  const reply = new Reply(buf);
  reply.begin(["", "", transcript.assistantHeading(model), "", ""]);
  const chatConfig = config.get().chat;
  session.state = "loading";
  const streaming: Streaming = { reply, model, stopped: false, detached: false, handle: { cancel: () => {} } };
  session.streaming = streaming;
  streaming.handle = client.chat(
    { model, messages: toRequest(messages), options: chatConfig.options, keep_alive: chatConfig.keep_alive, think: chatConfig.think },
    {
      on_delta: (delta) => {
        if (streaming.detached) return;
        session.state = "generating";
        reply.push(delta.content, delta.thinking);
      },
      on_done: (err, result) => finishReply(streaming, err, result),
    },
  );
}

function tokensPerSecond(result: ChatResult): number | undefined {
  if (result.eval_count === undefined || result.eval_duration === undefined || result.eval_duration <= 0) return undefined;
  return result.eval_count / result.eval_duration * 1e9;
}

function metaLines(err: OllamaError | undefined, result: ChatResult, stopped: boolean): MetaLine[] {
  if (stopped) return [["■ stopped: the reply above is what arrived before you stopped it", "OllamaChatStopped"]];
  if (err !== undefined) return [[`✗ ${err.message}`, "OllamaChatError"]];
  const parts: string[] = [];
  const tps = tokensPerSecond(result);
  if (tps !== undefined) parts.push(string.format("%.1f tokens/s", tps));
  if (result.eval_count !== undefined) parts.push(`${result.eval_count} tokens`);
  if (result.total_duration !== undefined) parts.push(string.format("%.1f s", result.total_duration / 1e9));
  parts.push(result.done_reason !== undefined ? `done: ${result.done_reason}` : "done");
  const lines: MetaLine[] = [[parts.join(" · "), "OllamaChatStats"]];
  if (result.done_reason === "length") {
    lines.push(["⚠ cut off: the reply reached the context or length limit (raise chat.options.num_ctx or num_predict)", "OllamaChatWarning"]);
  }
  return lines;
}

/** The end of a reply that still belongs to the session: buffer, state and history. */
function settleReply(streaming: Streaming, err: OllamaError | undefined, result: ChatResult, stopped: boolean): void {
  streaming.reply.finish(metaLines(err, result, stopped), ["", "", transcript.USER_HEADING, "", ""]);
  if (session.streaming === streaming) session.streaming = undefined;
  session.state = err !== undefined && !stopped ? "error" : "idle";
  session.tokensPerSecond = err === undefined ? tokensPerSecond(result) : undefined;
  if (result.content !== "" || result.thinking !== "") {
    const message: Message = { role: "assistant", model: streaming.model, content: result.content };
    if (result.thinking !== "") message.thinking = result.thinking;
    session.messages.push(message);
  }
  if (err !== undefined && !stopped) {
    if (err.kind === "not_found") models.offerMissing(streaming.model, (picked) => switchModel(picked));
    else notify(err.message, vim.log.levels.ERROR);
  }
}

function finishReply(streaming: Streaming, err: OllamaError | undefined, result: ChatResult): void {
  const stopped = streaming.stopped && err !== undefined && err.kind === "cancelled";
  if (!streaming.detached) settleReply(streaming, err, result, stopped);
  vim.api.nvim_exec_autocmds("User", {
    pattern: "OllamaChatDone",
    modeline: false,
    data: {
      model: streaming.model,
      content: result.content,
      error: err !== undefined && !stopped ? err.message : undefined,
      stopped,
      eval_count: result.eval_count,
      eval_duration: result.eval_duration,
    },
  });
}

/** The conversation as the buffer says it, without the empty turn being typed. */
export function conversation(): Message[] {
  const messages = bufValid() ? transcript.parse(vim.api.nvim_buf_get_lines(session.buf!, 0, -1, false)) : session.messages;
  const last = messages[messages.length - 1];
  if (last !== undefined && last.role === "user" && vim.trim(last.content) === "") messages.pop();
  return messages;
}

/** The model that wrote the last reply, else the chat's model. */
export function conversationModel(): string | undefined {
  const messages = conversation();
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].model !== undefined) return messages[i].model;
  }
  return session.model;
}

/** Whether a reply is being received. */
export function isStreaming(): boolean {
  return session.streaming !== undefined;
}

export function savedName(): string | undefined {
  return session.savedName;
}

export function setSavedName(name: string | undefined): void {
  session.savedName = name;
}

/** Makes `messages` the active conversation (a reply in progress is stopped) and shows the pane. */
export function replaceConversation(messages: Message[], model: string | undefined, name: string | undefined): void {
  detachReply();
  session.messages = messages;
  session.savedName = name;
  if (model !== undefined) session.model = model;
  session.state = "idle";
  session.tokensPerSecond = undefined;
  const lines = transcript.render(messages.concat([{ role: "user", content: "" }]));
  if (bufValid()) {
    vim.api.nvim_buf_clear_namespace(session.buf!, NS, 0, -1);
    vim.api.nvim_buf_set_lines(session.buf!, 0, -1, false, lines);
  }
  if (session.model === undefined) {
    resolveModel((m) => {
      if (m === undefined) return;
      session.model = m;
      show(true);
    });
    return;
  }
  show(true);
}
