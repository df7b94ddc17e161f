-- generated from src/ollama-chat/ui/picker/types.ts by TypeScriptToLua; do not edit
local ____exports = {}
return ____exports
