// What the official client hides: status lines, headers, chunking, exact bytes, Go's JSON.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { rawRequest, startServer } from "../.build/server/harness.js";

const SCENARIO = {
  models: [{ name: "llama3.2:3b" }, { name: "qwen3:8b", thinking: true }],
  chat: { default: { reply: "a <b> & c é" } },
};

let server;
before(async () => (server = await startServer()));
after(() => server.stop());
beforeEach(() => server.scenario(SCENARIO));

const post = (path, body) => rawRequest(server.url + path, { method: "POST", body });
const chatBody = (extra = {}) => JSON.stringify({ model: "llama3.2:3b", messages: [{ role: "user", content: "hi" }], ...extra });
const lines = (res) => res.body.toString("utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));

describe("JSON bodies", () => {
  test("small: Content-Length, no trailing newline", async () => {
    const res = await rawRequest(`${server.url}/api/version`);
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    assert.equal(res.headers["content-length"], String(res.body.length));
    assert.equal(res.body.toString(), '{"version":"0.12.6"}');
  });

  test("over 2 KiB: chunked, without Content-Length", async () => {
    const models = Array.from({ length: 8 }, (_, i) => ({ name: `model${i}:latest` }));
    await server.scenario({ models });
    const res = await rawRequest(`${server.url}/api/tags`);
    assert.ok(res.body.length > 2048, `body of ${res.body.length} bytes`);
    assert.equal(res.headers["transfer-encoding"], "chunked");
    assert.equal(res.headers["content-length"], undefined);
    assert.notEqual(res.body.at(-1), 0x0a);
    assert.equal(JSON.parse(res.body.toString()).models.length, 8);
  });

  test("Go escaping: < > & as \\u003c \\u003e \\u0026, other non-ASCII as raw UTF-8", async () => {
    const res = await post("/api/chat", chatBody({ stream: false }));
    const text = res.body.toString("utf8");
    assert.ok(text.includes('"content":"a \\u003cb\\u003e \\u0026 c é"'), text);
    assert.ok(res.body.includes(Buffer.from("é", "utf8")));
  });

  test("zero metrics, absent done_reason: the keys are omitted, in Go's order", async () => {
    await server.scenario({ ...SCENARIO, chat: { default: { tokens: [], omit_metrics: true, done_reason: null } } });
    const res = await post("/api/chat", chatBody({ stream: false }));
    assert.deepEqual(Object.keys(JSON.parse(res.body.toString())), ["model", "created_at", "message", "done"]);
    await server.scenario({ ...SCENARIO, chat: { default: { tokens: [] } } });
    const counted = JSON.parse((await post("/api/chat", chatBody({ stream: false }))).body.toString());
    assert.deepEqual(Object.keys(counted), ["model", "created_at", "message", "done", "done_reason", "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration"]);
  });

  test("details.families may be null", async () => {
    await server.scenario({ models: [{ name: "a:1b", families: null }] });
    const body = (await rawRequest(`${server.url}/api/tags`)).body.toString();
    assert.ok(body.includes('"family":"llama","families":null,"parameter_size"'), body);
  });

  test("created_at is RFC 3339 UTC with nanoseconds", async () => {
    const [first] = lines(await post("/api/chat", chatBody()));
    assert.match(first.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);
  });
});

describe("streams", () => {
  test("NDJSON: application/x-ndjson, chunked, every line ends in a newline", async () => {
    const res = await post("/api/chat", chatBody());
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/x-ndjson");
    assert.equal(res.headers["transfer-encoding"], "chunked");
    const text = res.body.toString("utf8");
    assert.ok(text.endsWith("}\n"));
    const parsed = lines(res);
    assert.equal(parsed.length, 6, "five words, then the final line");
    assert.deepEqual(Object.keys(parsed[0]), ["model", "created_at", "message", "done"]);
    assert.deepEqual(Object.keys(parsed.at(-1)), [
      "model", "created_at", "message", "done", "done_reason",
      "total_duration", "load_duration", "prompt_eval_count", "prompt_eval_duration", "eval_count", "eval_duration",
    ]);
  });

  test("the first download line of a pull has no completed; layers on disk have completed == total", async () => {
    await server.scenario({ ...SCENARIO, pull: { "llama3.2:3b": { behavior: "update", duration_ms: 120 } } });
    const parsed = lines(await post("/api/pull", JSON.stringify({ model: "llama3.2:3b" })));
    const weights = parsed.filter((p) => p.digest === parsed[1].digest);
    assert.deepEqual(Object.keys(weights[0]), ["status", "digest", "total"]);
    assert.deepEqual(Object.keys(weights[1]), ["status", "digest", "total", "completed"]);
    const onDisk = parsed.filter((p) => p.digest && p.digest !== parsed[1].digest && p.completed === p.total);
    assert.ok(onDisk.length >= 3, "template, license and params are already there");
  });

  test("pull accepts name (older clients) as well as model", async () => {
    const parsed = lines(await post("/api/pull", JSON.stringify({ name: "llama3.2:3b" })));
    assert.equal(parsed.at(-1).status, "success");
  });

  test("an error before the stream is a status with a JSON body, even when streaming was asked", async () => {
    const res = await post("/api/chat", JSON.stringify({ model: "nothere", messages: [{ role: "user", content: "x" }], stream: true }));
    assert.equal(res.status, 404);
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    assert.equal(res.body.toString(), `{"error":"model 'nothere' not found"}`);
  });

  test("an error mid-stream keeps status 200 and ends with an error line", async () => {
    await server.scenario({ ...SCENARIO, chat: { default: { reply: "one two three", error_after: 1 } } });
    const res = await post("/api/chat", chatBody());
    assert.equal(res.status, 200);
    const parsed = lines(res);
    assert.equal(parsed.length, 2);
    assert.deepEqual(parsed[1], { error: "an error was encountered while running the model: unexpected EOF" });
  });

  test("messages: [] answers one JSON object, not a stream", async () => {
    const res = await post("/api/chat", JSON.stringify({ model: "llama3.2:3b", messages: [] }));
    assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
    const body = JSON.parse(res.body.toString());
    assert.equal(body.done_reason, "load");
    assert.deepEqual(body.message, { role: "assistant", content: "" });
  });
});

describe("other answers", () => {
  test("GET and HEAD /: Ollama is running", async () => {
    const get = await rawRequest(`${server.url}/`);
    assert.equal(get.body.toString(), "Ollama is running");
    const head = await rawRequest(`${server.url}/`, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers["content-length"], "17");
    assert.equal(head.body.length, 0);
  });

  test("unknown path: 404 plain text", async () => {
    const res = await post("/api/nothing", "{}");
    assert.equal(res.status, 404);
    assert.equal(res.headers["content-type"], "text/plain");
    assert.equal(res.body.toString(), "404 page not found");
  });

  test("wrong method: 405 plain text", async () => {
    const res = await rawRequest(`${server.url}/api/chat`);
    assert.equal(res.status, 405);
    assert.equal(res.headers["content-type"], "text/plain");
    assert.equal(res.headers["allow"], "POST");
    assert.equal(res.body.toString(), "405 method not allowed");
  });

  test("delete: 200 with an empty body and no Content-Type", async () => {
    const res = await rawRequest(`${server.url}/api/delete`, { method: "DELETE", body: JSON.stringify({ model: "qwen3:8b" }) });
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], undefined);
    assert.equal(res.headers["content-length"], "0");
    assert.equal(res.body.length, 0);
  });
});

describe("request bodies read as Go reads them", () => {
  const cases = [
    ["", "missing request body"],
    [" \n", "missing request body"],
    ["hello", "invalid character 'h' looking for beginning of value"],
    ['{"model" x', "invalid character 'x' after object key"],
    ["{model:1}", "invalid character 'm' looking for beginning of object key string"],
    ['{"model":"a",}', "invalid character '}' looking for beginning of object key string"],
    ['{"model":"a" "b"}', `invalid character '"' after object key:value pair`],
    ['{"model":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{"messages":[1 2]}', "invalid character '2' after array element"],
    ['{"model":"a\\x"}', "invalid character 'x' in string escape code"],
    ['{"model":-}', "invalid character '}' in numeric literal"],
    ['{"model":"a', "unexpected EOF"],
    ["[]", "json: cannot unmarshal array into Go value of type api.ChatRequest"],
    ['{"model":5}', "json: cannot unmarshal number into Go struct field ChatRequest.model of type string"],
    ['{"model":"a","messages":{}}', "json: cannot unmarshal object into Go struct field ChatRequest.messages of type []api.Message"],
    ['{"model":"a","messages":[{"content":5}]}', "json: cannot unmarshal number into Go struct field ChatRequest.messages.content of type string"],
    ['{"model":"llama3.2:3b","messages":[{"role":"user","content":"x"}],"keep_alive":"5x"}', 'time: unknown unit "x" in duration "5x"'],
    ['{"messages":[]}', "model is required"],
  ];
  for (const [body, message] of cases) {
    test(`${JSON.stringify(body)} → 400 ${message}`, async () => {
      const res = await post("/api/chat", body);
      assert.equal(res.status, 400);
      assert.deepEqual(JSON.parse(res.body.toString()), { error: message });
    });
  }

  test("data after the first value is ignored, and keys match fields ignoring case", async () => {
    const res = await post("/api/chat", '{"MODEL":"llama3.2:3b","Messages":[{"role":"user","content":"x"}],"stream":false} trailing');
    assert.equal(res.status, 200);
    assert.equal(JSON.parse(res.body.toString()).message.content, "a <b> & c é");
  });
});
