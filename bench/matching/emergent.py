"""Emergent: (1) cluster all article headlines with the matcher, pairwise F1 against claimId;
(2) compare(claimHeadline, articleHeadline): stance `against` must come out conflicting.
Threshold tuned on the -train file, reported on the -test file; beside the greedy single-link
token_set_ratio baseline and a denial-keyword rule.

usage: python bench/matching/emergent.py --train .../url-versions-2015-06-14-clean-train.csv \
           --test .../url-versions-2015-06-14-clean-test.csv
"""

from __future__ import annotations

import argparse
import csv
import re

from _common import pairwise_f1, prf, table, write_json
from rapidfuzz import fuzz, process

from services.extractor.extraction import analyze_sentence
from services.matcher import matching

DENIAL = re.compile(r"\b(?:not|no|fake|hoax|false|denies|denied|debunk\w*|isn't|didn't|won't|never|rumou?r)\b", re.I)


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def cluster_new(headlines, threshold):
    index = matching.ClaimIndex(threshold=threshold)
    labels = []
    for i, h in enumerate(headlines):
        c = analyze_sentence(h)
        c.id, c.article_id, c.source = f"h{i}#0", f"h{i}", f"o{i}"
        labels.append(index.place(c).cluster_id)
    return labels


def cluster_single_link(headlines, threshold):
    """Greedy single-link: each headline joins the cluster of its best earlier match >= threshold."""
    labels = []
    for i, h in enumerate(headlines):
        best = process.extractOne(h, headlines[:i], scorer=fuzz.token_set_ratio, score_cutoff=threshold) if i else None
        labels.append(labels[best[2]] if best else i)
    return labels


def stance_scores(rows, threshold):
    pred = [matching.compare(analyze_sentence(r["claimHeadline"]), analyze_sentence(r["articleHeadline"]),
                             threshold).decision == matching.CONFLICTING for r in rows]
    gold = [r["articleHeadlineStance"] == "against" for r in rows]
    tp = sum(p and g for p, g in zip(pred, gold))
    return prf(tp, sum(pred), sum(gold))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    args = ap.parse_args(argv)
    train, test = load(args.train), load(args.test)
    grid = list(range(25, 96, 5))
    payload = {}
    rows = []
    for name, fn in {"new matcher": cluster_new, "single-link token_set_ratio": cluster_single_link}.items():
        tr = {t: pairwise_f1(fn([r["articleHeadline"] for r in train], t), [r["claimId"] for r in train])["f1"]
              for t in grid}
        best = max(grid, key=lambda t: (tr[t], -t))
        te = pairwise_f1(fn([r["articleHeadline"] for r in test], best), [r["claimId"] for r in test])
        payload[f"clustering {name}"] = {"train_f1_by_threshold": tr, "threshold": best, "test": te}
        rows.append([f"clustering: {name}", best, tr[best], te["precision"], te["recall"], te["f1"]])
    tr = {t: stance_scores(train, t)["f1"] for t in grid}
    best = max(grid, key=lambda t: (tr[t], -t))
    te = stance_scores(test, best)
    payload["stance new matcher"] = {"train_f1_by_threshold": tr, "threshold": best, "test": te}
    rows.append(["against -> conflicting: new matcher", best, tr[best], te["precision"], te["recall"], te["f1"]])
    for name, data in (("train", train), ("test", test)):
        pred = [bool(DENIAL.search(r["articleHeadline"])) for r in data]
        gold = [r["articleHeadlineStance"] == "against" for r in data]
        payload[f"stance denial keywords {name}"] = prf(sum(p and g for p, g in zip(pred, gold)), sum(pred), sum(gold))
    d = payload["stance denial keywords test"]
    rows.append(["against: denial-keyword rule", "-", payload["stance denial keywords train"]["f1"],
                 d["precision"], d["recall"], d["f1"]])
    print(table(rows, ["task", "threshold (train)", "train F1", "test P", "test R", "test F1"]))
    print("written", write_json("matching_emergent.json", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
