"""Fits the matcher's same-claim model (services/matcher/features.py) on public TRAIN splits only:
MRPC train (paraphrase labels) and Emergent -train (headline pairs: same claimId = same claim; the
negatives are each headline's nearest headlines of other claims by token_set_ratio, the hard
cases). Prints the constants to paste into features.py and the cross-validated accuracy on MRPC.

With --cross-negatives N it also draws MRPC sentences of other rows (other stories) that share a
rare word as negatives, weighted --cross-weight x MRPC in all, and reports how many of those held
out of each fold the model calls one claim; with --cross-weight 0 they are only measured.

usage: python bench/matching/fit_model.py --mrpc .../msr_paraphrase_train.txt \
           --emergent-train .../url-versions-2015-06-14-clean-train.csv [--cross-negatives 2 --cross-weight 0.25]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from functools import lru_cache

import numpy as np
from _common import write_json
from rapidfuzz import fuzz, process

from services.extractor.extraction import analyze_sentence
from services.matcher.features import FEATURES, LocalRarity, pair_features
from services.matcher.normalize import match_form

NEAREST_NEGATIVES = 8
# Cross-story negatives (off by default; the shipped constants are fitted without them): each MRPC
# sentence against --cross-negatives sentences of OTHER rows that share one of its rarest words, as
# blocking hands them to the matcher in an index of real copy. MRPC's own pairs all come from one
# story, so without these the model never sees two news sentences of different stories that share a
# word or two, which real article bodies are full of. README "Precision on real copy" has what they
# buy and cost (--cross-negatives 2 --cross-weight 0.25 / 1).
CROSS_NEGATIVES = 0
CROSS_PROBE = 3
CROSS_WEIGHT = 0.25


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


@lru_cache(maxsize=None)
def form_of(sentence: str):
    """The match form of a sentence, made once however many pairs it is in."""
    return match_form(analyze_sentence(sentence))


def mrpc_cross_negatives(rows, per_sentence=CROSS_NEGATIVES, seed=0):
    """(sentence a, sentence b): each sentence against `per_sentence` sentences of other
    rows that share one of its CROSS_PROBE rarest frame words (rarity weight), drawn at random with
    a fixed seed. A drawn sentence that restates this one almost word for word (token_set_ratio of
    the frames >= 90, possibly the same story in two rows) is left out."""
    sentences = [(i, s) for i, (_, a, b) in enumerate(rows) for s in (a, b)]
    forms = [form_of(s) for _, s in sentences]
    holders: dict[str, list[int]] = defaultdict(list)
    for k, f in enumerate(forms):
        for t in set(f.core.split()):
            holders[t].append(k)
    rng = np.random.default_rng(seed)
    out = []
    for k, f in enumerate(forms):
        weights = dict(f.bag)
        rarest = sorted(set(f.core.split()), key=lambda t: (-weights.get(t, 0.0), t))[:CROSS_PROBE]
        pool = sorted({j for t in rarest for j in holders[t] if sentences[j][0] != sentences[k][0]})
        taken = 0
        for j in rng.permutation(pool).tolist() if pool else ():
            if fuzz.token_set_ratio(f.core, forms[j].core) >= 90:
                continue
            out.append((sentences[k][1], sentences[j][1]))
            taken += 1
            if taken == per_sentence:
                break
    return out


def featurise(pairs, local_rarity=False):
    """Features of each pair; with local_rarity, token weights are scaled by their frequency among
    all the pairs' sentences (as in one index holding them all, the way the matcher sees a story)."""
    local = None
    if local_rarity:
        local = LocalRarity()
        for s in sorted({s for _, a, b in pairs for s in (a, b)}):
            local.add(form_of(s))
    return (np.array([pair_features(form_of(a), form_of(b), local) for _, a, b in pairs]),
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


def refit_intercept(beta, X, y, w, iters=50):
    """beta with its intercept refitted on (X, y, w) and its slopes kept: the cross-story negatives
    shape how the features weigh, but are a sample of a different prior, so the intercept is taken
    from the paraphrase data alone and a probability of 0.5 means on it what it meant before."""
    offset = X @ beta[1:]
    b = beta[0]
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(b + offset)))
        g, h = float(w @ (p - y)), float(w @ (p * (1 - p)))
        b -= g / h
        if abs(g / h) < 1e-10:
            break
    return np.concatenate([[b], beta[1:]])


def predict(beta, X):
    return 1 / (1 + np.exp(-(beta[0] + X @ beta[1:])))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc", required=True)
    ap.add_argument("--emergent-train", required=True)
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--cross-negatives", type=int, default=CROSS_NEGATIVES,
                    help="cross-story negatives per MRPC sentence (0, the default: none, as the shipped model)")
    ap.add_argument("--cross-weight", type=float, default=CROSS_WEIGHT,
                    help="total weight of the cross-story negatives, as a share of MRPC's")
    args = ap.parse_args(argv)
    mrpc = read_mrpc(args.mrpc)
    Xm, ym = featurise(mrpc)
    Xe, ye = featurise(emergent_pairs(args.emergent_train), local_rarity=True)
    cross = mrpc_cross_negatives(mrpc, args.cross_negatives) if args.cross_negatives else []
    Xc, yc = featurise([(0, a, b) for a, b in cross]) if cross else (np.zeros((0, Xm.shape[1])), np.zeros(0))
    # Every MRPC row a negative's two sentences occur in (309 sentences occur in more than one row): a
    # negative trains a fold only if all of them do, so no held-out sentence trains it under a twin.
    rows_of = defaultdict(set)
    for i, (_, a, b) in enumerate(mrpc):
        rows_of[a].add(i)
        rows_of[b].add(i)
    rows_c = [np.array(sorted(rows_of[a] | rows_of[b])) for a, b in cross]
    print(f"MRPC {len(ym)} pairs ({ym.mean():.3f} positive); Emergent train {len(ye)} pairs ({ye.mean():.3f} positive); "
          f"MRPC cross-story negatives {len(yc)}")
    # each data set carries the same total weight
    wm = np.full(len(ym), 1.0)
    we = np.full(len(ye), len(ym) / len(ye))
    wc = np.full(len(yc), args.cross_weight * len(ym) / len(yc) if len(yc) else 0.0)
    # cross-validation on MRPC: fit on 9 folds + Emergent, threshold on the same 9 folds, score the 10th
    order = np.random.default_rng(0).permutation(len(ym))
    parts = np.array_split(order, args.folds)
    correct = 0
    cross_false = cross_held = 0
    for k in range(args.folds):
        test = parts[k]
        train = np.concatenate([parts[j] for j in range(args.folds) if j != k])
        in_train = np.zeros(len(ym), bool)
        in_train[train] = True
        # a cross-story negative trains the fold only if every row of its sentences does; else it is held out
        c_train = np.array([in_train[r].all() for r in rows_c], bool)
        c_test = ~c_train
        beta = fit_logistic(np.vstack([Xm[train], Xe, Xc[c_train]]), np.concatenate([ym[train], ye, yc[c_train]]),
                            np.concatenate([wm[train], we, wc[c_train]]))
        beta = refit_intercept(beta, np.vstack([Xm[train], Xe]), np.concatenate([ym[train], ye]),
                               np.concatenate([wm[train], we]))
        pt = predict(beta, Xm[train])
        grid = np.arange(0.05, 0.96, 0.01)
        t = grid[int(np.argmax([((pt >= g) == ym[train]).mean() for g in grid]))]
        correct += int(((predict(beta, Xm[test]) >= t) == ym[test]).sum())
        if len(yc):
            cross_false += int((predict(beta, Xc[c_test]) >= 0.5).sum())
            cross_held += int(c_test.sum())
    cv = correct / len(ym)
    beta = fit_logistic(np.vstack([Xm, Xe, Xc]), np.concatenate([ym, ye, yc]), np.concatenate([wm, we, wc]))
    beta = refit_intercept(beta, np.vstack([Xm, Xe]), np.concatenate([ym, ye]), np.concatenate([wm, we]))
    pm, pe = predict(beta, Xm), predict(beta, Xe)
    print(f"MRPC 10-fold CV accuracy (model and threshold fitted without the fold): {cv:.4f}")
    if cross_held:
        print(f"held-out cross-story negatives scored as one claim (p >= 0.5): {cross_false}/{cross_held} "
              f"= {cross_false / cross_held:.4f}")
    print(f"in-sample accuracy at p>=0.5: MRPC {((pm >= .5) == ym).mean():.4f}, Emergent pairs {((pe >= .5) == ye).mean():.4f}")
    print(f"INTERCEPT = {beta[0]:.4f}")
    print("WEIGHTS = (" + ", ".join(f"{b:.4f}" for b in beta[1:]) + ")  # " + ", ".join(FEATURES))
    write_json("matching_model_fit.json", {"features": list(FEATURES), "intercept": round(float(beta[0]), 4),
                                           "weights": [round(float(b), 4) for b in beta[1:]],
                                           "mrpc_pairs": len(ym), "emergent_pairs": len(ye),
                                           "cross_story_negatives": len(yc), "mrpc_cv_accuracy": round(cv, 4),
                                           "held_out_cross_story_false_same": round(cross_false / cross_held, 4)
                                           if cross_held else None})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
