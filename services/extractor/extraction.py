"""Claim extraction domain code: article -> check-worthy claims (no grpc / aiokafka here).

One claim per sentence for now. `_claim_units` is the seam where compound sentences will later be
split into clauses: everything downstream works on (start, end) units, not on sentences.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from shared.pb import article_pb2, claim_pb2

from .attribution import find_attribution
from .dates import find_dates
from .entities import find_entities
from .quantities import find_quantities, value_form
from .sentences import split_sentences
from .worthiness import CHECK_WORTHINESS_THRESHOLD, Signals, features, score

__all__ = ["CHECK_WORTHINESS_THRESHOLD", "analyze_sentence", "extract_claims", "normalize"]

# A wire dateline/credit opening a sentence: "KYIV (Meridian Press) — ", "(LPA) — ", "LONDON — ".
_DATELINE = re.compile(
    r"^(?:[A-Z]{2}[A-Z .'-]*(?:,\s*[A-Z][\w. ]{1,30}?)?\s*(?:\([^)]{1,40}\))?|\([^)]{1,40}\))\s*[—–-]{1,2}\s+"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|nothing|none|neither|nor|no longer|denied|denies|deny|refused|refuses|"
    r"declined to|rejected|rejects|yet to)\b|n't\b",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"(?<!\d)[.,](?!\d)|[^\w\s.,]|(?<=\d)[.,](?!\d)|_")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
_PRONOUN_SPEAKERS = frozenset({"he", "she"})


def normalize(text: str) -> str:
    """Lowercase, punctuation stripped (decimal points kept), whitespace collapsed."""
    return _SPACES.sub(" ", _PUNCT.sub(" ", _POSSESSIVE.sub("", text.lower()))).strip()


def _normalized_statement(sentence: str, start: int, end: int, prefix: str, entities, quantities) -> str:
    """Statement with entity variants folded to canonical forms and numbers to value forms."""
    repl = [(e.start, e.end, e.canonical) for e in entities if start <= e.start and e.end <= end]
    repl += [(q.start, q.end, value_form(q)) for q in quantities if start <= q.start and q.end <= end]
    repl.sort()
    pieces: list[str] = [prefix]
    pos = start
    for s, e, r in repl:
        if s < pos:
            continue  # overlapping mentions: first one wins
        pieces.append(sentence[pos:s])
        pieces.append(f" {r} ")
        pos = e
    pieces.append(sentence[pos:end])
    return normalize("".join(pieces))


def analyze_sentence(text: str, published_at: datetime | None = None) -> claim_pb2.Claim:
    """Fill the sentence-level fields of a Claim; spans are relative to `text`."""
    dl = _DATELINE.match(text)
    offset = dl.end() if dl else 0
    body = text[offset:]
    entities = find_entities(body)
    dates = find_dates(body, published_at)
    # "11 March" is a date, not the number 11.
    quantities = [q for q in find_quantities(body) if not any(d.start <= q.start < d.end for d in dates)]
    attr = find_attribution(text, offset)
    ss, se = attr.stmt_start, attr.stmt_end
    # Trim the closing punctuation so the statement reads as a clause.
    while se > ss and text[se - 1] in ".,;:!?\"”’' ":
        se -= 1
    while ss < se and text[ss] in " \"“‘,:":
        ss += 1
    statement = attr.stmt_prefix + text[ss:se]

    # Shift body-relative mentions back to sentence offsets once.
    claim = claim_pb2.Claim(text=text, statement=statement, speaker=attr.speaker, reporting_verb=attr.verb)
    for e in entities:
        claim.entities.add(text=e.text, canonical=e.canonical, kind=e.kind, span={"start": e.start + offset, "end": e.end + offset})
    for q in quantities:
        claim.quantities.add(text=q.text, value=q.value, unit=q.unit, span={"start": q.start + offset, "end": q.end + offset})
    for d in dates:
        claim.dates.add(text=d.text, resolved=d.resolved, span={"start": d.start + offset, "end": d.end + offset})
    claim.negated = attr.frame_negated or attr.verb in ("deny", "reject") or _NEGATION.search(statement) is not None

    # Entities that only open the sentence ("The", etc. are already dropped) still count as names.
    sig = Signals(
        attributed=bool(attr.speaker),
        n_entities=len(entities),
        n_quantities=len(quantities),
        n_dates=len(dates),
    )
    claim.check_worthiness = round(score(features(body, statement, sig)), 4)
    shifted = [_shift(e, offset) for e in entities]
    shifted_q = [_shift(q, offset) for q in quantities]
    claim.normalized_text = _normalized_statement(text, ss, se, attr.stmt_prefix, shifted, shifted_q)
    return claim


def _shift(m, offset: int):
    return type(m)(**{**{f: getattr(m, f) for f in m.__slots__}, "start": m.start + offset, "end": m.end + offset})


def _claim_units(text: str) -> list[tuple[int, int]]:
    """Spans that become candidate claims. Today: sentences. Later: clauses of compound sentences."""
    return split_sentences(text)


def extract_claims(
    article: article_pb2.Article, threshold: float = CHECK_WORTHINESS_THRESHOLD
) -> list[claim_pb2.Claim]:
    text = article.text
    published = article.published_at.ToDatetime(tzinfo=timezone.utc) if article.HasField("published_at") else None
    claims: list[claim_pb2.Claim] = []
    last_person = ""
    for start, end in _claim_units(text):
        claim = analyze_sentence(text[start:end], published)
        # "He said …" after "Peskov said …": carry the last named speaker (cheap coreference).
        if claim.speaker.lower() in _PRONOUN_SPEAKERS and last_person:
            claim.speaker = last_person
        elif claim.speaker[:1].isupper() and claim.speaker.split()[0].lower() not in ("the", "a", "an", "it", "they"):
            last_person = claim.speaker
        if claim.check_worthiness < threshold:
            continue
        claim.id = f"{article.id}#{len(claims)}"
        claim.article_id = article.id
        claim.source = article.source
        claim.byline = article.byline
        claim.span.start, claim.span.end = start, end
        if published is not None:
            claim.published_at.CopyFrom(article.published_at)
        for group in (claim.entities, claim.quantities, claim.dates):
            for item in group:
                item.span.start += start
                item.span.end += start
        claims.append(claim)
    return claims
