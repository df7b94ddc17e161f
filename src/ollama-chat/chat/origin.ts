// The buffer the chat came from: the code buffer the user was last in (a file buffer, not the
// chat's own nor a plugin view). `#buffer`, `#selection`, `#diagnostics` and apply read it.
import { isChatBuffer } from "./buffer";

let last: number | undefined;

function isCode(buf: number): boolean {
  return vim.api.nvim_buf_is_valid(buf) && vim.api.nvim_get_option_value("buftype", { buf }) === "" &&
    !isChatBuffer(buf) && !vim.startswith(vim.api.nvim_buf_get_name(buf), "ollama-chat://");
}

function note(buf: number): void {
  if (isCode(buf)) last = buf;
}

// From the first use on: the buffer current then, then every code buffer entered.
note(vim.api.nvim_get_current_buf());
vim.api.nvim_create_autocmd("BufEnter", {
  group: vim.api.nvim_create_augroup("ollama-chat-origin", { clear: true }),
  callback: (args) => note(args.buf),
});

/** The code buffer the user was last in, if it still exists. */
export function get(): number | undefined {
  return last !== undefined && vim.api.nvim_buf_is_valid(last) ? last : undefined;
}
