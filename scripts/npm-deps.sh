#!/usr/bin/env bash
# Installs the pinned npm packages into node_modules/ when package-lock.json changed since the last
# install (compared by content, not mtime: a fresh checkout must not reinstall a good tree).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
want=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.ollama-chat-lock
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x node_modules/.bin/tstl ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
