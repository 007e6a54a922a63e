#!/usr/bin/python3
"""The reproducibility check for `framekit compare` (a benchmark tool, not a test).

Reads the JSON of several `compare --format json` runs of the same jar and prints, for every
headline ratio of every framekit framer at every size, each run's median, the median of the runs,
the worst run's distance from that median, and whether it is within the tolerance:

    for i in 1 2 3; do demos/framekit compare --quick --format json > run$i.json; done
    demos/bench/compare/three-runs.py --tolerance 15 run1.json run2.json run3.json

Output is a markdown table (as docs/performance.md quotes it) and a summary line per ratio.
"""
import argparse
import json
import statistics

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
    parser.add_argument("runs", nargs="+", help="JSON files of compare runs")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
