// The Ollama base URL, read from OLLAMA_HOST exactly as the ollama CLI reads it.
export const DEFAULT_HOST = "http://127.0.0.1:11434";
const DEFAULT_PORT = 11434;

function trimQuotes(s: string): string {
  let out = vim.trim(s);
  for (;;) {
    const first = string.sub(out, 1, 1);
    const last = string.sub(out, -1);
    if (out.length >= 2 && first === last && (first === '"' || first === "'")) out = vim.trim(string.sub(out, 2, -2));
    else return out;
  }
}

function validPort(p: string): number | undefined {
  const n = tonumber(p);
  if (n === undefined || math.floor(n) !== n || n < 1 || n > 65535) return undefined;
  return n;
}

/** Base URL (scheme://host:port[/path]) for an OLLAMA_HOST value; empty or unset → the default. */
export function parseHost(value: string | undefined): string {
  const raw = trimQuotes(value ?? "");
  if (raw === "") return DEFAULT_HOST;
  let scheme = "http";
  let port = DEFAULT_PORT;
  let rest = raw;
  const [s, after] = string.match(raw, "^(%a[%w+.-]*)://(.*)$");
  if (s !== undefined) {
    scheme = string.lower(s);
    rest = after as string;
    port = scheme === "https" ? 443 : 80;
  } else if (raw === "ollama.com") {
    return "https://ollama.com:443";
  }
  // Anything after the first "/" is a path prefix (a reverse proxy's). The CLI joins it with the
  // API path as a clean path: no empty segments, no trailing "/" ("/proxy/" + "/api/tags").
  let path = "";
  const [slash] = string.find(rest, "/", 1, true);
  if (slash !== undefined) {
    path = cleanPath(string.sub(rest, slash));
    rest = string.sub(rest, 1, slash - 1);
  }
  let host = rest;
  const [v6, v6rest] = string.match(rest, "^(%[[^%]]*%])(.*)$");
  if (v6 !== undefined) {
    host = v6;
    const [p] = string.match(v6rest as string, "^:(.*)$");
    if (p !== undefined) port = validPort(p) ?? port;
  } else if (twoColons(rest)) {
    // Two colons and no brackets: an IPv6 address without a port (`::1`), bracketed for the URL.
    host = `[${rest}]`;
  } else {
    const [h, p] = string.match(rest, "^([^:]*):([^:]*)$");
    if (h !== undefined) {
      host = h;
      port = validPort(p as string) ?? port;
    }
  }
  // Bind-all addresses mean "this machine" to a client.
  if (host === "" || host === "0.0.0.0") host = "127.0.0.1";
  else if (host === "[::]" || host === "[0:0:0:0:0:0:0:0]") host = "[::1]";
  return `${scheme}://${host}:${port}${path}`;
}

function twoColons(s: string): boolean {
  const [at] = string.find(s, ":[^:]*:");
  return at !== undefined;
}

/** "/a//b/./c/.." → "/a/b": the prefix as Go's URL.JoinPath leaves it; "" for "/" alone. */
function cleanPath(path: string): string {
  const segments: string[] = [];
  for (const [segment] of string.gmatch(path, "[^/]+")) {
    if (segment === "..") segments.pop();
    else if (segment !== ".") segments.push(segment);
  }
  return segments.length === 0 ? "" : "/" + segments.join("/");
}

/** The host name of a base URL, without scheme, port or path ("[::1]" keeps its brackets). */
export function hostName(base: string): string {
  const [authority] = string.match(base, "^%a[%w+.-]*://([^/]*)");
  const rest = authority ?? base;
  const [v6] = string.match(rest, "^(%[[^%]]*%])");
  if (v6 !== undefined) return v6;
  const [name] = string.match(rest, "^([^:]*)");
  return name ?? rest;
}
