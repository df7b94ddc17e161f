// K in the model manager: everything /api/show says about one model, in a split next to the list.
import * as client from "../ollama/client";
import type { ModelShow } from "../ollama/client";
import { notify } from "../ui/notify";
import { contextText } from "./rows";

function section(out: string[], title: string, text: string): void {
  out.push("", `## ${title}`, "");
  const body = vim.trim(text);
  if (body === "") out.push("(none)");
  else for (const line of vim.split(body, "\n", { plain: true })) out.push(line);
}

/** The text of the details buffer (markdown). */
export function detailLines(name: string, s: ModelShow): string[] {
  const out = [`# ${name}`, ""];
  const caps = s.capabilities.length > 0 ? s.capabilities.join(", ") : "(not said)";
  out.push(`- Capabilities: ${caps}`);
  out.push(`- Context length: ${s.context_length !== undefined ? `${s.context_length} tokens (${contextText(s.context_length)})` : "(not said)"}`);
  const d = s.details;
  if (d !== undefined) {
    for (const [key, label] of [["family", "Family"], ["parameter_size", "Parameters"], ["quantization_level", "Quantization"], ["format", "Format"]]) {
      const v = d.get(key);
      if (type(v) === "string" && v !== "") out.push(`- ${label}: ${v as string}`);
    }
  }
  section(out, "Parameters", s.parameters);
  section(out, "Template", s.template);
  section(out, "License", s.license);
  section(out, "Modelfile", s.modelfile);
  return out;
}

/** The details buffer of each model shown (wiped when its window closes). */
const buffers = new LuaMap<string, number>();

function bufferFor(name: string): number {
  const existing = buffers.get(name);
  if (existing !== undefined && vim.api.nvim_buf_is_valid(existing)) return existing;
  const bufName = `ollama-chat://model/${name}`;
  const buf = vim.api.nvim_create_buf(false, true);
  buffers.set(name, buf);
  vim.api.nvim_buf_set_name(buf, bufName);
  vim.api.nvim_set_option_value("buftype", "nofile", { buf });
  vim.api.nvim_set_option_value("bufhidden", "wipe", { buf });
  vim.api.nvim_set_option_value("swapfile", false, { buf });
  vim.keymap.set("n", "q", () => vim.cmd("close"), { buffer: buf, nowait: true, silent: true, desc: "Ollama model details: close" });
  return buf;
}

/** Opens `name`'s details in a vertical split of the current tab once /api/show answers. */
export function show(name: string): void {
  client.showModel(name, (err, s) => {
    if (err !== undefined || s === undefined) return notify(err?.message ?? `no details for ${name}`, vim.log.levels.ERROR);
    const buf = bufferFor(name);
    vim.api.nvim_set_option_value("modifiable", true, { buf });
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, detailLines(name, s));
    vim.api.nvim_set_option_value("modifiable", false, { buf });
    const wins = vim.fn.win_findbuf(buf);
    if (wins.length > 0) return vim.api.nvim_set_current_win(wins[0]);
    vim.cmd(`vertical belowright sbuffer ${buf}`);
    const win = vim.api.nvim_get_current_win();
    vim.api.nvim_set_option_value("wrap", true, { win });
    const [ok] = pcall(vim.api.nvim_set_option_value, "filetype", "markdown", { buf });
    if (!ok) vim.api.nvim_set_option_value("filetype", "", { buf });
  });
}
