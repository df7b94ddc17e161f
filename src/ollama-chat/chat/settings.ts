// A conversation's own settings: changed by chat commands typed as the first lines of a message
// (`/model`, `/system`, `/think`, `/option`), shown and edited in a front-matter section at the top
// of the chat buffer ("## Settings"), saved with the chat as part of its transcript.
//
//   ## Settings
//
//   model: qwen3:8b
//   system: Answer in French.
//   think: on
//   option num_ctx: 8192
//   option temperature: 0.2

export type Think = boolean | "low" | "medium" | "high";

export interface ChatSettings {
  model?: string;
  system?: string;
  think?: Think;
  /** Ollama model options set for this chat, over `chat.options`. */
  options: LuaMap<string, unknown>;
}

export function empty(): ChatSettings {
  return { options: new LuaMap() };
}

export function isEmpty(s: ChatSettings): boolean {
  return s.model === undefined && s.system === undefined && s.think === undefined && next(s.options)[0] === undefined;
}

export const COMMANDS = ["model", "system", "think", "option"];

const THINK_WORDS: { [word: string]: Think | undefined } = {
  on: true, off: false, ["true"]: true, ["false"]: false, low: "low", medium: "medium", high: "high",
};

function thinkWord(t: Think): string {
  return t === true ? "on" : t === false ? "off" : t;
}

/** An option's value as typed: a number, true/false, JSON ([..], {..}, "..") or else the text. */
export function parseValue(text: string): unknown {
  const n = tonumber(text);
  if (n !== undefined) return n;
  if (text === "true") return true;
  if (text === "false") return false;
  const c = string.sub(text, 1, 1);
  if (c === "[" || c === "{" || c === '"') {
    const [ok, v] = pcall(vim.json.decode, text);
    if (ok) return v;
  }
  return text;
}

function showValue(v: unknown): string {
  if (type(v) === "string") {
    const s = v as string;
    // Text that would read back as something else is written as JSON.
    return parseValue(s) === s && string.find(s, "\n", 1, true)[0] === undefined ? s : vim.json.encode(s);
  }
  if (type(v) === "table") return vim.json.encode(v);
  return tostring(v);
}

/** The front matter's text (the content of the settings section). */
export function render(s: ChatSettings): string {
  const lines: string[] = [];
  if (s.model !== undefined) lines.push(`model: ${s.model}`);
  if (s.system !== undefined) lines.push(`system: ${showValue(s.system)}`);
  if (s.think !== undefined) lines.push(`think: ${thinkWord(s.think)}`);
  const names: string[] = [];
  for (const [name] of s.options) names.push(name);
  table.sort(names);
  for (const name of names) lines.push(`option ${name}: ${showValue(s.options.get(name))}`);
  return lines.join("\n");
}

export interface Parsed {
  settings: ChatSettings;
  /** One message per line that could not be read. */
  errors: string[];
}

/** Reads the front matter's text back; unreadable lines are reported, the others kept. */
export function parse(text: string): Parsed {
  const settings = empty();
  const errors: string[] = [];
  for (const raw of vim.split(text, "\n", { plain: true })) {
    const line = vim.trim(raw);
    if (line !== "") {
      const [key, value] = string.match(line, "^([%w_ ]-)%s*:%s*(.*)$");
      const err = key === undefined ? "not a setting" : setField(settings, vim.trim(key as string), value as string);
      if (err !== undefined) errors.push(`chat settings: "${line}": ${err}`);
    }
  }
  return { settings, errors };
}

function setField(s: ChatSettings, key: string, value: string): string | undefined {
  if (key === "model") {
    if (value === "") return "a model name is needed";
    s.model = value;
  } else if (key === "system") {
    const v = parseValue(value);
    s.system = type(v) === "string" ? (v as string) : value;
  } else if (key === "think") {
    const t = THINK_WORDS[value];
    if (t === undefined) return "think is on, off, low, medium or high";
    s.think = t;
  } else {
    const [name] = string.match(key, "^option%s+([%w_]+)$");
    if (name === undefined) return "known settings are model, system, think and option <name>";
    if (value === "") return `option ${name as string} needs a value`;
    s.options.set(name as string, parseValue(value));
  }
  return undefined;
}

export interface CommandResult {
  /** What the commands said they did, one line each. */
  done: string[];
  /** The rest of the message after the command lines ("" when it was only commands). */
  rest: string;
}

/** Whether `text` starts with a chat command line (`/word`, the word alone or then a space). */
export function startsWithCommand(text: string): boolean {
  const [word] = string.match(text, "^%s*/(%a+)%f[%s%z]");
  return word !== undefined;
}

/**
 * Applies the chat commands that start `text` to `s` (a copy is changed: on an error nothing is).
 * Says what was done and the rest of the message, or the error.
 */
export interface Commands {
  /** Set when the commands ran: what they did and the rest of the message. */
  result?: CommandResult;
  /** Set when one could not run (then nothing changed). */
  error?: string;
  /** The settings after the commands (`s` itself on an error). */
  settings: ChatSettings;
}

export function runCommands(s: ChatSettings, text: string): Commands {
  const next = copy(s);
  const done: string[] = [];
  const lines = vim.split(text, "\n", { plain: true });
  let i = 0;
  while (i < lines.length && vim.trim(lines[i]) === "") i++;
  while (i < lines.length && startsWithCommand(lines[i])) {
    const line = vim.trim(lines[i]);
    const [word, arg] = string.match(line, "^/(%a+)%s*(.-)$");
    const err = command(next, word as string, arg as string, done);
    if (err !== undefined) return { error: err, settings: s };
    i++;
  }
  const rest: string[] = [];
  for (let j = i; j < lines.length; j++) rest.push(lines[j]);
  return { result: { done, rest: vim.trim(rest.join("\n")) }, settings: next };
}

function command(s: ChatSettings, word: string, arg: string, done: string[]): string | undefined {
  if (word === "model") {
    if (arg === "") return "/model needs a model name: /model llama3.2:3b";
    s.model = arg;
    done.push(`model: ${arg}`);
  } else if (word === "system") {
    s.system = arg === "" ? undefined : arg;
    done.push(arg === "" ? "system prompt: the configured one" : "system prompt set");
  } else if (word === "think") {
    const t = THINK_WORDS[arg === "" ? "on" : arg];
    if (t === undefined) return `/think takes on, off, low, medium or high, not "${arg}"`;
    s.think = t;
    done.push(`think: ${thinkWord(t)}`);
  } else if (word === "option") {
    const [name, value] = string.match(arg, "^([%w_]+)%s*(.-)$");
    if (name === undefined) return "/option needs a name and a value: /option temperature 0.2 (no value: back to the default)";
    if (value === "") {
      s.options.delete(name as string);
      done.push(`option ${name as string}: default`);
    } else {
      s.options.set(name as string, parseValue(value as string));
      done.push(`option ${name as string}: ${value as string}`);
    }
  } else {
    return `unknown chat command /${word}: the commands are /model, /system, /think and /option`;
  }
  return undefined;
}

export function copy(s: ChatSettings): ChatSettings {
  const options = new LuaMap<string, unknown>();
  for (const [k, v] of s.options) options.set(k, v);
  return { model: s.model, system: s.system, think: s.think, options };
}
