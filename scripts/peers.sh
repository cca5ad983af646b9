#!/usr/bin/env bash
# The peers beside parallax in one run, on the same lines: boilerplate
# (jusText on copied text, trafilatura and jusText on the saved pages of
# ../shared/eval/html-dev.jsonl.gz), numbers (quantulum3, Recognizers-Text),
# dates (chrono-node) and, if its small English model installs from PyPI,
# spaCy's entities; each against `parallax batch --task` on the same input.
# Prints a Markdown table and writes it to target/peers.md.
#   scripts/peers.sh              100 generated articles + the five seeds, every page
#   scripts/peers.sh 300          300 generated articles
#   PEERS_RUNS=5 PEERS_MAX_PAGES=100 scripts/peers.sh
# Python peers live in a venv under target/peers-venv and npm peers in
# target/peers-node (a package.json of its own), both made when missing.
# Not a test: nothing here fails on a slow machine.
set -euo pipefail
cd "$(dirname "$0")/.."

articles=${1:-100}
target=${CARGO_TARGET_DIR:-target}
venv=target/peers-venv
node_dir=target/peers-node
cargo build --release --quiet --bin parallax --example corpus

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# lxml 6 moved jusText's html.clean out into lxml_html_clean.
"$venv/bin/python" -c 'import justext, trafilatura, quantulum3' 2>/dev/null ||
  "$venv/bin/pip" install --quiet trafilatura==2.3.1 justext==3.0.2 lxml_html_clean==0.4.6 quantulum3==0.10.0
skip=()
# spaCy only with its small English model from the registry: explosion
# publishes en_core_web_sm as a GitHub release, not on PyPI.
if ! "$venv/bin/python" -c 'import en_core_web_sm' 2>/dev/null &&
  ! "$venv/bin/pip" install --quiet en_core_web_sm > /dev/null 2>&1; then
  skip+=(--skip "spacy=no en_core_web_sm on PyPI (pip install en_core_web_sm finds none), so no spaCy pipeline")
fi

mkdir -p "$node_dir"
if [ ! -d "$node_dir/node_modules/chrono-node" ] || [ ! -d "$node_dir/node_modules/@microsoft/recognizers-text-suite" ]; then
  cat > "$node_dir/package.json" <<'EOF'
{
  "name": "parallax-peers",
  "private": true,
  "description": "The npm peers of scripts/peers.sh, apart from the project's package.json.",
  "dependencies": {
    "@microsoft/recognizers-text-suite": "1.3.1",
    "chrono-node": "2.10.3"
  }
}
EOF
  (cd "$node_dir" && npm install --no-audit --no-fund --loglevel=error)
fi

python3 scripts/peers/bench.py --parallax "$target/release/parallax" \
  --corpus "$target/release/examples/corpus" --articles "$articles" \
  --seeds ../shared/seeds --pages ../shared/eval/html-dev.jsonl.gz \
  --max-pages "${PEERS_MAX_PAGES:-0}" --runs "${PEERS_RUNS:-3}" \
  --venv-python "$venv/bin/python" --node-dir "$node_dir" --out target/peers.md "${skip[@]}"
