-- generated from src/ollama-chat/ollama/types.ts by TypeScriptToLua; do not edit
local ____exports = {}
return ____exports
