// What tests steer the server with: the request log, scenarios, statistics, the command line.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { Ollama } from "ollama";
import { MAIN, spawnServer, startServer } from "../.build/server/harness.js";

let server;
let ollama;
before(async () => {
  server = await startServer();
  ollama = new Ollama({ host: server.url });
});
after(() => server.stop());

const put = (body) => fetch(`${server.url}/__scenario`, { method: "PUT", body: typeof body === "string" ? body : JSON.stringify(body) });

describe("log", () => {
  test("every request, oldest first, with headers, raw body and parsed JSON; control calls left out", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }] });
    await server.clearLog();
    await ollama.list();
    await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }] });
    await fetch(`${server.url}/api/chat?x=1`, { method: "POST", body: "not json" });
    await server.stats();
    const log = await server.log();
    assert.deepEqual(
      log.map((e) => `${e.method} ${e.path}`),
      ["GET /api/tags", "POST /api/chat", "POST /api/chat"],
    );
    assert.deepEqual(log[1].json, { model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], stream: false });
    assert.equal(log[1].body, JSON.stringify(log[1].json));
    assert.match(log[1].headers["user-agent"], /^ollama-js\//);
    assert.equal(log[2].json, null);
    assert.equal(log[2].body, "not json");
    assert.equal(log[2].query, "x=1");
    assert.ok(log[0].time <= log[1].time && log[1].time <= log[2].time);
    await server.clearLog();
    assert.deepEqual(await server.log(), []);
  });
});

describe("scenario", () => {
  test("a new scenario resets the models", async () => {
    await server.scenario({ models: [{ name: "a:1b" }, { name: "b:2b" }] });
    await ollama.delete({ model: "a:1b" });
    assert.equal((await ollama.list()).models.length, 1);
    await server.scenario({ models: [{ name: "a:1b" }, { name: "b:2b" }] });
    assert.equal((await ollama.list()).models.length, 2);
  });

  const invalid = [
    [{ models: [{ name: "x", colour: "red" }] }, /^scenario: models\[0\]\.colour is not a known field/],
    [{ models: [{}] }, /^scenario: models\[0\]\.name is not a valid model name/],
    [{ models: [{ name: "a" }, { name: "a:latest" }] }, /^scenario: models\[1\]\.name repeats a:latest/],
    [{ models: [{ name: "a", size: -1 }] }, /^scenario: models\[0\]\.size must be an integer >= 1/],
    [{ pull: { "a:1b": { behavior: "sometimes" } } }, /^scenario: pull\["a:1b"\]\.behavior must be one of/],
    [{ chat: { default: { reply: "x", tokens: ["y"] } } }, /set only one of reply, tokens, token, line_bytes, echo/],
    [{ chat: { queue: [{ status: 200 }] } }, /^scenario: chat\.queue\[0\]\.status must be an integer >= 400/],
    [{ registry: { "a:1b": { header: "yes" } } }, /^scenario: registry\["a:1b"\]\.header must be true or false/],
    [{ versoin: "1" }, /^scenario: versoin is not a known field/],
    ["{oops", /^scenario: not JSON/],
  ];
  for (const [body, message] of invalid) {
    test(`rejected with the field named: ${JSON.stringify(body)}`, async () => {
      const res = await put(body);
      assert.equal(res.status, 400);
      assert.match((await res.json()).error, message);
    });
  }

  test("empty maps may come as [] (Lua's JSON encoders write {} so)", async () => {
    const res = await put({ models: [{ name: "a:1b" }], pull: [], registry: [], chat: { models: [], queue: [] } });
    assert.equal(res.status, 200);
  });
});

describe("stats", () => {
  test("concurrent pulls and pulls per model, since the last reset", async () => {
    const names = ["a:1b", "b:1b", "c:1b"];
    await server.scenario({
      models: names.map((name) => ({ name })),
      pull: Object.fromEntries(names.map((name) => [name, { behavior: "update", duration_ms: 300 }])),
    });
    await server.resetStats();
    await Promise.all(names.map((model) => ollama.pull({ model })));
    await ollama.pull({ model: "a:1b" });
    let stats = await server.stats();
    assert.equal(stats.max_concurrent_pulls, 3);
    assert.deepEqual(stats.pulls_by_model, { "a:1b": 2, "b:1b": 1, "c:1b": 1 });
    assert.equal(stats.cancelled_streams, 0);
    await server.resetStats();
    await ollama.pull({ model: "a:1b" });
    stats = await server.stats();
    assert.equal(stats.max_concurrent_pulls, 1);
    assert.deepEqual(stats.pulls_by_model, { "a:1b": 1 });
  });

  test("a pull abandoned mid-download is counted and changes nothing", async () => {
    await server.scenario({ models: [{ name: "a:1b" }], pull: { "a:1b": { behavior: "update", duration_ms: 300 } } });
    await server.resetStats();
    const digest = (await ollama.list()).models[0].digest;
    const it = await ollama.pull({ model: "a:1b", stream: true });
    for await (const p of it) {
      if (p.completed) {
        it.abort();
        break;
      }
    }
    const until = Date.now() + 2000;
    while ((await server.stats()).cancelled_streams === 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal((await server.stats()).cancelled_streams, 1);
    await new Promise((r) => setTimeout(r, 400)); // past the download's end, had it gone on
    assert.equal((await ollama.list()).models[0].digest, digest);
    assert.equal((await server.stats()).active_requests, 0);
  });
});

describe("command line", () => {
  let dir;
  before(() => (dir = mkdtempSync(join(tmpdir(), "ollama-test-server-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("--scenario FILE and --port N", async () => {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify({ version: "0.5.1", models: [{ name: "from-file:latest" }] }));
    const probe = await spawnServer();
    const port = Number(new URL(probe.url).port);
    probe.child.stdin.end();
    await new Promise((r) => probe.child.once("exit", r));
    const { child, url } = await spawnServer(["--scenario", file, "--port", String(port)]);
    try {
      assert.equal(url, `http://127.0.0.1:${port}`);
      const client = new Ollama({ host: url });
      assert.deepEqual(await client.version(), { version: "0.5.1" });
      assert.deepEqual((await client.list()).models.map((m) => m.name), ["from-file:latest"]);
    } finally {
      child.stdin.end();
    }
  });

  test("a bad scenario file: exit status 2 and the field on stderr", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ models: "none" }));
    const child = spawn(process.execPath, [MAIN, "--scenario", file]);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise((r) => child.once("exit", r));
    assert.equal(code, 2);
    assert.match(stderr, /scenario: models must be a list/);
  });

  test("--exit-on-stdin-close: the server goes when its parent's pipe closes", async () => {
    const { child } = await spawnServer();
    const exited = new Promise((r) => child.once("exit", r));
    child.stdin.end();
    assert.equal(await exited, 0);
  });
});
