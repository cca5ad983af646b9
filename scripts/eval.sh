#!/usr/bin/env bash
# Measures extraction on the labelled data in ../shared/eval with its own scorers.
#   scripts/eval.sh boilerplate   copied pages: bag-of-words F1 of the kept text
#   scripts/eval.sh quotes        PolNeAR dev: quote span F1 and speaker accuracy, direct and partial
#   scripts/eval.sh html          our own saved pages (tests/fixtures/pages): main-text F1
#   scripts/eval.sh html-dev      the WCXB dev pages as saved HTML: shingle and bag-of-words F1 of
#                                 the main text, title, author and date, pages per second
#   scripts/eval.sh entities      MEANTIME entities: typed recall of names, precision, cross-document
#                                 canonical-name F1 (each topic's articles analyzed together)
#   scripts/eval.sh quantities    Recognizers-Text numbers and units: span, value, value+unit F1;
#                                 MEANTIME money, percent and quantity spans
#   scripts/eval.sh dates         TimeBank 1.2 and MEANTIME timexes: relaxed and strict span F1, type
#                                 accuracy and value F1 (TempEval-3 definitions), with the throughput
#   scripts/eval.sh robustness    the CLI over every real page (saved HTML and copied text), one at a
#                                 time and all together: panics, errors and the slowest page
#   scripts/eval.sh paraphrase    MSRP training pairs through the comparison: accuracy and F1; the
#                                 statement model fitted on one random half, checked on the other
#                                 (`paraphrase --fit` stores the weights and measures again)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=../shared/eval
out=target/eval
mkdir -p "$out"
cargo build --release --quiet
parallax="${CARGO_TARGET_DIR:-target}/release/parallax"

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
    python3 scripts/score_speakers.py "$eval_dir/polnear-dev.jsonl" "$out/quotes.jsonl"
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
  html-dev)
    # The WCXB dev pages as saved HTML: main text (shingle and bag-of-words F1), title, author, date.
    python3 -c "import gzip,json,sys
for line in gzip.open(sys.argv[1], 'rt', encoding='utf-8'):
    page = json.loads(line)
    print(json.dumps({'id': page['id'], 'html': page['html']}))" "$eval_dir/html-dev.jsonl.gz" > "$out/html-dev-input.jsonl"
    start=$(date +%s.%N)
    "${CARGO_TARGET_DIR:-target}/release/parallax" batch --task html < "$out/html-dev-input.jsonl" > "$out/html-dev.jsonl"
    end=$(date +%s.%N)
    python3 "$eval_dir/score_html.py" "$eval_dir/html-dev.jsonl.gz" "$out/html-dev.jsonl" \
      | python3 -c "import json,sys; r=json.load(sys.stdin); s=r['shingle']; print(f\"{r['pages']} pages: bag-of-words F1 {r['bow_F1']:.4f}  shingle F1 {s['F1']:.4f} (P {s['P']:.4f} R {s['R']:.4f})  title {r['title']:.3f}  author {r['author']:.3f}  date {r['date']:.3f}\")"
    python3 -c "import sys; t=float(sys.argv[1]) - float(sys.argv[2]); print(f'{t:.2f} s for {sys.argv[3]} pages ({int(sys.argv[3]) / t:.1f} pages/s), process start included')" "$end" "$start" "$(wc -l < "$out/html-dev-input.jsonl")"
    ;;
  entities)
    # MEANTIME airbus and apple topics, each topic's articles analyzed together.
    start=$(date +%s.%N)
    "$parallax" batch --task entities < "$eval_dir/entities/meantime-dev.jsonl" > "$out/entities.jsonl"
    end=$(date +%s.%N)
    python3 "$eval_dir/score_entities.py" "$eval_dir/entities/meantime-dev.jsonl" "$out/entities.jsonl" \
      | python3 -c "import json,sys; r=json.load(sys.stdin); print(f\"typed recall {r['recall_typed']:.3f}  precision {r['precision']:.3f}  (F1 {r['F1']:.3f}; {r['gold_names']} gold names, {r['predicted']} predicted)  cross-document canonical F1 {r['xdoc_F1']:.3f} (P {r['xdoc_precision']:.3f} R {r['xdoc_recall']:.3f})\")"
    python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.2f} s for 60 articles, process start included')" "$end" "$start"
    ;;
  quantities)
    parallax="${CARGO_TARGET_DIR:-target}/release/parallax"
    for set in numbers units; do
      python3 -c "import json,sys
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    print(json.dumps({'id': f\"{r['source']}#{r['source_index']}\", 'text': r['input']}))" "$eval_dir/recognizers/$set.jsonl" \
        | "$parallax" batch --task quantities > "$out/quantities-$set.jsonl"
      printf '%-8s ' "$set"
      python3 scripts/score_quantities.py "$set" "$eval_dir/recognizers/$set.jsonl" "$out/quantities-$set.jsonl"
    done
    # MEANTIME marks money, percentages and quantities, not ordinals.
    "$parallax" batch --task quantities < "$eval_dir/timex/meantime_values.jsonl" \
      | python3 -c "import json,sys
for line in sys.stdin:
    r = json.loads(line)
    r['quantities'] = [q for q in r['quantities'] if q['kind'] != 'ordinal']
    print(json.dumps(r))" > "$out/quantities-meantime.jsonl"
    printf 'meantime '
    python3 "$eval_dir/score_spans.py" "$eval_dir/timex/meantime_values.jsonl" "$out/quantities-meantime.jsonl"
    ;;
  dates)
    for set in timebank meantime; do
      "$parallax" batch --task dates < "$eval_dir/timex/$set.jsonl" > "$out/dates-$set.jsonl"
      python3 "$eval_dir/timex/eval_timex.py" "$eval_dir/timex/$set.jsonl" "$out/dates-$set.jsonl" \
        | python3 -c "import json,sys; r=json.load(sys.stdin); x=r['relaxed']; s=r['strict']; print(f\"{sys.argv[1]:9} relaxed span F1 {x['F1']:.1f} (P {x['P']:.1f} R {x['R']:.1f})  strict F1 {s['F1']:.1f}  type accuracy {r['type_acc']:.1f}  value F1 {r['value_F1_TE3']:.1f} (accuracy {r['value_acc']:.1f})  [{r['n_sys']} found, {r['n_gold']} gold]\")" "$set"
    done
    # Throughput: both sets' texts, repeated to some 20 MB, through the finder in one run.
    python3 - "$eval_dir/timex" "$out/dates-bulk.jsonl" <<'PY'
import json, sys
texts = [json.loads(l)["text"] for f in ("timebank.jsonl", "meantime.jsonl") for l in open(f"{sys.argv[1]}/{f}", encoding="utf-8")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(48):
        for t in texts:
            out.write(json.dumps({"id": str(i), "text": t, "dct": "2022-08-02"}) + "\n")
PY
    python3 - "$parallax" "$out/dates-bulk.jsonl" <<'PY'
import json, os, resource, subprocess, sys, time
size = sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[2], encoding="utf-8")) / 1e6
started = time.perf_counter()
with open(sys.argv[2], "rb") as lines:
    subprocess.run([sys.argv[1], "batch", "--task", "dates"], stdin=lines, stdout=subprocess.DEVNULL, check=True)
wall = time.perf_counter() - started
cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
print(f"throughput: {size:.1f} MB of text in {cpu:.2f} s CPU ({wall:.2f} s wall) = {size / cpu:.1f} MB/s, JSON reading and writing included")
PY
    ;;
  robustness)
    python3 - "$parallax" "$eval_dir" "$out/sweep" <<'PY'
import gzip, json, pathlib, shutil, subprocess, sys, time
parallax, eval_dir, folder = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
shutil.rmtree(folder, ignore_errors=True)
folder.mkdir(parents=True)
files = []
with gzip.open(eval_dir / "html-dev.jsonl.gz", "rt", encoding="utf-8") as lines:
    for line in lines:
        page = json.loads(line)
        files.append(folder / f"{page['id'].replace('/', '-')}.html")
        files[-1].write_text(page["html"], encoding="utf-8")
with open(eval_dir / "boilerplate-dev.jsonl", encoding="utf-8") as lines:
    for line in lines:
        page = json.loads(line)
        files.append(folder / f"{page['id'].replace('/', '-')}.txt")
        files[-1].write_text(page["text"], encoding="utf-8")

def run(paths):
    started = time.perf_counter()
    done = subprocess.run([parallax, "analyze", *map(str, paths)], capture_output=True, text=True)
    took = time.perf_counter() - started
    messages = [l for l in done.stderr.splitlines() if l.startswith("parallax: ")]
    crashed = done.returncode not in (0, 1) or "panicked" in done.stderr
    internal = [m for m in messages if "internal error" in m]
    return took, crashed, internal, messages, done.stdout

panics, errors, slowest = [], [], (0.0, None)
for path in files:
    took, crashed, internal, messages, _ = run([path])
    if crashed or internal:
        panics.append((path.name, (internal or ["process crashed"])[0]))
    errors += [m for m in messages if m not in internal]
    slowest = max(slowest, (took, path.name))
kinds = {"html": sum(f.suffix == ".html" for f in files), "text": sum(f.suffix == ".txt" for f in files)}
print(f"one at a time: {len(files)} pages ({kinds['html']} saved HTML, {kinds['text']} copied text): "
      f"{len(panics)} panics, {len(errors)} other errors, slowest {slowest[1]} in {slowest[0]:.2f} s")
for name, message in panics:
    print(f"  panic: {name}: {message}")
for message in errors[:5]:
    print(f"  {message}")
took, crashed, internal, messages, stdout = run(files)
analyzed = len(json.loads(stdout)["documents"]) if stdout else 0
print(f"all together: {len(files)} pages in one run: {analyzed} analyzed, {len(internal)} panics, "
      f"{len(messages) - len(internal)} other errors, {'a crash, ' if crashed else ''}{took:.1f} s")
sys.exit(1 if panics or internal or crashed else 0)
PY
    ;;
  paraphrase)
    # MSRP training pairs, each as two one-sentence documents through the comparison; then the
    # model's fit on a random half checked on the other (--fit also stores the weights, and
    # the binary is rebuilt with them and measured again).
    bin="${CARGO_TARGET_DIR:-target}/release/parallax"
    "$bin" batch --task paraphrase < "$eval_dir/paraphrase-dev.jsonl" > "$out/paraphrase.jsonl"
    printf 'all dev pairs through the comparison: '
    python3 "$eval_dir/score_paraphrase.py" "$eval_dir/paraphrase-dev.jsonl" "$out/paraphrase.jsonl"
    python3 scripts/paraphrase_fit.py "$out/paraphrase.jsonl" ${2:+--write}
    if [ "${2:-}" = --fit ]; then
      cargo build --release --quiet
      "$bin" batch --task paraphrase < "$eval_dir/paraphrase-dev.jsonl" > "$out/paraphrase.jsonl"
      printf 'refitted, all dev pairs: '
      python3 "$eval_dir/score_paraphrase.py" "$eval_dir/paraphrase-dev.jsonl" "$out/paraphrase.jsonl"
    fi
    ;;
  *)
    echo "usage: scripts/eval.sh boilerplate|quotes|html|html-dev|quantities|dates|robustness|paraphrase [--fit]" >&2
    exit 2
    ;;
esac
