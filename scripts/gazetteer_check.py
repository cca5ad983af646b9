#!/usr/bin/env python3
"""Check src/lexicon/gazetteer.tsv and src/lexicon/demonyms.tsv (made by
scripts/gazetteer.py).  Run from anywhere: python3 scripts/gazetteer_check.py
Exits non-zero with the first problems found; prints a summary otherwise.
"""

import os
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GAZ = os.path.join(ROOT, "src", "lexicon", "gazetteer.tsv")
DEM = os.path.join(ROOT, "src", "lexicon", "demonyms.tsv")
KINDS = {"country", "region", "city"}


def rows(path, width):
    out = []
    with open(path, encoding="utf-8") as fh:  # fails on a non-UTF-8 file
        for n, line in enumerate(fh, 1):
            if not line.endswith("\n"):
                fail(f"{path}:{n}: last line has no newline")
            line = line[:-1]
            if line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) != width:
                fail(f"{path}:{n}: {len(f)} tab-separated fields, want {width}: {line!r}")
                continue
            if any(x != x.strip() for x in f):
                fail(f"{path}:{n}: a field has surrounding spaces: {line!r}")
            out.append((n, f))
    return out


problems = []


def fail(msg):
    problems.append(msg)


def latin(s):
    return all("LATIN" in unicodedata.name(c, "") for c in s if c.isalpha())


def main():
    gaz = rows(GAZ, 4)
    dem = rows(DEM, 2)

    seen = {}
    countries = set()
    names = defaultdict(set)  # (kind, name) -> places
    for n, (canon, kind, country, alts) in gaz:
        if kind not in KINDS:
            fail(f"gazetteer:{n}: kind {kind!r}")
        if not canon:
            fail(f"gazetteer:{n}: empty canonical")
        key = (canon, kind, country)
        if key in seen:
            fail(f"gazetteer:{n}: {canon} ({kind}, {country}) also on line {seen[key]}")
        seen[key] = n
        if kind == "country":
            countries.add(canon)
            if country != canon:
                fail(f"gazetteer:{n}: country {canon} has country column {country!r}")
        elif kind == "city" and not country:
            fail(f"gazetteer:{n}: city {canon} has no country")
        names[(kind, canon)].add(key)
        alist = alts.split("|") if alts else []
        if len(set(alist)) != len(alist) or "" in alist:
            fail(f"gazetteer:{n}: empty or repeated alternate in {alts!r}")
        for a in alist:
            if a == canon:
                fail(f"gazetteer:{n}: alternate equals canonical {canon}")
            if not latin(a) or sum(c.isalpha() for c in a) < 2:
                fail(f"gazetteer:{n}: alternate {a!r} is not Latin script or too short")
    order = [f[0] for _, f in gaz]
    if order != sorted(order):
        fail("gazetteer: lines not sorted by canonical")

    for n, (canon, kind, country, _) in gaz:
        if country and country not in countries:
            fail(f"gazetteer:{n}: country column {country!r} is not a canonical country")

    # no alternate names two places of one kind (a canonical shared by places
    # of different countries, e.g. Hyderabad, is allowed: it is the place's
    # own name, and the country column tells them apart)
    collisions = 0
    alt_of = defaultdict(set)
    for n, (canon, kind, country, alts) in gaz:
        for a in alts.split("|") if alts else []:
            alt_of[(kind, a)].add((canon, kind, country))
    for (kind, a), places in sorted(alt_of.items()):
        others = places | names.get((kind, a), set())
        if len(others) > 1:
            collisions += 1
            fail(f"gazetteer: {kind} alternate {a!r} names {sorted(others)}")

    dseen = {}
    for n, (d, country) in dem:
        if country not in countries:
            fail(f"demonyms:{n}: {country!r} is not a canonical country in the gazetteer")
        if d in dseen:
            fail(f"demonyms:{n}: {d} repeated (line {dseen[d]})")
        dseen[d] = n
    if [d for _, (d, _) in dem] != sorted(d for _, (d, _) in dem):
        fail("demonyms: lines not sorted")

    if problems:
        for p in problems[:50]:
            print(p, file=sys.stderr)
        print(f"{len(problems)} problems", file=sys.stderr)
        sys.exit(1)
    kinds = defaultdict(int)
    for _, f in gaz:
        kinds[f[1]] += 1
    print(f"gazetteer.tsv: {len(gaz)} places {dict(sorted(kinds.items()))}, "
          f"{sum(len(f[3].split('|')) for _, f in gaz if f[3])} alternates; "
          f"demonyms.tsv: {len(dem)} demonyms for {len({c for _, (_, c) in dem})} countries")
    print("gazetteer_check: all checks passed")


if __name__ == "__main__":
    main()
