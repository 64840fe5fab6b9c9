"""A cheap upper bound on the same-claim score of decide(), so ClaimIndex skips the full decision
for blocking candidates that cannot reach it: placing one claim decides up to RULE_CANDIDATES
candidates, and in a large index nearly all of them are common-word overlaps far below the
threshold.

The bound takes the model (features.INTERCEPT, WEIGHTS) as it is at call time and, per feature, the
value range that is cheap to know: the fuzzy frame scores from the blocking step's cdist (rounded to
whole points, so +-1), the exact length ratio, name and figure presence, and for the weighted word
overlap its exact shared words plus every spelling variant that could count (each eligible word of
one side counted as found in the other) and the figures written another way (exactly, as
features.pair_features counts them). Every other feature is taken at whichever end of 0..1
raises the score. So bound >= the score decide() computes, and a candidate under the bound is one
decide() calls different; tests/unit/test_match_prune.py checks this on many pairs. When
features.FEATURES is not the tuple known here, nothing is pruned.
"""

from __future__ import annotations

import math

import numpy as np
from rapidfuzz import fuzz, process

from . import features
from .amounts import figures_written_twice
from .features import LocalRarity
from .normalize import MatchForm

KNOWN_FEATURES = ("set", "sort", "wcont", "wjac", "names", "no_names", "rare_max", "len", "num_agree")
MARGIN = 1e-6  # on z: float sums in another order than pair_features


def enabled() -> bool:
    return tuple(features.FEATURES) == KNOWN_FEATURES


def floor_z(min_score: float) -> float:
    """The logit below which 100 x probability < min_score."""
    p = min(max(min_score / 100.0, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


class QuerySide:
    """What the bound needs of the query and of this placement's candidates, computed once: the
    query's weighted words, and which words may be spelling variants of a word on the other side
    (fuzz.ratio >= VARIANT_RATIO, batched in one cdist call: a superset of
    features.has_spelling_variant, which also compares initials, so the bound stays a bound)."""

    __slots__ = ("form", "local", "weights", "total", "eligible", "values", "q_variants", "has_q_variant", "factors")

    def __init__(self, form: MatchForm, local: LocalRarity | None, candidates: list[MatchForm]) -> None:
        self.form = form
        self.local = local if local is not None and local.n >= local.MIN_CLAIMS else None
        self.weights = self.local.weighted(form) if self.local is not None else dict(form.bag)
        self.total = sum(self.weights.values())
        min_len = features.VARIANT_MIN_LEN
        self.eligible = [(t, w) for t, w in self.weights.items()
                         if w >= features.VARIANT_MIN_WEIGHT and len(t) >= min_len]
        self.values = {v for _, _, v in form.numbers}
        # LocalRarity.factor of every candidate word at once (numpy; its formula, to the last bit or
        # so: z_upper keeps a margin). None: raw weights, as pair_features without local rarity.
        self.factors: dict[str, float] | None = None
        words = list({t for b in candidates for t, _ in b.bag})
        if self.local is not None:
            local, n = self.local, self.local.n
            df = np.fromiter((local.df.get(t, 0) for t in words), dtype=np.float64, count=len(words))
            f = np.log((n + 1) / (df + 1)) / math.log((n + 1) / 2)
            self.factors = dict(zip(words, np.clip(f, local.MIN_FACTOR, 1.0).tolist()))
        q_long = [t for t in self.weights if len(t) >= min_len]
        others = sorted(t for t in words if len(t) >= min_len)
        # Query word -> the candidates' words it may be a variant of; and which candidate words some
        # long query word may be a variant of. One cdist serves both: fuzz.ratio is symmetric.
        self.q_variants: dict[str, set[str]] = {}
        self.has_q_variant: set[str] = set()
        if q_long and others:
            cut = features.VARIANT_RATIO - 0.01  # a superset of decide()'s variants: the bound stays a bound
            m = process.cdist(q_long, others, scorer=fuzz.ratio, score_cutoff=cut)
            eligible = {t for t, _ in self.eligible}
            for t, row in zip(q_long, m):
                if t in eligible:
                    self.q_variants[t] = {others[j] for j in np.nonzero(row)[0].tolist()}
            self.has_q_variant = {others[j] for j in np.nonzero(m.any(axis=0))[0].tolist()}


def upper_bounds(q: QuerySide, b: MatchForm, set_ratio: int, sort_ratio: int) -> tuple[float, float]:
    """Upper bounds on the logit of pair_features(q.form, b, local) under the current model and on
    its weighted share of words (wcont, the third feature). set_ratio / sort_ratio: the frame's
    token_set_ratio / token_sort_ratio as cdist rounds them."""
    qw = q.weights
    factors = q.factors  # LocalRarity.weighted, without the dict
    # Eligibility by weight a hair generous: the factors may differ from LocalRarity's in the last bit.
    min_len, min_w = features.VARIANT_MIN_LEN, features.VARIANT_MIN_WEIGHT - 1e-9
    sb = inter = vb = 0.0
    b_long = set()
    b_tokens = set()
    has_q_variant = q.has_q_variant
    # figures each side writes another way count as shared words (features._soft_shared)
    q_figures = figures_written_twice(q.form, b) if q.values and b.numbers else {}
    b_figures = set().union(*q_figures.values()) if q_figures else ()
    for t, w in b.bag:
        if factors is not None:
            w = w * factors[t]
        sb += w
        b_tokens.add(t)
        if len(t) >= min_len:
            b_long.add(t)
        wq = qw.get(t)
        if wq is not None:
            inter += wq if wq < w else w
        elif (w >= min_w and t in has_q_variant) or t in b_figures:
            vb += w
    va = 0.0
    counted = set()
    if b_long:
        q_variants = q.q_variants
        for t, w in q.eligible:
            if t not in b_tokens and not q_variants.get(t, b_long).isdisjoint(b_long):
                va += w
                counted.add(t)
    for t in q_figures:
        if t not in b_tokens and t not in counted and t in qw:
            va += qw[t]
    sa = q.total
    if sa and sb:
        wcont = min(1.0, (2 * inter + va + vb) / 2 / min(sa, sb))
    else:
        wcont = 0.0
    la, lb = len(qw), len(b_tokens)
    length = min(la, lb) / max(la, lb) if la and lb else 0.0
    no_names = 1.0 if not q.form.names or not b.names else 0.0
    num_agree = 1.0 if q.values & {v for _, _, v in b.numbers} else 0.0
    both_core = bool(q.form.core and b.core)
    ranges = {
        "set": ((max(0, set_ratio - 1) / 100, min(100, set_ratio + 1) / 100) if both_core else (0.0, 0.0)),
        "sort": ((max(0, sort_ratio - 1) / 100, min(100, sort_ratio + 1) / 100) if both_core else (0.0, 0.0)),
        "wcont": (0.0, wcont), "wjac": (0.0, wcont), "names": (0.0, 1.0), "no_names": (no_names, no_names),
        "rare_max": (0.0, 1.0), "len": (length, length), "num_agree": (num_agree, num_agree),
    }
    z = features.INTERCEPT
    for name, w in zip(features.FEATURES, features.WEIGHTS):
        lo, hi = ranges.get(name, (0.0, 1.0))
        z += w * (hi if w > 0 else lo)
    return z + MARGIN, wcont + MARGIN
