#!/usr/bin/python3
"""The reproducibility check for `framekit compare` (a benchmark tool, not a test).

Reads the JSON of several `compare --format json` runs of the same jar and prints, for every
headline ratio of every framekit framer at every size, each run's median, the median of the runs,
the worst run's distance from that median, and whether it is within the tolerance:

    for i in 1 2 3; do demos/framekit compare --quick --format json > run$i.json; done
    demos/bench/compare/three-runs.py --tolerance 15 run1.json run2.json run3.json

Or runs them itself, `compare --quick` three times one after another (with any further compare
options after `--`), says how long each took, and checks the headline framings (fixed, delimiter,
length, close) unless --framings says otherwise:

    demos/bench/compare/three-runs.py --run 3
    demos/bench/compare/three-runs.py --run 3 --keep /tmp/runs -- --sizes 16,64k

Output is a markdown table (as docs/performance.md quotes it) and a summary line per ratio.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HEADLINE = "fixed,delimiter,length,close"
FRAMEKIT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "framekit")

RATIOS = ["throughputVsRaw", "throughputVsClassic", "throughputVsNetty",
          "p50VsRaw", "p50VsNetty", "cpuVsRaw"]


def size_label(n):
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} B"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tolerance", type=float, default=15.0, help="percent (default 15)")
    parser.add_argument("--framings", default="", help="comma-separated framings to include (default: all framekit rows)")
    parser.add_argument("--run", type=int, metavar="N", help="run compare --quick N times, then check them")
    parser.add_argument("--keep", metavar="DIR", help="with --run: keep the runs' JSON in DIR")
    parser.add_argument("runs", nargs="*", help="JSON files of compare runs; with --run, compare options")
    args = parser.parse_args()
    if args.run:
        args.framings = args.framings or HEADLINE
        args.runs = run_compare(args.run, args.keep, [a for a in args.runs if a != "--"])
    elif not args.runs:
        parser.error("give the JSON files of compare runs, or --run N")
    wanted = set(filter(None, args.framings.split(",")))
    runs = []
    for path in args.runs:
        with open(path) as f:
            runs.append({(r["framing"], r["sizeBytes"]): r for r in json.load(f)["results"] if r["kind"] == "framekit"})
    keys = [k for k in runs[0] if all(k in run for run in runs) and (not wanted or k[0] in wanted)]
    keys.sort(key=lambda k: (k[1], list(runs[0]).index(k)))
    print("| framing | size | ratio | " + " | ".join(f"run {i + 1}" for i in range(len(runs)))
          + " | median | worst deviation | within ±%g%% |" % args.tolerance)
    print("|---|---|---|" + "--:|" * (len(runs) + 2) + "---|")
    tally = {}
    for key in keys:
        for ratio in RATIOS:
            values = [run[key].get(ratio) for run in runs]
            if any(v is None for v in values):
                continue
            median = statistics.median(values)
            worst = max(abs(v - median) for v in values) / median * 100 if median else float("inf")
            ok = worst <= args.tolerance
            inside, total = tally.get(ratio, (0, 0))
            tally[ratio] = (inside + ok, total + 1)
            print(f"| {key[0]} | {size_label(key[1])} | {ratio} | "
                  + " | ".join(f"{v:.2f}x" for v in values)
                  + f" | {median:.2f}x | {worst:.0f}% | {'yes' if ok else '**no**'} |")
    inside = sum(i for i, _ in tally.values())
    total = sum(t for _, t in tally.values())
    print()
    print(f"{inside} of {total} ratios within ±{args.tolerance:g}% of the median of the {len(runs)} runs: "
          + ", ".join(f"{r} {tally[r][0]} of {tally[r][1]}" for r in RATIOS if r in tally))


def run_compare(count, keep, extra):
    """Runs compare --quick count times; returns the JSON files. Each run's time goes to stderr."""
    folder = keep or tempfile.mkdtemp(prefix="three-runs-")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(1, count + 1):
        path = os.path.join(folder, f"run{i}.json")
        start = time.monotonic()
        status = subprocess.run([FRAMEKIT, "compare", "--quick", "--json", path] + extra,
                                stdout=subprocess.DEVNULL).returncode
        took = time.monotonic() - start
        if status != 0:
            print(f"run {i}: compare --quick exited {status} after {took:.0f} s; left out", file=sys.stderr)
            continue
        print(f"run {i}: compare --quick took {took:.0f} s", file=sys.stderr)
        paths.append(path)
    if len(paths) < 2:
        sys.exit("three-runs: fewer than two runs gave figures")
    return paths


if __name__ == "__main__":
    main()
