"""Fits FindSimilar's ranking model (features.RANK_FEATURES) on CheckThat! 2020 task 2 train: each
tweet against the blocking step's SIMILAR_POOL best verified claims, target "the tweet makes this
claim" (the qrels). Prints the constants to paste into features.py, MAP@5 / recall@5 by 5-fold
cross-validation over the train tweets and, fitted on all of train, on dev; beside the ranking it
replaces (same-claim score plus frame similarity) on the same candidates. The test split is not read.

usage: python bench/matching/fit_rank.py --root /work/shared/data/checkthat2020_task2 [--pool 50]
"""

from __future__ import annotations

import argparse

import numpy as np
from _common import write_json
from checkthat import STORY, clean, metrics, read_split, verified_claims
from fit_model import fit_logistic

from services.extractor.extraction import analyze_sentence
from services.matcher import features, matching

L2 = 1.0  # chosen by CV MAP@5 on train: 0.659, against 0.653 with 0.01 and 0.651 with 10


def candidates(index, queries: dict[str, str], pool: int):
    """Per tweet and candidate: (tweet id, verified claim id, rank features, old ranking score)."""
    out = []
    for q, text in queries.items():
        form = matching.match_form(analyze_sentence(clean(text)))
        for row, frame, sort_ratio in index.similar_candidates(form)[:pool]:
            old = matching.decide(form, row.form, index.threshold, index._local).score + frame
            out.append((q, row.article_id[1:], features.rank_features(form, row.form, frame, sort_ratio, index._local),
                        old))
    return out


def ranked(rows, scores) -> dict[str, list[str]]:
    by_query: dict[str, list] = {}
    for (q, doc, _, _), s in zip(rows, scores):
        by_query.setdefault(q, []).append((-s, doc))
    return {q: [doc for _, doc in sorted(hits)] for q, hits in by_query.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--pool", type=int, default=matching.SIMILAR_POOL)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    _, stories = verified_claims(args.root)
    index = stories.story(STORY)
    data = {}
    for split in ("train", "dev"):
        queries, qrels = read_split(args.root, split)
        rows = candidates(index, queries, args.pool)
        X = np.array([f for _, _, f, _ in rows])
        y = np.array([doc in qrels.get(q, ()) for q, doc, _, _ in rows], float)
        data[split] = (rows, qrels, X, y)
    rows, qrels, X, y = data["train"]
    tweets = sorted({q for q, _, _, _ in rows})
    fold_of = {q: k % args.folds for k, q in enumerate(np.random.default_rng(0).permutation(tweets))}
    folds = np.array([fold_of[q] for q, _, _, _ in rows])
    cv_scores = np.zeros(len(y))
    for k in range(args.folds):
        beta = fit_logistic(X[folds != k], y[folds != k], np.ones(int((folds != k).sum())), l2=L2)
        cv_scores[folds == k] = X[folds == k] @ beta[1:]
    beta = fit_logistic(X, y, np.ones(len(y)), l2=L2)
    dev_rows, dev_qrels, dev_X, _ = data["dev"]
    result = {
        "pool": args.pool,
        "features": list(features.RANK_FEATURES),
        "intercept": round(float(beta[0]), 4),
        "weights": [round(float(w), 4) for w in beta[1:]],
        "train_cv": {"ranking model": metrics(ranked(rows, cv_scores), qrels),
                     "score + frame": metrics(ranked(rows, [old for *_, old in rows]), qrels)},
        "dev": {"ranking model": metrics(ranked(dev_rows, dev_X @ beta[1:]), dev_qrels),
                "score + frame": metrics(ranked(dev_rows, [old for *_, old in dev_rows]), dev_qrels)},
    }
    for split in ("train_cv", "dev"):
        for name, m in result[split].items():
            print(f"{split:9} {name:14} MAP@5 {m['map@5']:.4f}  recall@5 {m['recall@5']:.4f}  ({m['queries']} tweets)")
    print(f"RANK_INTERCEPT = {result['intercept']}")
    print(f"RANK_WEIGHTS = ({', '.join(str(w) for w in result['weights'])})")
    print("written", write_json("matching_rank_fit.json", result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
