"""Fits the matcher's denial model (services/matcher/stance.py) on the Emergent -train split only: each
claim headline against each of its article headlines, target stance `against` (the article denies
the claim), features stance.features(article, claim). Prints the constants to paste into stance.py,
5-fold cross-validated F1 on the train split, and the probability from which a denial counts and the
denial floor (matching.DENIAL_MIN_PROBABILITY, matching.DENIAL_FLOOR) that maximise F1 when the claim
headlines are also compared with the nearest article headlines of OTHER claims that carry a denial
cue (those must not come out as conflicts: same cue, other subject).

usage: python bench/matching/fit_stance.py --emergent-train .../url-versions-2015-06-14-clean-train.csv
"""

from __future__ import annotations

import argparse
import csv

import numpy as np
from _common import prf, write_json
from fit_model import fit_logistic, predict
from rapidfuzz import fuzz, process

from services.extractor.extraction import analyze_sentence
from services.matcher import matching, stance
from services.matcher.normalize import match_form

OTHER_CLAIM_NEGATIVES = 1
F1_TIE = 0.005


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--emergent-train", required=True)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    with open(args.emergent_train, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    cache = {}

    def form(s):
        if s not in cache:
            cache[s] = match_form(analyze_sentence(s))
        return cache[s]

    X = np.array([stance.features(form(r["articleHeadline"]), form(r["claimHeadline"])) for r in rows])
    y = np.array([r["articleHeadlineStance"] == "against" for r in rows], float)
    claims = [r["claimId"] for r in rows]
    # folds by claim, so no claim's headlines are on both sides
    ids = sorted(set(claims))
    fold_of = {c: k % args.folds for k, c in enumerate(np.random.default_rng(0).permutation(ids))}
    folds = np.array([fold_of[c] for c in claims])
    pred = np.zeros(len(y), bool)
    for k in range(args.folds):
        beta = fit_logistic(X[folds != k], y[folds != k], np.ones(int((folds != k).sum())))
        pred[folds == k] = predict(beta, X[folds == k]) >= 0.5
    cv = prf(int((pred & (y == 1)).sum()), int(pred.sum()), int(y.sum()))
    beta = fit_logistic(X, y, np.ones(len(y)))
    print(f"Emergent train {len(y)} claim/article pairs ({y.mean():.3f} against)")
    print(f"{args.folds}-fold CV (by claim) at p >= 0.5: {cv}")
    print(f"INTERCEPT = {beta[0]:.4f}")
    print("WEIGHTS = (" + ", ".join(f"{b:.4f}" for b in beta[1:]) + ")  # " + ", ".join(stance.FEATURES))

    # The floor: with the fitted weights, decide() on the claim pairs plus other-claim pairs that carry
    # a denial cue (hard negatives: "X is a hoax" said of another story).
    stance.INTERCEPT, stance.WEIGHTS = float(beta[0]), tuple(float(b) for b in beta[1:])
    claim_heads = sorted({r["claimHeadline"] for r in rows})
    claim_of = {r["claimHeadline"]: r["claimId"] for r in rows}
    cued = [r for r in rows if form(r["articleHeadline"]).cues & {"refute", "deny", "answered_no"}
            or form(r["articleHeadline"]).negated_heads]
    cued_heads = [r["articleHeadline"] for r in cued]
    scores = process.cdist(claim_heads, cued_heads, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=1)
    negatives = []
    for i, c in enumerate(claim_heads):
        taken = 0
        for j in np.argsort(-scores[i], kind="stable"):
            if cued[int(j)]["claimId"] != claim_of[c]:
                negatives.append((c, cued_heads[int(j)]))
                taken += 1
                if taken == OTHER_CLAIM_NEGATIVES:
                    break
    pairs = [(r["claimHeadline"], r["articleHeadline"], r["articleHeadlineStance"] == "against") for r in rows]
    pairs += [(a, b, False) for a, b in negatives]
    results = {}
    for min_p in np.arange(0.3, 0.51, 0.05):
        matching.DENIAL_MIN_PROBABILITY = float(min_p)
        for floor in np.arange(0.3, 1.01, 0.05):
            matching.DENIAL_FLOOR = float(floor)
            got = [matching.decide(form(a), form(b)).decision == matching.CONFLICTING for a, b, _ in pairs]
            tp = sum(g and t for g, (_, _, t) in zip(got, pairs))
            key = (round(float(min_p), 2), round(float(floor), 2))
            results[key] = prf(tp, sum(got), sum(t for _, _, t in pairs))
            fp_other = sum(g for g in got[len(rows):])
            print(f"DENIAL_MIN_PROBABILITY {min_p:.2f} DENIAL_FLOOR {floor:.2f}: {results[key]}, "
                  f"conflicts with other claims {fp_other}/{len(negatives)}")
    # Within F1_TIE of the best F1, the strictest setting: a false conflict is what an editor acts on.
    top = max(r["f1"] for r in results.values())
    best = max(k for k, r in results.items() if r["f1"] >= top - F1_TIE)
    print(f"DENIAL_MIN_PROBABILITY = {best[0]}\nDENIAL_FLOOR = {best[1]}")
    write_json("matching_stance_fit.json", {"features": list(stance.FEATURES), "intercept": round(float(beta[0]), 4),
                                            "weights": [round(float(b), 4) for b in beta[1:]], "cv": cv,
                                            "f1_by_min_probability_and_floor": {f"{k[0]}/{k[1]}": v for k, v in results.items()},
                                            "denial_min_probability": best[0], "denial_floor": best[1]})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
