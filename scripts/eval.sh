#!/usr/bin/env bash
# Measures extraction on the labelled data in ../shared/eval with its own scorers.
#   scripts/eval.sh boilerplate   copied pages: bag-of-words F1 of the kept text
#   scripts/eval.sh quotes        PolNeAR dev: quote span F1 and speaker accuracy, direct and partial
#   scripts/eval.sh html          our own saved pages (tests/fixtures/pages): main-text F1
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
out=target/eval
mkdir -p "$out"
cargo build --release --quiet
parallax=target/release/parallax

case "${1:-}" in
  boilerplate)
    start=$(date +%s.%N)
    "$parallax" batch --task boilerplate < "$eval_dir/boilerplate-dev.jsonl" > "$out/boilerplate.jsonl"
    end=$(date +%s.%N)
    python3 "$eval_dir/score_boilerplate.py" "$eval_dir/boilerplate-dev.jsonl" "$out/boilerplate.jsonl"
    python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.2f} s for the whole file, process start included')" "$end" "$start"
    ;;
  quotes)
    "$parallax" batch --task quotes < "$eval_dir/polnear-dev.jsonl" > "$out/quotes.jsonl"
    for kind in direct partial; do
      python3 "$eval_dir/score_quotes.py" "$eval_dir/polnear-dev.jsonl" "$out/quotes.jsonl" --kind "$kind" \
        | python3 -c "import json,sys; r=json.load(sys.stdin); o=r['span_overlap']; print(f\"{r['kind']:8} quote F1 {o['F1']:.3f} (P {o['P']:.3f} R {o['R']:.3f}, {o['tp']}/{o['gold']} gold)  speaker accuracy: mention {r['speaker_acc_span']}, name {r['speaker_acc_name']}  scare-quote FP {r['scare_fp']}\")"
    done
    # The name match can only succeed where the gold mention or its automatic
    # coreference holds a capitalized name: the best any system can score.
    python3 - "$eval_dir/polnear-dev.jsonl" <<'PY'
import json, re, sys
stop = {"the", "a", "an", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president"}
names = lambda s: {t.lower() for t in re.findall(r"[A-Z][\w'\u2019-]+", s or "")} - stop
quotes = [q for line in open(sys.argv[1], encoding="utf-8") for q in json.loads(line)["quotes"] if q.get("speaker")]
for kind in ("direct", "partial"):
    of_kind = [q for q in quotes if q["kind"] == kind]
    named = sum(1 for q in of_kind if names(q["speaker"]) | names(q.get("speaker_resolved_auto")))
    print(f"{kind:8} ceiling of the name match: {named / len(of_kind):.3f} ({named}/{len(of_kind)} gold speakers carry a name)")
PY
    ;;
  html)
    cargo test --release --quiet --test html_pages -- --nocapture 2>&1 | grep 'saved pages'
    ;;
  *)
    echo "usage: scripts/eval.sh boilerplate|quotes|html" >&2
    exit 2
    ;;
esac
