#!/usr/bin/env bash
# Builds the two browser bundles with the settings in wasm-pack.toml: the main
# one without saved-page extraction, and one with it for HTML files.
set -euo pipefail
cd "$(dirname "$0")/.."

setting() { python3 -c "import tomllib,sys; v=tomllib.load(open('wasm-pack.toml','rb'))[sys.argv[1]]; print(' '.join(v) if isinstance(v, list) else v)" "$1"; }
target=$(setting target)
read -r -a opt_flags <<< "$(setting wasm_opt_flags)"

build() { # OUT_DIR CARGO_FEATURE_ARGS...
  local out_dir=$1
  shift
  # Small code for the browser (Cargo.toml builds native code for speed). "z"
  # is 56 KB gzipped smaller still, but its optimized code runs at about half
  # the speed (1,000 articles in Chromium: 5.0 s against 2.9 s). Measured
  # under node at 1,000 articles: "z" with LLVM's inline threshold raised
  # (-C llvm-args=-inline-threshold=N) buys speed back only with size (N=40:
  # 400 KB, 1.39x the time of "s"; N=75: 411 KB, 1.24x; N=150: 441 KB, ~1.05x),
  # and wasm-opt's other levels move the size by under 1 KB.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s wasm-pack build --release --target "$target" --out-dir "$out_dir" --mode no-install --no-pack --no-typescript -- "$@"
  local wasm="$out_dir/parallax_bg.wasm"
  node_modules/.bin/wasm-opt "${opt_flags[@]}" "$wasm" -o "$wasm"
  printf 'build: %s is %s bytes, %s gzipped\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9c "$wasm" | wc -c)" >&2
}

build "$(setting out_dir)" --no-default-features
build "$(setting html_out_dir)" --features readability
