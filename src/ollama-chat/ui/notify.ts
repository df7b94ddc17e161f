// Notifications always go through vim.schedule: they can be raised from libuv callbacks.
const TITLE = "ollama-chat";

export function notify(msg: string, level: number = vim.log.levels.INFO): void {
  const send = () => vim.notify(`${TITLE}: ${msg}`, level, { title: TITLE });
  if (vim.in_fast_event()) vim.schedule(send);
  else send();
}
