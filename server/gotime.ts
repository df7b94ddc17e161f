// Times and durations the way Go writes and reads them: RFC 3339 with nanoseconds (trailing
// zeros trimmed), and time.ParseDuration for keep_alive.

/** Formats epoch milliseconds (plus the nanoseconds within that millisecond) as Go's RFC3339Nano in UTC. */
export function formatTime(ms: number, extraNanos = 0): string {
  const iso = new Date(ms).toISOString(); // 2025-07-07T20:22:19.184Z
  const nanos = (ms % 1000) * 1_000_000 + extraNanos;
  const fraction = nanos === 0 ? "" : `.${String(nanos).padStart(9, "0").replace(/0+$/, "")}`;
  return `${iso.slice(0, 19)}${fraction}Z`;
}

/** The wall clock in nanoseconds at hrtime 0, so that now = this + hrtime (monotonic, sub-millisecond). */
const EPOCH_NS_AT_HRTIME_ZERO = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

/** Now, with nanoseconds, as Go's time.Now().UTC() writes it. */
export function nowTime(): string {
  const ns = EPOCH_NS_AT_HRTIME_ZERO + process.hrtime.bigint();
  return formatTime(Number(ns / 1_000_000n), Number(ns % 1_000_000n));
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Seconds since the epoch of an RFC 3339 time, or undefined when it is not one. */
export function parseTimeSeconds(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) {
    return undefined;
  }
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000;
  const offset = m[8] === "Z" ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 3600 + Number(m[11]) * 60);
  return utc - offset;
}

const UNIT_MS: { [unit: string]: number } = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  "μs": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export class DurationError extends Error {}

/** time.ParseDuration, in milliseconds; throws with Go's message. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith("-") || rest.startsWith("+")) {
    sign = rest.startsWith("-") ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === "0") {
    return 0;
  }
  if (rest === "") {
    throw new DurationError(`time: invalid duration ${quoted}`);
  }
  let total = 0;
  while (rest !== "") {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (num[0] === "" || num[0] === ".") {
      throw new DurationError(`time: invalid duration ${quoted}`);
    }
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === "") {
      throw new DurationError(`time: missing unit in duration ${quoted}`);
    }
    const scale = UNIT_MS[unit];
    if (scale === undefined) {
      throw new DurationError(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    }
    total += Number(num[0]) * scale;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}
