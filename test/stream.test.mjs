// Streams as a client meets them: pieces split anywhere, huge lines, fast floods, streams that
// end without a final line or drop the connection, clients that leave early.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Ollama } from "ollama";
import { rawRequest, startServer } from "../.build/server/harness.js";

const MODEL = "llama3.2:3b";
let server;
let ollama;

before(async () => {
  server = await startServer();
  ollama = new Ollama({ host: server.url });
});
after(() => server.stop());

/** Sets the scenario so that the next chat replies with `reply` (a reply spec). */
const replyWith = (reply) => server.scenario({ models: [{ name: MODEL }], chat: { default: reply } });
const chatBody = (extra = {}) => JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "hi" }], ...extra });
const chatRaw = (extra) => rawRequest(`${server.url}/api/chat`, { method: "POST", body: chatBody(extra) });
const completeLines = (buf) => buf.toString("utf8").split("\n").slice(0, -1).map((l) => JSON.parse(l));
const isContinuationByte = (b) => (b & 0xc0) === 0x80;

async function waitFor(what, cond, timeoutMs = 2000) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("split writes", () => {
  const reply = "日本語のテキスト、そして naïve café";
  // Every 7 bytes across the first lines: many cuts land inside 3-byte characters and JSON strings.
  const splitAt = Array.from({ length: 40 }, (_, i) => 60 + 7 * i);

  test("pieces arrive separately, cut inside UTF-8 characters, and still join into the reply", async () => {
    await replyWith({ reply, split_at: splitAt });
    const res = await chatRaw();
    assert.ok(res.chunks.length >= 10, `the body came in ${res.chunks.length} reads`);
    assert.ok(res.chunks.slice(1).some((c) => isContinuationByte(c[0])), "some read starts inside a multi-byte character");
    const parsed = completeLines(res.body);
    assert.equal(parsed.map((p) => p.message.content).join(""), reply);
    assert.equal(parsed.at(-1).done, true);
  });

  test("the official client reassembles split lines", async () => {
    await replyWith({ reply, split_at: splitAt });
    let text = "";
    for await (const part of await ollama.chat({ model: MODEL, messages: [{ role: "user", content: "hi" }], stream: true })) {
      text += part.message.content;
    }
    assert.equal(text, reply);
  });

  test("stream:false bodies split too", async () => {
    await replyWith({ reply, split_at: [30, 95, 96, 97] });
    const res = await chatRaw({ stream: false });
    assert.ok(res.chunks.length >= 3, `the body came in ${res.chunks.length} reads`);
    assert.equal(JSON.parse(res.body.toString("utf8")).message.content, reply);
  });
});

describe("sizes and pace", () => {
  test("line_bytes: one chunk of 2 MiB of content", async () => {
    await replyWith({ line_bytes: 2 * 1024 * 1024 });
    const res = await chatRaw();
    const parsed = completeLines(res.body);
    assert.equal(parsed.length, 2);
    assert.equal(Buffer.byteLength(parsed[0].message.content), 2 * 1024 * 1024);
    assert.equal(parsed[1].done, true);
  });

  test("100000 tokens stream fast without starving other requests", async () => {
    await replyWith({ token: "ab", repeat: 100000 });
    const started = Date.now();
    const res = await fetch(`${server.url}/api/chat`, { method: "POST", body: chatBody() });
    const reader = res.body.getReader();
    let bytes = (await reader.read()).value.length;
    const versionStarted = Date.now();
    await (await fetch(`${server.url}/api/version`)).json();
    const versionMs = Date.now() - versionStarted;
    let newlines = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const b of value) if (b === 0x0a) newlines++;
    }
    assert.ok(versionMs < 1000, `/api/version answered in ${versionMs} ms during the flood`);
    assert.ok(newlines >= 99000, `${newlines} lines`);
    assert.ok(Date.now() - started < 15000, `took ${Date.now() - started} ms`);
  });

  test("token_ms paces the tokens", async () => {
    await replyWith({ reply: "one two three four five", token_ms: 40 });
    const started = Date.now();
    const res = await chatRaw();
    assert.ok(Date.now() - started >= 180, `took ${Date.now() - started} ms`);
    assert.equal(completeLines(res.body).length, 6);
  });

  test("final_content comes in the done chunk", async () => {
    await replyWith({ reply: "Almost", final_content: " done." });
    const parsed = completeLines((await chatRaw()).body);
    assert.deepEqual(parsed.at(-1).message, { role: "assistant", content: " done." });
    assert.equal(parsed.at(-1).done, true);
    const whole = JSON.parse((await chatRaw({ stream: false })).body.toString());
    assert.equal(whole.message.content, "Almost done.");
  });

  test("done_reason length, and metrics overrides", async () => {
    await replyWith({ reply: "cut", done_reason: "length", eval_count: 100, eval_duration: 2000000000 });
    const last = completeLines((await chatRaw()).body).at(-1);
    assert.equal(last.done_reason, "length");
    assert.equal(last.eval_count, 100);
    assert.equal(last.eval_duration, 2000000000);
  });
});

describe("broken streams", () => {
  test("truncate_after: the stream ends cleanly with no final line", async () => {
    await replyWith({ reply: "one two three", truncate_after: 2 });
    const res = await chatRaw();
    assert.equal(res.error, undefined);
    const parsed = completeLines(res.body);
    assert.deepEqual(parsed.map((p) => p.message.content), ["one", " two"]);
    await assert.rejects(async () => {
      for await (const _ of await ollama.chat({ model: MODEL, messages: [{ role: "user", content: "hi" }], stream: true }));
    }, /Did not receive done or success response in stream/);
  });

  test("reset_after: the tokens so far, then the connection drops mid-body", async () => {
    await replyWith({ reply: "one two three", reset_after: 2 });
    const res = await chatRaw();
    assert.ok(res.error, "the response failed");
    assert.deepEqual(completeLines(res.body).map((p) => p.message.content), ["one", " two"]);
  });

  test("stream:false: error_after is a 500, truncate_after a cut body, reset_after no answer", async () => {
    await replyWith({ reply: "one two", error_after: 1, error: "boom" });
    const failed = await chatRaw({ stream: false });
    assert.equal(failed.status, 500);
    assert.equal(failed.body.toString(), '{"error":"boom"}');
    await replyWith({ reply: "one two", truncate_after: 1 });
    const cut = await chatRaw({ stream: false });
    assert.equal(cut.status, 200);
    assert.throws(() => JSON.parse(cut.body.toString()));
    await replyWith({ reply: "one two", reset_after: 1 });
    await assert.rejects(chatRaw({ stream: false }), /socket hang up/);
  });
});

describe("clients that leave", () => {
  test("closing the connection mid-stream stops the reply and counts as cancelled", async () => {
    await replyWith({ token: "x", repeat: 1000, token_ms: 10 });
    await server.resetStats();
    const it = await ollama.chat({ model: MODEL, messages: [{ role: "user", content: "hi" }], stream: true });
    for await (const _ of it) {
      it.abort();
      break;
    }
    await waitFor("the cancel to be counted", async () => (await server.stats()).cancelled_streams === 1);
    assert.equal((await server.stats()).active_requests, 0);
  });

  test("hang: the request stays open until the client gives up", async () => {
    await replyWith({ hang: true });
    await server.resetStats();
    const controller = new AbortController();
    const pending = fetch(`${server.url}/api/chat`, { method: "POST", body: chatBody(), signal: controller.signal });
    await waitFor("the request to arrive", async () => (await server.stats()).active_requests === 1);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await server.stats()).active_requests, 1, "still unanswered");
    controller.abort();
    await assert.rejects(pending, { name: "AbortError" });
    await waitFor("the request to end", async () => (await server.stats()).active_requests === 0);
    assert.equal((await server.stats()).cancelled_streams, 1);
  });
});

describe("keep-alive only", () => {
  test("trickle_ms: 200 and a lone newline every interval, never a JSON line, until the client leaves", async () => {
    await replyWith({ trickle_ms: 50 });
    await server.resetStats();
    const started = Date.now();
    const res = await rawRequest(`${server.url}/api/chat`, { method: "POST", body: chatBody(), abortAfterBytes: 5 });
    const elapsed = Date.now() - started;
    assert.equal(res.status, 200);
    assert.equal(res.headers["content-type"], "application/x-ndjson");
    assert.equal(res.body.toString(), "\n\n\n\n\n");
    assert.ok(res.chunks.length >= 4, `newlines arrive one by one (${res.chunks.length} reads)`);
    assert.ok(elapsed >= 200 && elapsed < 2000, `about 50 ms apart (${elapsed} ms for 5)`);
    await waitFor("the trickle to stop", async () => (await server.stats()).active_requests === 0);
    assert.equal((await server.stats()).cancelled_streams, 1);
  });

  test("trickle_for_ms: the response then ends, still without any JSON line", async () => {
    await replyWith({ trickle_ms: 20, trickle_for_ms: 100 });
    const res = await chatRaw();
    assert.equal(res.status, 200);
    assert.match(res.body.toString(), /^\n{3,5}$/);
    // The official client skips the blank lines and calls the stream incomplete.
    const it = await ollama.chat({ model: MODEL, messages: [{ role: "user", content: "hi" }], stream: true });
    const parts = [];
    await assert.rejects(async () => {
      for await (const part of it) {
        parts.push(part);
      }
    }, /Did not receive done or success response in stream/);
    assert.deepEqual(parts, []);
  });
});
