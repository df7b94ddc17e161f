// The registry side of updates: manifest digests over HEAD and GET, compared with /api/tags,
// before and after pulls, including models whose local digest is of a re-serialised manifest.
import { after, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Ollama } from "ollama";
import { rawRequest, startServer } from "../.build/server/harness.js";

const SCENARIO = {
  models: [
    { name: "llama3.2:3b" },
    { name: "gemma3:1b" },
    { name: "jmorganca/foo:latest" },
    { name: "hf.co/bartowski/Qwen3-GGUF:Q4_K_M" },
    { name: "old:7b", legacy_digest: true },
    { name: "mine:latest" },
    { name: "plain:latest" },
    { name: "broken:latest" },
  ],
  pull: {
    "llama3.2:3b": { behavior: "up_to_date", duration_ms: 1000 },
    "gemma3:1b": { behavior: "update", duration_ms: 60 },
    "mine:latest": { behavior: "unknown" },
  },
  registry: {
    "plain:latest": { header: false },
    "broken:latest": { status: 500 },
  },
};

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
/** What Ollama servers before 0.19 stored: compact, keys in Go struct order. */
function reserialise(body) {
  const m = JSON.parse(body);
  const layer = (l) => ({ mediaType: l.mediaType, digest: l.digest, size: l.size });
  return JSON.stringify({ schemaVersion: m.schemaVersion, mediaType: m.mediaType, config: layer(m.config), layers: m.layers.map(layer) });
}

let server;
let ollama;
before(async () => {
  server = await startServer();
  ollama = new Ollama({ host: server.url });
});
after(() => server.stop());
beforeEach(() => server.scenario(SCENARIO));

const manifest = (path, method = "GET") =>
  rawRequest(`${server.url}/v2/${path}`, { method, headers: { Accept: "application/vnd.docker.distribution.manifest.v2+json" } });
const localDigest = async (name) => (await ollama.list()).models.find((m) => m.name === name)?.digest;
const pull = async (model) => {
  const statuses = [];
  for await (const p of await ollama.pull({ model, stream: true })) statuses.push(p);
  return statuses;
};

describe("manifests", () => {
  test("an up-to-date model: HEAD and GET carry the local digest, which is the SHA-256 of the body", async () => {
    const head = await manifest("library/llama3.2/manifests/3b", "HEAD");
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers["ollama-content-digest"], await localDigest("llama3.2:3b"));
    assert.match(head.headers["ollama-push-time"], /^\d{10}$/);
    const get = await manifest("library/llama3.2/manifests/3b");
    assert.equal(get.headers["content-type"], "application/vnd.docker.distribution.manifest.v2+json");
    assert.equal(sha256(get.body), head.headers["ollama-content-digest"]);
    const parsed = JSON.parse(get.body.toString());
    assert.equal(parsed.schemaVersion, 2);
    assert.ok(parsed.layers.every((l) => /^sha256:[0-9a-f]{64}$/.test(l.digest) && l.size > 0));
  });

  test("namespaced and other-host models are found by their path", async () => {
    const foo = await manifest("jmorganca/foo/manifests/latest", "HEAD");
    assert.equal(foo.headers["ollama-content-digest"], await localDigest("jmorganca/foo:latest"));
    const hf = await manifest("bartowski/Qwen3-GGUF/manifests/Q4_K_M", "HEAD");
    assert.equal(hf.headers["ollama-content-digest"], await localDigest("hf.co/bartowski/Qwen3-GGUF:Q4_K_M"));
  });

  test("a model with an update: another digest until it is pulled", async () => {
    const before = await localDigest("gemma3:1b");
    const remote = (await manifest("library/gemma3/manifests/1b", "HEAD")).headers["ollama-content-digest"];
    assert.notEqual(remote, before);
    await pull("gemma3:1b");
    assert.equal(await localDigest("gemma3:1b"), remote);
    assert.equal((await manifest("library/gemma3/manifests/1b", "HEAD")).headers["ollama-content-digest"], remote);
  });

  test("without the header, the SHA-256 of the GET body matches", async () => {
    const get = await manifest("library/plain/manifests/latest");
    assert.equal(get.headers["ollama-content-digest"], undefined);
    assert.equal(sha256(get.body), await localDigest("plain:latest"));
  });

  test("legacy digest: only the re-serialised body matches, until a pull stores the registry's bytes", async () => {
    const local = await localDigest("old:7b");
    const get = await manifest("library/old/manifests/7b");
    assert.notEqual(get.headers["ollama-content-digest"], local);
    assert.notEqual(sha256(get.body), local);
    assert.equal(sha256(reserialise(get.body)), local);
    const statuses = (await pull("old:7b")).map((p) => p.status);
    assert.ok(!statuses.includes("removing unused layers"), "nothing changed but the manifest's form");
    assert.equal(await localDigest("old:7b"), get.headers["ollama-content-digest"]);
  });

  test("local-only and unknown models are 404, a failing registry 500", async () => {
    assert.equal((await manifest("library/mine/manifests/latest", "HEAD")).status, 404);
    const unknown = await manifest("library/nothing/manifests/latest");
    assert.equal(unknown.status, 404);
    assert.deepEqual(JSON.parse(unknown.body.toString()), { errors: [{ code: "MANIFEST_UNKNOWN", message: "manifest unknown" }] });
    assert.equal((await manifest("library/broken/manifests/latest", "HEAD")).status, 500);
  });

  test("registry newer: true makes a local model's pull an update", async () => {
    await server.scenario({ models: [{ name: "llama3.2:3b" }], registry: { "llama3.2:3b": { newer: true } }, pull: { "llama3.2:3b": { duration_ms: 60 } } });
    const remote = (await manifest("library/llama3.2/manifests/3b", "HEAD")).headers["ollama-content-digest"];
    assert.notEqual(remote, await localDigest("llama3.2:3b"));
    assert.ok((await pull("llama3.2:3b")).some((p) => p.status === "removing unused layers"));
    assert.equal(await localDigest("llama3.2:3b"), remote);
  });
});

describe("pulling an up-to-date model", () => {
  test("the whole sequence, quickly, one line per blob, no removal; modified_at still changes", async () => {
    const before = (await ollama.list()).models.find((m) => m.name === "llama3.2:3b");
    const started = Date.now();
    const parts = await pull("llama3.2:3b");
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms: nothing to download, so duration_ms does not apply`);
    assert.deepEqual(
      parts.map((p) => p.status.replace(/^pulling [0-9a-f]{12}$/, "pulling <blob>")),
      ["pulling manifest", ...Array(5).fill("pulling <blob>"), "verifying sha256 digest", "writing manifest", "success"],
    );
    assert.ok(parts.filter((p) => p.digest).every((p) => p.completed === p.total && p.status === `pulling ${p.digest.slice(7, 19)}`));
    const after = (await ollama.list()).models.find((m) => m.name === "llama3.2:3b");
    assert.equal(after.digest, before.digest);
    assert.notEqual(after.modified_at, before.modified_at);
    assert.equal((await ollama.list()).models[0].name, "llama3.2:3b", "the newest first");
  });
});
