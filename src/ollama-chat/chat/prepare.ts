// Between "send" and the request: chat commands at the start of the message change the chat's
// settings (and are not sent), the settings section is read into the conversation, and the
// message's variables are expanded into what the request carries (the buffer keeps `#buffer`).
import * as config from "../config";
import * as capabilities from "../ollama/capabilities";
import { inline } from "../ui/text";
import type { Message } from "../format/transcript";
import type { ChatMessage } from "../ollama/types";
import { notify } from "../ui/notify";
import type { Conversation } from "./conversation";
import * as frontmatter from "./frontmatter";
import * as message from "./message";
import * as origin from "./origin";
import * as settings from "./settings";
import type { ChatSettings } from "./settings";
import * as variables from "./variables";

/** What each conversation's messages were sent as: their text with the variables expanded. */
const sentAs = new LuaMap<number, LuaMap<string, [string, string[]]>>();
const preparing = new LuaSet<number>();

/** The conversation takes the settings the buffer shows: model, system prompt, think, options. */
export function adopt(c: Conversation, s: ChatSettings): void {
  if (s.model !== undefined) c.model = s.model;
  let options: { [name: string]: unknown } | undefined;
  if (next(s.options)[0] !== undefined) {
    options = {};
    for (const [k, v] of pairs(config.get().chat.options)) options[k as string] = v;
    for (const [k, v] of s.options) options[k] = v;
  }
  c.settings.system = s.system;
  c.settings.think = s.think;
  c.settings.options = options;
}

/** Runs the chat commands starting the typed message; false when nothing is left to send. */
function runCommands(c: Conversation, buf: number, text: string): boolean {
  const current = frontmatter.read(buf);
  const run = settings.runCommands(current.settings, text);
  if (run.result === undefined) {
    notify(run.error!, vim.log.levels.ERROR);
    return false;
  }
  frontmatter.write(buf, run.settings);
  message.setPending(buf, run.result.rest);
  adopt(c, run.settings);
  notify(`chat settings: ${run.result.done.join("; ")}`);
  if (run.settings.think !== undefined && run.settings.think !== false && c.model !== undefined) warnIfNoThinking(c.model);
  return run.result.rest !== "";
}

/**
 * Thinking asked for a model that cannot think: the setting stays (it reaches the next thinking
 * model the chat switches to), and the user learns why the replies show no thinking.
 */
function warnIfNoThinking(model: string): void {
  capabilities.of(model, (err, caps) => {
    if (err !== undefined || caps === undefined || caps.capabilities.length === 0 || capabilities.has(caps, "thinking")) return;
    notify(`${inline(model)} cannot think (no "thinking" capability): think stays set for this chat and is sent only to a thinking model`, vim.log.levels.WARN);
  });
}

/**
 * Calls `ready` with the messages to keep (the buffer's) and the request's, once the typed message
 * is ready to go; tells the user and never calls it when it is not (a bad command or variable:
 * the text stays in the buffer).
 */
export function request(c: Conversation, messages: Message[], ready: (this: void, messages: Message[], rewrite: (this: void, req: ChatMessage[]) => ChatMessage[]) => void): void {
  if (preparing.has(c.id)) {
    notify("the message is still being prepared (#gitdiff runs git): wait a moment", vim.log.levels.WARN);
    return;
  }
  const buf = c.buffer();
  if (settings.startsWithCommand(messages[messages.length - 1].content)) {
    if (!runCommands(c, buf, messages[messages.length - 1].content)) return;
    const again = c.takeMessage(undefined);
    if (again === undefined) return;
    messages = again;
  }
  const shown = frontmatter.read(buf);
  if (shown.errors.length > 0) {
    notify(`${shown.errors[0]}: fix it at the top of the chat (not sent)`, vim.log.levels.ERROR);
    return;
  }
  adopt(c, shown.settings);
  const last = messages[messages.length - 1];
  const text = vim.trim(last.content);
  preparing.add(c.id);
  variables.expand(text, { origin: origin.get() }, (err, expanded, images) => {
    preparing.delete(c.id);
    if (err !== undefined || expanded === undefined) {
      notify(`${err ?? "the message could not be prepared"} (not sent)`, vim.log.levels.ERROR);
      return;
    }
    let cache = sentAs.get(c.id);
    if (cache === undefined) {
      cache = new LuaMap();
      sentAs.set(c.id, cache);
    }
    cache.set(text, [expanded, images]);
    const sent = cache;
    ready(messages, (req) => rewrite(c, req, sent));
  });
}

/**
 * The request's messages with each user message as it was sent (variables expanded, images
 * attached); a system prompt set by /system in place of the chat's "## System" message.
 */
function rewrite(c: Conversation, req: ChatMessage[], cache: LuaMap<string, [string, string[]]>): ChatMessage[] {
  const own = c.settings.system;
  const out: ChatMessage[] = [];
  if (own !== undefined) out.push({ role: "system", content: own });
  for (const m of req) {
    if (own === undefined || m.role !== "system") {
      const sent = m.role === "user" ? cache.get(vim.trim(m.content)) : undefined;
      if (sent !== undefined) {
        m.content = sent[0];
        if (sent[1].length > 0) m.images = sent[1];
      }
      out.push(m);
    }
  }
  return out;
}
