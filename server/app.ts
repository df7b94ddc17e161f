// The HTTP server: routes Ollama's endpoints and the registry, logs every request, and serves
// the control endpoints tests use (/__log, /__scenario, /__stats), which are neither logged nor
// counted.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChat, handleGenerate } from "./chat.js";
import { Exchange, Stats, type LogEntry } from "./exchange.js";
import { handleCopy, handleDelete, handlePs, handleShow, handleTags, handleVersion } from "./models.js";
import { handlePull } from "./pull.js";
import { handleManifest, MANIFEST_PATH } from "./registry.js";
import { sendError, sendText } from "./respond.js";
import { readScenario, ScenarioError, type Scenario } from "./scenario.js";
import { World } from "./world.js";

type Handler = (ex: Exchange) => void | Promise<void>;

const root: Handler = (ex) => sendText(ex.res, 200, "Ollama is running");

const ROUTES: { [path: string]: { [method: string]: Handler } } = {
  "/": { GET: root, HEAD: root },
  "/api/version": { GET: handleVersion, HEAD: handleVersion },
  "/api/tags": { GET: handleTags, HEAD: handleTags },
  "/api/pull": { POST: handlePull },
  "/api/chat": { POST: handleChat },
  "/api/generate": { POST: handleGenerate },
  "/api/show": { POST: handleShow },
  "/api/ps": { GET: handlePs },
  "/api/delete": { DELETE: handleDelete },
  "/api/copy": { POST: handleCopy },
};

function routesFor(path: string): { [method: string]: Handler } | undefined {
  const manifest = MANIFEST_PATH.exec(path);
  if (manifest) {
    const handler: Handler = (ex) => handleManifest(ex, manifest[1]!, manifest[2]!, manifest[3]!);
    return { GET: handler, HEAD: handler };
  }
  return ROUTES[path];
}

export type { LogEntry };

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Plain JSON (no Go encoding) for the control endpoints. */
function sendControl(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

export class App {
  private world: World;
  private readonly stats = new Stats();
  private log: LogEntry[] = [];
  private readonly server: Server;

  constructor(scenario: Scenario) {
    this.world = new World(scenario);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        process.stderr.write(`ollama test server: ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}\n`);
        if (!res.headersSent) {
          sendError(res, 500, String(err));
        } else {
          res.destroy();
        }
      });
    });
  }

  /** Listens on 127.0.0.1 (port 0: a free one) and resolves to the port. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    if (url.pathname.startsWith("/__")) {
      return this.control(method, url.pathname, body, res);
    }
    const text = body.toString("utf8");
    const entry: LogEntry = {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      headers: req.headers,
      body: text,
      json: parseJsonOrNull(text),
      time: Date.now(),
    };
    this.log.push(entry);
    const ex = new Exchange(req, res, body, this.world, this.stats, entry);
    this.stats.activeRequests++;
    res.once("close", () => {
      this.stats.activeRequests--;
      if (ex.gone) {
        this.stats.cancelledStreams++;
      }
    });
    const methods = routesFor(url.pathname);
    if (!methods) {
      return sendText(res, 404, "404 page not found", "text/plain");
    }
    const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
    if (!handler) {
      res.setHeader("Allow", Object.keys(methods).join(", "));
      return sendText(res, 405, "405 method not allowed", "text/plain");
    }
    await handler(ex);
  }

  private control(method: string, path: string, body: Buffer, res: ServerResponse): void {
    const route = `${method} ${path}`;
    switch (route) {
      case "GET /__log":
        return sendControl(res, 200, this.log);
      case "DELETE /__log":
        this.log = [];
        return sendControl(res, 200, { ok: true });
      case "GET /__stats":
        return sendControl(res, 200, this.stats);
      case "DELETE /__stats":
        this.stats.reset();
        return sendControl(res, 200, { ok: true });
      case "PUT /__scenario":
        return this.replaceScenario(body, res);
      default:
        return sendText(res, 404, "404 page not found", "text/plain");
    }
  }

  private replaceScenario(body: Buffer, res: ServerResponse): void {
    let parsed: unknown;
    try {
      parsed = body.length === 0 ? undefined : JSON.parse(body.toString("utf8"));
    } catch (err) {
      return sendControl(res, 400, { error: `scenario: not JSON: ${(err as Error).message}` });
    }
    try {
      this.world = new World(readScenario(parsed));
    } catch (err) {
      if (err instanceof ScenarioError) {
        return sendControl(res, 400, { error: err.message });
      }
      throw err;
    }
    sendControl(res, 200, { ok: true });
  }
}
