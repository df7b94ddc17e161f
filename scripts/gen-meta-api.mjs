#!/usr/bin/env node
// LuaCATS annotations for the public API, read from the TypeScript of src/ollama-chat/init.ts with
// the compiler's own type checker: every export, its doc comment, its parameters and return type.
// The types an export names (interfaces, aliases, object literals) become `---@class`es of their
// own. Prints Lua lines on stdout; scripts/gen-docs.lua appends them to dist/lua/ollama-chat/_meta.lua.
// Usage: node scripts/gen-meta-api.mjs [<root>]
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = process.argv[2] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entry = path.join(root, "src/ollama-chat/init.ts");
const PREFIX = "ollama-chat.";

// The one type TypeScript cannot say: setup() takes anything (config.ts reports what is wrong),
// but what a user should pass is the option schema's class.
const OVERRIDES = { "setup.opts": "ollama-chat.Opts" };

const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  },
});
const program = ts.createProgram([entry, ...parsed.fileNames.filter((f) => f.endsWith(".d.ts"))], parsed.options);
const checker = program.getTypeChecker();
const source = program.getSourceFile(entry);
if (source === undefined) throw new Error(`gen-meta-api: cannot read ${entry}`);

/** Classes to write after the API: name → { doc, fields: [{ name, optional, type, doc }] }. */
const classes = new Map();

const camel = (s) => s.replace(/(^|_)([a-z])/g, (_, __, c) => c.toUpperCase());

function docOf(symbol) {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, " ").trim();
}

function isUndefined(t) {
  return (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0;
}

/** `t` without `undefined` (and whether it had it). */
function required(t) {
  if (!t.isUnion()) return [t, isUndefined(t)];
  const rest = t.types.filter((m) => !isUndefined(m));
  if (rest.length === t.types.length) return [t, false];
  return [rest.length === 1 ? rest[0] : { union: rest }, true];
}

/** The LuaCATS of a type; `hint` names the class of an anonymous object type. */
function lua(t, hint) {
  if (t.union !== undefined) return unionOf(t.union, hint);
  const f = t.flags;
  if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return "any";
  if (f & (ts.TypeFlags.Undefined | ts.TypeFlags.Void | ts.TypeFlags.Null)) return "nil";
  if (f & ts.TypeFlags.StringLiteral) return JSON.stringify(t.value);
  if (f & ts.TypeFlags.NumberLiteral) return String(t.value);
  if (f & ts.TypeFlags.BooleanLiteral) return checker.typeToString(t);
  if (f & ts.TypeFlags.StringLike) return "string";
  if (f & ts.TypeFlags.NumberLike) return "number";
  if (f & ts.TypeFlags.BooleanLike) return "boolean";
  if (t.isUnion()) return unionOf(t.types, hint);
  if (checker.isTupleType(t)) return `[${checker.getTypeArguments(t).map((a, i) => lua(a, `${hint}${i + 1}`)).join(", ")}]`;
  if (checker.isArrayType(t)) {
    const item = lua(checker.getTypeArguments(t)[0], hint);
    return /[|\s]/.test(item) ? `(${item})[]` : `${item}[]`;
  }
  const calls = t.getCallSignatures();
  if (calls.length > 0) return funOf(calls[0], hint);
  if (f & ts.TypeFlags.Object || t.isIntersection()) return classOf(t, hint);
  throw new Error(`gen-meta-api: no Lua type for ${checker.typeToString(t)} (${hint})`);
}

function unionOf(types, hint) {
  const names = [];
  const bools = types.filter((m) => m.flags & ts.TypeFlags.BooleanLiteral);
  for (const m of types) {
    const name = bools.length === 2 && m.flags & ts.TypeFlags.BooleanLiteral ? "boolean" : lua(m, hint);
    if (!names.includes(name)) names.push(name);
  }
  return names.join("|");
}

function funOf(signature, hint) {
  const params = signature.getParameters().filter((p) => p.name !== "this").map((p) => {
    const decl = p.valueDeclaration;
    const [t, undef] = required(checker.getTypeOfSymbolAtLocation(p, decl));
    const optional = undef || (decl !== undefined && ts.isParameter(decl) && decl.questionToken !== undefined);
    return `${p.name}${optional ? "?" : ""}: ${lua(t, hint + camel(p.name))}`;
  });
  const ret = signature.getReturnType();
  return `fun(${params.join(", ")})${isUndefined(ret) ? "" : ": " + lua(ret, hint + "Result")}`;
}

/** A named class for an object type: its own name when it has one, else `hint`. */
function classOf(t, hint) {
  const symbol = t.aliasSymbol ?? t.getSymbol();
  const own = symbol !== undefined && !symbol.name.startsWith("__") && !t.isIntersection() ? symbol.name : undefined;
  const name = PREFIX + (own ?? hint);
  if (classes.has(name)) return name;
  const entry = { doc: own !== undefined ? docOf(symbol) : "", fields: [] };
  classes.set(name, entry);
  for (const p of checker.getPropertiesOfType(t)) {
    const [pt, undef] = required(checker.getTypeOfSymbol(p));
    const optional = undef || (p.flags & ts.SymbolFlags.Optional) !== 0;
    entry.fields.push({ name: p.name, optional, type: lua(pt, (own ?? hint) + camel(p.name)), doc: docOf(p) });
  }
  return name;
}

function comment(text) {
  return text === "" ? [] : [`--- ${text}`];
}

const lines = [
  "",
  "-- The API, from src/ollama-chat/init.ts: local oc = require(\"ollama-chat\") ---@type ollama-chat.API",
  "---@class ollama-chat.API",
  "local M = {}",
];
const moduleSymbol = checker.getSymbolAtLocation(source);
for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
  const decl = symbol.valueDeclaration;
  if (decl === undefined) continue; // a type-only export
  const t = checker.getTypeOfSymbolAtLocation(symbol, decl);
  lines.push("");
  lines.push(...comment(docOf(symbol)));
  const signature = t.getCallSignatures()[0];
  if (signature === undefined) {
    lines.push(`---@type ${lua(checker.getBaseTypeOfLiteralType(t), camel(symbol.name))}`, `M.${symbol.name} = nil`);
    continue;
  }
  const names = [];
  for (const p of signature.getParameters()) {
    if (p.name === "this") continue;
    const pdecl = p.valueDeclaration;
    const [pt, undef] = required(checker.getTypeOfSymbolAtLocation(p, pdecl));
    const optional = undef || (pdecl !== undefined && ts.isParameter(pdecl) && pdecl.questionToken !== undefined);
    const type = OVERRIDES[`${symbol.name}.${p.name}`] ?? lua(pt, camel(symbol.name) + camel(p.name));
    lines.push(`---@param ${p.name}${optional ? "?" : ""} ${type}`);
    names.push(p.name);
  }
  const ret = signature.getReturnType();
  if (!isUndefined(ret)) lines.push(`---@return ${lua(ret, camel(symbol.name) + "Result")}`);
  lines.push(`function M.${symbol.name}(${names.join(", ")}) end`);
}

for (const [name, entry] of classes) {
  lines.push("", ...comment(entry.doc), `---@class ${name}`);
  for (const field of entry.fields) {
    lines.push(`---@field ${field.name}${field.optional ? "?" : ""} ${field.type}${field.doc === "" ? "" : " " + field.doc}`);
  }
}
lines.push("", "return M");
process.stdout.write(lines.join("\n") + "\n");
