"""Turning sentences written for the tests into claims and decisions, one way for every test module."""

from services.extractor.extraction import analyze_sentence
from services.matcher.matching import compare
from shared.pb import claim_pb2, match_pb2


def explain(a: str, b: str) -> match_pb2.MatchExplanation:
    return compare(analyze_sentence(a), analyze_sentence(b))


def placed_claim(article: str, text: str, source: str = "", byline: str = "", ordinal: int = 0,
                 at: int = 0) -> claim_pb2.Claim:
    """A claim as the extractor would publish it: id, article, outlet (default `<article>.example`),
    byline, span over the whole text, publication time in epoch seconds when `at` is given."""
    c = analyze_sentence(text)
    c.id, c.article_id, c.source, c.byline = f"{article}#{ordinal}", article, source or f"{article}.example", byline
    c.span.start, c.span.end = 0, len(text)
    if at:
        c.published_at.seconds = at
    return c
