#!/usr/bin/env python3
"""Fits the statement-alignment model's weights (src/lexicon/statement_weights.txt).

usage: python3 scripts/paraphrase_fit.py PREDICTIONS.jsonl [--write]

PREDICTIONS is the output of `parallax batch --task paraphrase` over
../shared/eval/paraphrase-dev.jsonl: each line carries the features the Rust
code computes (src/compare/similarity.rs, FEATURES), so the fitted model is
exactly the one the comparison runs. A logistic regression (Newton's method,
L2 penalty 1.0, no bias penalty) is fitted on a random half of the pairs
(seed 10) and checked on the other half, then the other way round; with
--write the weights fitted on the first half are stored. Plain Python: no
numpy needed. `scripts/eval.sh paraphrase --fit` runs the whole refit.
"""
import json
import math
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "../shared/eval/paraphrase-dev.jsonl"
WEIGHTS = ROOT / "src/lexicon/statement_weights.txt"
# The feature names, in order, as the Rust code declares them.
FEATURES = re.findall(
    r'"(\w+)"',
    re.search(
        r"pub const FEATURES: \[&str; \d+\] = \[(.*?)\];",
        (ROOT / "src/compare/similarity.rs").read_text(encoding="utf-8"),
        re.S,
    ).group(1),
)
SEED = 10
L2 = 1.0


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(xs, ys):
    d = len(xs[0]) + 1
    w = [0.0] * d
    for _ in range(50):
        h = [[0.0] * d for _ in range(d)]
        g = [0.0] * d
        for x, t in zip(xs, ys):
            x = list(x) + [1.0]
            z = max(-30.0, min(30.0, sum(a * b for a, b in zip(w, x))))
            p = 1 / (1 + math.exp(-z))
            for i in range(d):
                g[i] += (p - t) * x[i]
                for j in range(d):
                    h[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(d - 1):
            g[i] += L2 * w[i]
            h[i][i] += L2
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def score(w, xs, ys):
    tp = fp = fn = tn = 0
    for x, t in zip(xs, ys):
        same = sum(a * b for a, b in zip(w, list(x) + [1.0])) > 0
        tp += same and t
        fp += same and not t
        fn += (not same) and t
        tn += (not same) and not t
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"accuracy {(tp + tn) / len(ys):.4f} F1 {2 * p * r / (p + r) if p + r else 0.0:.4f}"


def main():
    gold = {}
    for line in open(GOLD, encoding="utf-8"):
        r = json.loads(line)
        gold[r["id"]] = r["label"]
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
    xs = [r["features"] for r in rows]
    ys = [gold[r["id"]] for r in rows]
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    halves = order[: len(order) // 2], order[len(order) // 2 :]
    pick = lambda idx, v: [v[i] for i in idx]
    first = fit(pick(halves[0], xs), pick(halves[0], ys))
    second = fit(pick(halves[1], xs), pick(halves[1], ys))
    print(f"fitted on half A: A {score(first, pick(halves[0], xs), pick(halves[0], ys))}, "
          f"B (held out) {score(first, pick(halves[1], xs), pick(halves[1], ys))}, all {score(first, xs, ys)}")
    print(f"fitted on half B: B {score(second, pick(halves[1], xs), pick(halves[1], ys))}, "
          f"A (held out) {score(second, pick(halves[0], xs), pick(halves[0], ys))}")
    print("weights (half A):", ", ".join(f"{n} {v:.3f}" for n, v in zip(FEATURES + ["bias"], first)))
    if "--write" in sys.argv:
        lines = [
            "# Weights of the statement-alignment model (src/compare/similarity.rs): a logistic",
            "# regression over its FEATURES, plus a bias; two statements align when the sum is > 0.",
            f"# Fitted by scripts/paraphrase_fit.py (Newton, L2 {L2}) on a random half (seed {SEED}) of",
            "# ../shared/eval/paraphrase-dev.jsonl (MSRP training pairs), checked on the other half.",
            "# Refit: scripts/eval.sh paraphrase --fit",
        ] + [f"{n} {v:.4f}" for n, v in zip(FEATURES + ["bias"], first)]
        WEIGHTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
