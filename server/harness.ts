// For Node tests and scripts: starts the test server as a child process and drives its control
// endpoints; `rawRequest` shows what clients hide (status line, headers, chunk boundaries).
//   const server = await startServer({ models: [{ name: "llama3.2:3b" }] });
//   ... new Ollama({ host: server.url }) ...
//   await server.stop();

import { spawn, type ChildProcess } from "node:child_process";
import { request, type IncomingHttpHeaders } from "node:http";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { LogEntry } from "./app.js";

export const MAIN = fileURLToPath(new URL("./main.js", import.meta.url));

export interface Stats {
  active_requests: number;
  max_concurrent_pulls: number;
  cancelled_streams: number;
  pulls_by_model: { [name: string]: number };
}

export interface RunningServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Replaces the scenario (and resets models, loaded models and the reply queue). */
  scenario(scenario: object): Promise<void>;
  log(): Promise<LogEntry[]>;
  clearLog(): Promise<void>;
  stats(): Promise<Stats>;
  resetStats(): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves with the first stdout line of `child`, or rejects with its stderr if it exits first. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: child.stdout! });
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`test server exited (${code}) before listening: ${stderr}`)));
  });
}

/** Runs main.js with `args` (always --exit-on-stdin-close) and waits for its listening line. */
export async function spawnServer(args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN, "--exit-on-stdin-close", ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const line = await firstLine(child);
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!match) {
    child.kill();
    throw new Error(`unexpected first line from the test server: ${line}`);
  }
  return { child, url: match[1]! };
}

async function control(url: string, method: string, path: string, body?: object): Promise<unknown> {
  const res = await fetch(url + path, { method, ...(body ? { body: JSON.stringify(body) } : {}) });
  const value: unknown = await res.json();
  if (!res.ok) {
    throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(value)}`);
  }
  return value;
}

export async function startServer(scenario?: object): Promise<RunningServer> {
  const { child, url } = await spawnServer();
  const server: RunningServer = {
    url,
    port: Number(new URL(url).port),
    child,
    scenario: async (s) => void (await control(url, "PUT", "/__scenario", s)),
    log: async () => (await control(url, "GET", "/__log")) as LogEntry[],
    clearLog: async () => void (await control(url, "DELETE", "/__log")),
    stats: async () => (await control(url, "GET", "/__stats")) as Stats,
    resetStats: async () => void (await control(url, "DELETE", "/__stats")),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          return resolve();
        }
        child.once("exit", () => resolve());
        child.stdin!.end();
      }),
  };
  if (scenario) {
    await server.scenario(scenario);
  }
  return server;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as the client's reads delivered it. */
  chunks: Buffer[];
  body: Buffer;
  /** Set when the connection failed after the response began (a reset mid-body). */
  error?: Error;
}

export interface RawOptions {
  method?: string;
  body?: string | Buffer;
  headers?: { [name: string]: string };
  /** Aborts the request once this many body bytes have arrived. */
  abortAfterBytes?: number;
}

/** One HTTP exchange over node:http, keeping what fetch hides. */
export function rawRequest(url: string, options: RawOptions = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = { ...(options.body === undefined ? {} : { "Content-Length": String(Buffer.byteLength(options.body)) }), ...options.headers };
    const req = request(url, { method: options.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = (error?: Error) =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks, body: Buffer.concat(chunks), ...(error ? { error } : {}) });
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (options.abortAfterBytes !== undefined && received >= options.abortAfterBytes) {
          req.destroy();
          finish();
        }
      });
      res.on("end", () => finish());
      res.on("error", (err) => finish(err));
      res.on("aborted", () => finish(new Error("aborted")));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
