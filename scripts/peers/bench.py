"""The driver of scripts/peers.sh (plain Python, no packages): writes the
texts, times each peer (through python_peers.py or node_peers.mjs) and
`parallax batch --task` on the same lines, and prints the Markdown table.

Times are wall time, the best of RUNS. A peer times itself in its own
process after its import, model loading and one warm-up call. parallax is
timed as a whole process, and the best time of the same command on one
line (the warm-up text) is subtracted: that removes process start, building
the lexicon and the finders, as the peers' start-up is left out.
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WARM_TEXT = "Warm-up\nAbout 3 people left on 4 May 2024, the council said.\n"
WARM_HTML = (
    "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>"
    "<p>About 3 people left on 4 May 2024, the council said.</p></article></body></html>"
)

# (what is compared, input, peer, how the peer runs, parallax's task, what is counted)
ROWS = [
    ("boilerplate", "text", "jusText", ("python", "justext-text"), "boilerplate", "chars kept"),
    ("boilerplate", "html", "trafilatura", ("python", "trafilatura-html"), "html", "chars kept"),
    ("boilerplate", "html", "jusText", ("python", "justext-html"), "html", "chars kept"),
    ("numbers", "text", "quantulum3", ("python", "quantulum3"), "quantities", "found"),
    ("numbers", "text", "Recognizers-Text", ("node", "recognizers-numbers"), "quantities", "found"),
    ("dates", "text", "chrono-node", ("node", "chrono"), "dates", "found"),
    ("entities", "text", "spaCy en_core_web_sm", ("python", "spacy"), "entities", "found"),
]


def write_lines(path, records):
    with open(path, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def text_records(corpus, articles, seeds):
    """The generated corpus and the seeds, as {"id", "story", "text", "dct"}."""
    lines = subprocess.run(
        [corpus, "--articles", str(articles)], check=True, capture_output=True, text=True
    ).stdout.splitlines()
    records = [
        {"id": r["id"], "story": r["story"], "text": r["text"], "dct": r.get("date")}
        for r in map(json.loads, lines)
    ]
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8") as seed:
            records.append({"id": name, "story": "seeds", "text": seed.read()})
    return records


def html_records(pages, limit):
    records = []
    with gzip.open(pages, "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit and len(records) == limit:
                break
            page = json.loads(line)
            records.append({"id": page["id"], "html": page["html"], "gold": len(page["main_text"])})
    return records


def count_ours(task, output):
    """What parallax found: characters kept, or items, over its output lines."""
    total = 0
    with open(output, encoding="utf-8") as lines:
        for line in map(json.loads, lines):
            total += {
                "boilerplate": lambda: len(line["kept"]),
                "html": lambda: len(line["text"]),
                "quantities": lambda: len(line["quantities"]),
                "dates": lambda: len(line["timexes"]),
                "entities": lambda: len(line["entities"]),
            }[task]()
    return total


def best_wall(command, stdin, stdout, runs):
    best = float("inf")
    for _ in range(runs):
        with open(stdin, "rb") as given, open(stdout, "wb") as out:
            start = time.perf_counter()
            subprocess.run(command, stdin=given, stdout=out, check=True)
            best = min(best, time.perf_counter() - start)
    return best


def time_ours(parallax, task, lines, warm, work, runs):
    output = os.path.join(work, f"ours-{task}.jsonl")
    command = [parallax, "batch", "--task", task]
    start_up = best_wall(command, warm, os.devnull, runs)
    seconds = best_wall(command, lines, output, runs)
    return max(seconds - start_up, 0.0), count_ours(task, output)


def run_peer(kind, peer, lines, warm, args):
    if kind == "python":
        command = [args.venv_python, os.path.join(HERE, "python_peers.py"), peer, lines, warm, str(args.runs)]
    else:
        command = ["node", os.path.join(HERE, "node_peers.mjs"), os.path.abspath(args.node_dir), peer, lines, warm, str(args.runs)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"peers: {peer} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser()
    for flag in ("--parallax", "--corpus", "--seeds", "--pages", "--venv-python", "--node-dir", "--out"):
        parser.add_argument(flag, required=True)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--max-pages", type=int, default=0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", action="append", default=[], metavar="PEER=WHY", help="a peer not to run, and why")
    args = parser.parse_args()

    skipped = dict(s.split("=", 1) for s in args.skip)
    work = tempfile.mkdtemp(prefix="parallax-peers-")
    texts = text_records(args.corpus, args.articles, args.seeds)
    pages = html_records(args.pages, args.max_pages)
    inputs = {"text": os.path.join(work, "text.jsonl"), "html": os.path.join(work, "html.jsonl")}
    warm = {"text": os.path.join(work, "warm-text.jsonl"), "html": os.path.join(work, "warm-html.jsonl")}
    write_lines(inputs["text"], texts)
    write_lines(inputs["html"], ({"id": p["id"], "html": p["html"]} for p in pages))
    write_lines(warm["text"], [{"id": "warm", "story": "warm", "text": WARM_TEXT, "dct": "2024-05-06"}])
    write_lines(warm["html"], [{"id": "warm", "html": WARM_HTML}])
    megabytes = {
        "text": sum(len(t["text"].encode()) for t in texts) / 1e6,
        "html": sum(len(p["html"].encode()) for p in pages) / 1e6,
    }
    described = {
        "text": f"{args.articles} generated articles + {len(texts) - args.articles} seeds, copied text ({megabytes['text']:.2f} MB)",
        "html": f"{len(pages)} saved pages of html-dev ({megabytes['html']:.2f} MB)",
    }

    ours = {}
    table = [
        "| task | input | peer | peer s | parallax `batch --task` | parallax s | peer / parallax | peer found | parallax found |",
        "|---|---|---|---:|---|---:|---:|---:|---:|",
    ]
    for what, given, name, (kind, peer), task, counted in ROWS:
        if peer in skipped:
            continue
        print(f"peers: {name} on {given} ...", file=sys.stderr)
        if (task, given) not in ours:
            ours[(task, given)] = time_ours(args.parallax, task, inputs[given], warm[given], work, args.runs)
        our_seconds, our_count = ours[(task, given)]
        result = run_peer(kind, peer, inputs[given], warm[given], args)
        seconds, count = result["seconds"], result["count"]
        # Below a millisecond parallax's time is within the start-up's noise.
        ratio = f"{seconds / our_seconds:.1f}" if our_seconds >= 1e-3 else "n/a"
        table.append(
            f"| {what} | {described[given]} | {name} {result['version']} | {seconds:.3f} | `{task}` | {our_seconds:.3f} | "
            f"{ratio} | {count:,} {counted} | {our_count:,} {counted} |"
        )
    notes = [
        f"Wall time, best of {args.runs} runs, on {os.cpu_count()} shared cores. A peer is timed in its own "
        "process after its import, model loading and one warm-up call on a short text; parallax as a whole "
        "process, less the best time of the same command on that one short text (process start, lexicon and "
        "finders). `boilerplate` and `html` read each document's text, boilerplate and facts (title, byline, "
        "date), as the peers do, without quotes, names, numbers or dates; `quantities` and `dates` run the "
        "one finder over the whole text. peer / parallax above 1: the peer took longer.",
        f"The gold main text of these pages (WCXB annotation) is {sum(p['gold'] for p in pages):,} characters. "
        "Counts differ in kind: parallax's quantities join a number with its unit, currency or range "
        "(`8 billion dollars` is one); Recognizers-Text's number model finds numbers only; parallax's dates "
        "include durations and sets, chrono-node's dates and times only.",
    ]
    notes.extend(f"Skipped {peer}: {why}" for peer, why in skipped.items())
    shutil.rmtree(work)
    report = "\n".join(table) + "\n\n" + "\n\n".join(notes) + "\n"
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(report)
    print(report, end="")


if __name__ == "__main__":
    main()
