"""ClaimMatch (Pisarevskaya & Zubiaga 2025): 1,000 tweet / fact-check pairs, half of them the same
claim. Each pair through compare_texts, as the Compare RPC and `claimcheck compare --pairs` take it
(the tweet without its "— Name (@handle) date" tail and links; the fact-check's title, summary and
claim), sentence by sentence, and, as before that, each text as one statement: "the same claim" is
a decision of `same` or `conflicting` (a fact-check that debunks the tweet is about its claim). Reported at the shipped threshold (nothing fitted on this set), and
with the threshold on the score chosen by 10-fold cross-validation, as pairs.py does on MRPC; beside
the first naive matcher and plain token_set_ratio. The set has no train split: report only.

usage: python bench/matching/claimmatch.py --data /work/shared/data/claimmatch_pisarevskaya2025/ClaimMatchData.csv
"""

from __future__ import annotations

import argparse
import csv
import time

import numpy as np
from _common import load_naive, prf, table, write_json
from checkthat import clean
from pairs import cv_accuracy
from rapidfuzz import fuzz

from services.extractor.extraction import analyze_sentence
from services.matcher import matching
from shared.comparison import compare_texts


def read_pairs(path: str) -> list[tuple[str, str, bool]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_MINIMAL))
    return [(clean(r[0]), " ".join(r[1].split()), r[2].strip() == "1") for r in rows[1:] if len(r) >= 3]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True)
    args = ap.parse_args(argv)
    data = read_pairs(args.data)
    labels = np.array([same for _, _, same in data])
    naive = load_naive()
    linked = (matching.SAME, matching.CONFLICTING)

    def new(a, b, threshold):
        e = compare_texts(a, b, threshold)
        return e.score, e.decision in linked

    def whole(a, b, threshold):
        e = matching.compare(analyze_sentence(a), analyze_sentence(b), threshold)
        return e.score, e.decision in linked

    def old(a, b, threshold):
        e = naive.compare(analyze_sentence(a), analyze_sentence(b), threshold)
        return e.score, e.decision in (naive.SAME, naive.CONFLICTING)

    def plain(a, b, threshold):
        score = fuzz.token_set_ratio(a, b)
        return score, score >= threshold

    scorers = {"new matcher": (new, matching.DEFAULT_THRESHOLD),
               "new matcher, each text one statement": (whole, matching.DEFAULT_THRESHOLD),
               "naive f79c037": (old, 70.0),
               "plain token_set_ratio": (plain, 70.0)}
    rows, payload = [], {"pairs": len(data), "same": int(labels.sum())}
    for name, (fn, threshold) in scorers.items():
        t0 = time.perf_counter()
        out = [fn(a, b, threshold) for a, b, _ in data]
        secs = time.perf_counter() - t0
        shipped = np.array([same for _, same in out])
        at_threshold = prf(int((shipped & labels).sum()), int(shipped.sum()), int(labels.sum()))
        at_threshold["accuracy"] = round(float((shipped == labels).mean()), 4)
        # the score of the same decisions alone, every pair allowed: what a tuned threshold on it can do
        cv = cv_accuracy(np.array([score for score, _ in out]), np.ones(len(data), dtype=bool), labels)
        payload[name] = {"threshold": threshold, "at_threshold": at_threshold, "cv": cv}
        rows.append([name, f"{threshold:g}", at_threshold["accuracy"], at_threshold["precision"],
                     at_threshold["recall"], at_threshold["f1"], cv["accuracy"], cv["f1"],
                     f"{min(cv['thresholds']):g}-{max(cv['thresholds']):g}", f"{len(data) / secs:,.0f}"])
    print(f"ClaimMatch, {len(data)} tweet / fact-check pairs ({int(labels.sum())} the same claim)")
    print(table(rows, ["scorer", "threshold", "accuracy", "P", "R", "F1", "CV accuracy", "CV F1",
                       "CV thresholds", "pairs/s"]))
    print("written", write_json("matching_claimmatch.json", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
