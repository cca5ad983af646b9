#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-wasm.sh
echo "Parallax: open http://127.0.0.1:8080 and press 'Try the demo'"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory www
