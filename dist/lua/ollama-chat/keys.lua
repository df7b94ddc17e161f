-- generated from src/ollama-chat/actions.ts by scripts/gen-docs.lua; do not edit
-- The keys of the actions, for plugin/ at startup: loading the action table would cost more.
return {
  prefix = "<leader>o",
  keys = {
    { plug = "open", suffix = "o", modes = { "n" }, desc = "Ollama: Open the chat with the default model" },
    { plug = "default_model", suffix = "d", modes = { "n" }, desc = "Ollama: Set the default model (persistent)" },
    { plug = "switch_model", suffix = "m", modes = { "n" }, desc = "Ollama: Switch the model of the open chat" },
    { plug = "toggle", suffix = "t", modes = { "n" }, desc = "Ollama: Hide or show the chat pane" },
    { plug = "close", suffix = "c", modes = { "n" }, desc = "Ollama: Close the chat session" },
    { plug = "horizontal", suffix = "h", modes = { "n" }, desc = "Ollama: Chat in a horizontal split (persistent)" },
    { plug = "vertical", suffix = "v", modes = { "n" }, desc = "Ollama: Chat in a vertical split (persistent)" },
    { plug = "save", suffix = "s", modes = { "n" }, desc = "Ollama: Save the chat under a name" },
    { plug = "load", suffix = "l", modes = { "n" }, desc = "Ollama: Load a saved chat (read-only)" },
    { plug = "clear", suffix = "x", modes = { "n" }, desc = "Ollama: Delete all saved chats, after confirmation" },
    { plug = "ask", suffix = "a", modes = { "n", "x" }, desc = "Ollama: Ask about the buffer or the selection" },
    { plug = "regenerate", suffix = "r", modes = { "n" }, desc = "Ollama: Replace the last reply with a new one" },
    { plug = "update", suffix = "u", modes = { "n" }, desc = "Ollama: Update all models" },
    { plug = "models", suffix = "i", modes = { "n" }, desc = "Ollama: Manage the local models" },
  },
}
