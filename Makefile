# ollama-chat.nvim: TypeScript in src/, compiled to Lua in dist/lua/ (committed).
SHELL := /bin/bash
BIN := node_modules/.bin
NVIM ?= $(shell scripts/pick-nvim.sh)

.PHONY: all setup deps nvim build doc typecheck check-dist types test demo bench-chat bench-large bench-update bench-startup clean server helptags screenshots
all: build

## setup: everything the tests need (Debian packages, npm packages, Neovim 0.10 and latest)
setup:
	@scripts/setup.sh

deps:
	@scripts/npm-deps.sh

## nvim: Neovim 0.10.4 (Debian trixie) and the newest (Debian sid) in .deps/
nvim:
	@scripts/nvim.sh

typecheck: deps
	@$(BIN)/tsc --noEmit -p tsconfig.json
	@$(BIN)/tsc --noEmit -p tsconfig.spec.json
	@if [ -d server ]; then $(BIN)/tsc --noEmit -p tsconfig.server.json; fi

## build: compile src/ into dist/lua/ (nothing is written when a type error is found), then renew
## the generated sections of doc/ollama-chat.txt
build: deps
	@scripts/build.sh dist/lua
	@$(MAKE) -s doc

## doc: the commands, keymaps and options sections of doc/ollama-chat.txt, from dist/lua; doc/tags
doc:
	@$(NVIM) --clean -l scripts/gen-docs.lua doc dist/lua doc/ollama-chat.txt doc/ollama-chat.txt
	@scripts/helptags.sh

## check-dist: fails when the committed dist/lua is not what src/ builds
check-dist: deps
	@scripts/check-dist.sh

## types: regenerate types/nvim-api.d.ts from the oldest supported Neovim's API metadata
types: deps nvim
	node scripts/gen-api-types.mjs .deps/bin/nvim-0.10 types/nvim-api.d.ts

## helptags: doc/tags from doc/ollama-chat.txt (committed; spec/help_spec.lua fails when it is stale)
helptags:
	@scripts/helptags.sh

server: deps
	@$(BIN)/tsc -p tsconfig.server.json

## test: set up what is missing, type-check, build, check-dist, run every test on both Neovims
test:
	@scripts/test.sh

## demo: the plugin against the bundled Ollama test server, in an isolated Neovim
demo:
	@echo "demo: checking Neovim and the npm packages (the first time this downloads them)..."
	@$(MAKE) -s setup
	@echo "demo: building the test server..."
	@$(MAKE) -s server
	@echo "demo: building the plugin..."
	@$(MAKE) -s build
	@scripts/demo.sh

## screenshots: docs/images/*.png from the real plugin against the test server (tmux, aha, chromium)
screenshots: setup server build
	@scripts/screenshots.sh

## bench-chat, bench-large, bench-update: the benchmarks of docs/benchmarks.md
bench-chat: setup server build
	@scripts/bench.sh chat

bench-large: setup server build
	@scripts/bench.sh large

bench-update: setup server build
	@bench/update.sh

clean:
	rm -rf .build
