// The plugin's highlight groups, in one place. Each links to a standard group so it follows the
// colorscheme; where that group has no cterm attributes (the default scheme's Comment), it gets the
// group's GUI colours plus a cterm fallback, so it stays visible without 'termguicolors'. Defined
// with `default = true` (a user's or colorscheme's own definition wins) and again on every
// ColorScheme, since `:colorscheme` clears them.

interface Group {
  name: string;
  link: string;
  /** Used when `link` has no cterm attributes: what a 16-colour terminal shows. */
  cterm: KeysetHighlight;
}

const DIM: KeysetHighlight = { ctermfg: 8, cterm: { italic: true } };

const GROUPS: Group[] = [
  { name: "OllamaChatThinking", link: "Comment", cterm: DIM },
  { name: "OllamaChatStats", link: "Comment", cterm: DIM },
  { name: "OllamaChatStopped", link: "WarningMsg", cterm: { ctermfg: 11 } },
  { name: "OllamaChatWarning", link: "WarningMsg", cterm: { ctermfg: 11 } },
  { name: "OllamaChatError", link: "ErrorMsg", cterm: { ctermfg: 9 } },
  { name: "OllamaUpdateMuted", link: "Comment", cterm: DIM },
  { name: "OllamaUpdateActive", link: "DiagnosticInfo", cterm: { ctermfg: 14 } },
  { name: "OllamaUpdateDone", link: "DiagnosticOk", cterm: { ctermfg: 10 } },
  { name: "OllamaUpdateFailed", link: "DiagnosticError", cterm: { ctermfg: 9 } },
  { name: "OllamaUpdateCancelled", link: "DiagnosticWarn", cterm: { ctermfg: 11 } },
  { name: "OllamaUpdateAvailable", link: "DiagnosticHint", cterm: { ctermfg: 12 } },
  { name: "OllamaUpdateBar", link: "Special", cterm: { ctermfg: 14 } },
  { name: "OllamaUpdateHeader", link: "Title", cterm: { cterm: { bold: true } } },
  { name: "OllamaModelsHeader", link: "Title", cterm: { cterm: { bold: true } } },
  { name: "OllamaModelsColumns", link: "Comment", cterm: DIM },
  { name: "OllamaModelsMuted", link: "Comment", cterm: DIM },
  { name: "OllamaModelsName", link: "Identifier", cterm: { ctermfg: 14 } },
  { name: "OllamaModelsDefault", link: "Special", cterm: { ctermfg: 13, cterm: { bold: true } } },
  { name: "OllamaModelsBadge", link: "Type", cterm: { ctermfg: 10 } },
  { name: "OllamaModelsLoaded", link: "DiagnosticOk", cterm: { ctermfg: 10 } },
  { name: "OllamaModelsOutdated", link: "DiagnosticWarn", cterm: { ctermfg: 11 } },
  { name: "OllamaModelsError", link: "DiagnosticError", cterm: { ctermfg: 9 } },
];

function define(group: Group): void {
  const target = vim.api.nvim_get_hl(0, { name: group.link, link: false }) as { [key: string]: unknown };
  if (target["ctermfg"] !== undefined || target["ctermbg"] !== undefined || target["cterm"] !== undefined) {
    vim.api.nvim_set_hl(0, group.name, { link: group.link, default: true });
    return;
  }
  const attrs: { [key: string]: unknown } = {};
  for (const [key, value] of pairs(target)) attrs[key as string] = value;
  for (const [key, value] of pairs(group.cterm)) attrs[key as string] = value;
  attrs["default"] = true;
  vim.api.nvim_set_hl(0, group.name, attrs as KeysetHighlight);
}

let installed = false;

/** Defines the groups now and after every `:colorscheme`; once per editor, however often called. */
export function setup(this: void): void {
  if (installed) return;
  installed = true;
  for (const group of GROUPS) define(group);
  vim.api.nvim_create_autocmd("ColorScheme", {
    group: vim.api.nvim_create_augroup("ollama-chat-highlights", { clear: true }),
    callback: () => {
      for (const group of GROUPS) define(group);
    },
  });
}
