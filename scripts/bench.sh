#!/usr/bin/env bash
# How the native analysis scales: MB/s of every stage and of the whole
# analysis over 5, 100, 1,000 and 10,000 generated articles (and twice each,
# for time(2N)/time(N)), with peak memory (examples/scale.rs); then
# `parallax batch` over the same corpora on every core, timed with its peak
# memory by /usr/bin/time.
#   scripts/bench.sh                 the default sizes
#   scripts/bench.sh 100 1000        other sizes
#   BENCH_MAX_SECONDS=60 scripts/bench.sh   skip a stage projected to take longer (default 240)
# Not a test: nothing here fails on a slow machine. Stage times are CPU time
# of the benchmark's thread; batch times are wall time, which other work on a
# shared machine only ever makes longer.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5 100 1000 10000)
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin parallax --example scale --example corpus

echo "## Stages (one analysis of N articles, best of 3 below 1,000 articles)"
echo
"$target/release/examples/scale" --max-seconds "${BENCH_MAX_SECONDS:-240}" "${sizes[@]}"

echo
echo "## parallax batch (one report per story, $(nproc) cores)"
echo
echo "| articles | MB | seconds | MB/s | peak memory |"
echo "|---:|---:|---:|---:|---:|"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  "$target/release/examples/corpus" --articles "$n" --order shuffled > "$work/corpus.jsonl"
  bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$work/corpus.jsonl")
  /usr/bin/time -f '%e %M' -o "$work/time" \
    "$target/release/parallax" batch "$work/corpus.jsonl" > "$work/out.jsonl"
  read -r seconds kilobytes < "$work/time"
  python3 -c 'import sys; n,b,s,k=sys.argv[1:]; b=int(b)/1e6; s=float(s); print(f"| {n} | {b:.1f} | {s:.2f} | {b/max(s,1e-9):.2f} | {int(k)/1024:.0f} MB |")' \
    "$n" "$bytes" "$seconds" "$kilobytes"
done
