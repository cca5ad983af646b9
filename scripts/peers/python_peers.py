"""The Python peers of scripts/peers.sh, run in target/peers-venv.

    python_peers.py PEER LINES.jsonl WARM.jsonl RUNS

PEER is justext-text, justext-html, trafilatura-html, quantulum3 or spacy.
Prints one JSON line: {"seconds": best of RUNS passes over every line,
"count": what the last pass found, "version": the package's}. The import,
the model's loading and one call on WARM's line come before the clock
starts: the start-up that scripts/peers/bench.py subtracts from parallax's
time too.
"""

import html
import importlib.metadata
import json
import sys
import time

def as_paragraphs(text):
    """Copied page text as HTML, one <p> a line, for jusText (it reads HTML)."""
    lines = (f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return "<html><body>" + "".join(lines) + "</body></html>"


def justext_peer():
    import justext

    stoplist = justext.get_stoplist("English")

    def kept(page):
        paragraphs = justext.justext(page, stoplist)
        return len("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return kept


def trafilatura_peer():
    import trafilatura

    return lambda page: len(trafilatura.extract(page) or "")


def quantulum3_peer():
    from quantulum3 import parser

    return lambda text: len(parser.parse(text))


def spacy_peer():
    import spacy

    nlp = spacy.load("en_core_web_sm")
    return lambda text: len(nlp(text).ents)


PEERS = {
    # (the callable's maker, the field it reads, how the field is prepared, its package)
    "justext-text": (justext_peer, "text", as_paragraphs, "jusText"),
    "justext-html": (justext_peer, "html", str, "jusText"),
    "trafilatura-html": (trafilatura_peer, "html", str, "trafilatura"),
    "quantulum3": (quantulum3_peer, "text", str, "quantulum3"),
    "spacy": (spacy_peer, "text", str, "en_core_web_sm"),
}


def main():
    peer, path, warm, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    make, field, prepare, package = PEERS[peer]

    def read(path):
        with open(path, encoding="utf-8") as lines:
            return [prepare(json.loads(line)[field]) for line in lines if line.strip()]

    inputs = read(path)
    run = make()
    for item in read(warm):
        run(item)
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        count = sum(run(item) for item in inputs)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"seconds": best, "count": count, "version": importlib.metadata.version(package)}))


if __name__ == "__main__":
    main()
