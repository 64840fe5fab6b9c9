"""Check-worthiness on ClaimBuster test.json: P/R/F1 of the check-worthy class (label 1).

Three scorers, all fitted/tuned without test.json: the hand rules alone (the first version's
score), the ClaimBuster-trained model alone at its CV-chosen threshold, and the shipped blend at
the extractor's threshold. The paper figure to compare with is printed next to them.

    python bench/extraction/claimbuster.py /work/shared/data/claimbuster
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from _common import prf, table, write_json

from services.extractor.checkworthy import THRESHOLD as LEARNED_THRESHOLD
from services.extractor.checkworthy import learned_logit
from services.extractor.extraction import CHECK_WORTHINESS_THRESHOLD, _analysis, worthiness
from services.extractor.worthiness import score as hand_score


def _sigmoid(z: float) -> float:
    import math

    return 1.0 / (1.0 + math.exp(-z))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder holding test.json")
    args = ap.parse_args(argv)
    rows = json.loads((args.folder / "test.json").read_text(encoding="utf-8"))
    scorers = {
        "hand rules (first version)": (lambda f, b: hand_score(f), CHECK_WORTHINESS_THRESHOLD),
        "learned (ClaimBuster train)": (lambda f, b: _sigmoid(learned_logit(f, b)), LEARNED_THRESHOLD),
        "shipped blend (extractor)": (worthiness, CHECK_WORTHINESS_THRESHOLD),
    }
    counts = {name: [0, 0, 0] for name in scorers}
    t0 = time.perf_counter()
    for r in rows:
        analysis = _analysis(r["text"], None)
        body, feats = analysis[1], analysis[-1]
        gold = r["label"] == 1
        for name, (fn, thr) in scorers.items():
            pred = fn(feats, body) >= thr
            c = counts[name]
            c[0] += pred and gold
            c[1] += pred
            c[2] += gold
    elapsed = time.perf_counter() - t0
    results = {name: {**prf(*c), "threshold": thr} for (name, (_, thr)), c in zip(scorers.items(), counts.values())}
    print(table([[n, m["precision"], m["recall"], m["f1"], m["threshold"]] for n, m in results.items()],
                ["scorer", "P", "R", "F1", "threshold"]))
    print(f"{len(rows)} test sentences ({sum(r['label'] for r in rows)} check-worthy), {elapsed:.2f}s for all scorers")
    out = write_json("claimbuster.json", {"test": str(args.folder / "test.json"), "n": len(rows), "scorers": results})
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
