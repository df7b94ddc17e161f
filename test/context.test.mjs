// What a chat meets about its model: capabilities checked as Ollama checks them, images, cold
// starts and load_duration, the prompt truncated to num_ctx, and the request log's view of it all.
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

const MODELS = [
  { name: "llama3.2:3b" },
  { name: "gemma3:4b", family: "gemma3", capabilities: ["completion", "vision"] },
  { name: "nomic-embed-text:latest", capabilities: ["embedding"] },
  { name: "qwen3:8b", family: "qwen3", capabilities: ["completion", "tools", "thinking"] },
  { name: "coder:7b", capabilities: ["completion", "insert"] },
];
const user = (content, extra = {}) => ({ role: "user", content, ...extra });
const rejection = (status, message) => (err) => {
  assert.equal(err.name, "ResponseError");
  assert.equal(err.status_code, status);
  assert.equal(err.message, message);
  return true;
};
const lastServed = async () => (await server.log()).at(-1).served;

describe("capabilities", () => {
  test("an embedding model is refused by chat and generate, preloads included", async () => {
    await server.scenario({ models: MODELS });
    await assert.rejects(ollama.chat({ model: "nomic-embed-text", messages: [user("hi")] }), rejection(400, '"nomic-embed-text" does not support chat'));
    await assert.rejects(ollama.generate({ model: "nomic-embed-text", prompt: "hi" }), rejection(400, '"nomic-embed-text" does not support generate'));
    await assert.rejects(ollama.chat({ model: "nomic-embed-text", messages: [] }), rejection(400, '"nomic-embed-text" does not support chat'));
    assert.deepEqual((await ollama.ps()).models, []);
  });

  test("think on a model without thinking: 400 with the name as sent, before anything loads", async () => {
    await server.scenario({ models: MODELS });
    await assert.rejects(ollama.chat({ model: "LLAMA3.2:3b", messages: [user("hi")], think: true }), rejection(400, '"LLAMA3.2:3b" does not support thinking'));
    await assert.rejects(ollama.generate({ model: "llama3.2:3b", prompt: "hi", think: "high" }), rejection(400, '"llama3.2:3b" does not support thinking'));
    assert.equal((await ollama.chat({ model: "llama3.2:3b", messages: [user("hi")], think: false })).done, true);
    assert.deepEqual((await ollama.ps()).models.length, 1);
  });

  test("tools need the tools capability, a suffix the insert one: the full name in the error", async () => {
    await server.scenario({ models: MODELS });
    const tools = [{ type: "function", function: { name: "f", description: "d", parameters: { type: "object", properties: {} } } }];
    await assert.rejects(ollama.chat({ model: "llama3.2:3b", messages: [user("hi")], tools }), rejection(400, "registry.ollama.ai/library/llama3.2:3b does not support tools"));
    assert.equal((await ollama.chat({ model: "qwen3:8b", messages: [user("hi")], tools })).done, true);
    await assert.rejects(ollama.generate({ model: "llama3.2:3b", prompt: "def f(", suffix: "\n" }), rejection(400, "registry.ollama.ai/library/llama3.2:3b does not support insert"));
    assert.equal((await ollama.generate({ model: "coder:7b", prompt: "def f(", suffix: "\n" })).done, true);
  });
});

describe("images", () => {
  const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");

  test("a vision model gets the images; the request log shows them as sent (base64)", async () => {
    await server.scenario({ models: MODELS });
    await server.clearLog();
    const reply = await ollama.chat({ model: "gemma3:4b", messages: [user("what is this?", { images: [PNG] })] });
    assert.equal(reply.done, true);
    const [entry] = await server.log();
    assert.deepEqual(entry.json.messages[0].images, [PNG]);
    assert.equal(entry.served.prompt_tokens, 4 + Math.ceil("what is this?".length / 4) + 768);
    await ollama.generate({ model: "gemma3:4b", prompt: "and this?", images: [PNG] });
    assert.deepEqual((await server.log())[1].json.images, [PNG]);
  });

  test("a text model: Ollama 0.12 accepts the images and ignores them (no error), counted as no tokens", async () => {
    await server.scenario({ models: MODELS });
    await ollama.chat({ model: "llama3.2:3b", messages: [user("what is this?", { images: [PNG] })] });
    assert.equal((await lastServed()).prompt_tokens, 4 + 4);
  });

  test("an image that is not base64: 400 with Go's decoder message", async () => {
    await server.scenario({ models: MODELS });
    const res = await rawRequest(`${server.url}/api/chat`, {
      method: "POST",
      body: JSON.stringify({ model: "gemma3:4b", messages: [{ role: "user", content: "x", images: ["not base64!"] }] }),
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.toString(), '{"error":"illegal base64 data at input byte 3"}');
  });
});

describe("loading", () => {
  test("a cold model waits load_ms before the first chunk and says so in load_duration; a warm one does not", async () => {
    await server.scenario({ models: [{ name: "slow:7b", load_ms: 400 }] });
    let started = Date.now();
    const stream = await ollama.chat({ model: "slow:7b", messages: [user("hi")], stream: true });
    let firstAfter;
    let final;
    for await (const part of stream) {
      firstAfter ??= Date.now() - started;
      final = part;
    }
    assert.ok(firstAfter >= 390, `first chunk after ${firstAfter} ms`);
    assert.equal(final.load_duration, 400_000_000 + 1_334_875);
    started = Date.now();
    const warm = await ollama.chat({ model: "slow:7b", messages: [user("hi")] });
    assert.ok(Date.now() - started < 300, "warm: no wait");
    assert.equal(warm.load_duration, 1_334_875);
    const reloaded = await ollama.chat({ model: "slow:7b", messages: [user("hi")], options: { num_ctx: 8192 } });
    assert.equal(reloaded.load_duration, 400_000_000 + 1_334_875, "another num_ctx reloads the model");
    assert.equal((await lastServed()).cold, true);
  });

  test("a preload pays the load; the chat after it is warm; ps lists the model while it loads", async () => {
    await server.scenario({ models: [{ name: "slow:7b", load_ms: 300 }] });
    const preload = ollama.generate({ model: "slow:7b", prompt: "" });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await ollama.ps()).models.length, 1, "listed while loading");
    assert.equal((await preload).done_reason, "load");
    const chat = await ollama.chat({ model: "slow:7b", messages: [user("hi")] });
    assert.equal(chat.load_duration, 1_334_875);
  });

  test("two requests for a cold model share one load", async () => {
    await server.scenario({ models: [{ name: "slow:7b", load_ms: 300 }] });
    const started = Date.now();
    const [a, b] = await Promise.all([0, 1].map(() => ollama.chat({ model: "slow:7b", messages: [user("hi")] })));
    assert.ok(Date.now() - started < 550, "one load, not two");
    assert.ok(a.load_duration > 250_000_000 && b.load_duration > 250_000_000);
  });
});

describe("num_ctx", () => {
  const long = (tokens) => "abcd".repeat(tokens - 4); // a message costing exactly `tokens`

  test("prompt_eval_count: 4 + ceil(UTF-8 bytes / 4) per message", async () => {
    await server.scenario({ models: MODELS });
    const reply = await ollama.chat({ model: "llama3.2:3b", messages: [{ role: "system", content: "Be brief." }, user("héllo")] });
    assert.equal(reply.prompt_eval_count, 4 + 3 + (4 + 2));
    const generated = await ollama.generate({ model: "llama3.2:3b", system: "Be brief.", prompt: "héllo" });
    assert.equal(generated.prompt_eval_count, 13);
  });

  test("chat drops the oldest messages, keeping system messages and the last one; the log says what", async () => {
    await server.scenario({ models: MODELS });
    const messages = [
      { role: "system", content: long(100) },
      user(long(1000)),
      { role: "assistant", content: long(1000) },
      user(long(1000)),
      { role: "assistant", content: long(1000) },
      user(long(1500)),
    ];
    const reply = await ollama.chat({ model: "llama3.2:3b", messages, options: { num_ctx: 4096 } });
    assert.equal(reply.prompt_eval_count, 100 + 1000 + 1000 + 1500);
    const log = (await server.log()).at(-1);
    assert.deepEqual(log.served, { num_ctx: 4096, cold: true, load_ms: 0, prompt_tokens: 5600, prompt_eval_count: 3600, dropped_messages: 2, truncated: true });
    assert.equal(log.json.options.num_ctx, 4096);
    assert.equal(log.json.messages.length, 6, "the log keeps the whole request");
  });

  test("a last message longer than num_ctx is cut to num_ctx; the default num_ctx is 4096 (default_num_ctx)", async () => {
    await server.scenario({ models: MODELS });
    assert.equal((await ollama.chat({ model: "llama3.2:3b", messages: [user(long(5000))] })).prompt_eval_count, 4096);
    assert.equal((await ollama.generate({ model: "llama3.2:3b", prompt: long(5000), options: { num_ctx: 2048 } })).prompt_eval_count, 2048);
    await server.scenario({ default_num_ctx: 32768, models: [{ name: "llama3.2:3b", context_length: 16384 }] });
    assert.equal((await ollama.chat({ model: "llama3.2:3b", messages: [user(long(20000))] })).prompt_eval_count, 16384);
    assert.equal((await lastServed()).num_ctx, 16384, "capped at the model's context_length");
  });
});

describe("replies and the log", () => {
  test("a fixed reply with markdown code blocks arrives intact, Go-escaped on the wire", async () => {
    const reply = "Here:\n```lua\nlocal x = 1 < 2 and \"a\" or 'b'\nprint(x)\n```\nDone.\n";
    await server.scenario({ models: MODELS, chat: { default: { reply } } });
    assert.equal((await ollama.chat({ model: "llama3.2:3b", messages: [user("hi")] })).message.content, reply);
    const parts = [];
    for await (const part of await ollama.chat({ model: "llama3.2:3b", messages: [user("hi")], stream: true })) {
      parts.push(part.message.content);
    }
    assert.equal(parts.join(""), reply);
    const raw = await rawRequest(`${server.url}/api/generate`, { method: "POST", body: JSON.stringify({ model: "llama3.2:3b", prompt: "x", stream: false }) });
    assert.match(raw.body.toString(), /1 \\u003c 2/);
    assert.equal(JSON.parse(raw.body.toString()).response, reply);
  });

  test("the log holds the whole request body: messages, options, keep_alive, think, images", async () => {
    await server.scenario({ models: MODELS });
    await server.clearLog();
    const request = {
      model: "qwen3:8b",
      messages: [{ role: "system", content: "s" }, user("u", { images: ["AAAA"] })],
      options: { temperature: 0.2, num_ctx: 8192 },
      keep_alive: "30m",
      think: true,
      stream: false,
    };
    await ollama.chat(structuredClone(request));
    assert.deepEqual((await server.log())[0].json, request);
  });
});

describe("hostile names", () => {
  test("unchecked_name: /api/tags lists a name Ollama would refuse, exactly as given", async () => {
    const names = ["two\nlines:latest", "quote\"s:1b", "$(touch x):7b", "spa ce"];
    await server.scenario({ models: [{ name: "llama3.2:3b" }, ...names.map((name) => ({ name, unchecked_name: true }))] });
    const listed = (await ollama.list()).models.map((m) => m.name);
    assert.deepEqual(listed, ["llama3.2:3b", ...names]);
    assert.equal((await ollama.show({ model: "two\nlines:latest" })).details.family, "llama");
    assert.equal((await ollama.chat({ model: "spa ce", messages: [user("hi")] })).done, true);
    assert.deepEqual((await ollama.ps()).models.map((m) => m.name), ["spa ce"]);
  });

  test("without unchecked_name such a name is refused by the scenario", async () => {
    await assert.rejects(server.scenario({ models: [{ name: "two\nlines" }] }), /models\[0\]\.name is not a valid model name/);
  });
});
