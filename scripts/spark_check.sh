#!/usr/bin/env bash
# The Spark recipe in Spark local mode: scripts/spark_batch.py over a small
# generated corpus (stories interleaved, one line that is not JSON, stories
# cut in parts by --max-articles) must write exactly what `parallax batch`
# writes on the same input, with the same exit status and line reports.
# Installs pyspark into a venv under ~/.cache/parallax (skipped when there).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'spark check: %s\n' "$*" >&2; }

venv=${PARALLAX_SPARK_VENV:-$HOME/.cache/parallax/spark-venv}
pyspark_version=4.3.0
if ! "$venv/bin/python" -c 'import pyspark' 2>/dev/null; then
  say "installing pyspark $pyspark_version into $venv (a minute or two)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "pyspark==$pyspark_version"
fi
if ! command -v java >/dev/null; then
  say "installing a Java runtime for Spark"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q default-jre-headless
fi

target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --bin parallax --example corpus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$target/debug/examples/corpus" --articles 40 --stories 5 --seed 3 --order shuffled > "$work/corpus.jsonl"
# A line that is not JSON, and one without text, among the articles.
sed -i '7i this line is not JSON' "$work/corpus.jsonl"
sed -i '12i {"id": "no-text", "story": "s00001"}' "$work/corpus.jsonl"

status=0
"$target/debug/parallax" batch --max-articles 4 "$work/corpus.jsonl" \
  > "$work/direct.jsonl" 2> "$work/direct.err" || status=$?
spark_status=0
started=$SECONDS
"$venv/bin/python" scripts/spark_batch.py --master 'local[2]' --partitions 3 \
  --max-articles 4 --binary "$target/debug/parallax" \
  "$work/corpus.jsonl" "$work/spark.jsonl" 2> "$work/spark.err" || spark_status=$?

fail() { say "FAILED: $*"; tail -20 "$work/spark.err" >&2; exit 1; }
spark_seconds=$((SECONDS - started))
[ -s "$work/direct.jsonl" ] || fail "parallax batch wrote nothing"
cmp -s "$work/direct.jsonl" "$work/spark.jsonl" ||
  fail "Spark's output differs from parallax batch's ($(wc -l < "$work/spark.jsonl") lines against $(wc -l < "$work/direct.jsonl"))"
[ "$status" = 1 ] && [ "$spark_status" = 1 ] ||
  fail "exit status $spark_status from Spark, $status from parallax batch; both should be 1 (lines skipped)"
for line in 7 12; do
  grep -q "line $line: " "$work/direct.err" || fail "parallax batch did not report line $line"
  grep -q "line $line: " "$work/spark.err" || fail "Spark did not report line $line"
done
say "ok: $(wc -l < "$work/spark.jsonl") story parts, the same from Spark local mode as from parallax batch (Spark: $spark_seconds s)"
