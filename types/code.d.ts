// Declarations for the Neovim functions the code features use (chat variables, apply, edit).

interface VimDiffOpts {
  result_type?: "unified" | "indices";
  algorithm?: "myers" | "minimal" | "patience" | "histogram";
  linematch?: boolean | number;
  ignore_cr_at_eol?: boolean;
}

interface VimDiagnostic {
  lnum: number;
  col: number;
  severity?: number;
  message: string;
  source?: string;
  code?: string | number;
}

declare namespace vim {
  /** Hunks as [start_a, count_a, start_b, count_b] (1-based; a count of 0 starts after that line). */
  function diff(this: void, a: string, b: string, opts: VimDiffOpts & { result_type: "indices" }): [number, number, number, number][];
  namespace diagnostic {
    function get(this: void, bufnr?: number): VimDiagnostic[];
    const severity: { ERROR: 1; WARN: 2; INFO: 3; HINT: 4; [n: number]: string };
  }
}

declare namespace vim {
  namespace filetype {
    function match(this: void, args: { filename?: string; buf?: number }): string | undefined;
  }
}

declare namespace vim {
  namespace fn {
    function bufwinid(buf: number | string): number;
    function bufname(buf: number | string): string;
    function win_getid(win?: number): number;
    function winnr(arg?: string): number;
    function mapset(mode: string, abbr: boolean, dict: MapInfo): void;
    function setreg(name: string, value: string | string[], options?: string): number;
  }
}
