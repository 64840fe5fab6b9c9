"""Pair decisions on MRPC (train split; threshold by 10-fold cross-validation: chosen on 9 folds,
scored on the 10th) and Spearman of the similarity score on the STS headline files.

usage: python bench/matching/pairs.py --mrpc /work/shared/data/mrpc/msr_paraphrase_train.txt \
           --sts /work/shared/data/semeval_sts_headlines/*.headlines.test.tsv
"""

from __future__ import annotations

import argparse
import csv
import time

import numpy as np
from _common import load_naive, table, write_json
from rapidfuzz import fuzz

from services.extractor.extraction import analyze_sentence
from services.matcher import matching

SAME = matching.SAME


def read_mrpc(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(r[0]), r[3], r[4]) for r in rows[1:] if len(r) >= 5]


def read_sts(path):
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(r) >= 3 and r[0].strip():
                out.append((float(r[0]), r[1], r[2]))
    return out


def cv_accuracy(scores: np.ndarray, allowed: np.ndarray, labels: np.ndarray, folds: int = 10, seed: int = 0):
    """Predict 1 when allowed and score >= t; t chosen on the training folds for accuracy."""
    order = np.random.default_rng(seed).permutation(len(labels))
    parts = np.array_split(order, folds)
    grid = np.arange(0, 100.5, 0.5)
    preds = np.zeros(len(labels), dtype=bool)
    chosen = []
    for k in range(folds):
        test = parts[k]
        train = np.concatenate([parts[j] for j in range(folds) if j != k])
        accs = [((allowed[train] & (scores[train] >= t)) == labels[train]).mean() for t in grid]
        t = grid[int(np.argmax(accs))]
        chosen.append(float(t))
        preds[test] = allowed[test] & (scores[test] >= t)
    tp = int((preds & labels).sum())
    p = tp / max(1, preds.sum())
    r = tp / max(1, labels.sum())
    return {"accuracy": round(float((preds == labels).mean()), 4), "f1": round(2 * p * r / max(1e-9, p + r), 4),
            "precision": round(p, 4), "recall": round(r, 4), "thresholds": chosen}


def spearman(x, y) -> float:
    def rank(v):
        v = np.asarray(v, dtype=float)
        order = v.argsort(kind="mergesort")
        ranks = np.empty(len(v))
        ranks[order] = np.arange(len(v))
        # average ties
        _, inv, counts = np.unique(v, return_inverse=True, return_counts=True)
        sums = np.bincount(inv, weights=ranks)
        return sums[inv] / counts[inv]
    return float(np.corrcoef(rank(x), rank(y))[0, 1])


def variants(naive):
    def new(a, b):
        e = matching.compare(analyze_sentence(a), analyze_sentence(b), 0.0)
        return e.score, e.decision == SAME

    def old(a, b):
        e = naive.compare(analyze_sentence(a), analyze_sentence(b), 0.0)
        return e.score, e.decision == SAME

    def plain(a, b):
        return fuzz.token_set_ratio(a, b), True

    return {"new matcher": new, "naive f79c037": old, "plain token_set_ratio": plain}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc")
    ap.add_argument("--sts", nargs="*", default=[])
    args = ap.parse_args(argv)
    funcs = variants(load_naive())
    payload = {"mrpc": {}, "sts": {}}
    if args.mrpc:
        data = read_mrpc(args.mrpc)
        labels = np.array([lab == 1 for lab, _, _ in data])
        rows = []
        for name, fn in funcs.items():
            t0 = time.perf_counter()
            out = [fn(a, b) for _, a, b in data]
            secs = time.perf_counter() - t0
            res = cv_accuracy(np.array([s for s, _ in out]), np.array([ok for _, ok in out]), labels)
            payload["mrpc"][name] = res
            rows.append([name, res["accuracy"], res["f1"], res["precision"], res["recall"],
                         f"{min(res['thresholds']):g}-{max(res['thresholds']):g}", f"{len(data) / secs:,.0f}"])
        print(f"MRPC train, {len(data)} pairs, 10-fold CV (majority class {max(labels.mean(), 1 - labels.mean()):.4f})")
        print(table(rows, ["scorer", "accuracy", "F1", "P", "R", "thresholds", "pairs/s"]))
    rows = []
    for path in args.sts:
        data = read_sts(path)
        gold = [g for g, _, _ in data]
        row = [path.rsplit("/", 1)[-1], len(data)]
        for name, fn in funcs.items():
            rho = spearman([fn(a, b)[0] for _, a, b in data], gold)
            payload["sts"].setdefault(name, {})[path] = round(rho, 4)
            row.append(round(rho, 4))
        rows.append(row)
    if rows:
        print("\nSTS headlines: Spearman of the similarity score with the gold 0-5 grade")
        print(table(rows, ["file", "pairs"] + list(funcs)))
    print("written", write_json("matching_pairs.json", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
