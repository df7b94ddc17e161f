// Byte counts for people, the way the ollama CLI writes them (`ollama list`, `ollama pull`):
// decimal units, one decimal below 10, whole units (cut, not rounded up) from 10 on.

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 512 → "512 B", 274302450 → "274 MB", 2019393189 → "2.0 GB", 39969745349 → "39 GB". */
export function bytes(this: void, n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${math.floor(value)} B`;
  return value < 10 ? string.format("%.1f %s", value, UNITS[unit]) : `${math.floor(value)} ${UNITS[unit]}`;
}
