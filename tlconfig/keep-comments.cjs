// TypeScriptToLua plugin: keeps the `//` comments that stand on their own lines before a statement
// (tstl keeps only JSDoc), so the Lua in dist/ still says why, next to the code it explains.
const ts = require("typescript");

// The statements a comment is written above; their first Lua statement carries it.
const KINDS = [
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.TryStatement,
  ts.SyntaxKind.ThrowStatement,
  ts.SyntaxKind.SwitchStatement,
  ts.SyntaxKind.BreakStatement,
];

/** The `//` comments on lines of their own just before `node`, without the slashes. */
function ownLineComments(node) {
  // Nodes tstl synthesizes have no source text.
  const file = node.pos >= 0 ? node.getSourceFile() : undefined;
  if (file === undefined) return [];
  const text = file.getFullText();
  const out = [];
  for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
    if (range.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const lineStart = text.lastIndexOf("\n", range.pos - 1) + 1;
    if (text.slice(lineStart, range.pos).trim() !== "") continue;
    out.push(text.slice(range.pos + 2, range.end).replace(/\s+$/, ""));
  }
  return out;
}

// Comments above a statement that compiles to nothing (a type import, say) go to the next one.
const pending = new Map();

function keepComments(node, context) {
  const statements = context.superTransformStatements(node);
  const file = node.pos >= 0 ? node.getSourceFile() : undefined;
  const comments = [...(pending.get(file) ?? []), ...ownLineComments(node)];
  pending.delete(file);
  if (comments.length === 0) return statements;
  if (statements.length === 0) {
    pending.set(file, comments);
    return statements;
  }
  const first = statements[0];
  first.leadingComments = [...comments.map((c) => (c.startsWith(" ") ? c : " " + c)), ...(first.leadingComments ?? [])];
  return statements;
}

/** @type {import("typescript-to-lua").Plugin} */
const plugin = { visitors: Object.fromEntries(KINDS.map((kind) => [kind, keepComments])) };
module.exports = plugin;
