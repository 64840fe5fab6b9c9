"""Which story an article belongs to: the unit within which claims are matched, and the key that
keeps one story's claims on one Kafka partition, so matchers scale out by partition.

Modes (CLAIMCHECK_STORY_KEY):
- "single": every article is one story (best matching recall; the matcher cannot scale out);
- "place": the place the article names most often (ties: the first named); failing a known place,
  the non-person entity named most often; else "" — breaking news happens somewhere, and outlets
  covering one event name its place.
Plain domain code: no grpc, no aiokafka.
"""

from __future__ import annotations

from collections import Counter

from shared.pb import article_pb2, claim_pb2

from .entities import ORG, OTHER, PLACE, find_entities
from .extraction import extract_claims
from .sentences import split_sentences

MODES = ("single", "place")


def story_key(article: article_pb2.Article, mode: str) -> str:
    """The article's story key, from its own text (not its claims), so SubmitArticle can key the
    article record by it: one story's articles then reach the extractor in submission order."""
    if mode == "single":
        return ""
    if mode != "place":
        raise ValueError(f"story key mode {mode!r} is not one of {', '.join(MODES)}")
    mentions = [m for start, end in split_sentences(article.text) for m in find_entities(article.text[start:end])]
    for kinds in ({PLACE}, {PLACE, ORG, OTHER}):
        named: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for mention in mentions:
            if mention.kind in kinds and mention.canonical:
                named[mention.canonical] += 1
                first_seen.setdefault(mention.canonical, len(first_seen))
        if named:
            return min(named, key=lambda name: (-named[name], first_seen[name]))
    return ""


def extract_story_claims(article: article_pb2.Article, mode: str = "single") -> list[claim_pb2.Claim]:
    """The article's claims, each carrying the article's story key."""
    claims = extract_claims(article)
    key = story_key(article, mode)
    for claim in claims:
        claim.story_key = key
    return claims
