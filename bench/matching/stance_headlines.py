"""Headline stance: each written claim headline compared with an article headline about it, as
emergent.py compares Emergent's (claim first, the threshold emergent.py picks on Emergent train); an
article that disputes the claim (gold `conflicting`) must come out conflicting, one that reports it
or stays neutral must not. P / R / F1 of `conflicting` per file, beside the denial-keyword rule
(emergent.py's) and, with --baseline-root, another checkout's code in the same run.

The files are the probe sets bench/matching/probes/stance_headlines*.tsv, each written blind by a
reader who saw neither the data nor the code; which were read to write rules is in the README. The
files carry no dataset text.

usage: python bench/matching/stance_headlines.py [FILE.tsv ...] [--threshold 25] [--baseline-root DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

if "--code-root" in sys.argv:  # one run with another checkout's services/ (the baseline of a comparison)
    sys.path.insert(0, sys.argv[sys.argv.index("--code-root") + 1])

from _common import prf, table, write_json  # noqa: E402
from emergent import DENIAL  # noqa: E402
from probes import PROBES, load  # noqa: E402

from services.extractor.extraction import analyze_sentence  # noqa: E402
from services.matcher import matching  # noqa: E402

EMERGENT_THRESHOLD = 25.0  # emergent.py's choice on Emergent train for the against -> conflicting task


def predictions(files: list[Path], threshold: float) -> dict[str, list[bool]]:
    return {path.name: [matching.compare(analyze_sentence(r["sentence_a"]), analyze_sentence(r["sentence_b"]),
                                         threshold).decision == matching.CONFLICTING for r in load(path)]
            for path in files}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--threshold", type=float, default=EMERGENT_THRESHOLD)
    ap.add_argument("--baseline-root", help="also run with the services/ of this checkout")
    ap.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code-root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    files = args.files or sorted(PROBES.glob("stance_headlines*.tsv"))
    if args.one_run:
        print(json.dumps(predictions(files, args.threshold)))
        return 0
    runs = {"this release": predictions(files, args.threshold)}
    if args.baseline_root:
        cmd = [sys.executable, __file__, "--one-run", "--code-root", args.baseline_root,
               "--threshold", str(args.threshold), *map(str, files)]
        runs = {"baseline": json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True)
                                       .stdout.strip().splitlines()[-1]), **runs}
    rows, payload = [], {}
    for path in files:
        pairs = load(path)
        gold = [p["gold"] == "conflicting" for p in pairs]
        scores = {"denial keywords": [bool(DENIAL.search(p["sentence_b"])) for p in pairs], **{
            label: run[path.name] for label, run in runs.items()}}
        payload[path.name] = {}
        for label, pred in scores.items():
            s = prf(sum(p and g for p, g in zip(pred, gold)), sum(pred), sum(gold))
            payload[path.name][label] = s
            rows.append([path.name, label, len(pairs), sum(gold), f"{s['precision']:.3f}", f"{s['recall']:.3f}",
                         f"{s['f1']:.3f}"])
    print(table(rows, ["file", "matcher", "pairs", "disputing", "P", "R", "F1"]))
    print("written", write_json("matching_stance_headlines.json", {"threshold": args.threshold, **payload}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
