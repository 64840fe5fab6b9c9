"""Which story an article belongs to: the unit within which claims are matched, and the key that
keeps one story's claims on one Kafka partition, so matchers scale out by partition.

Modes (CLAIMCHECK_STORY_KEY):
- "single": every article is one story (best matching recall; the matcher cannot scale out);
- "place": the place the article names most often (ties: the first named), else "" — breaking
  news happens somewhere, and outlets covering one event name its place.
Plain domain code: no grpc, no aiokafka.
"""

from __future__ import annotations

from collections import Counter

from shared.pb import article_pb2, claim_pb2

from .extraction import extract_claims

MODES = ("single", "place")


def story_key(claims: list[claim_pb2.Claim], mode: str) -> str:
    if mode == "single":
        return ""
    if mode != "place":
        raise ValueError(f"story key mode {mode!r} is not one of {', '.join(MODES)}")
    places: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for claim in claims:
        for entity in claim.entities:
            if entity.kind == claim_pb2.ENTITY_KIND_PLACE and entity.canonical:
                places[entity.canonical] += 1
                first_seen.setdefault(entity.canonical, len(first_seen))
    if not places:
        return ""
    return min(places, key=lambda place: (-places[place], first_seen[place]))


def extract_story_claims(article: article_pb2.Article, mode: str = "single") -> list[claim_pb2.Claim]:
    """The article's claims, each carrying the article's story key."""
    claims = extract_claims(article)
    key = story_key(claims, mode)
    for claim in claims:
        claim.story_key = key
    return claims
