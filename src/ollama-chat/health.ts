// :checkhealth ollama-chat. Health checks report synchronously and plugin code never blocks, so
// the Ollama server is judged by the last answer the plugin had from it, not by a new request.
import * as config from "./config";
import * as client from "./ollama/client";

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
  const c = client.contact();
  if (c === undefined) {
    vim.health.info("no request made to Ollama yet in this session: run :Ollama status to contact it");
  } else if (c.ok) {
    vim.health.ok(`Ollama at ${c.host} answered ${os.date("%H:%M:%S", c.time)}`);
  } else {
    vim.health.error(`last request to ${c.host} failed at ${os.date("%H:%M:%S", c.time)}: ${c.message}`, "start Ollama with `ollama serve`, or set `host` in setup()");
  }
}

function checkPaths(): void {
  const cfg = config.get();
  vim.health.info(`config_file: ${cfg.config_file}`);
  vim.health.info(`data_dir: ${cfg.data_dir} (saved chats in chats/, retention ${cfg.retention_days} days)`);
}

export function check(): void {
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
