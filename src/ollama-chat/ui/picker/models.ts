// Rows for a model picker: full name with tag, size and modification date, in aligned columns.
import { bytes } from "../../format/bytes";
import type { ModelInfo } from "../../ollama/types";

/** "2025-01-23T14:30:22.1+01:00" → "2025-01-23"; anything else is shown as it is. */
export function shortDate(this: void, timestamp: string): string {
  const date = string.match(timestamp, "^(%d%d%d%d%-%d%d%-%d%d)")[0];
  return date ?? timestamp;
}

function padRight(text: string, width: number): string {
  return text + string.rep(" ", width - vim.fn.strdisplaywidth(text));
}

function padLeft(text: string, width: number): string {
  return string.rep(" ", width - vim.fn.strdisplaywidth(text)) + text;
}

/** A `format` for pick() that aligns the columns across `models` (the list being shown). */
export function modelFormatter(this: void, models: ModelInfo[]): (this: void, model: ModelInfo) => string {
  let nameWidth = 0;
  let sizeWidth = 0;
  for (const model of models) {
    nameWidth = Math.max(nameWidth, vim.fn.strdisplaywidth(model.name));
    sizeWidth = Math.max(sizeWidth, bytes(model.size).length);
  }
  return (model) => `${padRight(model.name, nameWidth)}  ${padLeft(bytes(model.size), sizeWidth)}  ${shortDate(model.modified_at)}`;
}
