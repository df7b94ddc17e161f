// node .build/server/main.js [--scenario FILE.json] [--port N] [--exit-on-stdin-close]
// Prints `listening on http://127.0.0.1:PORT` as its first line once it accepts connections.

import { readFileSync } from "node:fs";
import { App } from "./app.js";
import { readScenario, type Scenario } from "./scenario.js";

const USAGE = "usage: node .build/server/main.js [--scenario FILE.json] [--port N] [--exit-on-stdin-close]";

interface Options {
  scenarioFile?: string;
  port: number;
  exitOnStdinClose: boolean;
}

function fail(message: string): never {
  process.stderr.write(`ollama test server: ${message}\n`);
  process.exit(2);
}

function parseArgs(args: string[]): Options {
  const options: Options = { port: 0, exitOnStdinClose: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--scenario" && i + 1 < args.length) {
      options.scenarioFile = args[++i]!;
    } else if (arg === "--port" && i + 1 < args.length) {
      const port = Number(args[++i]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        fail(`--port wants 0..65535, got ${args[i]}\n${USAGE}`);
      }
      options.port = port;
    } else if (arg === "--exit-on-stdin-close") {
      options.exitOnStdinClose = true;
    } else {
      fail(`unexpected argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

function loadScenario(file: string | undefined): Scenario {
  if (file === undefined) {
    return readScenario(undefined);
  }
  try {
    return readScenario(JSON.parse(readFileSync(file, "utf8")));
  } catch (err) {
    // A missing file, bad JSON or a ScenarioError naming the field.
    fail(`${file}: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const app = new App(loadScenario(options.scenarioFile));
  const port = await app.listen(options.port).catch((err: Error) => fail(`cannot listen on port ${options.port}: ${err.message}`));
  process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
  if (options.exitOnStdinClose) {
    // The parent holds our stdin: when it dies, stdin reaches EOF and the server goes with it.
    process.stdin.on("end", () => process.exit(0));
    process.stdin.on("close", () => process.exit(0));
    process.stdin.resume();
  }
}

void main();
