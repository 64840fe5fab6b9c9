"""Cross-outlet claim matching: fuzzy similarity (rapidfuzz) plus explicit rules for the details
that decide truth (numbers, dates, places, confirm vs deny), over a blocking index.

Plain domain code: no grpc, no aiokafka.
"""

from __future__ import annotations

import re
from collections import OrderedDict, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from shared.pb import claim_pb2, match_pb2

SAME = match_pb2.MATCH_DECISION_SAME
CONFLICTING = match_pb2.MATCH_DECISION_CONFLICTING
DIFFERENT = match_pb2.MATCH_DECISION_DIFFERENT

DEFAULT_THRESHOLD = 70.0
# Wire copy reprinted elsewhere keeps its sentences nearly verbatim.
REPRINT_TEXT_SIMILARITY = 90.0
REPRINT_BYLINE_SIMILARITY = 85.0
# Tokens in more than this many indexed claims are too common to block on.
MAX_POSTING = 2_000

STOP_WORDS = frozenset(
    "a an the and or but of in on at to for from by with as into about over after before "
    "is are was were be been being has have had do does did will would shall should can could "
    "that this these those it its their his her they he she we you i which who whom whose "
    "said says say told tells according also than then there here not no".split()
)
_NEGATION_FREE_STOP = STOP_WORDS - {"not", "no"}
_NON_WORD = re.compile(r"[^\w\s]+")


def matching_tokens(normalized_text: str) -> list[str]:
    """The tokens similarity is computed on: stop words and the attribution frame's verbs removed."""
    return [t for t in _NON_WORD.sub(" ", normalized_text.lower()).split() if t not in STOP_WORDS]


def similarity(a: str, b: str, **_: object) -> float:
    """0..100. token_set alone scores a sentence against any subset of itself as 100; averaging with
    token_sort penalises the unshared remainder. Extra keywords (rapidfuzz passes score_cutoff)
    are ignored: process.extract applies the cutoff itself."""
    return (fuzz.token_set_ratio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


def _numbers_by_unit(claim: claim_pb2.Claim) -> dict[str, set[float]]:
    by_unit: dict[str, set[float]] = defaultdict(set)
    for q in claim.quantities:
        by_unit[q.unit].add(round(q.value, 6))
    return by_unit


def _detail_conflict(a: claim_pb2.Claim, b: claim_pb2.Claim) -> str | None:
    """The first incompatible detail between two claims about the same thing, in words."""
    if a.negated != b.negated:
        affirmed, denied = (a, b) if b.negated else (b, a)
        return f"confirm vs deny: {affirmed.text!r} vs {denied.text!r}"
    numbers_a, numbers_b = _numbers_by_unit(a), _numbers_by_unit(b)
    for unit in sorted(set(numbers_a) & set(numbers_b)):
        if numbers_a[unit].isdisjoint(numbers_b[unit]):
            shown = lambda values: ", ".join(f"{v:g}" for v in sorted(values))  # noqa: E731
            return f"number mismatch{' (' + unit + ')' if unit else ''}: {shown(numbers_a[unit])} vs {shown(numbers_b[unit])}"
    dates_a = {d.resolved for d in a.dates if d.resolved}
    dates_b = {d.resolved for d in b.dates if d.resolved}
    if dates_a and dates_b and dates_a.isdisjoint(dates_b):
        return f"date mismatch: {', '.join(sorted(dates_a))} vs {', '.join(sorted(dates_b))}"
    places_a = {e.canonical for e in a.entities if e.kind == claim_pb2.ENTITY_KIND_PLACE}
    places_b = {e.canonical for e in b.entities if e.kind == claim_pb2.ENTITY_KIND_PLACE}
    if places_a and places_b and places_a.isdisjoint(places_b):
        return f"place mismatch: {', '.join(sorted(places_a))} vs {', '.join(sorted(places_b))}"
    return None


def compare(a: claim_pb2.Claim, b: claim_pb2.Claim, threshold: float = DEFAULT_THRESHOLD) -> match_pb2.MatchExplanation:
    """Same claim, conflicting claim, or different: a high score alone never makes two claims the
    same when a number, date, place or polarity differs."""
    score = similarity(" ".join(matching_tokens(a.normalized_text)), " ".join(matching_tokens(b.normalized_text)))
    if score < threshold:
        return match_pb2.MatchExplanation(decision=DIFFERENT, score=score,
                                          reason=f"similarity {score:.1f} below threshold {threshold:g}")
    conflict = _detail_conflict(a, b)
    if conflict:
        return match_pb2.MatchExplanation(decision=CONFLICTING, score=score, reason=conflict)
    return match_pb2.MatchExplanation(decision=SAME, score=score,
                                      reason=f"similarity {score:.1f} at or above threshold {threshold:g}; details agree")


def byline_credit(byline: str) -> str:
    """The credit a byline gives, folded: 'By Meridian Press' and 'MERIDIAN PRESS' are one credit."""
    text = re.sub(r"\(.*?\)", " ", byline.lower())
    text = re.sub(r"^\s*by\s+", "", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass
class _Indexed:
    claim: claim_pb2.Claim
    match: match_pb2.ClaimMatch
    tokens: str


class ClaimIndex:
    """The matcher's state: every indexed claim, its cluster, and reprint marks per article.

    Deterministic: the same claims in the same order give the same clusters, so a restarted
    matcher rebuilds identical state by replaying the claims topic.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, max_claims: int = 1_000_000) -> None:
        self.threshold = threshold
        self.max_claims = max_claims
        self._claims: OrderedDict[str, _Indexed] = OrderedDict()
        self._postings: dict[str, set[str]] = defaultdict(set)
        self._article_source: dict[str, str] = {}
        self._article_byline: dict[str, str] = {}
        self._reprint_of: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._claims)

    def get(self, claim_id: str) -> match_pb2.ClaimMatch | None:
        indexed = self._claims.get(claim_id)
        return indexed.match if indexed else None

    def place(self, claim: claim_pb2.Claim) -> match_pb2.ClaimMatch:
        """Puts a claim into a cluster and returns the placement. A claim seen before gets its
        earlier placement again (redelivery is harmless)."""
        known = self._claims.get(claim.id)
        if known is not None:
            return known.match
        self._article_source.setdefault(claim.article_id, claim.source)
        self._article_byline.setdefault(claim.article_id, claim.byline)
        tokens = " ".join(matching_tokens(claim.normalized_text))
        ranked = self._rank(claim, tokens)
        reprint_of = self._note_reprint(claim, ranked)
        match = match_pb2.ClaimMatch(claim=claim, cluster_id=claim.id, reprint_of_article_id=reprint_of,
                                     independent_source=self._article_source.get(reprint_of, claim.source))
        best = self._best(ranked)
        if best is not None:
            other, explanation = best
            match.cluster_id = other.match.cluster_id
            match.matched_claim_id = other.claim.id
            match.explanation.CopyFrom(explanation)
        else:
            match.explanation.CopyFrom(match_pb2.MatchExplanation(
                decision=DIFFERENT, reason="no indexed claim is similar enough: new cluster"))
        self._add(_Indexed(claim, match, tokens))
        return match

    def find_similar(self, claim: claim_pb2.Claim, limit: int = 10,
                     min_score: float = 0.0) -> list[tuple[match_pb2.ClaimMatch, match_pb2.MatchExplanation]]:
        tokens = " ".join(matching_tokens(claim.normalized_text))
        found = []
        for other, score in self._candidates_by_score(tokens, min_score, exclude_article=None, limit=limit):
            found.append((other.match, compare(claim, other.claim, self.threshold)))
        return found

    def _rank(self, claim: claim_pb2.Claim, tokens: str) -> list[tuple[_Indexed, match_pb2.MatchExplanation]]:
        ranked = []
        for other, _ in self._candidates_by_score(tokens, self.threshold, exclude_article=claim.article_id, limit=20):
            ranked.append((other, compare(claim, other.claim, self.threshold)))
        return ranked

    def _candidates_by_score(self, tokens: str, cutoff: float, exclude_article: str | None,
                             limit: int) -> list[tuple[_Indexed, float]]:
        ids: set[str] = set()
        for token in set(tokens.split()):
            posting = self._postings.get(token)
            if posting and len(posting) <= MAX_POSTING:
                ids |= posting
        candidates = {cid: self._claims[cid].tokens for cid in ids
                      if self._claims[cid].claim.article_id != exclude_article}
        if not candidates:
            return []
        hits = process.extract(tokens, candidates, scorer=similarity, score_cutoff=cutoff, limit=limit)
        # Ties broken by claim id so results do not depend on set iteration order.
        hits.sort(key=lambda hit: (-hit[1], hit[2]))
        return [(self._claims[cid], score) for _, score, cid in hits]

    @staticmethod
    def _best(ranked: list[tuple[_Indexed, match_pb2.MatchExplanation]]):
        """A same-claim link beats a conflict link; a conflict link beats a new cluster."""
        for wanted in (SAME, CONFLICTING):
            options = [(o, e) for o, e in ranked if e.decision == wanted]
            if options:
                return max(options, key=lambda oe: (oe[1].score, oe[0].claim.id))
        return None

    def _note_reprint(self, claim: claim_pb2.Claim, ranked) -> str:
        """Marks an article as a reprint of an earlier one when it shares its wire copy: a sentence
        nearly verbatim and the same agency credit."""
        if claim.article_id in self._reprint_of:
            return self._reprint_of[claim.article_id]
        credit = byline_credit(claim.byline)
        for other, _ in ranked:
            original = self._reprint_of.get(other.claim.article_id, other.claim.article_id)
            if self._article_source[original] == claim.source:
                continue
            if fuzz.ratio(claim.text, other.claim.text) < REPRINT_TEXT_SIMILARITY:
                continue
            original_credit = byline_credit(self._article_byline.get(original, ""))
            source_name = self._article_source[original].split(".")[0]
            if credit and (fuzz.token_set_ratio(credit, original_credit) >= REPRINT_BYLINE_SIMILARITY
                           or fuzz.ratio(credit.replace(" ", ""), source_name) >= REPRINT_BYLINE_SIMILARITY):
                self._reprint_of[claim.article_id] = original
                return original
        return ""

    def _add(self, indexed: _Indexed) -> None:
        self._claims[indexed.claim.id] = indexed
        for token in set(indexed.tokens.split()):
            self._postings[token].add(indexed.claim.id)
        while len(self._claims) > self.max_claims:
            old_id, old = self._claims.popitem(last=False)
            for token in set(old.tokens.split()):
                self._postings[token].discard(old_id)
