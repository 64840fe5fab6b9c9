"""Extraction quality on eval scenarios (FORMAT.md, extraction metric).

Sentence level: a predicted claim counts for the sentence that contains the start of its span. A
gold sentence is located with str.find; a predicted claim whose start falls in no gold sentence is
a false positive keyed by the extractor's own sentence (so two clauses of one sentence count once).

    python bench/extraction/quality.py /work/shared/eval/dev/*.json [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from _common import prf, table, write_json

from services.extractor.extraction import extract_claims
from services.extractor.sentences import split_sentences
from shared.articles_io import article_from_dict


def score_scenario(scenario: dict, verbose: bool = False) -> tuple[int, int, int, list[str]]:
    gold: dict[str, set[tuple[int, int]]] = {}
    texts = {a["id"]: a["text"] for a in scenario["articles"]}
    for claim in scenario["claims"]:
        for m in claim["mentions"]:
            at = texts[m["article"]].find(m["sentence"])
            if at < 0:
                raise SystemExit(f"{scenario['scenario']}: mention not found in {m['article']}: {m['sentence'][:60]}")
            gold.setdefault(m["article"], set()).add((at, at + len(m["sentence"])))
    tp = n_pred = n_gold = 0
    notes: list[str] = []
    for a in scenario["articles"]:
        text = a["text"]
        spans = sorted(gold.get(a["id"], set()))
        own = split_sentences(text)
        pred: set[tuple[int, int]] = set()
        for c in extract_claims(article_from_dict(a)):
            s = c.span.start
            hit = next((g for g in spans if g[0] <= s < g[1]), None)
            if hit is None:
                hit = next(((a0, b0) for a0, b0 in own if a0 <= s < b0), (s, c.span.end))
            pred.add(hit)
        tp += len(pred & set(spans))
        n_pred += len(pred)
        n_gold += len(spans)
        if verbose:
            for s, e in sorted(pred - set(spans)):
                notes.append(f"  FP {a['id']}: {text[s:e][:150]!r}")
            for s, e in sorted(set(spans) - pred):
                notes.append(f"  FN {a['id']}: {text[s:e][:150]!r}")
    return tp, n_pred, n_gold, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenarios", nargs="+", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true", help="list false positives and misses")
    args = ap.parse_args(argv)
    rows, per, total = [], {}, [0, 0, 0]
    for path in args.scenarios:
        scenario = json.loads(path.read_text(encoding="utf-8"))
        tp, n_pred, n_gold, notes = score_scenario(scenario, args.verbose)
        m = prf(tp, n_pred, n_gold)
        per[scenario["scenario"]] = m
        rows.append([scenario["scenario"], m["precision"], m["recall"], m["f1"], tp, n_pred, n_gold])
        for i, v in enumerate((tp, n_pred, n_gold)):
            total[i] += v
        for n in notes:
            print(n)
    overall = prf(*total)
    rows.append(["OVERALL (micro)", overall["precision"], overall["recall"], overall["f1"], *total])
    print(table(rows, ["scenario", "P", "R", "F1", "tp", "pred", "gold"]))
    out = write_json("extraction_quality.json", {"scenarios": per, "overall": overall,
                                                  "files": [str(p) for p in args.scenarios]})
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
