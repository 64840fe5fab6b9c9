"""Checks on messages that arrive from outside (gRPC requests and Kafka records alike).

Each returns a list of human-readable problems, empty when the message is acceptable.
"""

from __future__ import annotations

import hashlib

from shared.pb import article_pb2, claim_pb2, match_pb2

MAX_SOURCE_CHARS = 256
MAX_ID_CHARS = 256


def article_id_for(article: article_pb2.Article) -> str:
    """The id of an article that came without one: stable, so a resubmission is the same article."""
    digest = hashlib.sha256(f"{article.source}\x00{article.text}".encode()).hexdigest()
    return f"art-{digest[:16]}"


def validate_article(article: article_pb2.Article, max_text_bytes: int) -> list[str]:
    problems = []
    if not article.source.strip():
        problems.append("article.source is required (the outlet, e.g. northwire.example)")
    elif len(article.source) > MAX_SOURCE_CHARS:
        problems.append(f"article.source is longer than {MAX_SOURCE_CHARS} characters")
    if len(article.id) > MAX_ID_CHARS:
        problems.append(f"article.id is longer than {MAX_ID_CHARS} characters")
    if not article.text.strip():
        problems.append("article.text is empty")
    elif len(article.text.encode()) > max_text_bytes:
        problems.append(f"article.text is {len(article.text.encode())} bytes, over the limit of {max_text_bytes}")
    if not article.HasField("published_at"):
        problems.append("article.published_at is required")
    return problems


def validate_claim(claim: claim_pb2.Claim) -> list[str]:
    problems = []
    for name in ("id", "article_id", "source", "text"):
        if not getattr(claim, name):
            problems.append(f"claim.{name} is required")
    if claim.span.end <= claim.span.start:
        problems.append("claim.span is empty")
    return problems


def validate_claim_match(match: match_pb2.ClaimMatch) -> list[str]:
    problems = [f"claim_match.{p}" for p in validate_claim(match.claim)]
    if not match.cluster_id:
        problems.append("claim_match.cluster_id is required")
    if not match.independent_source:
        problems.append("claim_match.independent_source is required")
    return problems
