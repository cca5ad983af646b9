#!/usr/bin/env python3
"""Rewrites src/lexicon/given_names.txt: our hand-kept names (the international
ones news quotes most) merged with the commonest given names of the 1990 US
Census name lists (public domain, US Census Bureau), as shipped by the PyPI
package `names` 0.3.0 (MIT).

    pip download names==0.3.0 --no-deps -d /tmp/names && python3 scripts/given_names.py /tmp/names/names-0.3.0.tar.gz

A name is female or male when one list has it at least five times as often as
the other; otherwise it goes to [either]: a given name that tells no gender.
"""
import sys
import tarfile
from pathlib import Path

TOP_MALE, TOP_FEMALE = 700, 1000
# Census given names that are far more often ordinary capitalized words in news.
NOT_NAMES = {"Will", "May", "June", "April", "August", "Summer", "Autumn", "Guy", "Son", "Major",
             "King", "Prince", "Young", "Long", "Sun", "China", "Asia", "Georgia", "India", "Paris",
             "Israel", "Jordan", "Chad", "Lincoln", "Washington", "Boston", "Dallas", "Austin",
             "Houston", "Sydney", "Florence", "Virginia", "Carolina", "Sherman", "Harvard", "Gene",
             "Art", "Don", "Rich", "Lean", "Hope", "Faith", "Joy", "Ivory", "Christian", "Ray"}

LEXICON = Path(__file__).resolve().parent.parent / "src" / "lexicon" / "given_names.txt"
HEADER = """# Given names: a capitalized run that opens with one names a person, and
# `he` and `she` resolve to a name that agrees (`she said` after `Donna
# Brazile`, not `Joe Biden`). Hand-kept names plus the commonest of the 1990 US
# Census lists (public domain; via PyPI `names` 0.3.0, MIT), merged by
# scripts/given_names.py. Sections: [female], [male], and [either] for names
# that tell no gender.
"""


def census(tar, member, top):
    with tar.extractfile(member) as f:
        rows = [line.decode().split() for line in f]
    return {row[0].title(): float(row[1]) for row in rows[:top]}


def main(archive):
    with tarfile.open(archive) as tar:
        male = census(tar, "names-0.3.0/names/dist.male.first", TOP_MALE)
        female = census(tar, "names-0.3.0/names/dist.female.first", TOP_FEMALE)
    sections = {"female": set(), "male": set(), "either": set()}
    section = None
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
        elif line and not line.startswith("#"):
            sections[section].add(line)
    kept = set().union(*sections.values())
    for name in (male.keys() | female.keys()) - kept - NOT_NAMES:
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        sections["male" if m >= 5 * f else "female" if f >= 5 * m else "either"].add(name)
    with LEXICON.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for name in ("female", "male", "either"):
            out.write(f"[{name}]\n")
            out.writelines(f"{n}\n" for n in sorted(sections[name]))


if __name__ == "__main__":
    main(sys.argv[1])
