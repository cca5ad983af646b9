#!/usr/bin/env python3
"""Builds src/lexicon/synonyms.txt from Princeton WordNet 3.0 (Debian package
`wordnet-base`, read from /usr/share/wordnet; WordNet 3.0 licence, whose notice
the file carries): for every word of src/lexicon/word_frequencies.txt, the
words of its two commonest senses (WordNet lists senses by frequency in its
tagged texts) that are in that list too; and the irregular forms of those
words (`told` of `tell`, `bought` of `buy`). src/compare/similarity.rs matches
the forms exactly and counts the synonyms among the words left unmatched.

usage: apt-get install wordnet-base && python3 scripts/wordnet_synonyms.py
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDNET = Path("/usr/share/wordnet")
VOCABULARY = ROOT / "src/lexicon/word_frequencies.txt"
OUT = ROOT / "src/lexicon/synonyms.txt"
SENSES = 2
POS = ("noun", "verb", "adj", "adv")

NOTICE = """\
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
#
# Permission to use, copy, modify and distribute this software and database and
# its documentation for any purpose and without fee or royalty is hereby granted,
# provided that you agree to comply with the following copyright notice and
# statements, including the disclaimer, and that the same appear on ALL copies
# of the software, database and documentation, including modifications that you
# make for internal use or for distribution.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES
# NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT
# NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
# LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
# PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of Princeton
# University or Princeton may not be used in advertising or publicity pertaining
# to distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times remain
# with Princeton University and LICENSEE agrees to preserve same.
"""


def vocabulary():
    words = set()
    for line in VOCABULARY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(line.split()[1:])
    return words


def main():
    # Words of three letters or more: `x` and `mi` are not the words they abbreviate.
    known = {w for w in vocabulary() if len(w) >= 3}
    synonyms = {}
    forms = {}
    for pos in POS:
        lemmas = {}
        for line in open(WORDNET / f"data.{pos}", encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            count = int(f[3], 16)
            lemmas[f[0]] = [f[4 + 2 * i].lower() for i in range(count)]
        for line in open(WORDNET / f"index.{pos}", encoding="latin-1"):
            if line.startswith(" "):
                continue
            f = line.split()
            word = f[0]
            if word not in known:
                continue
            senses = int(f[2])
            for offset in f[-senses:][:SENSES]:
                for other in lemmas[offset]:
                    if other != word and other in known:
                        synonyms.setdefault(word, set()).add(other)
                        synonyms.setdefault(other, set()).add(word)
        for line in open(WORDNET / f"{pos}.exc", encoding="latin-1"):
            form, base = line.split()[:2]
            if pos in ("verb", "noun", "adj") and form in known and base in known and form != base:
                forms.setdefault(base, set()).add(form)
    lines = [
        "# Words of one meaning, from Princeton WordNet 3.0 (the Debian package",
        "# wordnet-base): built by scripts/wordnet_synonyms.py, read by",
        "# src/compare/similarity.rs. Section [forms]: a word, then its irregular",
        "# forms, matched as the word. Section [synonyms]: a word, then the words of",
        "# its two commonest senses (each pair is listed under its first word",
        "# alphabetically). Only words of src/lexicon/word_frequencies.txt.",
        "#",
        *NOTICE.splitlines(),
        "[forms]",
    ]
    lines += [f"{base} {' '.join(sorted(f))}" for base, f in sorted(forms.items())]
    lines.append("[synonyms]")
    for word in sorted(synonyms):
        later = sorted(w for w in synonyms[word] if w > word)
        if later:
            lines.append(f"{word} {' '.join(later)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = sum(len(v) for v in synonyms.values()) // 2
    print(f"wrote {OUT.relative_to(ROOT)}: {len(forms)} words with forms, {pairs} synonym pairs")


if __name__ == "__main__":
    main()
