// TypeScriptToLua plugin: moves the runtime helpers from the global module `lualib_bundle` to
// `ollama-chat.lualib_bundle`, so two tstl-built plugins never load each other's helpers.
const path = require("path");

const NAMESPACE = "ollama-chat";
const GLOBAL_REQUIRE = /require\("lualib_bundle"\)/g;

/** @type {import("typescript-to-lua").Plugin} */
const plugin = {
  beforeEmit(program, options, emitHost, result) {
    const outDir = options.outDir ?? path.dirname(options.configFilePath ?? ".");
    for (const file of result) {
      if (path.basename(file.outputPath) === "lualib_bundle.lua" && path.dirname(file.outputPath) === outDir) {
        file.outputPath = path.join(outDir, NAMESPACE, "lualib_bundle.lua");
      }
      file.code = file.code.replace(GLOBAL_REQUIRE, `require("${NAMESPACE}.lualib_bundle")`);
    }
  },
};
module.exports = plugin;
