"""Candidate retrieval for the matcher: an inverted index over the rare tokens of each claim's
event frame (MatchForm.core), within a time window, scored with rapidfuzz `process.cdist`.

Only the rarest tokens of a query are probed (prefix filtering): two statements similar enough to
pass the threshold share most of their tokens, so they share at least one of the rarer ones. Tokens
found in more than MAX_POSTING live claims are never probed. Removal is lazy (rows leave postings
at the next compaction), which keeps memory bounded when the matcher evicts old claims. Rows arrive
in increasing order; ClaimIndex evicts them oldest first, so the live part of a posting is its tail
from the oldest live row, and evicted rows still in it weigh nothing. A row removed out of its turn
is only skipped when met, until compaction.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left

import numpy as np
from rapidfuzz import fuzz, process

from .normalize import MatchForm

MAX_POSTING = 5_000
# Candidates sharing the most probed tokens go on to cdist; the rest are dropped.
MAX_CANDIDATES = 100
# Above this many candidates cdist runs with all cores; below it threads cost more than they save.
PARALLEL_FROM = 20_000
# Weight of token_set_ratio in pair_score (rest: token_sort_ratio); chosen on MRPC train by CV.
SET_WEIGHT = 0.85


def pair_score(a: str, b: str, **_: object) -> float:
    """0..100 on two normalised token strings: mostly token_set_ratio (a statement and a shorter
    report of it match), with a share of token_sort_ratio that penalises the unshared remainder so
    a two-word statement is not "the same" as every sentence containing both words."""
    if not a or not b:
        return 0.0
    return SET_WEIGHT * fuzz.token_set_ratio(a, b) + (1 - SET_WEIGHT) * fuzz.token_sort_ratio(a, b)


def score_parts(queries: list[str], choices: list[str], cutoff: float = 0.0,
                workers: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(pair_score as float32, token_set_ratio, token_sort_ratio as uint8) for every query x choice
    with cdist. A pair can reach `cutoff` only if its token_set_ratio reaches
    (cutoff - 100 (1 - w)) / w: below that the set ratio reads 0 and token_sort_ratio is not computed
    (reads 0), so such a pair scores below `cutoff` as it would in full."""
    set_cutoff = max(0, int(math.floor((cutoff - 100 * (1 - SET_WEIGHT)) / SET_WEIGHT)))
    set_r = process.cdist(queries, choices, scorer=fuzz.token_set_ratio, dtype=np.uint8, workers=workers,
                          score_cutoff=set_cutoff)
    total = set_r.astype(np.float32)
    total *= SET_WEIGHT
    cols = np.nonzero((set_r >= set_cutoff).any(axis=0))[0] if set_cutoff > 0 else None
    if cols is None or len(cols) == len(choices):
        sort_r = process.cdist(queries, choices, scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=workers)
    else:
        sort_r = np.zeros_like(set_r)
        if len(cols):
            sort_r[:, cols] = process.cdist(queries, [choices[i] for i in cols.tolist()],
                                            scorer=fuzz.token_sort_ratio, dtype=np.uint8, workers=workers)
    total += (1 - SET_WEIGHT) * sort_r
    return total, set_r, sort_r


def score_matrix(queries: list[str], choices: list[str], cutoff: float = 0.0, workers: int = 1) -> np.ndarray:
    """pair_score for every query x choice with cdist (uint8 per scorer, float32 mix); exact for the
    pairs reaching `cutoff`, below it for the rest (see score_parts)."""
    return score_parts(queries, choices, cutoff, workers)[0]


def probe_count(n_tokens: int, cutoff: float) -> int:
    """How many of a query's rarest tokens to probe for a given score cutoff."""
    if cutoff < 50 or n_tokens <= 3:
        return n_tokens
    return min(n_tokens, max(3, math.ceil(n_tokens * (1 - cutoff / 100) * 2) + 1))


def _top_stable(keys: np.ndarray, k: int) -> np.ndarray:
    """np.argsort(keys, kind="stable")[:k] without sorting every key: the k smallest by partition
    (ties at the k-th value in order of position), then sorted stably among themselves."""
    if len(keys) <= k:
        return np.argsort(keys, kind="stable")
    kth = np.partition(keys, k - 1)[k - 1]
    below = np.flatnonzero(keys < kth)
    chosen = np.concatenate((below, np.flatnonzero(keys == kth)[:k - len(below)]))
    chosen.sort()
    return chosen[np.argsort(keys[chosen], kind="stable")]


class BlockingIndex:
    def __init__(self, workers: int = 1) -> None:
        self.workers = workers
        self._live: dict[int, tuple[str, float]] = {}   # row -> (core text, published seconds)
        self._postings: dict[str, array] = {}
        self._dead = 0
        # Every row below this one has left. A restarted matcher never saw the rows the running one
        # evicted, so ranking only the rows from here keeps the two alike (and the dead out of the top).
        self._oldest = 0
        self._end = 0  # one past the newest row added

    def __len__(self) -> int:
        return len(self._live)

    def add(self, row: int, form: MatchForm, published: float = 0.0) -> None:
        if row < self._end:
            raise ValueError(f"row {row} added after row {self._end - 1}: rows must arrive in increasing order")
        self._live[row] = (form.core, published)
        self._end = row + 1
        postings = self._postings
        for token in set(form.core.split()):
            posting = postings.get(token)
            if posting is None:
                postings[token] = array("q", (row,))
            else:
                posting.append(row)

    def remove(self, row: int) -> None:
        if self._live.pop(row, None) is not None:
            self._dead += 1
            while self._oldest < self._end and self._oldest not in self._live:
                self._oldest += 1  # a row removed out of order stays counted until compaction
            if self._dead > 10_000 and self._dead > len(self._live) // 2:
                self._compact()

    def _live_start(self, posting: array) -> int:
        """Where the rows from the oldest live one on start in a posting (sorted by row)."""
        return bisect_left(posting, self._oldest) if posting[0] < self._oldest else 0

    def _compact(self) -> None:
        live = self._live
        if len(live) == self._end - self._oldest:  # every row from the oldest on is live: cut the heads
            self._postings = {t: p[i:] if i else p for t, p in self._postings.items()
                              if (i := self._live_start(p)) < len(p)}
        else:
            self._postings = {t: kept for t, p in self._postings.items()
                              if (kept := array("q", (r for r in p if r in live)))}
        self._dead = 0

    def candidates(self, form: MatchForm, cutoff: float, window: tuple[float, float] | None = None) -> list[int]:
        postings = self._postings
        live_tails = []  # (live rows holding the token, token, posting, where its live rows start), rarest first
        for t in set(form.core.split()):
            posting = postings.get(t)
            if posting is None:
                live_tails.append((0, t, None, 0))
                continue
            start = self._live_start(posting)
            live_tails.append((len(posting) - start, t, posting, start))
        live_tails.sort(key=lambda x: x[:2])
        probed = [(np.frombuffer(posting, dtype=np.int64)[start:], df)
                  for df, _, posting, start in live_tails[:probe_count(len(live_tails), cutoff)] if 0 < df <= MAX_POSTING]
        if not probed:
            return []
        # Each hit as (row << bits) | which probed token it came from, so one plain sort (no argsort)
        # groups the hits by row and still tells each row's shared tokens.
        bits = max(1, (len(probed) - 1).bit_length())
        hits = np.concatenate([(p << bits) | i for i, (p, _) in enumerate(probed)])
        hits.sort(kind="stable")  # a run per posting (rows ascending): timsort merges them, ~4x quicksort
        by_row = hits >> bits
        starts = np.flatnonzero(np.concatenate(([True], by_row[1:] != by_row[:-1])))
        rows = by_row[starts]
        if len(rows) > MAX_CANDIDATES:
            # The rows sharing the rarest words first: each shared probed token weighs 1 + its inverse
            # frequency (two rare names outweigh three common words); then the newest (deterministic).
            n = len(self._live) + 1
            weight = np.array([1.0 + math.log(n / df) for _, df in probed])
            shared = np.add.reduceat(weight[hits & ((1 << bits) - 1)], starts)
            rows, shared = rows[::-1], shared[::-1]  # newest first, so a stable sort breaks ties by recency
            rows = rows[_top_stable(-shared, MAX_CANDIDATES * 2)]
        live = self._live
        found = []
        for r in rows.tolist():
            entry = live.get(r)
            if entry is None or (window is not None and entry[1] and abs(entry[1] - window[0]) > window[1]):
                continue
            found.append(r)
            if len(found) == MAX_CANDIDATES:
                break
        return found

    def search(self, form: MatchForm, cutoff: float, limit: int = 20,
               window: tuple[float, float] | None = None) -> list[tuple[int, float]]:
        """Rows scoring at least `cutoff` against the query's frame, best first (ties: older row)."""
        return [(row, score) for row, score, _, _ in self.search_parts(form, cutoff, limit, window)]

    def search_parts(self, form: MatchForm, cutoff: float, limit: int = 20,
                     window: tuple[float, float] | None = None) -> list[tuple[int, float, int, int]]:
        """search() with each hit's token_set_ratio and token_sort_ratio as cdist rounds them."""
        if not form.core:
            return []
        rows = self.candidates(form, cutoff, window)
        if not rows:
            return []
        live = self._live
        workers = self.workers if len(rows) >= PARALLEL_FROM else 1
        scores, set_r, sort_r = score_parts([form.core], [live[r][0] for r in rows], cutoff, workers)
        scores, set_r, sort_r = scores[0], set_r[0], sort_r[0]
        keep = np.nonzero(scores >= cutoff)[0]
        hits = sorted(((-float(scores[i]), rows[i], int(i)) for i in keep))[:limit]
        return [(row, -neg, int(set_r[i]), int(sort_r[i])) for neg, row, i in hits]

    def brute_force(self, form: MatchForm, cutoff: float, workers: int = -1) -> list[tuple[int, float]]:
        """Every live row at or above `cutoff`, scored with cdist over the whole index (benchmarks)."""
        rows = sorted(self._live)
        if not rows or not form.core:
            return []
        scores = score_matrix([form.core], [self._live[r][0] for r in rows], cutoff, workers)[0]
        keep = np.nonzero(scores >= cutoff)[0]
        return sorted(((rows[i], float(scores[i])) for i in keep), key=lambda h: (-h[1], h[0]))
