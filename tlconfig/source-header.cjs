// TypeScriptToLua plugin: the first line of every file in dist/lua names the file it comes from,
// so a stack trace through dist/ leads back to src/ (tstl's own header says only "Generated").
const path = require("path");

const TSTL_HEADER = /^--\[\[ Generated with https:\/\/github\.com\/TypeScriptToLua\/TypeScriptToLua \]\]\n/;

/** @type {import("typescript-to-lua").Plugin} */
const plugin = {
  beforeEmit(program, options, emitHost, result) {
    const root = path.dirname(options.configFilePath ?? path.join(process.cwd(), "tsconfig.json"));
    for (const file of result) {
      const source = file.sourceFiles && file.sourceFiles[0];
      const from = source
        ? `${path.relative(root, source.fileName).split(path.sep).join("/")} by TypeScriptToLua`
        : "TypeScriptToLua's lualib (its runtime helpers)";
      file.code = `-- generated from ${from}; do not edit\n` + file.code.replace(TSTL_HEADER, "");
    }
  },
};
module.exports = plugin;
