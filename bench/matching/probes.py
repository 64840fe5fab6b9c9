"""Probe pairs: sentence pairs written for the purpose by second readers of the matcher (invented
copy, none from a dataset), each with the decision a newsroom would want, run through `compare` in
both orders; a pair counts as right only when both orders are. Reported per file and group, beside
another checkout's code in the same run (`--baseline-root`), with the pairs whose decision changed.

Gold labels: same, conflicting, different, and not_conflicting / not_different where either of the
other two decisions is acceptable. The files (bench/matching/probes/*.tsv, tab-separated with a header
gold, group, sentence_a, sentence_b) are probes, not a test split: rules were written after reading
their errors, so their figures show what a change fixed and broke, not how the matcher generalises.

usage: python bench/matching/probes.py [FILE.tsv ...] [--baseline-root DIR] [--show-changes N]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

if "--code-root" in sys.argv:  # one run with another checkout's services/ (the baseline of a comparison)
    sys.path.insert(0, sys.argv[sys.argv.index("--code-root") + 1])

from _common import table, write_json  # noqa: E402

from services.extractor.extraction import analyze_sentence  # noqa: E402
from services.matcher import matching  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes"
ACCEPTED = {"same": {"same"}, "conflicting": {"conflicting"}, "different": {"different"},
            "not_conflicting": {"same", "different"}, "not_different": {"same", "conflicting"}}
NAMES = {matching.SAME: "same", matching.CONFLICTING: "conflicting", matching.DIFFERENT: "different"}


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        if r["gold"] not in ACCEPTED:
            raise SystemExit(f"{path}: unknown gold label {r['gold']!r}")
    return rows


def decisions(files: list[Path]) -> dict[str, list[list[str]]]:
    """Per file, per pair: [decision a-b, rule a-b, decision b-a, rule b-a]."""
    out = {}
    for path in files:
        rows = []
        for r in load(path):
            one = []
            for a, b in ((r["sentence_a"], r["sentence_b"]), (r["sentence_b"], r["sentence_a"])):
                e = matching.compare(analyze_sentence(a), analyze_sentence(b))
                one += [NAMES[e.decision], e.rule]
            rows.append(one)
        out[path.name] = rows
    return out


def right(gold: str, d: list[str]) -> bool:
    return d[0] in ACCEPTED[gold] and d[2] in ACCEPTED[gold]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--baseline-root", help="also run with the services/ of this checkout")
    ap.add_argument("--show-changes", type=int, default=20, help="print up to this many changed pairs")
    ap.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code-root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    files = args.files or sorted(PROBES.glob("*.tsv"))
    if args.one_run:
        print(json.dumps(decisions(files)))
        return 0
    runs = {"this release": decisions(files)}
    if args.baseline_root:
        cmd = [sys.executable, __file__, "--one-run", "--code-root", args.baseline_root, *map(str, files)]
        runs = {"baseline": json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True)
                                       .stdout.strip().splitlines()[-1]), **runs}
    rows, changes, payload = [], [], {}
    for path in files:
        pairs = load(path)
        groups = sorted({p["group"] for p in pairs})
        for group in [None, *groups]:
            idx = [i for i, p in enumerate(pairs) if group is None or p["group"] == group]
            counts = {label: sum(right(pairs[i]["gold"], run[path.name][i]) for i in idx) for label, run in runs.items()}
            rows.append([path.name if group is None else f"  {group}", len(idx),
                         *(f"{counts[label]} / {len(idx)}" for label in runs)])
            payload[f"{path.name}:{group or 'all'}"] = {"pairs": len(idx), **counts}
        if "baseline" in runs:
            for i, p in enumerate(pairs):
                old, new = runs["baseline"][path.name][i], runs["this release"][path.name][i]
                if old != new:
                    changes.append((right(p["gold"], new) - right(p["gold"], old), path.name, p, old, new))
    print(table(rows, ["file / group", "pairs", *(f"right: {label}" for label in runs)]))
    if changes:
        tally = Counter({1: "now right", 0: "changed, as right as before", -1: "now wrong"}[c[0]] for c in changes)
        print(f"pairs whose decision changed: {len(changes)} ({', '.join(f'{k} {v}' for k, v in tally.items())})")
        for delta, name, p, old, new in sorted(changes, key=lambda c: c[0])[:args.show_changes]:
            print(f"  {'+' if delta > 0 else '-' if delta < 0 else '='} [{name} {p['group']}, want {p['gold']}] "
                  f"{old[0]}/{old[1]} -> {new[0]}/{new[1]}: {p['sentence_a']} | {p['sentence_b']}")
    print("written", write_json("matching_probes.json", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
