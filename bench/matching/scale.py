"""Scale: claims placed per second against indexes of N synthetic claims (built from the word
frequencies of real news text), the blocking step alone, recall of the blocking step against
brute-force rapidfuzz cdist over the whole index in the same run, resident memory, and how each cost
grows with the index.

usage: python bench/matching/scale.py --corpus /work/shared/data/mrpc/msr_paraphrase_train.txt \
           [--sizes 10000 100000 1000000] [--queries 2000] [--recall-queries 200] [--profile] \
           [--baseline-root DIR [--baseline-recall]]   # DIR: `git archive <base> | tar -x -C DIR`, run first

Each size runs in its own subprocess so resident memory is that size's alone. The index is bulk
loaded (ClaimIndex.add_unmatched: every claim its own cluster, no matching), timed apart; replay
through place() (what a restart does) is timed on the first --replay claims. Then, on fresh claims:

- blocking: BlockingIndex.search exactly as ClaimIndex._rank calls it (cutoff min(threshold,
  CANDIDATE_SCORE), RULE_CANDIDATES rows), on precomputed MatchForms; match_form timed apart.
- recall: per recall query, brute force = cdist of the query against every indexed claim, pairs at or
  above the same cutoff. "accepted recall" counts the brute-force pairs the decision accepts (decide()
  says same claim or conflict: the links that can place a claim) and how many of them the blocking
  step hands on; "raw recall" counts all brute-force pairs at the cutoff (most are common-word
  overlaps no decision accepts, so it mostly measures the RULE_CANDIDATES cap).
- place: ClaimIndex.place on fresh claims (normalisation, blocking, decisions, cluster choice, add).
- false links: the fresh claims drawn afresh (not restating an earlier one) that place() links to an
  indexed claim. Independently drawn words state no common fact, so every such link is false: the
  matcher's false-link rate on text that shares only vocabulary. Most brute-force "accepted" pairs
  of the recall step are such links too, so accepted recall is not the recall of true matches (the
  planted restatements are).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import math
import os
import pstats
import re
import subprocess
import sys
import time
from collections import Counter

import numpy as np
from _common import load_naive, table, write_json

if "--code-root" in sys.argv:  # one size with another checkout's services/ (the baseline of a comparison)
    sys.path.insert(0, sys.argv[sys.argv.index("--code-root") + 1])

from services.matcher import matching  # noqa: E402
from services.matcher.normalize import match_form  # noqa: E402
from shared.pb import claim_pb2, match_pb2  # noqa: E402

WORD = re.compile(r"[A-Za-z][a-z']+|[A-Z]{2,}")
UNITS = ["", "", "", "percent", "usd", "km", "tonne"]
ACCEPTED = (matching.SAME, matching.CONFLICTING)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Generator:
    """Sentences of 8-18 words drawn from the corpus' word frequencies (so token rarity is
    realistic), each with a number and a capitalised name; a share of them restate an earlier
    claim with one or two words changed (the matches an index has to find)."""

    def __init__(self, corpus_files: list[str], seed: int) -> None:
        counts = Counter()
        for path in corpus_files:
            with open(path, encoding="utf-8", errors="replace") as f:
                counts.update(WORD.findall(f.read()))
        self.words = np.array([w.lower() for w, _ in counts.most_common()])
        freq = np.array([c for _, c in counts.most_common()], dtype=float)
        self.cdf = np.cumsum(freq / freq.sum())
        self.names = np.array([w.lower() for w, _ in counts.most_common() if w[:1].isupper()][:20000])
        self.rng = np.random.default_rng(seed)
        self.made: list[str] = []
        self.restated: int | None = None  # which earlier sentence the last one restates

    def draw(self, k: int = 1) -> list[str]:
        idx = np.minimum(np.searchsorted(self.cdf, self.rng.random(k)), len(self.words) - 1)
        return [str(w) for w in self.words[idx]]

    def sentence(self) -> str:
        rng = self.rng
        self.restated = None
        if self.made and rng.random() < 0.25:
            self.restated = int(rng.integers(len(self.made)))
            words = self.made[self.restated].split()
            for _ in range(int(rng.integers(1, 3))):
                words[int(rng.integers(len(words)))] = self.draw()[0]
            text = " ".join(words)
        else:
            words = self.draw(int(rng.integers(8, 19)))
            words.insert(int(rng.integers(len(words))), str(rng.choice(self.names)))
            words.insert(int(rng.integers(len(words))), f"{int(rng.integers(2, 5000))} {UNITS[int(rng.integers(len(UNITS)))]}".strip())
            text = " ".join(words)
        if len(self.made) < 200_000:
            self.made.append(text)
        return text

    def claim(self, i: int, text: str) -> claim_pb2.Claim:
        c = claim_pb2.Claim(id=f"s{i}#0", article_id=f"s{i}", source=f"outlet{i % 500}.example", text=text,
                            statement=text, normalized_text=text)
        c.published_at.seconds = 1_760_000_000 + i  # one claim a second: all inside the window
        return c


def bulk_load(index, claims) -> None:
    if hasattr(index, "add_unmatched"):
        for c in claims:
            index.add_unmatched(c)
        return
    for c in claims:  # a baseline from before ClaimIndex.add_unmatched: the same through its internals
        index._article_source.setdefault(c.article_id, c.source)
        index._article_credit.setdefault(c.article_id, matching.byline_credit(c.byline))
        m = match_pb2.ClaimMatch(claim=c, cluster_id=c.id, independent_source=c.source)
        row_id = index._add(matching._Row(c.id, c.article_id, c.source, c.text, match_form(c), m.SerializeToString()),
                            matching._seconds(c))
        index._members.setdefault(c.id, []).append(row_id)


def _top_functions(profile: cProfile.Profile, n: int = 12) -> list[dict]:
    stats = pstats.Stats(profile, stream=io.StringIO())
    rows = []
    for (path, line, name), (_, calls, tottime, cumtime, _) in stats.stats.items():
        rows.append({"function": f"{os.path.basename(path)}:{line}({name})", "calls": calls,
                     "tottime_s": round(tottime, 3), "cumtime_s": round(cumtime, 3)})
    return sorted(rows, key=lambda r: -r["cumtime_s"])[:n]


def _window(index, claim) -> tuple[float, float]:
    return (matching._seconds(claim), index.window_seconds)


def recall(index, claims: list, cutoff: float, decide_top: int, sources: list) -> dict:
    """Blocking (as _rank calls it) against brute-force cdist over the whole index, same cutoff.
    decide() runs on the `decide_top` best brute-force pairs of each query (0: all of them).
    sources: per claim, the row of the indexed claim it restates (or None): the planted matches."""
    planted = planted_found = planted_accepted = planted_accepted_found = 0
    blk = index._blocking
    raw_brute = raw_both = acc_brute = acc_both = top_brute = top_both = judged_n = strong_brute = strong_both = 0
    missed_scores = []
    brute_secs = 0.0
    for claim, source in zip(claims, sources):
        form = match_form(claim)
        t0 = time.perf_counter()
        brute = blk.brute_force(form, cutoff, workers=-1)
        brute_secs += time.perf_counter() - t0
        found = {r for r, _ in blk.search(form, cutoff, limit=matching.RULE_CANDIDATES, window=_window(index, claim))}
        if source is not None and source in index._rows:
            planted += 1
            planted_found += source in found
            if matching.decide(form, index._rows[source].form, index.threshold, index._local).decision in ACCEPTED:
                planted_accepted += 1
                planted_accepted_found += source in found
        raw_brute += len(brute)
        raw_both += sum(1 for r, _ in brute if r in found)
        judged = brute[:decide_top] if decide_top else brute
        accepted = [r for r, s in judged
                    if matching.decide(form, index._rows[r].form, index.threshold, index._local).decision in ACCEPTED]
        acc_brute += len(accepted)
        acc_both += sum(1 for r in accepted if r in found)
        accepted_set = set(accepted)
        strong = [r for r, s in judged if r in accepted_set and s >= index.threshold]
        strong_brute += len(strong)
        strong_both += sum(1 for r in strong if r in found)
        missed_scores += [s for r, s in judged if r in accepted_set and r not in found]
        judged_n += len(judged)
        if accepted:  # the best accepted link by the blocking score: the one placement needs most
            top_brute += 1
            top_both += accepted[0] in found
    return {"recall_queries": len(claims), "cutoff": cutoff, "decided_pairs": judged_n, "decide_top": decide_top,
            "accepted_pairs": acc_brute, "accepted_found": acc_both,
            "accepted_recall": acc_both / acc_brute if acc_brute else 1.0,
            "best_accepted_recall": top_both / top_brute if top_brute else 1.0,
            # accepted pairs whose frame score also reaches the threshold
            "accepted_at_threshold_pairs": strong_brute, "accepted_at_threshold_found": strong_both,
            "accepted_at_threshold_recall": strong_both / strong_brute if strong_brute else 1.0,
            # restatements the generator planted (1-2 words of an indexed claim changed)
            "planted_pairs": planted, "planted_found": planted_found,
            "planted_recall": planted_found / planted if planted else 1.0,
            "planted_accepted_pairs": planted_accepted, "planted_accepted_found": planted_accepted_found,
            "planted_accepted_recall": planted_accepted_found / planted_accepted if planted_accepted else 1.0,
            "raw_pairs": raw_brute, "raw_found": raw_both, "raw_recall": raw_both / raw_brute if raw_brute else 1.0,
            "raw_pairs_per_query": raw_brute / max(1, len(claims)),
            "missed_accepted_blocking_scores": sorted(round(s, 1) for s in missed_scores)[:20],
            "brute_force_claims_per_s": len(claims) / brute_secs if brute_secs else 0.0}


def one_size(args) -> dict:
    n, q, rq = args.one_size, args.queries, args.recall_queries[0]
    gen = Generator(args.corpus, seed=7)
    t0 = time.perf_counter()
    claims = [gen.claim(i, gen.sentence()) for i in range(n)]
    pq = 500 if args.profile else 0
    fresh, sources, unrelated = [], [], []
    for i in range(q + rq + pq):
        fresh.append(gen.claim(n + i, gen.sentence()))
        sources.append(gen.restated if gen.restated is not None and gen.restated < n else None)  # row = claim number
        unrelated.append(gen.restated is None)  # drawn afresh: no claim before it states anything like it
    queries, recall_claims, profiled = fresh[:q], fresh[q:q + rq], fresh[q + rq:]
    gen_secs = time.perf_counter() - t0
    out: dict = {"size": n, "queries": q, "generate_s": gen_secs}

    replay_n = min(n, args.replay)
    if replay_n:  # what a restart does: every claim through place()
        replayed = matching.ClaimIndex(threshold=args.threshold, max_claims=n + q + rq + 1, window_seconds=10 * 365 * 86400)
        t0, c0 = time.perf_counter(), time.process_time()
        for c in claims[:replay_n]:
            replayed.place(c)
        out["replay_claims"] = replay_n
        out["replay_claims_per_s"] = replay_n / (time.perf_counter() - t0)
        out["replay_claims_per_cpu_s"] = replay_n / (time.process_time() - c0)
        del replayed

    base = rss_mb()
    index = matching.ClaimIndex(threshold=args.threshold, max_claims=n + q + rq + 1, window_seconds=10 * 365 * 86400)
    t0 = time.perf_counter()
    bulk_load(index, claims)
    out["bulk_load_s"] = time.perf_counter() - t0
    out["bulk_load_claims_per_s"] = n / out["bulk_load_s"]
    out["rss_mb"] = rss_mb() - base
    out["rss_bytes_per_claim"] = out["rss_mb"] * 2**20 / n
    del claims

    cutoff = min(index.threshold, matching.CANDIDATE_SCORE)
    t0 = time.perf_counter()
    forms = [match_form(c) for c in queries]
    out["match_form_claims_per_s"] = len(forms) / (time.perf_counter() - t0)
    blk = index._blocking
    windows = [_window(index, c) for c in queries]
    t0, c0 = time.perf_counter(), time.process_time()
    hits = [blk.search(f, cutoff, limit=matching.RULE_CANDIDATES, window=w) for f, w in zip(forms, windows)]
    out["blocking_claims_per_s"] = len(forms) / (time.perf_counter() - t0)
    out["blocking_claims_per_cpu_s"] = len(forms) / (time.process_time() - c0)
    out["blocking_hits_per_query"] = sum(map(len, hits)) / max(1, len(hits))
    out.update(recall(index, recall_claims, cutoff, args.decide_top, sources[q:q + rq]))

    false_links: Counter[str] = Counter()
    restatements_linked = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for c, drawn_afresh in zip(queries, unrelated):
        placed = index.place(c)
        if drawn_afresh and placed.matched_claim_id:
            false_links[placed.explanation.rule] += 1
        restatements_linked += not drawn_afresh and bool(placed.matched_claim_id)
    out["place_claims_per_s"] = q / (time.perf_counter() - t0)
    out["place_claims_per_cpu_s"] = q / (time.process_time() - c0)
    # Every link of a sentence drawn afresh is false: words drawn independently state no common fact.
    out["unrelated_queries"] = sum(unrelated[:q])
    out["unrelated_linked"] = sum(false_links.values())
    out["unrelated_linked_share"] = out["unrelated_linked"] / max(1, out["unrelated_queries"])
    out["unrelated_linked_by_rule"] = dict(false_links.most_common())
    out["restating_queries"] = q - out["unrelated_queries"]
    out["restating_linked"] = restatements_linked  # restating a claim indexed before it: should link
    if profiled:  # after the timed run, on other fresh claims, so the profiler does not slow the figure
        profile = cProfile.Profile()
        profile.enable()
        for c in profiled:
            index.place(c)
        profile.disable()
        out["place_profile_claims"] = len(profiled)
        out["place_profile"] = _top_functions(profile, 16)
    out["rss_mb_end"] = rss_mb() - base

    if args.naive_queries and n <= 100_000:
        naive = load_naive()
        nidx = naive.ClaimIndex(threshold=70.0, max_claims=n + q + 1)
        gen2 = Generator(args.corpus, seed=7)
        for i in range(n):
            c = gen2.claim(i, gen2.sentence())
            m = match_pb2.ClaimMatch(claim=c, cluster_id=c.id, independent_source=c.source)
            nidx._article_source[c.article_id] = c.source
            nidx._add(naive._Indexed(c, m, " ".join(naive.matching_tokens(c.normalized_text))))
        t0 = time.perf_counter()
        for c in queries[: args.naive_queries]:
            nidx.place(c)
        out["naive_claims_per_s"] = min(args.naive_queries, q) / (time.perf_counter() - t0)
    return out


def growth(results: list[dict], key: str) -> list[float]:
    """Exponent b of cost ~ size^b between consecutive sizes, cost = 1 / (claims/s)."""
    out = []
    for a, b in zip(results, results[1:]):
        if a.get(key) and b.get(key):
            out.append(round(math.log(a[key] / b[key]) / math.log(b["size"] / a["size"]), 3))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", required=True, help="text files whose word frequencies make the vocabulary")
    ap.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--recall-queries", type=int, nargs="+", default=[200, 200, 50],
                    help="per size (the last one for the rest): brute force over 1M costs seconds a query")
    ap.add_argument("--decide-top", type=int, default=2000,
                    help="recall: decide() on this many best brute-force pairs per query (0: all)")
    ap.add_argument("--replay", type=int, default=10_000, help="claims replayed through place() per size (restart rate)")
    ap.add_argument("--naive-queries", type=int, default=0, help="also time the first naive matcher (sizes <= 100k)")
    ap.add_argument("--profile", action="store_true", help="cProfile the place() phase, top functions in the JSON")
    ap.add_argument("--threshold", type=float, default=matching.DEFAULT_THRESHOLD)
    ap.add_argument("--output", default="matching_scale.json")
    ap.add_argument("--baseline-root", help="also run each size, first, with the services/ of this checkout "
                    "(e.g. a `git archive` of the base commit): before/after in one run, its recall only with --baseline-recall")
    ap.add_argument("--baseline-recall", action="store_true",
                    help="measure the baseline's blocking recall too (the same queries; doubles the brute force)")
    ap.add_argument("--code-root", help=argparse.SUPPRESS)
    ap.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_size:
        print(json.dumps(one_size(args)))
        return 0
    results, baseline = [], []
    for i, n in enumerate(args.sizes):
        rq = args.recall_queries[min(i, len(args.recall_queries) - 1)]
        cmd = [sys.executable, __file__, "--one-size", str(n), "--corpus", *args.corpus, "--queries", str(args.queries),
               "--naive-queries", str(args.naive_queries), "--replay", str(args.replay),
               "--decide-top", str(args.decide_top), "--threshold", str(args.threshold)]
        before_rq = str(rq) if args.baseline_recall else "0"
        runs = [("before", cmd + ["--recall-queries", before_rq, "--code-root", args.baseline_root])] if args.baseline_root else []
        runs.append(("after", cmd + ["--recall-queries", str(rq)] + (["--profile"] if args.profile else [])))
        for label, run in runs:
            r = json.loads(subprocess.run(run, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
            (baseline if label == "before" else results).append(r)
            brief = {k: round(v, 4) if isinstance(v, float) else v for k, v in r.items() if k != "place_profile"}
            print(f"size {n:,} ({label}): {json.dumps(brief)}", flush=True)
    rows = [[f"{r['size']:,}", f"{r['place_claims_per_s']:,.0f} ({r['place_claims_per_cpu_s']:,.0f})",
             f"{r['blocking_claims_per_s']:,.0f} ({r['blocking_claims_per_cpu_s']:,.0f})",
             f"{r['match_form_claims_per_s']:,.0f}",
             f"{r['accepted_recall']:.4f} ({r['accepted_found']}/{r['accepted_pairs']})",
             f"{r['planted_recall']:.4f} ({r['planted_found']}/{r['planted_pairs']})",
             f"{r['raw_recall']:.4f} ({r['raw_pairs_per_query']:,.0f}/q)", f"{r['brute_force_claims_per_s']:,.1f}",
             f"{r['bulk_load_claims_per_s']:,.0f}", f"{r.get('replay_claims_per_s', float('nan')):,.0f}",
             f"{r['rss_mb']:,.0f}", f"{r['unrelated_linked_share']:.3f} ({r['unrelated_linked']}/{r['unrelated_queries']})"]
            for r in results]
    print(table(rows, ["index size", "place claims/s (per CPU s)", "blocking claims/s (per CPU s)", "match_form claims/s",
                       "accepted-pair recall", "planted-match recall", "raw recall (brute pairs)", "brute-force claims/s",
                       "bulk load claims/s", "replay claims/s", "index RSS MB", "unrelated claims linked"]))
    grow = {key: growth(results, key) for key in ("place_claims_per_s", "place_claims_per_cpu_s", "blocking_claims_per_s",
                                                   "blocking_claims_per_cpu_s", "brute_force_claims_per_s")}
    print("cost growth exponents (cost ~ size^b, between consecutive sizes):", json.dumps(grow))
    payload = {"threshold": args.threshold, "cpus": os.cpu_count(), "sizes": args.sizes, "growth_exponents": grow,
               "results": results}
    if baseline:
        speedup = [{"size": a["size"], **{k: round(a[k] / b[k], 2) for k in
                    ("place_claims_per_s", "place_claims_per_cpu_s", "blocking_claims_per_s",
                     "blocking_claims_per_cpu_s", "replay_claims_per_s", "replay_claims_per_cpu_s") if b.get(k)}}
                   for a, b in zip(results, baseline)]
        print("after / before, same run:", json.dumps(speedup))
        false_links = [{"size": a["size"], "unrelated_linked_before": b.get("unrelated_linked"),
                        "unrelated_linked_after": a["unrelated_linked"], "of": a["unrelated_queries"]}
                       for a, b in zip(results, baseline)]
        print("unrelated claims linked before / after, same queries:", json.dumps(false_links))
        payload.update(false_links_before_after=false_links)
        if args.baseline_recall:
            recall = [{"size": a["size"], "accepted_recall_before": round(b["accepted_recall"], 4),
                       "accepted_recall_after": round(a["accepted_recall"], 4),
                       "planted_recall_before": round(b["planted_recall"], 4),
                       "planted_recall_after": round(a["planted_recall"], 4)} for a, b in zip(results, baseline)]
            print("blocking recall before / after, same queries:", json.dumps(recall))
            payload.update(recall_before_after=recall)
        payload.update(baseline_root=args.baseline_root, baseline=baseline, speedup=speedup)
    print("written", write_json(args.output, payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
