// Edit: lines of a buffer, their filetype and an instruction go to the chat's model, which is
// asked for the replacement only; the new text streams into the diff view, laid out like the
// original (indentation and surrounding blank lines kept when the model drops them).
import { isChatBuffer } from "../chat/buffer";
import * as models from "../chat/models";
import * as registry from "../chat/registry";
import * as source from "./source";
import * as client from "../ollama/client";
import type { ChatMessage } from "../ollama/types";
import { notify } from "../ui/notify";
import { Throttle } from "../ui/throttle";
import { announce, focus } from "./apply";
import { DiffView, unwritable } from "./diffview";
import { codeOnly, keepLayout } from "./indent";

export interface EditOpts {
  prompt?: string;
  /** 1-based inclusive; the whole buffer when absent. */
  range?: [number, number];
  buf?: number;
}

/** How often streamed text is laid out and redrawn (the editor stays responsive meanwhile). */
const REDRAW_MS = 50;

const SYSTEM = "You rewrite code. Reply with the rewritten code only: no explanation, no markdown fence, " +
  "nothing before or after it. Keep the language, the style and the indentation of the original.";

/** The request's messages for an edit of lines first..last of `buf`. */
export function messages(buf: number, first: number, last: number, instruction: string): ChatMessage[] {
  const ft = vim.api.nvim_get_option_value("filetype", { buf }) as string;
  const user = `${source.block(buf, first, last)}\n\nRewrite these lines${ft !== "" ? ` of ${ft}` : ""}: ${instruction}\nReply with the replacement lines only.`;
  return [{ role: "system", content: SYSTEM }, { role: "user", content: user }];
}

function start(model: string, buf: number, first: number, last: number, instruction: string): void {
  const old = vim.api.nvim_buf_get_lines(buf, first - 1, last, false);
  const chat = registry.peek();
  const settings = chat?.effectiveSettings();
  let content = "";
  let finished = false;
  const laidOut = (): string[] => keepLayout(old, codeOnly(vim.split(content, "\n", { plain: true })));
  focus(buf);
  let handle: { cancel(): void } | undefined;
  const view = new DiffView(buf, first, last, old, [], true, {
    done: (accepted, f, l) => announce(buf, f, l, accepted),
    stop: () => handle?.cancel(),
  }, `editing with ${model}`);
  const redrawSoon = new Throttle(REDRAW_MS, () => {
    if (!finished) view.update(laidOut(), false);
  });
  handle = client.chat(
    { model, messages: messages(buf, first, last, instruction), options: settings?.options, keep_alive: settings?.keep_alive, think: false },
    {
      on_delta: (delta) => {
        content += delta.content;
        if (!finished) redrawSoon.request();
      },
      on_done: (err, result) => {
        finished = true;
        redrawSoon.cancel();
        if (err !== undefined) {
          view.abort();
          if (err.kind !== "cancelled") notify(`the edit failed: ${err.message}`, vim.log.levels.ERROR);
          return;
        }
        content = result.content;
        view.update(laidOut(), true);
        view.jump(0);
      },
    },
  );
}

function withModel(cb: (this: void, model: string) => void): void {
  const model = registry.peek()?.model;
  if (model !== undefined) {
    cb(model);
    return;
  }
  models.resolve((m) => {
    if (m !== undefined) cb(m);
  }, () => {});
}

/** Rewrites the range (or the whole buffer) following `prompt` (asked for when absent). */
export function edit(opts: EditOpts): void {
  const buf = opts.buf ?? vim.api.nvim_get_current_buf();
  if (isChatBuffer(buf)) {
    notify("edit a code buffer, not the chat itself", vim.log.levels.WARN);
    return;
  }
  const refusal = unwritable(buf);
  if (refusal !== undefined) {
    notify(`cannot edit: ${refusal}`, vim.log.levels.ERROR);
    return;
  }
  const { first, last, label } = source.lineRange(buf, opts.range);
  source.withText(opts.prompt, `Edit ${label}: `, (instruction) => withModel((model) => start(model, buf, first, last, instruction)));
}
