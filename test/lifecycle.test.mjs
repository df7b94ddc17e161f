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
