// Option dictionaries of vim.api functions (the API metadata does not list their keys).
// Callbacks in them are called by Neovim without a `self`: every one is declared `this: void`.

interface AutocmdCallbackArgs {
  id: number;
  event: string;
  group?: number;
  match: string;
  buf: number;
  file: string;
  data?: unknown;
}

interface KeysetCreateAutocmd {
  group?: number | string;
  pattern?: string | string[];
  buffer?: number;
  desc?: string;
  callback?: (this: void, args: AutocmdCallbackArgs) => boolean | void;
  command?: string;
  once?: boolean;
  nested?: boolean;
}

interface KeysetExecAutocmds {
  group?: number | string;
  pattern?: string | string[];
  buffer?: number;
  modeline?: boolean;
  data?: unknown;
}

interface KeysetClearAutocmds {
  event?: string | string[];
  group?: number | string;
  pattern?: string | string[];
  buffer?: number;
}

interface UserCommandArgs {
  name: string;
  args: string;
  fargs: string[];
  bang: boolean;
  line1: number;
  line2: number;
  range: number;
  count: number;
  reg: string;
  mods: string;
}

interface KeysetUserCommand {
  nargs?: 0 | 1 | "*" | "?" | "+";
  range?: boolean | "%" | number;
  count?: number;
  bang?: boolean;
  bar?: boolean;
  desc?: string;
  force?: boolean;
  complete?: string | ((this: void, argLead: string, cmdLine: string, cursorPos: number) => string[]);
  preview?: (this: void, ...args: any[]) => any;
}

interface KeysetWinConfig {
  relative?: "editor" | "win" | "cursor" | "mouse" | "";
  win?: number;
  anchor?: "NW" | "NE" | "SW" | "SE";
  width?: number;
  height?: number;
  row?: number;
  col?: number;
  focusable?: boolean;
  zindex?: number;
  style?: "minimal";
  border?: string | string[];
  title?: string | [string, string?][];
  title_pos?: "left" | "center" | "right";
  footer?: string | [string, string?][];
  footer_pos?: "left" | "center" | "right";
  noautocmd?: boolean;
  split?: "left" | "right" | "above" | "below";
  vertical?: boolean;
  hide?: boolean;
}

interface KeysetSetExtmark {
  id?: number;
  end_row?: number;
  end_col?: number;
  hl_group?: string;
  virt_text?: [string, string?][];
  virt_text_pos?: "eol" | "overlay" | "right_align" | "inline";
  virt_lines?: [string, string?][][];
  virt_lines_above?: boolean;
  hl_eol?: boolean;
  hl_mode?: "replace" | "combine" | "blend";
  priority?: number;
  right_gravity?: boolean;
  end_right_gravity?: boolean;
  line_hl_group?: string;
  sign_text?: string;
  sign_hl_group?: string;
  invalidate?: boolean;
  undo_restore?: boolean;
}

interface KeysetOption {
  scope?: "global" | "local";
  win?: number;
  buf?: number;
  filetype?: string;
}

interface KeysetKeymap {
  noremap?: boolean;
  nowait?: boolean;
  silent?: boolean;
  script?: boolean;
  expr?: boolean;
  unique?: boolean;
  callback?: (this: void) => void;
  desc?: string;
  replace_keycodes?: boolean;
}

interface KeysetHighlight {
  default?: boolean;
  link?: string;
  fg?: string | number;
  bg?: string | number;
  sp?: string | number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  ctermfg?: string | number;
  ctermbg?: string | number;
  /** Attributes for a terminal without 'termguicolors'. */
  cterm?: { bold?: boolean; italic?: boolean; underline?: boolean; reverse?: boolean; standout?: boolean; strikethrough?: boolean };
}

interface KeysetBufAttach {
  on_lines?: (this: void, event: "lines", buf: number, changedtick: number, first: number, last: number, lastUpdated: number, byteCount: number) => boolean | void;
  on_detach?: (this: void, event: "detach", buf: number) => void;
  utf_sizes?: boolean;
}
