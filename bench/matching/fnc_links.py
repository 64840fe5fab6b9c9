"""Links on real copy: the claims of FNC-1's article bodies placed in one index (one story, the
default `single` mode: the harshest case), with the bodies grouped into stories by the headlines
the dataset relates them to (agree / disagree / discuss; bodies joined through a shared headline
are one story). A link between claims of two different stories is very likely wrong: two outlets
do not corroborate or contradict each other across unrelated stories (a background sentence that
recurs across stories, "ISIS is a militant group", is the exception). So the share of links, of
`conflicting` links and of same-cluster pairs that cross stories is a floor on the matcher's false
links in real news text, where eval_dev.py has only three scenarios. No claim-level truth: it says
nothing of recall beyond the count of links within stories.

With --baseline-root, the same bodies go through that checkout's code first, and every claim placed
differently is counted (and the first --show-changes printed, for a reader to judge): how a review
found that a rule changes more placements for the worse than for the better.

FNC-1 is a test set here (`../shared/data/README.md`): report on it, tune nothing on it.

usage: python bench/matching/fnc_links.py --root /work/shared/data/fnc1_stance [--bodies 904]
           [--baseline-root DIR [--show-changes 20]]   # DIR: `git archive <base> | tar -x -C DIR`
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from _common import RESULTS, table, write_json

if "--code-root" in sys.argv:  # one run with another checkout's services/ (the baseline of a comparison)
    sys.path.insert(0, sys.argv[sys.argv.index("--code-root") + 1])

from services.extractor.extraction import extract_claims  # noqa: E402
from services.matcher.matching import CONFLICTING, ClaimIndex  # noqa: E402
from shared.pb import article_pb2  # noqa: E402

PUBLISHED = 1_700_000_000  # one time for all: FNC-1 has no dates, and the window must hold them all


def stories(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(body id -> text, body id -> story id) of the bodies with at least one related headline."""
    with open(root / "competition_test_bodies.csv", encoding="utf-8", newline="") as f:
        texts = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with open(root / "competition_test_stances.csv", encoding="utf-8", newline="") as f:
        related = [(r["Body ID"], r["Headline"]) for r in csv.DictReader(f) if r["Stance"] != "unrelated"]
    for body, headline in related:
        parent[find("b" + body)] = find("h" + headline)
    story = {body: find("b" + body) for body, _ in related}
    return {b: texts[b] for b in story}, story


def one_run(root: Path, bodies: int) -> dict:
    texts, story = stories(root)
    chosen = sorted(texts, key=int)[:bodies]
    index = ClaimIndex()
    placed, keys = {}, {}
    for body in chosen:
        article = article_pb2.Article(id=f"b{body}", source=f"outlet{body}.example", text=texts[body])
        article.published_at.seconds = PUBLISHED
        for claim in extract_claims(article):
            m = index.place(claim)
            # Keyed by where the claim starts, not by its ordinal: a claim more or less earlier in the body
            # must not make every later placement look changed when two runs are compared.
            keys[claim.id] = f"{claim.article_id}@{claim.span.start}"
            placed[keys[claim.id]] = (body, m.cluster_id, keys.get(m.matched_claim_id, ""), m.explanation.decision,
                                      m.explanation.rule, claim.text[:200])
    return {"placed": placed, "story": {b: story[b] for b in chosen}}


def measure(run: dict) -> dict:
    placed, story = run["placed"], run["story"]
    links, by_rule = Counter(), Counter()
    for body, _, matched, decision, rule, _ in placed.values():
        if not matched:
            continue
        across = story[body] != story[placed[matched][0]]
        kind = "conflicting" if decision == CONFLICTING else "same"
        links[(kind, across)] += 1
        by_rule[(rule, across)] += 1
    # Same-cluster pairs of claims from two bodies (two claims of one body are never linked).
    clusters: dict[str, tuple[Counter, Counter]] = {}
    for body, cluster, *_ in placed.values():
        by_story, by_body = clusters.setdefault(cluster, (Counter(), Counter()))
        by_story[story[body]] += 1
        by_body[body] += 1

    def pairs(counts: Counter) -> int:
        return sum(k * (k - 1) // 2 for k in counts.values())

    within = across = 0
    for by_story, by_body in clusters.values():
        n = sum(by_story.values())
        within += pairs(by_story) - pairs(by_body)
        across += n * (n - 1) // 2 - pairs(by_story)

    def share(a: int, b: int) -> float:
        return round(a / (a + b), 4) if a + b else 0.0

    return {
        "bodies": len(story), "stories": len(set(story.values())), "claims": len(placed),
        "links_same_within": links[("same", False)], "links_same_across": links[("same", True)],
        "links_conflicting_within": links[("conflicting", False)],
        "links_conflicting_across": links[("conflicting", True)],
        "link_share_across": share(links[("same", True)] + links[("conflicting", True)],
                                   links[("same", False)] + links[("conflicting", False)]),
        "conflicting_share_across": share(links[("conflicting", True)], links[("conflicting", False)]),
        "cluster_pairs_within": within, "cluster_pairs_across": across,
        "cluster_pair_share_across": share(across, within),
        # which rule made each link: where the cross-story (wrong) links come from
        "links_by_rule": {rule: {"within": by_rule[(rule, False)], "across": by_rule[(rule, True)]}
                          for rule in sorted({r for r, _ in by_rule})},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="the fnc1_stance folder (competition_test_*.csv)")
    ap.add_argument("--bodies", type=int, default=904, help="the first N bodies by id that have a related headline")
    ap.add_argument("--baseline-root", help="also run with the services/ of this checkout, first")
    ap.add_argument("--show-changes", type=int, default=0, help="print this many placements that differ from the baseline")
    ap.add_argument("--output", default="matching_fnc_links.json")
    ap.add_argument("--one-run", help=argparse.SUPPRESS)  # a file to write one run's placements to
    ap.add_argument("--code-root", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_run:
        Path(args.one_run).write_text(json.dumps(one_run(Path(args.root), args.bodies)), encoding="utf-8")
        return 0
    runs = {}
    RESULTS.mkdir(parents=True, exist_ok=True)
    for label, extra in ((("baseline", ["--code-root", args.baseline_root]),) if args.baseline_root else ()) + (
            ("this release", []),):
        path = RESULTS / f"fnc_links_{label.replace(' ', '_')}.placements.json"
        subprocess.run([sys.executable, __file__, "--root", args.root, "--bodies", str(args.bodies),
                        "--one-run", str(path), *extra], check=True)
        runs[label] = json.loads(path.read_text(encoding="utf-8"))
        path.unlink()
    results = {label: measure(run) for label, run in runs.items()}
    first = results["this release"]
    print(f"FNC-1: {first['bodies']} bodies in {first['stories']} stories, {first['claims']:,} claims, one index")
    print(table([[label, f"{r['links_same_within']:,} / {r['links_same_across']:,}",
                  f"{r['links_conflicting_within']:,} / {r['links_conflicting_across']:,}",
                  f"{r['link_share_across']:.4f}", f"{r['conflicting_share_across']:.4f}",
                  f"{r['cluster_pairs_within']:,} / {r['cluster_pairs_across']:,}", f"{r['cluster_pair_share_across']:.4f}"]
                 for label, r in results.items()],
                ["matcher", "same links within / across stories", "conflicting links within / across",
                 "links across (share)", "conflicting across (share)", "cluster pairs (two bodies) within / across",
                 "cluster pairs across (share)"]))
    print(table([[rule, *(f"{r['links_by_rule'].get(rule, {}).get('within', 0):,} / "
                          f"{r['links_by_rule'].get(rule, {}).get('across', 0):,}" for r in results.values())]
                 for rule in sorted({k for r in results.values() for k in r["links_by_rule"]})],
                ["links by rule, within / across stories", *results]))
    if "baseline" in runs:
        old, new = runs["baseline"]["placed"], runs["this release"]["placed"]
        changed = [k for k in new if k in old and old[k][2:5] != new[k][2:5]]
        results["changed_placements"] = len(changed)
        print(f"placements that differ from the baseline: {len(changed)} of {len(new):,}")
        for k in changed[:args.show_changes]:
            for label, placed in (("before", old), ("now", new)):
                _, _, matched, decision, rule, _ = placed[k]
                target = placed[matched][5] if matched in placed else ""
                print(f"  {label:6} {k}: {placed[k][5][:110]!r}\n         -> {rule or 'new cluster'} {target[:110]!r}")
    print("written", write_json(args.output, {"bodies": args.bodies, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
