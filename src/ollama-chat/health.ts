// :checkhealth ollama-chat and :Ollama status. Both ask Ollama now, /api/version and /api/tags at
// once, and judge the answers the same way (findings). :Ollama status waits for them
// asynchronously; :checkhealth, which Neovim runs synchronously by design, waits a bounded time.
import * as config from "./config";
import * as client from "./ollama/client";
import { sameModel } from "./ollama/names";
import type { ModelInfo, OllamaError } from "./ollama/types";
import * as prefs from "./store/prefs";
import { notify } from "./ui/notify";

/**
 * The oldest Ollama with everything the plugin uses: `think` in /api/chat (thinking models, their
 * `message.thinking`) and `capabilities` in /api/show both came with Ollama 0.9.0; /api/ps,
 * /api/version and `keep_alive` are older.
 */
export const MIN_OLLAMA = "0.9.0";

/** How long :checkhealth waits for Ollama before it reports that no answer came. */
export const HEALTH_WAIT_MS = 2000;

/** What Ollama answered to /api/version and /api/tags. */
export interface Probe {
  host: string;
  version?: string;
  models?: ModelInfo[];
  /** The first error of the two requests. */
  error?: OllamaError;
  /** Milliseconds until both answered. */
  ms: number;
}

type Level = "ok" | "info" | "warn" | "error";

export interface Finding {
  level: Level;
  text: string;
  advice?: string;
}

/** Asks Ollama for its version and its models at once; `cb` runs once, when both answered. */
export function probe(this: void, cb: (this: void, p: Probe) => void): { cancel: (this: void) => void } {
  const start = vim.uv.hrtime();
  const p: Probe = { host: client.host(), ms: 0 };
  let pending = 2;
  const answered = (err: OllamaError | undefined) => {
    if (err !== undefined && p.error === undefined) p.error = err;
    pending -= 1;
    if (pending === 0) {
      p.ms = Math.floor((vim.uv.hrtime() - start) / 1e6);
      cb(p);
    }
  };
  const v = client.version((err, version) => {
    p.version = version;
    answered(err);
  });
  const t = client.tags((err, models) => {
    p.models = models;
    answered(err);
  });
  return {
    cancel: () => {
      v.cancel();
      t.cancel();
    },
  };
}

function parseVersion(v: string): number[] | undefined {
  const [a, b, c] = string.match(v, "^v?(%d+)%.(%d+)%.(%d+)");
  if (a === undefined) return undefined;
  return [tonumber(a) as number, tonumber(b) as number, tonumber(c) as number];
}

/** Whether version `v` is older than `min` (undefined: not a version we can read). */
export function olderThan(this: void, v: string, min: string): boolean | undefined {
  const a = parseVersion(v);
  const b = parseVersion(min);
  if (a === undefined || b === undefined) return undefined;
  for (let i = 0; i < 3; i++) {
    if (a[i] !== b[i]) return a[i] < b[i];
  }
  return false;
}

function versionFinding(p: Probe): Finding {
  const at = `Ollama ${p.version} at ${p.host}`;
  const older = olderThan(p.version as string, MIN_OLLAMA);
  if (older === true) {
    return {
      level: "warn",
      text: `${at} is older than ${MIN_OLLAMA}, which the plugin needs for thinking models`,
      advice: "upgrade Ollama: https://ollama.com/download",
    };
  }
  // A build from source reports 0.0.0: nothing to compare.
  if (older === undefined || p.version === "0.0.0") return { level: "ok", text: `${at} (version not comparable with ${MIN_OLLAMA})` };
  return { level: "ok", text: `${at} answered in ${p.ms} ms` };
}

function modelsFinding(models: ModelInfo[]): Finding {
  if (models.length === 0) {
    return { level: "warn", text: "no models installed", advice: "pull one with `:Ollama pull llama3.2:3b`" };
  }
  return { level: "ok", text: `${models.length} model${models.length === 1 ? "" : "s"} installed` };
}

function defaultFinding(models: ModelInfo[], name: string | undefined): Finding {
  if (name === undefined) return { level: "info", text: "no default model set yet", advice: "pick one with `:Ollama model`" };
  for (const m of models) {
    if (sameModel(m.name, name)) return { level: "ok", text: `default model ${name} is installed` };
  }
  return {
    level: "warn",
    text: `default model ${name} is not installed`,
    advice: `pull it with \`:Ollama pull ${name}\`, or pick another with \`:Ollama model\``,
  };
}

/** What the probe says about the server, judged against the plugin's needs (undefined: no answer in time). */
export function findings(this: void, p: Probe | undefined, host: string, defaultModel: string | undefined): Finding[] {
  if (p === undefined) {
    return [{
      level: "error",
      text: `Ollama at ${host} did not answer within ${HEALTH_WAIT_MS / 1000} s`,
      advice: "check that Ollama runs (`ollama serve`) and that `host` in setup() points at it",
    }];
  }
  if (p.error !== undefined || p.version === undefined || p.models === undefined) {
    return [{
      level: "error",
      text: p.error?.message ?? `Ollama at ${p.host} gave no version or model list`,
      advice: "start Ollama with `ollama serve`, or set `host` in setup()",
    }];
  }
  return [versionFinding(p), modelsFinding(p.models), defaultFinding(p.models, defaultModel)];
}

function defaultModelName(): string | undefined {
  const m = prefs.get("default_model");
  return type(m) === "string" ? (m as string) : undefined;
}

/** vim.wait, which types/vim.d.ts leaves out on purpose: plugin code must not block. */
/** @noSelf */
interface Waiting {
  wait(ms: number, cond: (this: void) => boolean, interval: number): boolean;
}

/**
 * The probe's answer, waited for. This is the one place in the plugin where a bounded wait is
 * right: Neovim runs health checks synchronously and prints the report when check() returns, so
 * the answer must be in before then; HEALTH_WAIT_MS bounds how long the editor waits.
 */
function probeWaiting(): Probe | undefined {
  let answer: Probe | undefined;
  const h = probe((p) => {
    answer = p;
  });
  (vim as unknown as Waiting).wait(HEALTH_WAIT_MS, () => answer !== undefined, 10);
  if (answer === undefined) h.cancel();
  return answer;
}

function report(f: Finding): void {
  if (f.level === "ok") vim.health.ok(f.text);
  else if (f.level === "info") vim.health.info(f.advice === undefined ? f.text : `${f.text}: ${f.advice}`);
  else if (f.level === "warn") vim.health.warn(f.text, f.advice);
  else vim.health.error(f.text, f.advice);
}

const LEVELS: { [level: string]: number } = {
  ok: vim.log.levels.INFO,
  info: vim.log.levels.INFO,
  warn: vim.log.levels.WARN,
  error: vim.log.levels.ERROR,
};

/** The findings in one line, with the level of the worst. */
export function oneLine(this: void, fs: Finding[]): [string, number] {
  const parts: string[] = [];
  let level = vim.log.levels.INFO;
  for (const f of fs) {
    parts.push(f.level === "ok" || f.level === "info" ? f.text : `${f.text} (${f.advice})`);
    level = Math.max(level, LEVELS[f.level]);
  }
  return [parts.join("; "), level];
}

/**
 * :Ollama status: asks Ollama now, asynchronously, and tells the findings in one line after
 * `prefix` (the chat's state, when there is one).
 */
export function status(this: void, prefix?: string): void {
  const host = client.host();
  probe((p) => {
    const [line, level] = oneLine(findings(p, host, defaultModelName()));
    notify(prefix === undefined ? line : `${prefix}; ${line}`, level);
  });
}

function checkNeovim(): void {
  if (vim.fn.has("nvim-0.10") === 1) vim.health.ok(`Neovim ${tostring(vim.version())}`);
  else vim.health.error("Neovim 0.10 or newer is required", "upgrade Neovim: https://github.com/neovim/neovim/releases");
}

function checkExecutable(name: string, needed: boolean, why: string): void {
  if (vim.fn.executable(name) === 1) vim.health.ok(`${name}: ${vim.fn.exepath(name)}`);
  else if (needed) vim.health.error(`${name} not found on PATH: ${why}`, `install ${name} (Debian/Ubuntu: sudo apt install ${name})`);
  else vim.health.warn(`${name} not found on PATH: ${why}`, `install ${name} for the fzf pickers, or set picker = "select"`);
}

function checkServer(): void {
  const host = client.host();
  vim.health.info(`host: ${host}${config.get().host === undefined ? " (from $OLLAMA_HOST or the default)" : " (from setup)"}`);
  for (const f of findings(probeWaiting(), host, defaultModelName())) report(f);
}

function checkPaths(): void {
  const cfg = config.get();
  vim.health.info(`config_file: ${cfg.config_file}`);
  vim.health.info(`data_dir: ${cfg.data_dir} (saved chats in chats/, retention ${cfg.retention_days} days)`);
}

export function check(this: void): void {
  vim.health.start("ollama-chat");
  checkNeovim();
  checkExecutable("curl", true, "every request to Ollama goes through curl");
  checkExecutable("fzf", false, "the model picker falls back to vim.ui.select");
  if (vim.env.TMUX !== undefined && vim.env.TMUX !== "") checkExecutable("tmux", false, "the tmux popup picker needs it");
  vim.health.start("ollama-chat: Ollama server");
  checkServer();
  vim.health.start("ollama-chat: files");
  checkPaths();
}
