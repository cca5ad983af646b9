#!/usr/bin/env bash
# Runs every test: format and lint, unit and integration tests, wasm tests
# under node, the browser end-to-end tests in headless Chromium, and a short
# fuzz run of every target (skipped with a message where nightly is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test

cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
cargo test
# The Spark recipe in local mode equals `parallax batch` (about a minute; two
# more on a fresh machine, which installs pyspark first).
scripts/spark_check.sh
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm
scripts/build-wasm.sh
# The crash test's core (tests/e2e/crash.test.js): a debug build, which panics
# on a document carrying the test marker.
wasm-pack build --dev --target web --out-dir target/e2e-pkg --mode no-install --no-pack --no-typescript -- --no-default-features
node --test tests/e2e/
scripts/fuzz.sh smoke
