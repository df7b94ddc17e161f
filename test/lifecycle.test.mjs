// Managing local models as the official `ollama` client does it: copy, delete, show's
// capabilities and model_info, /api/ps following loads and keep_alive, many models at once.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Ollama } from "ollama";
import { rawRequest, startServer } from "../.build/server/harness.js";

let server;
let ollama;
before(async () => {
  server = await startServer();
  ollama = new Ollama({ host: server.url });
});
after(() => server.stop());

const post = (path, body) => rawRequest(`${server.url}${path}`, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });
const tagsByName = async () => Object.fromEntries((await ollama.list()).models.map((m) => [m.name, m]));

describe("copy", () => {
  test("the copy is listed with the source's digest, size and details, modified now", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b", size: 1234567 }] });
    const startedAt = Date.now();
    assert.deepEqual(await ollama.copy({ source: "llama3.2:3b", destination: "mine:v1" }), { status: "success" });
    const tags = await tagsByName();
    assert.deepEqual(Object.keys(tags), ["mine:v1", "llama3.2:3b"]);
    const [copy, source] = [tags["mine:v1"], tags["llama3.2:3b"]];
    assert.equal(copy.model, "mine:v1");
    assert.equal(copy.digest, source.digest);
    assert.equal(copy.size, 1234567);
    assert.deepEqual(copy.details, source.details);
    assert.ok(Date.parse(copy.modified_at) >= startedAt - 1000, copy.modified_at);
    assert.equal((await ollama.show({ model: "mine:v1" })).details.family, "llama");
  });

  test("200 with an empty body and no Content-Type, as Ollama answers", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }] });
    const res = await post("/api/copy", { source: "llama3.2:3b", destination: "other" });
    assert.equal(res.status, 200);
    assert.equal(res.body.length, 0);
    assert.equal(res.headers["content-length"], "0");
    assert.equal(res.headers["content-type"], undefined);
    assert.ok((await tagsByName())["other:latest"]);
  });

  test("an existing destination is overwritten", async () => {
    await server.scenario({ models: [{ name: "a:1b", size: 111 }, { name: "b:2b", size: 222, family: "qwen3" }] });
    const before = await tagsByName();
    await ollama.copy({ source: "a:1b", destination: "b:2b" });
    const after = await tagsByName();
    assert.equal(Object.keys(after).length, 2);
    assert.equal(after["b:2b"].digest, before["a:1b"].digest);
    assert.equal(after["b:2b"].size, 111);
    assert.equal(after["b:2b"].details.family, "llama");
  });

  test("copying a model onto itself changes nothing", async () => {
    await server.scenario({ models: [{ name: "a:1b" }] });
    const before = await ollama.list();
    await ollama.copy({ source: "a:1b", destination: "A:1B" });
    assert.deepEqual(await ollama.list(), before);
  });

  test("the destination takes the spelling of installed names that match ignoring case", async () => {
    await server.scenario({ models: [{ name: "Llama3.2:3b" }] });
    await ollama.copy({ source: "llama3.2:3b", destination: "LLAMA3.2:copy" });
    assert.ok((await tagsByName())["Llama3.2:copy"]);
  });

  test("an unknown source: 404 with the name as Go quotes it", async () => {
    await server.scenario({ models: [{ name: "a:1b" }] });
    await assert.rejects(ollama.copy({ source: "nothere", destination: "x" }), (err) => {
      assert.equal(err.name, "ResponseError");
      assert.equal(err.status_code, 404);
      assert.equal(err.message, 'model "nothere" not found');
      return true;
    });
    const res = await post("/api/copy", { source: "nothere:1b", destination: "x" });
    assert.equal(res.body.toString(), '{"error":"model \\"nothere:1b\\" not found"}');
  });

  test("invalid names: 400, source checked first", async () => {
    await server.scenario({ models: [{ name: "a:1b" }] });
    const cases = [
      [{ source: "bad name", destination: "x" }, 'source "bad name" is invalid'],
      [{ source: "", destination: "x" }, 'source "" is invalid'],
      [{ source: "a:1b", destination: "$(rm -rf ~)" }, 'destination "$(rm -rf ~)" is invalid'],
      [{ source: "a:1b", destination: "two\nlines" }, 'destination "two\\nlines" is invalid'],
      [{ source: "a:1b", destination: "bell\u0007" }, 'destination "bell\\a" is invalid'],
      [{ source: "a:1b" }, 'destination "" is invalid'],
    ];
    for (const [body, message] of cases) {
      await assert.rejects(ollama.copy(body), (err) => {
        assert.equal(err.status_code, 400, message);
        assert.equal(err.message, message);
        return true;
      });
    }
    assert.deepEqual(Object.keys(await tagsByName()), ["a:1b"]);
  });

  test("bodies are decoded as Go decodes them", async () => {
    await server.scenario({ models: [{ name: "a:1b" }] });
    assert.equal((await post("/api/copy", "")).body.toString(), '{"error":"missing request body"}');
    const wrongType = await post("/api/copy", '{"source":1}');
    assert.equal(wrongType.status, 400);
    assert.equal(JSON.parse(wrongType.body.toString()).error, "json: cannot unmarshal number into Go struct field CopyRequest.source of type string");
    const getIt = await rawRequest(`${server.url}/api/copy`);
    assert.equal(getIt.status, 405);
  });
});

describe("show", () => {
  test("capabilities in Ollama's order, model_info's <arch>.context_length, details", async () => {
    await server.scenario({
      models: [
        { name: "llama3.2:3b" },
        { name: "gemma3:4b", family: "gemma3", capabilities: ["vision", "completion"], context_length: 131072 },
        { name: "qwen2.5-coder:7b", family: "qwen2", capabilities: ["insert", "tools", "completion"], context_length: 32768 },
        { name: "qwen3:8b", family: "qwen3", capabilities: ["completion", "tools"], thinking: true, context_length: 40960 },
        { name: "nomic-embed-text:latest", family: "nomic-bert", capabilities: ["embedding"], context_length: 2048, parameter_size: "137M", quantization_level: "F16" },
      ],
    });
    const caps = async (model) => (await ollama.show({ model })).capabilities;
    assert.deepEqual(await caps("llama3.2:3b"), ["completion"]);
    assert.deepEqual(await caps("gemma3:4b"), ["completion", "vision"]);
    assert.deepEqual(await caps("qwen2.5-coder:7b"), ["completion", "tools", "insert"]);
    assert.deepEqual(await caps("qwen3:8b"), ["completion", "tools", "thinking"]);
    assert.deepEqual(await caps("nomic-embed-text"), ["embedding"]);
    const shown = await ollama.show({ model: "nomic-embed-text" });
    assert.deepEqual(shown.model_info, { "general.architecture": "nomic-bert", "general.parameter_count": 137000000, "nomic-bert.context_length": 2048 });
    assert.deepEqual(shown.details, { parent_model: "", format: "gguf", family: "nomic-bert", families: ["nomic-bert"], parameter_size: "137M", quantization_level: "F16" });
    assert.equal((await ollama.show({ model: "qwen2.5-coder:7b" })).model_info["qwen2.context_length"], 32768);
  });

  test("no capabilities at all: the field is left out, as Go's omitempty does", async () => {
    await server.scenario({ models: [{ name: "odd:1b", capabilities: [] }] });
    const res = await post("/api/show", { model: "odd:1b" });
    assert.equal("capabilities" in JSON.parse(res.body.toString()), false);
  });

  test("an unknown capability is refused by the scenario", async () => {
    await assert.rejects(server.scenario({ models: [{ name: "a", capabilities: ["flying"] }] }), /models\[0\]\.capabilities has .*flying.*known capabilities are completion, embedding/);
  });
});

describe("ps", () => {
  const chat = (model, extra = {}) => ollama.chat({ model, messages: [{ role: "user", content: "hi" }], ...extra });
  const ps = async () => (await ollama.ps()).models;

  test("a preload (no messages) loads with keep_alive; the entry has Ollama's fields and order", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b", size: 2000000000, gpu_percent: 48 }] });
    assert.deepEqual(await ps(), []);
    const loaded = await ollama.chat({ model: "llama3.2:3b", messages: [], keep_alive: "10m" });
    assert.equal(loaded.done_reason, "load");
    const res = await rawRequest(`${server.url}/api/ps`);
    const [entry] = JSON.parse(res.body.toString()).models;
    assert.deepEqual(Object.keys(entry), ["name", "model", "size", "digest", "details", "expires_at", "size_vram", "context_length"]);
    assert.equal(entry.name, "llama3.2:3b");
    assert.equal(entry.context_length, 4096);
    assert.equal(entry.size, 2000000000 + 4096 * 114688);
    assert.equal(entry.size_vram, Math.round(entry.size * 0.48));
    assert.equal(entry.digest, (await ollama.list()).models[0].digest);
    assert.deepEqual(entry.details, (await ollama.list()).models[0].details);
    const expires = Date.parse(entry.expires_at);
    assert.ok(expires > Date.now() + 9 * 60_000 && expires <= Date.now() + 10 * 60_000, entry.expires_at);
  });

  test("context_length is the num_ctx asked, at most the model's, at least 2048 for vision", async () => {
    await server.scenario({
      models: [{ name: "small:1b", context_length: 8192 }, { name: "eye:4b", capabilities: ["completion", "vision"] }, { name: "big:8b" }],
    });
    await chat("small:1b", { options: { num_ctx: 32768 } });
    await chat("eye:4b", { options: { num_ctx: 512 } });
    await chat("big:8b", { options: { num_ctx: 16384 } });
    const byName = Object.fromEntries((await ps()).map((m) => [m.name, m.context_length]));
    assert.deepEqual(byName, { "small:1b": 8192, "eye:4b": 2048, "big:8b": 16384 });
  });

  test("a negative keep_alive: expires_at about 292 years on, as Go's saturated time.Add gives", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }] });
    await chat("llama3.2:3b", { keep_alive: -1 });
    const [entry] = await ps();
    assert.ok(Number(entry.expires_at.slice(0, 4)) >= 2300, entry.expires_at);
  });

  test("keep_alive '1s': gone from ps after a second; a later request without keep_alive keeps the last one", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }] });
    await chat("llama3.2:3b", { keep_alive: "1s" });
    assert.equal((await ps()).length, 1);
    await chat("llama3.2:3b");
    const expires = Date.parse((await ps())[0].expires_at);
    assert.ok(expires <= Date.now() + 1000, "no keep_alive: the model keeps its 1s");
    await new Promise((r) => setTimeout(r, 1100));
    assert.deepEqual(await ps(), []);
  });

  test("keep_alive 0 on a reply: loaded while it streams, unloaded once it ends", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }], chat: { default: { reply: "one two three", token_ms: 100 } } });
    const stream = await chat("llama3.2:3b", { keep_alive: 0, stream: true });
    const parts = [];
    for await (const part of stream) {
      if (parts.push(part) === 1) {
        assert.equal((await ps()).length, 1, "loaded while streaming");
      }
    }
    assert.deepEqual(await ps(), []);
  });

  test("unload (no messages, keep_alive 0) and delete take the model out of ps; longest to live first", async () => {
    await server.scenario({ models: [{ name: "a:1b" }, { name: "b:1b" }, { name: "c:1b" }] });
    await chat("a:1b", { keep_alive: "1m" });
    await chat("b:1b", { keep_alive: "1h" });
    await chat("c:1b", { keep_alive: "10m" });
    assert.deepEqual((await ps()).map((m) => m.name), ["b:1b", "c:1b", "a:1b"]);
    assert.equal((await ollama.generate({ model: "c:1b", prompt: "", keep_alive: 0 })).done_reason, "unload");
    await ollama.delete({ model: "a:1b" });
    assert.deepEqual((await ps()).map((m) => m.name), ["b:1b"]);
  });
});

describe("200 models", () => {
  const models = Array.from({ length: 200 }, (_, i) => ({
    name: `model-${String(i).padStart(3, "0")}:${i % 3 === 0 ? "latest" : "7b"}`,
    family: ["llama", "qwen3", "gemma3"][i % 3],
    capabilities: i % 5 === 0 ? ["embedding"] : ["completion", ...(i % 2 ? ["tools"] : [])],
    context_length: 4096 * (1 + (i % 8)),
  }));

  test("tags, show of each and ps answer quickly", async () => {
    await server.scenario({ models });
    const started = performance.now();
    const { models: listed } = await ollama.list();
    assert.equal(listed.length, 200);
    const tagsMs = performance.now() - started;
    const shown = await Promise.all(listed.map((m) => ollama.show({ model: m.name })));
    const showMs = performance.now() - started - tagsMs;
    assert.equal(shown.filter((s) => s.capabilities.includes("embedding")).length, 40);
    for (const m of listed.filter((_, i) => shown[i].capabilities.includes("completion")).slice(0, 20)) {
      await ollama.generate({ model: m.name, prompt: "", keep_alive: "1h" });
    }
    const psStarted = performance.now();
    assert.equal((await ollama.ps()).models.length, 20);
    const psMs = performance.now() - psStarted;
    // Bounds with room for a shared 2-core machine: what they catch is work growing with the
    // number of models per request (seconds), not milliseconds of scheduling.
    assert.ok(tagsMs < 2000 && showMs < 10000 && psMs < 1000, `tags ${tagsMs} ms, 200 shows ${showMs} ms, ps ${psMs} ms`);
  });
});
