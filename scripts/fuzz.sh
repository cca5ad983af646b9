#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz, libFuzzer) of every parser and of the
# whole pipeline. Needs the nightly toolchain; the build and tests stay on stable.
#   scripts/fuzz.sh TARGET SECONDS    fuzz one target (analyze decode html quote_marks quotes quantities dates)
#   scripts/fuzz.sh all SECONDS       each target in turn
#   scripts/fuzz.sh smoke             every target for a few seconds (part of scripts/test.sh)
# Seeds: our fixtures, ../shared/seeds and, read at run time, the saved pages
# of ../shared/eval/html-dev.jsonl.gz (never committed). Corpora and crashes
# stay under target/fuzz; a crash is minimized into tests/regressions/ by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(analyze decode html quote_marks quotes quantities dates)

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzz: skipped, no nightly toolchain (rustup toolchain install nightly)"
  exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# Long runs grow a corpus under target/fuzz/corpus; a smoke run starts each
# time from our own fixtures and the seeds alone, so it stays short.
seed_corpus() {
  local target=$1 dir=$2
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return
  cp tests/fixtures/*.txt tests/fixtures/*.html tests/fixtures/pages/*.html tests/regressions/* "$dir"/ 2>/dev/null || true
  cp ../shared/seeds/*.txt "$dir"/ 2>/dev/null || true
  if [ "${SMOKE:-}" != 1 ] && { [ "$target" = html ] || [ "$target" = decode ] || [ "$target" = analyze ]; }; then
    python3 - "$dir" <<'PY' || true
import gzip, json, sys, pathlib
out = pathlib.Path(sys.argv[1])
try:
    with gzip.open("../shared/eval/html-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % 8 == 0:
                (out / f"page{n}.html").write_text(json.loads(line)["html"][:60000], encoding="utf-8")
except FileNotFoundError:
    pass
PY
  fi
}

# Long runs fork, so one crash is recorded and fuzzing goes on to find the next.
run() {
  local target=$1 seconds=$2 keep_going=() corpus=target/fuzz/corpus/$1
  [ "$seconds" -gt 60 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  if [ "${SMOKE:-}" = 1 ]; then
    corpus=target/fuzz/smoke/$target
    rm -rf "$corpus"
  fi
  seed_corpus "$target" "$corpus"
  mkdir -p target/fuzz/artifacts/"$target"
  local status=0
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 "${keep_going[@]}" \
    -artifact_prefix=target/fuzz/artifacts/"$target"/ -print_final_stats=1 > target/fuzz/"$target".log 2>&1 || status=$?
  grep -E '^#[0-9]+|stat::|SUMMARY|panicked|ERROR|INFO: fuzzing' target/fuzz/"$target".log | tail -4 || true
  if [ "$status" -ne 0 ] || compgen -G "target/fuzz/artifacts/$target/crash-*" > /dev/null \
    || compgen -G "target/fuzz/artifacts/$target/timeout-*" > /dev/null; then
    echo "fuzz: $target found a failing input: target/fuzz/artifacts/$target/"
    return 1
  fi
}

case "${1:-}" in
  smoke)
    export SMOKE=1
    for target in "${targets[@]}"; do run "$target" 8; done
    echo "fuzz: smoke run of ${#targets[@]} targets passed"
    ;;
  all)
    failed=0
    for target in "${targets[@]}"; do run "$target" "${2:?seconds}" || failed=1; done
    exit "$failed"
    ;;
  analyze|decode|html|quote_marks|quotes|quantities|dates)
    run "$1" "${2:?seconds}"
    ;;
  *)
    echo "usage: scripts/fuzz.sh TARGET|all SECONDS | smoke" >&2
    exit 2
    ;;
esac
