// Ollama's times (RFC 3339, as Go writes them) as epoch seconds, fractions kept: /api/ps says
// when a model unloads, /api/tags when a model was modified.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Epoch seconds of an RFC 3339 time ("2025-05-04T17:37:44.706015396-07:00"), or undefined. */
export function parseTime(text: string): number | undefined {
  const [y, mo, d, h, mi, s, rest] = string.match(text, "^(%d%d%d%d)%-(%d%d)%-(%d%d)[Tt ](%d%d):(%d%d):(%d%d)(.*)$");
  if (y === undefined) return undefined;
  const days = daysFromCivil(tonumber(y)!, tonumber(mo)!, tonumber(d)!);
  let t = days * 86400 + tonumber(h)! * 3600 + tonumber(mi)! * 60 + tonumber(s)!;
  const [fraction] = string.match(rest ?? "", "^(%.%d+)");
  if (fraction !== undefined) t += tonumber(`0${fraction}`)!;
  const [sign, oh, om] = string.match(rest ?? "", "([+-])(%d%d):?(%d%d)$");
  if (sign !== undefined) {
    const offset = tonumber(oh)! * 3600 + tonumber(om)! * 60;
    t = sign === "+" ? t - offset : t + offset;
  }
  return t;
}

/** Now as epoch seconds, with microseconds (the clock Ollama's times are on). */
export function epochNow(): number {
  const [s, us] = vim.uv.gettimeofday();
  return s + us / 1e6;
}
