"""Scale: claims placed per second against indexes of N synthetic claims (built from the word
frequencies of real news text), recall of the blocking step against brute-force rapidfuzz cdist over
the whole index in the same run, resident memory; beside brute-force cdist and the naive matcher.

usage: python bench/matching/scale.py --corpus /work/shared/data/mrpc/msr_paraphrase_train.txt \
           [--sizes 10000 100000 1000000] [--queries 2000] [--naive-queries 200]
Each size runs in its own subprocess so resident memory is that size's alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter

import numpy as np
from _common import load_naive, table, write_json

from services.matcher import matching
from services.matcher.normalize import match_form
from shared.pb import claim_pb2, match_pb2

WORD = re.compile(r"[A-Za-z][a-z']+|[A-Z]{2,}")
UNITS = ["", "", "", "percent", "usd", "km", "tonne"]


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

    def draw(self, k: int = 1) -> list[str]:
        idx = np.minimum(np.searchsorted(self.cdf, self.rng.random(k)), len(self.words) - 1)
        return [str(w) for w in self.words[idx]]

    def sentence(self) -> str:
        rng = self.rng
        if self.made and rng.random() < 0.25:
            words = self.made[int(rng.integers(len(self.made)))].split()
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


def one_size(args) -> dict:
    gen = Generator(args.corpus, seed=7)
    n, q = args.one_size, args.queries
    base = rss_mb()
    index = matching.ClaimIndex(threshold=args.threshold, max_claims=n + q + 1, window_seconds=10 * 365 * 86400)
    claims = [gen.claim(i, gen.sentence()) for i in range(n)]
    queries = [gen.claim(n + i, gen.sentence()) for i in range(q)]
    t0 = time.perf_counter()
    for c in claims:
        index.place(c)
    build = time.perf_counter() - t0
    del claims
    mem = rss_mb() - base
    t0 = time.perf_counter()
    for c in queries:
        index.place(c)
    place_secs = time.perf_counter() - t0
    # Blocking recall: the candidate step (no limit) against cdist over everything, same scorer.
    blk = index._blocking
    forms = [match_form(c) for c in queries[: args.recall_queries]]
    found = brute = both = 0
    t0 = time.perf_counter()
    brute_hits = [set(r for r, _ in blk.brute_force(f, args.threshold, workers=-1)) for f in forms]
    brute_secs = time.perf_counter() - t0
    for f, bh in zip(forms, brute_hits):
        hits = set(r for r, _ in blk.search(f, args.threshold, limit=10**9))
        found += len(hits)
        brute += len(bh)
        both += len(hits & bh)
    out = {"size": n, "build_claims_per_s": n / build, "place_claims_per_s": q / place_secs,
           "rss_mb": mem, "recall_queries": len(forms), "brute_hits": brute, "blocking_hits": found,
           "blocking_recall": both / brute if brute else 1.0,
           "brute_force_claims_per_s": len(forms) / brute_secs}
    if args.naive_queries:
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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", required=True, help="text files whose word frequencies make the vocabulary")
    ap.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=2000)
    ap.add_argument("--recall-queries", type=int, default=300)
    ap.add_argument("--naive-queries", type=int, default=200)
    ap.add_argument("--threshold", type=float, default=matching.DEFAULT_THRESHOLD)
    ap.add_argument("--one-size", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one_size:
        print(json.dumps(one_size(args)))
        return 0
    results = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one-size", str(n), "--corpus", *args.corpus, "--queries", str(args.queries),
               "--recall-queries", str(args.recall_queries), "--naive-queries", str(args.naive_queries),
               "--threshold", str(args.threshold)]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
        results.append(r)
        print(f"size {n:,}: {json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()})}", flush=True)
    rows = [[f"{r['size']:,}", f"{r['place_claims_per_s']:,.0f}", f"{r['build_claims_per_s']:,.0f}",
             f"{r['blocking_recall']:.4f} ({r['brute_hits']})", f"{r['brute_force_claims_per_s']:,.1f}",
             f"{r.get('naive_claims_per_s', float('nan')):,.1f}", f"{r['rss_mb']:,.0f}"] for r in results]
    print(table(rows, ["index size", "new claims/s", "build claims/s", "blocking recall (brute hits)",
                       "brute-force cdist claims/s", "naive claims/s", "index RSS MB"]))
    print("written", write_json("matching_scale.json", {"threshold": args.threshold, "cpus": os.cpu_count(),
                                                         "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
