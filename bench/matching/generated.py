"""Matching on generated breaking-news coverage (shared/storygen.py: many events at once, each told by
many outlets in two phrasings, the same officials and bodies, towns reused), where the truth of every
fact sentence is known: pairwise precision/recall/F1 of the clusters against (event, fact), the kinds
of wrong pairs, and how many `conflicting` links join claims of one fact (a misreported figure) versus
claims of different facts or events (a conflict the scorer would show that is not there). Also, on a
longer run with a short window: how far a matcher restarted on the retained claims (replay, what a
crash leads to) places the newest claims as the one that never stopped.

usage: python bench/matching/generated.py [--articles 3000] [--seed 11] [--window-hours 336]
           [--restart-articles 6000] [--restart-window-hours 12] [--baseline-root DIR]   # DIR: `git archive <base> | tar -x -C DIR`: the same run on its code

The templates are this project's own, so the figures say how the matcher separates facts that share
nearly all their words; they are not a measure of quality on real copy (see eval_dev.py, emergent.py).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter

from _common import NAIVE_COMMIT, load_naive, pairwise_f1, table, write_json

from shared.storygen import generate  # this tree's generator in both runs: the same input and truth

if "--code-root" in sys.argv:  # one run with another checkout's services/ (the baseline of a comparison)
    sys.path.insert(0, sys.argv[sys.argv.index("--code-root") + 1])

from services.extractor.extraction import extract_claims  # noqa: E402
from services.matcher import matching  # noqa: E402


def measure(index, claims, truth) -> dict:
    placed = {}
    conflict_links = Counter()
    for c in claims:
        m = index.place(c)
        placed[c.id] = (c, m)
    facts = [(c, m) for c, m in placed.values() if truth.get(c.text)]
    pred = [m.cluster_id for _, m in facts]
    gold = [truth[c.text][:2] for c, _ in facts]
    scores = pairwise_f1(pred, gold)
    wrong = Counter()
    by_cluster: dict[str, list] = {}
    for cluster, g in zip(pred, gold):
        by_cluster.setdefault(cluster, []).append(g)
    for members in by_cluster.values():
        kinds = Counter(members)
        for x, nx in kinds.items():
            for y, ny in kinds.items():
                if x < y:
                    kind = "same event, other fact" if x[0] == y[0] else (
                        "other event, same fact" if x[1] == y[1] else "other event and fact")
                    wrong[kind] += nx * ny
    for c, m in facts:
        other = placed.get(m.matched_claim_id)
        if m.explanation.decision == matching.CONFLICTING and other is not None and truth.get(other[0].text):
            same_fact = truth[other[0].text][:2] == truth[c.text][:2]
            conflict_links["of one fact" if same_fact else "of different facts"] += 1
    misreported = sum(1 for c, _ in facts if truth[c.text][2])
    return {"claims": len(claims), "fact_claims": len(facts), **scores, "wrong_pairs": dict(wrong),
            "conflict_links_one_fact": conflict_links["of one fact"],
            "conflict_links_different_facts": conflict_links["of different facts"],
            "misreported_claims": misreported}


def restart_agreement(claims, window_hours: float) -> dict:
    """A matcher running since the first claim against one restarted that replays only the claims
    published in the last 3 windows (what the retained topic holds): over the claims of the last
    window, the share placed with the same matched claim, and of the running one's same-cluster
    pairs, the share the restarted one also makes. 1.0 = the restart changes nothing."""
    window = window_hours * 3600
    end = claims[-1].published_at.seconds
    tail_from = end - window

    def run(subset):
        index = matching.ClaimIndex(window_seconds=window)
        placed = {c.id: index.place(c) for c in subset}
        return {c.id: placed[c.id] for c in subset if c.published_at.seconds >= tail_from}

    running = run(claims)
    restarted = run([c for c in claims if c.published_at.seconds >= end - 3 * window])

    def pairs(placed):
        by = {}
        for cid, m in placed.items():
            by.setdefault(m.cluster_id, []).append(cid)
        return {(x, y) for members in by.values() for x in members for y in members if x < y}

    same = sum(running[c].matched_claim_id == restarted[c].matched_claim_id for c in running)
    pr, pp = pairs(running), pairs(restarted)
    return {"window_hours": window_hours, "claims": len(claims), "tail_claims": len(running),
            "same_matched_claim": same / len(running), "running_pairs": len(pr),
            "running_pairs_kept": len(pr & pp) / len(pr) if pr else 1.0, "restarted_pairs": len(pp)}


def one_run(args) -> dict:
    truth: dict = {}
    articles = generate(args.articles, seed=args.seed, truth=truth)
    claims = [c for a in articles for c in extract_claims(a)]
    out = {"matcher": measure(matching.ClaimIndex(window_seconds=args.window_hours * 3600), claims, truth)}
    if args.restart_articles:
        longer = [c for a in generate(args.restart_articles, seed=args.seed) for c in extract_claims(a)]
        out["matcher"]["restart"] = restart_agreement(longer, args.restart_window_hours)
    if args.naive:
        naive = load_naive()
        out["naive"] = measure(naive.ClaimIndex(threshold=70.0), claims, truth)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--window-hours", type=float, default=matching.DEFAULT_WINDOW_SECONDS / 3600)
    ap.add_argument("--restart-articles", type=int, default=6000,
                    help="restart agreement on this many articles (0: skip); at 37 s apart, 6,000 span ~62 h")
    ap.add_argument("--restart-window-hours", type=float, default=12.0)
    ap.add_argument("--baseline-root", help="also run with the services/ of this checkout, first")
    ap.add_argument("--output", default="matching_generated.json")
    ap.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--one-run", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code-root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_run:
        print(json.dumps(one_run(args)))
        return 0
    cmd = [sys.executable, __file__, "--one-run", "--articles", str(args.articles), "--seed", str(args.seed),
           "--window-hours", str(args.window_hours), "--restart-articles", str(args.restart_articles),
           "--restart-window-hours", str(args.restart_window_hours)]
    runs = [("baseline", cmd + ["--code-root", args.baseline_root])] if args.baseline_root else []
    runs.append(("this release", cmd + ["--naive"]))  # the naive matcher: quality only, no restart run
    results = {}
    for label, run in runs:
        r = json.loads(subprocess.run(run, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        results[label] = r["matcher"]
        if "naive" in r:
            results[f"naive {NAIVE_COMMIT}"] = r["naive"]
    rows = [[label, f"{r['precision']:.4f}", f"{r['recall']:.4f}", f"{r['f1']:.4f}",
             f"{r['conflict_links_one_fact']} / {r['conflict_links_different_facts']}",
             ", ".join(f"{k} {v:,}" for k, v in sorted(r["wrong_pairs"].items()))] for label, r in results.items()]
    print(f"{args.articles:,} generated articles, {next(iter(results.values()))['fact_claims']:,} fact claims")
    print(table(rows, ["matcher", "pair P", "pair R", "pair F1", "conflict links: one fact / different facts",
                       "wrong pairs by kind"]))
    restarts = [[label, f"{r['restart']['same_matched_claim']:.4f}", f"{r['restart']['running_pairs_kept']:.4f}",
                 f"{r['restart']['tail_claims']:,}"] for label, r in results.items() if "restart" in r]
    if restarts:
        print(f"restart after {args.restart_articles:,} articles, window {args.restart_window_hours:g} h, "
              "replaying the last 3 windows: placements of the last window")
        print(table(restarts, ["matcher", "same matched claim", "same-cluster pairs kept", "claims compared"]))
    print("written", write_json(args.output, {"articles": args.articles, "seed": args.seed,
                                              "window_hours": args.window_hours, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
