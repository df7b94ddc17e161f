// What a caller gives the picker; shared by the picker and its backends (no cycle between them).

/** @noSelf */
export interface PickOpts<T> {
  /** A few words, such as "Model" or "Saved chat". */
  prompt: string;
  items: T[];
  /** One line per item (newlines and tabs are shown as spaces). */
  format: (this: void, item: T) => string;
  /** Exactly once: the chosen item, or undefined when the user cancelled. */
  on_choice: (this: void, item: T | undefined) => void;
  /** Passed to vim.ui.select, for pickers that style kinds of lists. */
  kind?: string;
}
