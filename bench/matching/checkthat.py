"""CheckThat! 2020 task 2: tweets against verified claims through StoryIndexes.find_similar (what
FindSimilar serves) and through its blocking step alone (ranked by the fuzzy frame score); MAP@5 and
recall@5 on dev/test, beside brute-force token_set_ratio.

usage: python bench/matching/checkthat.py --root /work/shared/data/checkthat2020_task2 [--splits dev test]
"""

from __future__ import annotations

import argparse
import csv
import re
import time

from _common import table, write_json
from rapidfuzz import fuzz, process

from services.extractor.extraction import analyze_sentence
from services.matcher import matching
from services.matcher.stories import StoryIndexes

URL = re.compile(r"https?://\S+|pic\.twitter\.com/\S+|@\w+|#")


def tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t"))


def clean(tweet: str) -> str:
    tweet = tweet.split(" — ")[0] if " — " in tweet else tweet  # drop the "— Name (@handle) date" tail
    return " ".join(URL.sub(" ", tweet).split())


def metrics(ranked: dict[str, list[str]], qrels: dict[str, set[str]], k: int = 5) -> dict:
    ap_sum = rec = 0.0
    for q, gold in qrels.items():
        got = ranked.get(q, [])[:k]
        hits, prec = 0, 0.0
        for i, d in enumerate(got, 1):
            if d in gold:
                hits += 1
                prec += hits / i
        ap_sum += prec / min(len(gold), k)
        rec += hits / len(gold)
    n = len(qrels)
    return {"map@5": round(ap_sum / n, 4), "recall@5": round(rec / n, 4), "queries": n}


# One story: the verified claims are not news of one event, and FindSimilar searches every story.
STORY = ""


def verified_claims(root: str) -> tuple[list[tuple[str, str, str]], StoryIndexes]:
    """(id, claim, title) of every verified claim, and the matcher's state holding them all, as
    the service's FindSimilar searches it."""
    docs = [(r[0], r[1], r[2] if len(r) > 2 else "") for r in tsv(f"{root}/verified_claims.docs.tsv")[1:] if r]
    stories = StoryIndexes(threshold=matching.DEFAULT_THRESHOLD, max_claims=len(docs) * 2 + 10)
    for did, claim, _ in docs:
        c = analyze_sentence(claim)
        c.id, c.article_id, c.source, c.story_key = f"v{did}#0", f"v{did}", "snopes", STORY
        stories.add_unmatched(c)
    return docs, stories


def read_split(root: str, split: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """The split's tweets by query id, and the verified claim ids each one makes."""
    queries = {r[0]: r[1] for r in tsv(f"{root}/{split}/tweets.queries.tsv")[1:] if len(r) > 1}
    qrels: dict[str, set[str]] = {}
    for r in tsv(f"{root}/{split}/tweet-vclaim-pairs.qrels"):
        if len(r) >= 4 and r[3].strip() == "1":
            qrels.setdefault(r[0], set()).add(r[2])
    return queries, qrels


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--splits", nargs="+", default=["dev", "test"])
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs, stories = verified_claims(args.root)
    index = stories.story(STORY)
    build = time.perf_counter() - t0
    texts = [claim + " " + title for _, claim, title in docs]
    ids = [d for d, _, _ in docs]
    rows, payload = [], {"index_build_s": build}
    for split in args.splits:
        queries, qrels = read_split(args.root, split)
        new, blocking, brute = {}, {}, {}
        t0 = time.perf_counter()
        for q, text in queries.items():
            claim = analyze_sentence(clean(text))
            claim.id, claim.article_id = f"q{q}#0", f"q{q}"
            new[q] = [hit.match.claim.article_id[1:] for hit in stories.find_similar(claim, limit=5)]
        t_new = time.perf_counter() - t0
        t0 = time.perf_counter()
        for q, text in queries.items():
            hits = index._blocking.search(matching.match_form(analyze_sentence(clean(text))), 0.0, limit=5)
            blocking[q] = [index._rows[r].article_id[1:] for r, _ in hits]
        t_blocking = time.perf_counter() - t0
        t0 = time.perf_counter()
        for q, text in queries.items():
            brute[q] = [ids[i] for _, _, i in process.extract(clean(text), texts, scorer=fuzz.token_set_ratio, limit=5)]
        t_brute = time.perf_counter() - t0
        m_new, m_blocking, m_brute = metrics(new, qrels), metrics(blocking, qrels), metrics(brute, qrels)
        payload[split] = {"new": m_new, "blocking": m_blocking, "brute_token_set_ratio": m_brute}
        rows.append([split, "find_similar (FindSimilar)", m_new["map@5"], m_new["recall@5"], f"{len(queries) / t_new:,.0f}"])
        rows.append([split, "its blocking step alone (frame score)", m_blocking["map@5"], m_blocking["recall@5"],
                     f"{len(queries) / t_blocking:,.0f}"])
        rows.append([split, "brute-force token_set_ratio", m_brute["map@5"], m_brute["recall@5"], f"{len(queries) / t_brute:,.0f}"])
    print(table(rows, ["split", "retriever", "MAP@5", "recall@5", "queries/s"]))
    print("written", write_json("matching_checkthat.json", payload))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
