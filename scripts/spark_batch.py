#!/usr/bin/env python3
"""`parallax batch` over a corpus too large for one machine, with Apache Spark.

    spark-submit --files target/release/parallax scripts/spark_batch.py \
        --binary ./parallax hdfs:///corpus/*.jsonl hdfs:///reports
    python scripts/spark_batch.py --master 'local[2]' corpus.jsonl reports.jsonl

Input: JSON Lines, one {"id", "story", "text", "outlet"?, "date"?} a line, as
`parallax batch` reads them. Output: the lines `parallax batch` would write
on the whole input, in the same order (each story part in the order of its
first article): a directory of part files (Spark's saveAsTextFile), or one
local file when OUTPUT ends in .jsonl.

How: every line is numbered (zipWithIndex) and keyed by (story, number);
the lines are partitioned by story (a stable CRC-32 of the story, not
Python's salted hash) and sorted within each partition, so that each story's
articles reach one `parallax batch` process (RDD.pipe) together and in input
order. Stories arrive whole, so batch's memory budget never cuts one;
batch's per-story limits (--max-articles, --max-story-bytes) cut a story the
same way here as on one machine, and the script computes where, to order the
output. Each pipe runs batch with RAYON_NUM_THREADS=1: Spark already runs one
task per core.

Lines that are not JSON or have no "text" string are reported on stderr with
their line number and skipped, as batch does. Exit status 0, or 1 when a
line was skipped, a report names an error, or a story part got no report.
"""

import argparse
import json
import os
import shlex
import sys
import zlib

# The limits of `parallax batch` (src/batch.rs), for where a story is cut.
MAX_ARTICLES = 1000
MAX_STORY_BYTES = 32_000_000


def parse(pair):
    """(line, index) -> ("ok", story, index, text bytes, line) or ("bad", index, why)."""
    line, index = pair
    if not line.strip():
        return ("blank", index)
    try:
        record = json.loads(line)
    except ValueError:
        return ("bad", index, "not JSON")
    if not isinstance(record, dict):
        return ("bad", index, "not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return ("bad", index, 'no "text" string')
    story = record.get("story")
    if story is None:
        story = record.get("topic")
    if story is None:
        story = ""
    elif not isinstance(story, str):
        story = json.dumps(story, separators=(",", ":"))
    return ("ok", story, index, len(text.encode("utf-8")), line)


def parts_of(story_articles, max_articles, max_story_bytes):
    """A story's (index, bytes) pairs -> ((story, part), index of its first article)."""
    story, articles = story_articles
    part, count, size, first = 1, 0, 0, None
    for index, size_of in sorted(articles):
        if first is None:
            first = index
        count += 1
        size += size_of
        if count >= max_articles or size >= max_story_bytes:
            yield ((story, part), first)
            part, count, size, first = part + 1, 0, 0, None
    if first is not None:
        yield ((story, part), first)


def story_and_part(line):
    """The story and part of one output line of batch, read from its opening."""
    decoder = json.JSONDecoder()
    prefix = '{"story":'
    if not line.startswith(prefix):
        raise ValueError("not a batch output line: " + line[:80])
    story, end = decoder.raw_decode(line, len(prefix))
    rest = line[end:]
    if not rest.startswith(',"part":'):
        raise ValueError("no part: " + line[:80])
    part, _ = decoder.raw_decode(rest, len(',"part":'))
    return story, part


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("input", help="JSON Lines (any path Spark reads; globs too)")
    parser.add_argument("output", help="a directory, or a local file ending in .jsonl")
    parser.add_argument("--binary", default="target/release/parallax",
                        help="the parallax command as each executor runs it")
    parser.add_argument("--partitions", type=int, default=0,
                        help="story partitions (default: Spark's default parallelism)")
    parser.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it")
    parser.add_argument("--max-articles", type=int, default=MAX_ARTICLES)
    parser.add_argument("--max-story-bytes", type=int, default=MAX_STORY_BYTES)
    args = parser.parse_args()

    # Python workers run this interpreter (its venv has pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("parallax-batch")
    if args.master:
        builder = builder.master(args.master)
        builder = builder.config("spark.driver.host", "127.0.0.1")
        builder = builder.config("spark.driver.bindAddress", "127.0.0.1")
        builder = builder.config("spark.ui.enabled", "false")
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism

    parsed = sc.textFile(args.input).zipWithIndex().map(parse).cache()
    failed = False
    for _, index, why in sorted(parsed.filter(lambda r: r[0] == "bad").collect(),
                                key=lambda r: r[1]):
        print(f"parallax: line {index + 1}: {why}, skipped", file=sys.stderr)
        failed = True
    good = parsed.filter(lambda r: r[0] == "ok")

    # Where each story is cut into parts, and each part's first article.
    max_articles, max_bytes = args.max_articles, args.max_story_bytes
    firsts = (good.map(lambda r: (r[1], (r[2], r[3])))
              .groupByKey()
              .flatMap(lambda sa: parts_of(sa, max_articles, max_bytes)))

    binary = args.binary
    command = " ".join(["env", "RAYON_NUM_THREADS=1", shlex.quote(binary), "batch",
                        "--max-articles", str(max_articles),
                        "--max-story-bytes", str(max_bytes)])
    reports = (good.map(lambda r: ((r[1], r[2]), r[4]))
               .repartitionAndSortWithinPartitions(
                   partitions,
                   partitionFunc=lambda key: zlib.crc32(key[0].encode("utf-8")))
               .values()
               .pipe(command)
               .map(lambda line: (story_and_part(line), line)))
    ordered = (reports.join(firsts)
               .map(lambda kv: (kv[1][1], kv[1][0]))
               .sortByKey(numPartitions=partitions)
               .values()
               .cache())

    if args.output.endswith(".jsonl"):
        with open(args.output, "w", encoding="utf-8") as out:
            for line in ordered.toLocalIterator():
                out.write(line)
                out.write("\n")
    else:
        ordered.saveAsTextFile(args.output)

    expected, written = firsts.count(), ordered.count()
    if written != expected:
        print(f"parallax: {expected - written} story parts got no report "
              "(a batch process failed: see the executors' logs)", file=sys.stderr)
        failed = True
    with_errors = ordered.filter(lambda line: '"errors":[]' not in line).count()
    if with_errors:
        print(f"parallax: {with_errors} reports name errors", file=sys.stderr)
        failed = True
    spark.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
