// :Ollama {subcommand} and :OllamaUpdate, driven by the action table (actions.ts): parsing,
// argument checks, completion and the bare-:Ollama picker. No action is named here.
import * as actions from "./actions";
import type { Action, Invocation } from "./actions";
import { typedArgs, withPrefix } from "./completion";
import { notify } from "./ui/notify";
import { pick } from "./ui/picker";

export { set_completer } from "./completion";
export type { CompleterKind } from "./completion";

/** The subcommands, in the order completion and the bare-:Ollama picker show them. */
export const ORDER = actions.names();

function runAction(action: Action, invocation: Invocation): void {
  if (action.single !== undefined && invocation.args.length > 1) {
    const args = invocation.args;
    notify(`:Ollama ${action.name} takes ${action.single}, got ${args.length} arguments: ${args.join(" ")}`, vim.log.levels.ERROR);
    return;
  }
  action.run(invocation);
}

function runSubcommand(name: string, invocation: Invocation): void {
  const action = actions.find(name);
  if (action === undefined) {
    notify(`unknown subcommand "${name}". Valid subcommands: ${ORDER.join(", ")}.`, vim.log.levels.ERROR);
    return;
  }
  if (action.range !== true) invocation.range = undefined;
  runAction(action, invocation);
}

function pickSubcommand(): void {
  let width = 0;
  for (const action of actions.ACTIONS) width = Math.max(width, action.name.length);
  pick({
    prompt: "Ollama",
    items: actions.ACTIONS,
    format: (action) => `${action.name}${string.rep(" ", width - action.name.length)}  ${action.desc}`,
    on_choice: (action) => {
      if (action !== undefined) runAction(action, { args: [], rest: "" });
    },
  });
}

/** :Ollama [subcommand [args]] */
export function run(this: void, cmd: UserCommandArgs): void {
  const [name, rest] = string.match(cmd.args, "^%s*(%S*)%s*(.-)%s*$");
  if (name === undefined || name === "") return pickSubcommand();
  const invocation: Invocation = { args: cmd.fargs.slice(1), rest: rest ?? "" };
  if (cmd.range > 0) invocation.range = [cmd.line1, cmd.line2];
  runSubcommand(name, invocation);
}

/** Completion for :Ollama: subcommands, then what the subcommand takes. */
export function complete(this: void, argLead: string, cmdLine: string, _cursorPos?: number): string[] {
  const typed = typedArgs(argLead, cmdLine, "Ollama");
  if (typed.length === 0) return withPrefix(ORDER, argLead);
  const action = actions.find(typed[0]);
  if (action === undefined || action.complete === undefined) return [];
  return action.complete(argLead, typed.slice(1));
}

/** :OllamaUpdate [model ...]: the `update` action under its own command. */
export function run_update(this: void, cmd: UserCommandArgs): void {
  runSubcommand("update", { args: cmd.fargs, rest: cmd.args });
}

/** Completion for :OllamaUpdate: local model names not typed yet. */
export function complete_update(this: void, argLead: string, cmdLine: string, _cursorPos?: number): string[] {
  return actions.find("update")?.complete?.(argLead, typedArgs(argLead, cmdLine, "OllamaUpdate")) ?? [];
}
