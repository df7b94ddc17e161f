// Rows for a model picker: full name with tag, size and modification date, in aligned columns.
import type { ModelInfo } from "../../ollama/types";

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** Decimal units as `ollama list` shows them: 2019393189 → "2.0 GB", 274302450 → "274 MB". */
export function humanSize(this: void, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${Math.floor(value)} B`;
  return value < 10 ? string.format("%.1f %s", value, UNITS[unit]) : `${Math.floor(value)} ${UNITS[unit]}`;
}

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
    sizeWidth = Math.max(sizeWidth, humanSize(model.size).length);
  }
  return (model) => `${padRight(model.name, nameWidth)}  ${padLeft(humanSize(model.size), sizeWidth)}  ${shortDate(model.modified_at)}`;
}
