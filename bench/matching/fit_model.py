"""Fits the matcher's same-claim model (services/matcher/features.py) on public TRAIN splits only:
MRPC train (paraphrase labels) and Emergent -train (headline pairs: same claimId = same claim; the
negatives are each headline's nearest headlines of other claims by token_set_ratio, the hard
cases). Prints the constants to paste into features.py and the cross-validated accuracy on MRPC.

usage: python bench/matching/fit_model.py --mrpc .../msr_paraphrase_train.txt \
           --emergent-train .../url-versions-2015-06-14-clean-train.csv
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict

import numpy as np
from _common import write_json
from rapidfuzz import fuzz, process

from services.extractor.extraction import analyze_sentence
from services.matcher.features import FEATURES, LocalRarity, pair_features
from services.matcher.normalize import match_form

NEAREST_NEGATIVES = 8


def read_mrpc(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(int(r[0]), r[3], r[4]) for r in rows[1:] if len(r) >= 5]


def emergent_pairs(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    heads = [r["articleHeadline"] for r in rows]
    claims = [r["claimId"] for r in rows]
    by_claim = defaultdict(list)
    for i, c in enumerate(claims):
        by_claim[c].append(i)
    pairs = set()
    for members in by_claim.values():
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pairs.add((members[x], members[y]))
    scores = process.cdist(heads, heads, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=-1)
    for i in range(len(heads)):
        order = np.argsort(-scores[i], kind="stable")
        taken = 0
        for j in order:
            j = int(j)
            if j != i and claims[j] != claims[i]:
                pairs.add((min(i, j), max(i, j)))
                taken += 1
                if taken == NEAREST_NEGATIVES:
                    break
    out = [(int(claims[i] == claims[j]), heads[i], heads[j]) for i, j in sorted(pairs)]
    # each claim headline against its article headlines: the same claim, whatever the stance
    out += [(1, r["claimHeadline"], r["articleHeadline"]) for r in rows]
    return out


def featurise(pairs, local_rarity=False):
    """Features of each pair; with local_rarity, token weights are scaled by their frequency among
    all the pairs' sentences (as in one index holding them all, the way the matcher sees a story)."""
    cache = {}

    def form(s):
        if s not in cache:
            cache[s] = match_form(analyze_sentence(s))
        return cache[s]

    local = None
    if local_rarity:
        local = LocalRarity()
        for s in sorted({s for _, a, b in pairs for s in (a, b)}):
            local.add(form(s))
    return (np.array([pair_features(form(a), form(b), local) for _, a, b in pairs]),
            np.array([lab for lab, _, _ in pairs], float))


def fit_logistic(X, y, w, l2=1e-2, iters=50):
    """Weighted L2 logistic regression by Newton's method (deterministic)."""
    Xb = np.hstack([np.ones((len(X), 1)), X])
    beta = np.zeros(Xb.shape[1])
    reg = l2 * np.eye(Xb.shape[1])
    reg[0, 0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-Xb @ beta))
        g = Xb.T @ (w * (p - y)) + reg @ beta
        H = (Xb * (w * p * (1 - p))[:, None]).T @ Xb + reg
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def predict(beta, X):
    return 1 / (1 + np.exp(-(beta[0] + X @ beta[1:])))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc", required=True)
    ap.add_argument("--emergent-train", required=True)
    ap.add_argument("--folds", type=int, default=10)
    args = ap.parse_args(argv)
    Xm, ym = featurise(read_mrpc(args.mrpc))
    Xe, ye = featurise(emergent_pairs(args.emergent_train), local_rarity=True)
    print(f"MRPC {len(ym)} pairs ({ym.mean():.3f} positive); Emergent train {len(ye)} pairs ({ye.mean():.3f} positive)")
    # each data set carries the same total weight
    wm = np.full(len(ym), 1.0)
    we = np.full(len(ye), len(ym) / len(ye))
    # cross-validation on MRPC: fit on 9 folds + Emergent, threshold on the same 9 folds, score the 10th
    order = np.random.default_rng(0).permutation(len(ym))
    parts = np.array_split(order, args.folds)
    correct = 0
    emerg_acc = []
    for k in range(args.folds):
        test = parts[k]
        train = np.concatenate([parts[j] for j in range(args.folds) if j != k])
        beta = fit_logistic(np.vstack([Xm[train], Xe]), np.concatenate([ym[train], ye]),
                            np.concatenate([wm[train], we]))
        pt = predict(beta, Xm[train])
        grid = np.arange(0.05, 0.96, 0.01)
        t = grid[int(np.argmax([((pt >= g) == ym[train]).mean() for g in grid]))]
        correct += int(((predict(beta, Xm[test]) >= t) == ym[test]).sum())
        emerg_acc.append(float(((predict(beta, Xe) >= 0.5) == ye).mean()))
    cv = correct / len(ym)
    beta = fit_logistic(np.vstack([Xm, Xe]), np.concatenate([ym, ye]), np.concatenate([wm, we]))
    pm, pe = predict(beta, Xm), predict(beta, Xe)
    print(f"MRPC 10-fold CV accuracy (model and threshold fitted without the fold): {cv:.4f}")
    print(f"in-sample accuracy at p>=0.5: MRPC {((pm >= .5) == ym).mean():.4f}, Emergent pairs {((pe >= .5) == ye).mean():.4f}")
    print(f"INTERCEPT = {beta[0]:.4f}")
    print("WEIGHTS = (" + ", ".join(f"{b:.4f}" for b in beta[1:]) + ")  # " + ", ".join(FEATURES))
    write_json("matching_model_fit.json", {"features": list(FEATURES), "intercept": round(float(beta[0]), 4),
                                           "weights": [round(float(b), 4) for b in beta[1:]],
                                           "mrpc_pairs": len(ym), "emergent_pairs": len(ye),
                                           "mrpc_cv_accuracy": round(cv, 4)})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
