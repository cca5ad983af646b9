#!/usr/bin/env python3
"""Builds src/lexicon/word_frequencies.txt: the 6,000 commonest English words
with their Zipf frequency (log10 of occurrences per billion words), from the
PyPI package `wordfreq` 3.1.1 (code Apache-2.0; its word-frequency data
CC BY-SA 4.0, Robyn Speer, from Wikipedia, subtitles, news, books, web text,
Twitter and Reddit). A general-purpose list: nothing of the evaluation data
goes into it. src/compare/similarity.rs weighs words by how rare they are.

usage: pip install wordfreq==3.1.1 && python3 scripts/word_frequencies.py
"""
import re
from collections import defaultdict
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/lexicon/word_frequencies.txt"
COUNT = 6000


def main():
    words = [w for w in top_n_list("en", COUNT * 2) if re.fullmatch(r"[a-z][a-z']*", w)][:COUNT]
    by_zipf = defaultdict(list)
    for w in words:
        by_zipf[round(zipf_frequency(w, "en"), 1)].append(w)
    lines = [
        "# English word frequencies: the 6,000 commonest words (letters only) by Zipf",
        "# frequency, log10 of occurrences per billion words; one line per value, the value",
        "# then its words. From wordfreq 3.1.1 (PyPI; data CC BY-SA 4.0, Robyn Speer:",
        "# Wikipedia, subtitles, news, books, web text, Twitter, Reddit). This file is",
        "# therefore CC BY-SA 4.0. Built by scripts/word_frequencies.py; read by",
        "# src/compare/similarity.rs, which weighs words by rarity (a word not listed is",
        "# rarer than every listed one).",
    ]
    for z in sorted(by_zipf, reverse=True):
        lines.append(f"{z:.1f} " + " ".join(by_zipf[z]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(words)} words")


if __name__ == "__main__":
    main()
