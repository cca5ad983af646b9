#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) needs, skipping what is
# already there, so that a fresh machine and a warm one run the same command.
#   scripts/setup.sh          the wasm toolchain and npm tools
#   scripts/setup.sh test     the same, plus Debian's chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# wasm-pack uses the wasm-bindgen on PATH only when it is exactly the locked version.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack (a few minutes)"
  cargo install wasm-pack --locked
fi

# npm tools: wasm-opt (binaryen) for the build, playwright-core for browser tests.
if ! [ -x node_modules/.bin/wasm-opt ] || ! [ -d node_modules/playwright-core ]; then
  say "installing npm tools"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "test" ] && ! [ -x /usr/bin/chromium ]; then
  say "installing Debian chromium for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q chromium
fi
