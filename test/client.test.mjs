// The test server as the official `ollama` npm client sees it: every call the plugin relies on,
// and errors surfacing as the client's ResponseError with the right status.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Ollama } from "ollama";
import { startServer } from "../.build/server/harness.js";

const SCENARIO = {
  version: "0.12.6",
  models: [
    { name: "llama3.2:3b", parameter_size: "3.2B", family: "llama" },
    { name: "qwen3:8b", thinking: true, family: "qwen3", parameter_size: "8.2B", context_length: 40960 },
    { name: "jmorganca/foo:latest", size: 1000000 },
  ],
  pull: {
    "llama3.2:3b": { behavior: "update", duration_ms: 200, total: 50000000 },
    "mistral:7b": { behavior: "new", duration_ms: 100, model: { family: "mistral", parameter_size: "7.2B" } },
    "qwen3:8b": { behavior: "fail_midway", duration_ms: 200, error: "max retries exceeded: read: connection reset by peer" },
  },
  chat: {
    default: { reply: "Hello from the test server." },
    models: { "qwen3:8b": { thinking: "Let me think.", reply: "Forty-two." } },
  },
};

let server;
let ollama;

before(async () => {
  server = await startServer();
  ollama = new Ollama({ host: server.url });
});
after(() => server.stop());
beforeEach(() => server.scenario(SCENARIO));

async function collect(iterator) {
  const parts = [];
  for await (const part of iterator) {
    parts.push(part);
  }
  return parts;
}

/** Consumes a stream: the parts seen before it threw, and the error (undefined if none). */
async function collectUntilError(iterator) {
  const parts = [];
  try {
    for await (const part of iterator) {
      parts.push(part);
    }
  } catch (err) {
    return { parts, err };
  }
  return { parts, err: undefined };
}

describe("models", () => {
  test("version", async () => {
    assert.deepEqual(await ollama.version(), { version: "0.12.6" });
    await server.scenario({ version: "0.0.0" });
    assert.deepEqual(await ollama.version(), { version: "0.0.0" });
  });

  test("list: full names with tags, newest first, digests of 64 hex, details", async () => {
    const { models } = await ollama.list();
    assert.deepEqual(
      models.map((m) => m.name),
      ["llama3.2:3b", "qwen3:8b", "jmorganca/foo:latest"],
    );
    for (const m of models) {
      assert.equal(m.model, m.name);
      assert.match(m.digest, /^[0-9a-f]{64}$/);
    }
    assert.equal(new Set(models.map((m) => m.digest)).size, 3);
    assert.equal(models[2].size, 1000000);
    assert.deepEqual(models[1].details, {
      parent_model: "",
      format: "gguf",
      family: "qwen3",
      families: ["qwen3"],
      parameter_size: "8.2B",
      quantization_level: "Q4_K_M",
    });
  });

  test("list of no models is an empty list", async () => {
    await server.scenario({});
    assert.deepEqual(await ollama.list(), { models: [] });
  });

  test("show: capabilities, model_info, template", async () => {
    const shown = await ollama.show({ model: "qwen3:8b" });
    assert.deepEqual(shown.capabilities, ["completion", "thinking"]);
    assert.equal(shown.model_info["qwen3.context_length"], 40960);
    assert.equal(shown.model_info["general.parameter_count"], 8200000000);
    assert.match(shown.template, /<\|start_header_id\|>/);
    assert.deepEqual((await ollama.show({ model: "llama3.2:3b" })).capabilities, ["completion"]);
  });

  test("show of a model not installed: ResponseError 404", async () => {
    await assert.rejects(ollama.show({ model: "nothere" }), (err) => {
      assert.equal(err.name, "ResponseError");
      assert.equal(err.status_code, 404);
      assert.equal(err.message, "model 'nothere:latest' not found");
      return true;
    });
  });

  test("ps lists a model once a chat loaded it; keep_alive 0 unloads it", async () => {
    assert.deepEqual(await ollama.ps(), { models: [] });
    await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], options: { num_ctx: 8192 } });
    const { models } = await ollama.ps();
    assert.equal(models.length, 1);
    assert.equal(models[0].name, "llama3.2:3b");
    assert.equal(models[0].context_length, 8192);
    const expires = Date.parse(models[0].expires_at);
    assert.ok(expires > Date.now() + 4 * 60_000 && expires <= Date.now() + 5 * 60_000, models[0].expires_at);
    const unloaded = await ollama.chat({ model: "llama3.2:3b", messages: [], keep_alive: 0 });
    assert.equal(unloaded.done_reason, "unload");
    assert.deepEqual(await ollama.ps(), { models: [] });
  });

  test("delete removes the model; deleting it again is a 404; a pull brings it back", async () => {
    const before = (await ollama.list()).models.find((m) => m.name === "jmorganca/foo:latest");
    assert.deepEqual(await ollama.delete({ model: "jmorganca/foo:latest" }), { status: "success" });
    assert.deepEqual(
      (await ollama.list()).models.map((m) => m.name),
      ["llama3.2:3b", "qwen3:8b"],
    );
    await assert.rejects(ollama.delete({ model: "jmorganca/foo:latest" }), { name: "ResponseError", status_code: 404 });
    await ollama.pull({ model: "jmorganca/foo:latest" });
    const back = (await ollama.list()).models.find((m) => m.name === "jmorganca/foo:latest");
    assert.deepEqual({ ...back, modified_at: undefined }, { ...before, modified_at: undefined });
  });
});

describe("pull", () => {
  test("an update streams progress over time and changes the digest and modified_at", async () => {
    const before = (await ollama.list()).models[0];
    const started = Date.now();
    const parts = await collect(await ollama.pull({ model: "llama3.2:3b", stream: true }));
    assert.ok(Date.now() - started >= 150, "the download takes about duration_ms");
    const statuses = parts.map((p) => p.status);
    assert.equal(statuses[0], "pulling manifest");
    assert.deepEqual(statuses.slice(-4), ["verifying sha256 digest", "writing manifest", "removing unused layers", "success"]);
    const weights = parts.filter((p) => p.total === 50000000);
    assert.ok(weights.length >= 3, `several progress lines for the new weights, got ${weights.length}`);
    assert.equal(weights[0].completed, undefined, "completed is absent while 0");
    assert.equal(weights.at(-1).completed, 50000000);
    const completed = weights.slice(1).map((p) => p.completed);
    assert.deepEqual(completed, [...completed].sort((a, b) => a - b));
    const after = (await ollama.list()).models.find((m) => m.name === "llama3.2:3b");
    assert.notEqual(after.digest, before.digest);
    assert.notEqual(after.modified_at, before.modified_at);
  });

  test("delay_ms holds back the first byte", async () => {
    await server.scenario({ ...SCENARIO, pull: { "llama3.2:3b": { delay_ms: 250 } } });
    const started = Date.now();
    const it = await ollama.pull({ model: "llama3.2:3b", stream: true });
    assert.ok(Date.now() - started >= 230, `headers after ${Date.now() - started} ms`);
    assert.equal((await collect(it)).at(-1).status, "success");
  });

  test("stream:false answers once with success", async () => {
    assert.deepEqual(await ollama.pull({ model: "llama3.2:3b", stream: false }), { status: "success" });
  });

  test("a new model appears in the list after its pull", async () => {
    await collect(await ollama.pull({ model: "mistral:7b", stream: true }));
    const mistral = (await ollama.list()).models.find((m) => m.name === "mistral:7b");
    assert.ok(mistral, "mistral:7b listed");
    assert.equal(mistral.details.family, "mistral");
  });

  test("a model unknown to the registry fails after pulling manifest", async () => {
    const { parts, err } = await collectUntilError(await ollama.pull({ model: "nothere:1b", stream: true }));
    assert.deepEqual(parts, [{ status: "pulling manifest" }]);
    assert.equal(err?.message, "pull model manifest: file does not exist");
  });

  test("a download failing midway: progress, then the error, and the model unchanged", async () => {
    const digest = (await ollama.list()).models.find((m) => m.name === "qwen3:8b").digest;
    const { parts, err } = await collectUntilError(await ollama.pull({ model: "qwen3:8b", stream: true }));
    assert.ok(parts.some((p) => p.completed > 0 && p.completed < p.total), "some partial progress");
    assert.ok(!parts.some((p) => p.status === "success"));
    assert.equal(err?.message, "max retries exceeded: read: connection reset by peer");
    assert.equal((await ollama.list()).models.find((m) => m.name === "qwen3:8b").digest, digest);
  });

  test("an invalid name: ResponseError 400", async () => {
    await assert.rejects(ollama.pull({ model: "not a/valid/name/at all", stream: true }), (err) => {
      assert.equal(err.name, "ResponseError");
      assert.equal(err.status_code, 400);
      assert.equal(err.message, "invalid model name");
      return true;
    });
  });
});

describe("chat and generate", () => {
  test("chat streamed: the reply in word tokens, then a final chunk with metrics", async () => {
    const parts = await collect(await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], stream: true }));
    const last = parts.at(-1);
    assert.equal(parts.length, 6, "five words, then the final chunk");
    assert.equal(parts.map((p) => p.message.content).join(""), "Hello from the test server.");
    assert.equal(last.done, true);
    assert.equal(last.done_reason, "stop");
    assert.equal(last.eval_count, 5);
    assert.ok(last.eval_duration > 0 && last.total_duration >= last.eval_duration);
    assert.ok(parts.slice(0, -1).every((p) => p.done === false && p.model === "llama3.2:3b"));
  });

  test("chat not streamed: one message", async () => {
    const res = await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }] });
    assert.equal(res.message.role, "assistant");
    assert.equal(res.message.content, "Hello from the test server.");
    assert.equal(res.done, true);
  });

  test("a thinking model streams its reasoning apart from its answer", async () => {
    const parts = await collect(await ollama.chat({ model: "qwen3:8b", messages: [{ role: "user", content: "?" }], think: true, stream: true }));
    assert.equal(parts.map((p) => p.message.thinking ?? "").join(""), "Let me think.");
    assert.equal(parts.map((p) => p.message.content).join(""), "Forty-two.");
    const firstContent = parts.findIndex((p) => p.message.content !== "");
    assert.ok(parts.slice(firstContent).every((p) => p.message.thinking === undefined), "thinking comes first");
    const quiet = await ollama.chat({ model: "qwen3:8b", messages: [{ role: "user", content: "?" }], think: false });
    assert.equal(quiet.message.thinking, undefined);
  });

  test("generate streamed and not", async () => {
    const parts = await collect(await ollama.generate({ model: "llama3.2:3b", prompt: "hi", stream: true }));
    assert.equal(parts.map((p) => p.response).join(""), "Hello from the test server.");
    assert.equal(parts.at(-1).done, true);
    const whole = await ollama.generate({ model: "qwen3:8b", prompt: "hi", think: true });
    assert.equal(whole.response, "Forty-two.");
    assert.equal(whole.thinking, "Let me think.");
  });

  test("a model not installed: ResponseError 404", async () => {
    await assert.rejects(ollama.chat({ model: "nothere", messages: [{ role: "user", content: "hi" }], stream: true }), (err) => {
      assert.equal(err.name, "ResponseError");
      assert.equal(err.status_code, 404);
      assert.equal(err.message, "model 'nothere' not found");
      return true;
    });
  });

  test("think on a model without thinking: ResponseError 400", async () => {
    await assert.rejects(ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], think: true }), {
      name: "ResponseError",
      status_code: 400,
      message: '"llama3.2:3b" does not support thinking',
    });
  });

  test("an error mid-stream ends the stream after the tokens so far", async () => {
    await server.scenario({ ...SCENARIO, chat: { default: { reply: "one two three four", error_after: 2, error: "model runner crashed" } } });
    const { parts, err } = await collectUntilError(
      await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], stream: true }),
    );
    assert.equal(parts.map((p) => p.message.content).join(""), "one two");
    assert.equal(err?.message, "model runner crashed");
  });

  test("a busy server: ResponseError 503 before any stream", async () => {
    await server.scenario({ ...SCENARIO, chat: { queue: [{ status: 503 }] } });
    await assert.rejects(ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], stream: true }), {
      status_code: 503,
      message: "server busy, please try again.  maximum pending requests exceeded",
    });
    const next = await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }] });
    assert.equal(next.message.content, "Hello! How can I help you today?", "the queue is used once, then the default");
  });

  test("queued replies come first, in order; echo describes the request", async () => {
    await server.scenario({ ...SCENARIO, chat: { queue: [{ reply: "first" }, { echo: true }], default: { reply: "default" } } });
    const ask = async (messages) => (await ollama.chat({ model: "llama3.2:3b", messages })).message.content;
    assert.equal(await ask([{ role: "user", content: "a" }]), "first");
    const messages = [
      { role: "system", content: "be brief" },
      { role: "user", content: "what is 6 x 7?" },
      { role: "assistant", content: "42" },
      { role: "user", content: "and 6 x 8?" },
    ];
    assert.equal(await ask(messages), "4 messages; last user message: and 6 x 8?");
    assert.equal(await ask([{ role: "user", content: "c" }]), "default");
    await server.scenario({ ...SCENARIO, chat: { default: { echo: true } } });
    assert.equal((await ollama.generate({ model: "llama3.2:3b", prompt: "say <hi>" })).response, "prompt: say <hi>");
  });

  test("no messages loads the model and answers one object with done_reason load", async () => {
    const res = await ollama.chat({ model: "llama3.2:3b", messages: [] });
    assert.deepEqual(
      { done: res.done, done_reason: res.done_reason, content: res.message.content },
      { done: true, done_reason: "load", content: "" },
    );
    assert.equal((await ollama.ps()).models.length, 1);
  });
});
