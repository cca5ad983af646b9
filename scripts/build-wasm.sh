#!/usr/bin/env bash
# Builds the browser bundle into www/pkg with the settings in wasm-pack.toml.
set -euo pipefail
cd "$(dirname "$0")/.."

setting() { python3 -c "import tomllib,sys; v=tomllib.load(open('wasm-pack.toml','rb'))[sys.argv[1]]; print(' '.join(v) if isinstance(v, list) else v)" "$1"; }
target=$(setting target)
out_dir=$(setting out_dir)
read -r -a opt_flags <<< "$(setting wasm_opt_flags)"

wasm-pack build --release --target "$target" --out-dir "$out_dir" --mode no-install --no-pack --no-typescript
wasm="$out_dir/parallax_bg.wasm"
node_modules/.bin/wasm-opt "${opt_flags[@]}" "$wasm" -o "$wasm"
printf 'build: %s is %s bytes, %s gzipped\n' "$wasm" "$(wc -c < "$wasm")" "$(gzip -9c "$wasm" | wc -c)" >&2
