#!/usr/bin/env python3
"""Speaker accuracy as the issue states it: a matched quote's speaker is right
when its mention overlaps the gold source's or its name matches it (the
lenient name match of ../shared/eval/score_quotes.py, whose functions this
reuses; quotes are matched one to one by overlap as there).

usage: score_speakers.py GOLD PRED
"""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
from score_quotes import jacc, speaker_ok_name, speaker_ok_span, trim  # noqa: E402


def main(gold_path, pred_path):
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        r = json.loads(line)
        pred[r["id"]] = r.get("quotes", [])
    for kind in ("direct", "partial"):
        right = total = 0
        for g in gold:
            text = g["text"]
            gq = [q for q in g["quotes"] if q["kind"] == kind]
            pq = pred.get(g["id"], [])
            pairs = sorted(
                ((jacc(trim(text, p["start"], p["end"]), trim(text, q["start"], q["end"])), i, j)
                 for i, p in enumerate(pq) for j, q in enumerate(gq)), reverse=True)
            used_p, used_g = set(), set()
            for jv, i, j in pairs:
                if jv < 0.5 or i in used_p or j in used_g:
                    continue
                used_p.add(i)
                used_g.add(j)
                if gq[j].get("speaker") is not None:
                    total += 1
                    right += speaker_ok_span(pq[i], gq[j]) or speaker_ok_name(pq[i], gq[j])
        print(f"{kind:8} speaker right (mention or name): {right / total:.3f} ({right}/{total})")


if __name__ == "__main__":
    main(*sys.argv[1:3])
