"""Checks on messages that arrive from outside (gRPC requests and Kafka records alike).

Each returns a list of violations (field and why), empty when the message is acceptable.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import NamedTuple

from google.protobuf.message import Message

from shared.pb import article_pb2, claim_pb2, match_pb2


class Violation(NamedTuple):
    """One problem with one field; `str()` reads as a sentence for logs, DLQ headers and errors."""

    field: str
    description: str

    def __str__(self) -> str:
        return f"{self.field} {self.description}"

# Publication times outside these years are typos or mixed-up epochs, and resolving "yesterday"
# near year 1 or 9999 overflows.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2200


def publication_time(message: Message, field: str, name: str = "") -> tuple[datetime | None, list[Violation]]:
    """An optional Timestamp field of a message as a UTC datetime, or the violation of one out of
    range (reported as `name`, default the field's own)."""
    if not message.HasField(field):
        return None, []
    try:
        when = getattr(message, field).ToDatetime(tzinfo=timezone.utc)
    except ValueError as e:  # seconds or nanos outside what a Timestamp may hold
        return None, [Violation(name or field, f"is not a valid time: {e}")]
    if not EARLIEST_YEAR <= when.year <= LATEST_YEAR:
        return None, [Violation(name or field, f"is in the year {when.year}, outside {EARLIEST_YEAR}-{LATEST_YEAR}")]
    return when, []


MAX_SOURCE_CHARS = 256
MAX_ID_CHARS = 256


def validate_id(field: str, value: str) -> list[Violation]:
    """A required id in a request (claim_id, article_id)."""
    if not value:
        return [Violation(field, "is required")]
    if len(value) > MAX_ID_CHARS:
        return [Violation(field, f"is longer than {MAX_ID_CHARS} characters")]
    return []


def article_id_for(article: article_pb2.Article) -> str:
    """The id of an article that came without one: stable, so a resubmission is the same article."""
    digest = hashlib.sha256(f"{article.source}\x00{article.text}".encode()).hexdigest()
    return f"art-{digest[:16]}"


def validate_article(article: article_pb2.Article, max_text_bytes: int) -> list[Violation]:
    problems = []
    if not article.source.strip():
        problems.append(Violation("article.source", "is required (the outlet, e.g. northwire.example)"))
    elif len(article.source) > MAX_SOURCE_CHARS:
        problems.append(Violation("article.source", f"is longer than {MAX_SOURCE_CHARS} characters"))
    if len(article.id) > MAX_ID_CHARS:
        problems.append(Violation("article.id", f"is longer than {MAX_ID_CHARS} characters"))
    if not article.text.strip():
        problems.append(Violation("article.text", "is empty"))
    elif len(article.text.encode()) > max_text_bytes:
        problems.append(Violation("article.text", f"is {len(article.text.encode())} bytes, over the limit of {max_text_bytes}"))
    if not article.HasField("published_at"):
        problems.append(Violation("article.published_at", "is required"))
    problems += publication_time(article, "published_at", "article.published_at")[1]
    return problems


def validate_claim(claim: claim_pb2.Claim) -> list[Violation]:
    problems = []
    for name in ("id", "article_id", "source", "text"):
        if not getattr(claim, name):
            problems.append(Violation(f"claim.{name}", "is required"))
    if claim.span.end <= claim.span.start:
        problems.append(Violation("claim.span", "is empty"))
    return problems


def validate_claim_match(match: match_pb2.ClaimMatch) -> list[Violation]:
    problems = [Violation(f"claim_match.{v.field}", v.description) for v in validate_claim(match.claim)]
    if not match.cluster_id:
        problems.append(Violation("claim_match.cluster_id", "is required"))
    if not match.independent_source:
        problems.append(Violation("claim_match.independent_source", "is required"))
    return problems
