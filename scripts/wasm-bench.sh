#!/usr/bin/env bash
# The wasm build against native: the whole analysis (`analyze`) of the five
# seeds and of 100 and 1,000 generated articles, natively (`parallax
# analyze`), under node and in headless Debian Chromium (the page's worker),
# first call and steady state (scripts/wasm-bench.mjs says what each times).
# Prints a Markdown table and writes it to target/wasm-bench.md.
#   scripts/wasm-bench.sh              the seeds, 100 and 1,000 articles
#   scripts/wasm-bench.sh 10 300       other generated sizes
#   WASM_BENCH_RUNS=5 scripts/wasm-bench.sh
# Builds the core for node and for the web into $CARGO_TARGET_DIR (or
# target/) as wasm-node and wasm-web, never touching www/pkg; the web build is
# served at /pkg/ for this run only. Not a test: nothing here fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin parallax --example corpus

read -r -a opt_flags <<< "$(python3 -c "import tomllib; print(' '.join(tomllib.load(open('wasm-pack.toml', 'rb'))['wasm_opt_flags']))")"
build() { # NAME WASM_PACK_TARGET: the main bundle's features and wasm-opt flags, as scripts/build-wasm.sh
  local out="$target/wasm-$1"
  local wasm="$out/parallax_bg.wasm"
  # Skipped while no source is newer than the last build: wasm-opt takes a while.
  if [ -f "$wasm" ] && [ -z "$(find src Cargo.toml Cargo.lock wasm-pack.toml -newer "$wasm" -print -quit)" ]; then
    return
  fi
  # Small code for the browser (Cargo.toml builds native code for speed).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s wasm-pack build --release --target "$2" --out-dir "$(realpath -m "$out")" --mode no-install --no-pack --no-typescript -- --no-default-features
  node_modules/.bin/wasm-opt "${opt_flags[@]}" "$wasm" -o "$wasm"
}
build node nodejs
# The node glue is CommonJS, and the project's package.json declares ES modules.
echo '{"type": "commonjs"}' > "$target/wasm-node/package.json"
build web web

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sets=("5 seeds=../shared/seeds")
for n in "${sizes[@]}"; do
  mkdir "$work/$n"
  # One file an article, named by its id, as a reader would drop them.
  "$target/release/examples/corpus" --articles "$n" |
    python3 -c 'import json,sys,os; [open(os.path.join(sys.argv[1], r["id"] + ".txt"), "w").write(r["text"]) for r in map(json.loads, sys.stdin)]' "$work/$n"
  sets+=("$n generated=$work/$n")
done
node scripts/wasm-bench.mjs --parallax "$target/release/parallax" --node-glue "$target/wasm-node/parallax.js" \
  --web-pkg "$target/wasm-web" --runs "${WASM_BENCH_RUNS:-3}" --out target/wasm-bench.md "${sets[@]}"
