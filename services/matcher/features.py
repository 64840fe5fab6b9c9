"""Pair features for the same-claim decision and the logistic model over them.

Each feature is a 0..1 number computed from two MatchForms: fuzzy scores of the event frames
(rapidfuzz), overlap of the statements' words weighted by rarity (rarity.py) with spelling variants
of rare words ("Peskov"/"Peskow") and figures written another way ("nearly 25,000" / 24,600:
amounts.figures_written_twice) counted as shared, overlap of names (entities and speaker), and
agreement of lengths and figures. The model's weights are constants fitted offline on public train
splits (bench/matching/fit_model.py prints them); nothing is loaded at run time.
"""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from .amounts import figures_written_twice, written_back
from .normalize import MatchForm

# A rare word in one statement and a word in the other this close (fuzz.ratio) and both this long
# are one word spelled two ways (transliteration, a typo, "Zelensky"/"Zelenskyy").
VARIANT_RATIO = 80.0
VARIANT_MIN_LEN = 5
VARIANT_MIN_WEIGHT = 2.0


def has_spelling_variant(t: str, words) -> bool:
    """Whether some word of `words` is another spelling of `t`: close by fuzz.ratio, opening with
    the same letter or two letters transliteration swaps ("Peskov" / "Peskow", "Zelensky" /
    "Selenskyj", "Yekaterinburg" / "Ekaterinburg", "Gaddafi" / "Qaddafi"; not "Alder" / "Calder",
    ratio 91), and not the same word with a deriving ending ("strike" / "striker"). Figures keep the
    ratio test alone, as before initials were compared. The initial is checked first, so most words
    cost no fuzz.ratio (this runs for every pair the matcher decides)."""
    figure = t.isdigit()
    for u in words:
        if (figure or same_initial(t, u)) and fuzz.ratio(
                t, u, score_cutoff=VARIANT_RATIO) and not _derived(t, u):
            return True
    return False


# Endings that make another word of a stem ("strike" / "striker", "organise" / "organiser"), where a
# spelling of one name differs by a letter or two anywhere ("Zelensky" / "Zelenskyy").
_DERIVING_ENDINGS = ("r", "er", "ers", "rs", "ist", "ists", "ion", "ions", "ment", "ments")


def _derived(t: str, u: str) -> bool:
    short, long = (t, u) if len(t) <= len(u) else (u, t)
    return long.startswith(short) and long[len(short):] in _DERIVING_ENDINGS


# Initials one language writes where another writes the other (German W/Z for English V/S-sounds...).
_SWAPPED_INITIALS = frozenset(x + y for pair in ("vw", "sz", "ck", "kq", "gq", "gk", "jy", "iy", "ij", "ey", "gh", "tc")
                              for x, y in (pair, pair[::-1]))


def same_initial(t: str, u: str) -> bool:
    """Two words open with one letter, or with two letters transliteration swaps ("Peskov" / "Peskow"
    start alike; "Gaddafi" / "Qaddafi" / "Kadhafi", "Zelensky" / "Selenskyj" by a swap)."""
    return t[:1] == u[:1] or t[:1] + u[:1] in _SWAPPED_INITIALS


FEATURES = ("set", "sort", "wcont", "wjac", "names", "no_names", "rare_max", "len", "num_agree")


def _soft_shared(a: dict[str, float], b: dict[str, float],
                 figures: dict[str, set[str]] | None = None) -> tuple[float, float]:
    """Weight of the words of `a` found in `b` (exactly, as a spelling variant of a rare word, or as
    a figure `b` writes another way: `figures`, from amounts.figures_written_twice), and the largest
    such weight."""
    total = best = 0.0
    b_long = [t for t in b if len(t) >= VARIANT_MIN_LEN]
    for t, w in a.items():
        if t in b:
            hit = min(w, b[t])
        elif figures and t in figures:
            hit = min(w, max(b.get(u, 0.0) for u in figures[t]))
        elif w >= VARIANT_MIN_WEIGHT and len(t) >= VARIANT_MIN_LEN and has_spelling_variant(t, b_long):
            hit = w
        else:
            continue
        total += hit
        best = max(best, hit)
    return total, best


def name_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    rest_b = [u for u in b - a if len(u) >= VARIANT_MIN_LEN]
    for t in a - b:
        if len(t) >= VARIANT_MIN_LEN and has_spelling_variant(t, rest_b):
            shared += 1
    return shared / min(len(a), len(b))


class LocalRarity:
    """Document frequencies of tokens among the claims of one index (one story): a word every
    outlet's coverage of the story repeats ("ceasefire" in a ceasefire story) tells two of its claims
    apart less than the English-wide rarity says. factor(t) scales a token's weight: 1 while the
    index is small or the token is rare in it, down to MIN_FACTOR for a token in every claim."""

    MIN_CLAIMS = 8
    MIN_FACTOR = 0.15
    # Weighted bags kept between two changes of the index: placing a claim weighs at most a few
    # hundred; FindSimilar queries against a story that gets no new claim would otherwise pile up.
    MAX_CACHED = 4096

    def __init__(self) -> None:
        self.df: dict[str, int] = {}
        self.n = 0
        # Weighted bags as of the current document frequencies: placing one claim scores it against
        # up to a hundred candidates, and each bag would otherwise be reweighted for every pair.
        self._weighted: dict[int, tuple[MatchForm, dict[str, float]]] = {}
        self._factors: dict[str, float] = {}

    def add(self, form: MatchForm) -> None:
        self.n += 1
        self._weighted.clear()
        self._factors.clear()
        for t, _ in form.bag:
            self.df[t] = self.df.get(t, 0) + 1

    def weighted(self, form: MatchForm) -> dict[str, float]:
        cached = self._weighted.get(id(form))
        if cached is None or cached[0] is not form:  # the form is kept, so its id cannot be reused
            if len(self._weighted) >= self.MAX_CACHED:
                self._weighted.clear()
            f = self.factor
            cached = self._weighted[id(form)] = (form, {t: w * f(t) for t, w in form.bag})
        return cached[1]

    def remove(self, form: MatchForm) -> None:
        self.n -= 1
        self._weighted.clear()
        self._factors.clear()
        for t, _ in form.bag:
            left = self.df.get(t, 0) - 1
            if left > 0:
                self.df[t] = left
            else:
                self.df.pop(t, None)

    def factor(self, token: str) -> float:
        if self.n < self.MIN_CLAIMS:
            return 1.0
        known = self._factors.get(token)
        if known is None:
            df = self.df.get(token, 0)
            f = math.log((self.n + 1) / (df + 1)) / math.log((self.n + 1) / 2)
            known = self._factors[token] = min(1.0, max(self.MIN_FACTOR, f))
        return known


def _weights(a: MatchForm, b: MatchForm, local: LocalRarity | None) -> tuple[dict[str, float], dict[str, float]]:
    if local is not None and local.n >= local.MIN_CLAIMS:
        return local.weighted(a), local.weighted(b)
    return dict(a.bag), dict(b.bag)


def pair_features(a: MatchForm, b: MatchForm, local: LocalRarity | None = None) -> tuple[float, ...]:
    set_r = fuzz.token_set_ratio(a.core, b.core) / 100.0 if a.core and b.core else 0.0
    sort_r = fuzz.token_sort_ratio(a.core, b.core) / 100.0 if a.core and b.core else 0.0
    wa, wb = _weights(a, b, local)
    sa, sb = sum(wa.values()), sum(wb.values())
    figures = figures_written_twice(a, b)
    shared_ab, best_ab = _soft_shared(wa, wb, figures)
    shared_ba, best_ba = _soft_shared(wb, wa, written_back(figures) if figures else None)
    shared = (shared_ab + shared_ba) / 2
    wcont = shared / min(sa, sb) if sa and sb else 0.0
    wjac = shared / (sa + sb - shared) if sa + sb - shared > 0 else 0.0
    names = name_overlap(a.names, b.names)
    no_names = 1.0 if not a.names or not b.names else 0.0
    la, lb = len(wa), len(wb)
    length = min(la, lb) / max(la, lb) if la and lb else 0.0
    return (set_r, sort_r, min(1.0, wcont), wjac, names, no_names, _rare_max(best_ab, best_ba), length,
            _num_agree(a, b))


def _rare_max(best_ab: float, best_ba: float) -> float:
    """The weight of the rarest word shared, 1 from a rare name's weight on."""
    return min(1.0, max(best_ab, best_ba) / 6.5)


def _num_agree(a: MatchForm, b: MatchForm) -> float:
    """1 when the statements give a figure of the same value."""
    return 1.0 if {v for _, _, v in a.numbers} & {v for _, _, v in b.numbers} else 0.0


# Logistic model over FEATURES (intercept first). Fitted by bench/matching/fit_model.py.
INTERCEPT = -0.3068
WEIGHTS = (-2.0723, 2.2576, 4.3758, -0.0637, -0.2772, -0.6085, -0.7341, -1.0051, -0.1111)


def probability(features: tuple[float, ...], intercept: float = None, weights: tuple[float, ...] = None) -> float:
    z = INTERCEPT if intercept is None else intercept
    for x, w in zip(features, WEIGHTS if weights is None else weights):
        z += x * w
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def same_score(a: MatchForm, b: MatchForm) -> float:
    """0..100: the model's probability that the two statements state the same fact."""
    return 100.0 * probability(pair_features(a, b))


# FindSimilar's ranking: a logistic model of "the candidate states the query's claim" over the frame
# score of the blocking step and these pair features, with the share of each side's weighted words
# the other states (the same-claim features are symmetric, so a short candidate contained in a long
# query looked as close as a full restatement). Fitted on CheckThat! 2020 task 2 train (tweets
# against verified claims) by bench/matching/fit_rank.py; a ranking, not a decision.
RANK_FEATURES = ("frame", "sort", "names", "rare_max", "num_agree", "query_covered", "candidate_covered")
RANK_INTERCEPT = -9.394
RANK_WEIGHTS = (1.3249, 3.3511, 1.061, 2.8725, 1.2207, 4.1509, 6.6047)


def rank_features(query: MatchForm, candidate: MatchForm, frame: float, sort_ratio: float,
                  local: LocalRarity | None = None) -> tuple[float, ...]:
    """RANK_FEATURES of a candidate for a query; frame and sort_ratio (0..100): their pair_score and
    the frames' token_sort_ratio, as the blocking step computed them."""
    wq, wc = _weights(query, candidate, local)
    sq, sc = sum(wq.values()), sum(wc.values())
    query_shared, best_q = _soft_shared(wq, wc)
    candidate_shared, best_c = _soft_shared(wc, wq)
    return (frame / 100.0, sort_ratio / 100.0, name_overlap(query.names, candidate.names), _rare_max(best_q, best_c),
            _num_agree(query, candidate), query_shared / sq if sq else 0.0, candidate_shared / sc if sc else 0.0)


def relevance(query: MatchForm, candidate: MatchForm, frame: float, sort_ratio: float,
              local: LocalRarity | None = None) -> float:
    """0..100: how likely the candidate states the query's claim, by the ranking model."""
    return 100.0 * probability(rank_features(query, candidate, frame, sort_ratio, local), RANK_INTERCEPT, RANK_WEIGHTS)
