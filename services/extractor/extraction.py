"""Claim extraction domain code: article -> check-worthy claims (no grpc / aiokafka here).

One claim per sentence for now. `_claim_units` is the seam where compound sentences will later be
split into clauses: everything downstream works on (start, end) units, not on sentences.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

from shared.names import TITLES
from shared.pb import article_pb2, claim_pb2
from shared.rarity import NOBODY_EXCEPT, plain_apostrophes, title_case

from .attribution import find_attribution
from .dates import find_dates, find_times
from .entities import ORG, OTHER, PERSON, PLACE, as_actor, canonicalize, find_entities
from .hedges import hedged
from .quantities import find_quantities, value_form
from .roles import RoleBook
from .clauses import split_clauses
from .sentences import _LIST_MARKER, BYLINE, CAPTION, HEADING, LIST_ITEM, Segment, segment
from .checkworthy import learned_logit
from .worthiness import CHECK_WORTHINESS_THRESHOLD, Signals, combined_score, features

__all__ = ["CHECK_WORTHINESS_THRESHOLD", "analyze_sentence", "extract_claims", "normalize", "sentence_features"]

# A wire dateline/credit opening a sentence: "KYIV (Meridian Press) — ", "(LPA) — ", "LONDON — ".
_DATELINE = re.compile(
    r"^(?:[A-Z]{2}[A-Z .'-]*(?:,\s*[A-Z][\w. ]{1,30}?)?\s*(?:\([^)]{1,40}\))?|\([^)]{1,40}\))\s*[—–-]{1,2}\s+"
)
_NEGATION = re.compile(
    rf"(?<!\ba )\bnobody\b(?!\s+(?:{'|'.join(NOBODY_EXCEPT)})\b)|"  # not "a nobody", "nobody but the pilot"
    r"\b(?:not|never|no|nothing|none|neither|nor|no longer|denied|denies|deny|refused|refuses|"
    r"declined to|rejected|rejects|yet to)\b|n't\b",
)  # applied to the lower-cased statement: 3x faster than re.IGNORECASE
_PUNCT = re.compile(r"[.,](?!\d)|[^\w\s.,]|_")  # a point or comma stays only before a digit ("3.5", "2,000")
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s\b")
# Contractions spelled out, so that "hasn't" is "has not" (a negation the matcher reads, and a stop
# word), not the words "hasn" and "t"; "won't" is "will not", not "won" (of "win") and "t".
# One pass over the text: a contraction is replaced by its spelling as found.
_SPELLED_OUT = {"won't": "will not", "can't": "can not", "shan't": "shall not", "ain't": "is not",
                "n't": " not", "'re": " are", "'ve": " have", "'ll": " will", "'m": " am", "'d": " would"}
_CONTRACTION = re.compile(r"\b(?:won|can|shan|ain)'t\b|(?<=\w)(?:n't|'re|'ve|'ll|'m|'d)\b")
_PRONOUN_SPEAKERS = frozenset({"he", "she"})
_NOT_CLAIMS = frozenset({HEADING, BYLINE, CAPTION})
_PAST_VERB_AFTER = re.compile(r"\s+[a-z]{3,}ed\b")


def normalize(text: str) -> str:
    """Lowercase, contractions spelled out, punctuation stripped (decimal points kept), whitespace
    collapsed."""
    text = plain_apostrophes(text.lower())
    if "'" in text:
        text = _CONTRACTION.sub(lambda m: _SPELLED_OUT[m.group()], text)
    return _SPACES.sub(" ", _PUNCT.sub(" ", _POSSESSIVE.sub("", text))).strip()


def _statement_ranges(start: int, end: int, cut: tuple[int, int]) -> list[tuple[int, int]]:
    """The statement's spans in the sentence: one, or two around a frame cut out of its middle."""
    return [(start, cut[0]), (cut[1], end)] if start < cut[0] <= cut[1] < end else [(start, end)]


def _normalized_statement(sentence: str, ranges: list[tuple[int, int]], prefix: str, mentions) -> str:
    """Statement with entity variants folded to canonical forms and numbers to value forms.
    `mentions` are (start, end, replacement) in sentence offsets."""
    pieces: list[str] = [prefix]
    for start, end in ranges:
        # A mention may end with the period trimmed off the statement's end ("... in the U.S.").
        repl = sorted(m for m in mentions if start <= m[0] < end and (m[1] <= end or sentence[end:m[1]] == "."))
        pos = start
        for s, e, r in repl:
            if s < pos:
                continue  # overlapping mentions: first one wins
            pieces.append(sentence[pos:s])
            pieces.append(f" {r} ")
            pos = e
        pieces.append(sentence[pos:end] + " ")
    return normalize("".join(pieces))


def _analysis(text: str, published_at: datetime | None):
    """Mentions, attribution and worthiness features of one sentence (spans relative to `text`)."""
    dl = _DATELINE.match(text)
    offset = dl.end() if dl else 0
    body = text[offset:]
    times = find_times(body)
    # "1930 GMT" is a time, not a year; "11 March" a date and "6 a.m." a time, not the numbers 11 and 6.
    dates = [d for d in find_dates(body, published_at) if not any(t.start <= d.start < t.end for t in times)]
    quantities = [q for q in find_quantities(body) if not any(w.start <= q.start < w.end for w in (*dates, *times))]
    # "10 P.M." is a time, "48C" and "118 degrees Fahrenheit" temperatures: not names.
    entities = [e for e in find_entities(body) if not any(w.start <= e.start < w.end for w in (*times, *quantities))]
    attr = find_attribution(text, offset)
    ss, se = attr.stmt_start, attr.stmt_end
    # Trim the closing punctuation so the statement reads as a clause.
    while se > ss and text[se - 1] in ".,;:!?\"”’' ":
        se -= 1
    while ss < se and text[ss] in " \"“‘',:":
        ss += 1
    statement = attr.stmt_prefix + " ".join(text[a:b].strip(" ,") for a, b in _statement_ranges(ss, se, attr.cut))
    # A frame cut out of the statement is not there for who acts either ("Moscow, the Kremlin said, is ready")
    actor_body = body
    if attr.cut != (0, 0):
        a, b = attr.cut[0] - offset, attr.cut[1] - offset
        actor_body = body[:a] + " " * (b - a) + body[b:]
    entities = [as_actor(e, actor_body, attr.speaker) for e in entities]
    sig = Signals(
        attributed=bool(attr.speaker),
        n_entities=len(entities),
        n_quantities=len(quantities),
        n_dates=len(dates) + len(times),
    )
    feats = features(body, statement, sig)
    return offset, body, entities, dates, times, quantities, attr, ss, se, statement, feats


def sentence_features(text: str, published_at: datetime | None = None) -> dict[str, float]:
    """The named worthiness features of one sentence (for benchmarks and training)."""
    return _analysis(text, published_at)[-1]


def worthiness(feats: dict[str, float], body: str) -> float:
    """0..1: the hand rules for news copy plus the ClaimBuster-trained model (see worthiness.py)."""
    return combined_score(feats, learned_logit(feats, body))


def analyze_sentence(text: str, published_at: datetime | None = None) -> claim_pb2.Claim:
    """Fill the sentence-level fields of a Claim; spans are relative to `text`."""
    offset, body, entities, dates, times, quantities, attr, ss, se, statement, feats = _analysis(text, published_at)
    claim = claim_pb2.Claim(text=text, statement=statement, speaker=attr.speaker, reporting_verb=attr.verb)
    for e in entities:
        claim.entities.add(text=e.text, canonical=e.canonical, kind=e.kind, span={"start": e.start + offset, "end": e.end + offset})
    for q in quantities:
        claim.quantities.add(text=q.text, value=q.value, unit=q.unit, span={"start": q.start + offset, "end": q.end + offset})
    for d in dates:
        claim.dates.add(text=d.text, resolved=d.resolved, span={"start": d.start + offset, "end": d.end + offset})
    for t in times:
        claim.times.add(text=t.text, minutes=t.minutes, zone=t.zone, span={"start": t.start + offset, "end": t.end + offset})
    claim.negated = attr.frame_negated or attr.verb in ("deny", "reject") or _NEGATION.search(plain_apostrophes(statement.lower())) is not None
    claim.hedged = hedged(claim)
    claim.check_worthiness = round(worthiness(feats, body), 4)
    # A title-case headline's capitalised runs may be more than a name ("Willie Nelson Dead"): the
    # statement keeps all their words, which the surname alone would drop.
    headline = any(e.kind == PERSON for e in entities) and title_case(body)  # only person names are cut
    repl = [(e.start + offset, e.end + offset,
             canonicalize(e.text, whole_name=True)[0] if headline and e.kind == PERSON else e.canonical) for e in entities]
    repl += [(q.start + offset, q.end + offset, value_form(q)) for q in quantities]
    claim.normalized_text = _normalized_statement(text, _statement_ranges(ss, se, attr.cut), attr.stmt_prefix, repl)
    return claim


def _claim_units(text: str, published: datetime | None, threshold: float):
    """(start, end, quotation id, Claim) of each candidate claim in text order: sentences, or the
    clauses of a compound sentence when every clause is check-worthy on its own (so a clause never
    loses the anchor it borrowed from its neighbour). Headings, bylines and captions are skipped."""
    for seg in segment(text):
        if seg.kind in _NOT_CLAIMS:
            continue
        if seg.kind == LIST_ITEM:  # the claim is the item, not its bullet
            marker = _LIST_MARKER.match(text, seg.start, seg.end)
            seg = Segment(marker.end() if marker else seg.start, seg.end, seg.kind, seg.quote)
        clauses = split_clauses(text[seg.start : seg.end])
        if len(clauses) > 1:
            parts = [(seg.start + cs, seg.start + ce) for cs, ce in clauses]
            analysed = [analyze_sentence(text[s:e], published) for s, e in parts]
            if all(c.check_worthiness >= threshold for c in analysed):
                for (s, e), c in zip(parts, analysed):
                    yield s, e, seg.quote, c
                continue
        yield seg.start, seg.end, seg.quote, analyze_sentence(text[seg.start : seg.end], published)


def extract_claims(
    article: article_pb2.Article, threshold: float = CHECK_WORTHINESS_THRESHOLD
) -> list[claim_pb2.Claim]:
    text = article.text
    published = article.published_at.ToDatetime(tzinfo=timezone.utc) if article.HasField("published_at") else None
    analysed: list[tuple[int, int, int, claim_pb2.Claim]] = []
    last_person = ""
    roles = RoleBook()
    for start, end, quote, claim in _claim_units(text, published, threshold):
        roles.learn(claim.text)
        # "He said …" after "Peskov said …" or "Rubio highlighted …": the last person named as a
        # speaker or near the start of a sentence (cheap coreference).
        if claim.speaker.lower() in _PRONOUN_SPEAKERS and last_person:
            claim.speaker = last_person
        elif person := roles.person(claim.speaker):
            _name_role_speaker(claim, person)
            last_person = person
        elif quote < 0 or claim.speaker:  # names inside a quotation are not who speaks next
            last_person = _person_mentioned(claim) or last_person
        analysed.append((start, end, quote, claim))
    analysed = _frames_introduce_quotes(analysed)
    _carry_quote_speakers(analysed)
    claims: list[claim_pb2.Claim] = []
    for start, end, _, claim in analysed:
        if claim.check_worthiness < threshold:
            continue
        claim.id = f"{article.id}#{len(claims)}"
        claim.article_id = article.id
        claim.source = article.source
        claim.byline = article.byline
        claim.span.start, claim.span.end = start, end
        if published is not None:
            claim.published_at.CopyFrom(article.published_at)
        for group in (claim.entities, claim.quantities, claim.dates, claim.times):
            for item in group:
                item.span.start += start
                item.span.end += start
        claims.append(claim)
    return claims


def _name_role_speaker(claim: claim_pb2.Claim, person: str) -> None:
    """"The Kremlin spokesman said" after the article named him: the speaker is the person, and
    the role's words are a mention of that person (so outlets that name him and outlets that do
    not share the entity)."""
    written = claim.speaker
    claim.speaker = person
    at = claim.text.find(written)
    if at >= 0:
        canonical, _ = canonicalize(person)
        claim.entities.add(text=written, canonical=canonical, kind=PERSON,
                           span={"start": at, "end": at + len(written)})


def _person_mentioned(claim: claim_pb2.Claim) -> str:
    """The named person a later "he"/"she" most likely refers to: the speaker when it is a person,
    else the first person named in the first eight words (titles dropped: "Marco Rubio")."""
    if claim.speaker[:1].isupper() and claim.speaker.split()[0].lower() not in ("the", "a", "an", "it", "they", "this"):
        canon, kind = canonicalize(claim.speaker)
        if kind not in (ORG, PLACE):
            return claim.speaker
    head_end = len(" ".join(claim.text.split()[:8]))
    for e in claim.entities:
        if e.span.start < head_end and e.kind == PERSON:
            return _without_titles(e.text)
    for e in claim.entities:  # "…, as Rubio outlined, …"
        if e.kind in (PERSON, OTHER) and _PAST_VERB_AFTER.match(claim.text, e.span.end):
            return _without_titles(e.text)
    return ""


def _without_titles(name: str) -> str:
    """"Finance Minister Kari Holm" -> "Kari Holm": what follows the last title word."""
    words = name.split()
    titles = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES]
    return " ".join(words[titles[-1] + 1 :] if titles else words)


def _frames_introduce_quotes(analysed: list[tuple[int, int, int, claim_pb2.Claim]]):
    """A frame with no statement of its own ("The ministry said in a statement:") is no claim: it
    gives its speaker to the quotation that follows it, if one does (a quotation of several
    sentences then passes it on through _carry_quote_speakers)."""
    kept = []
    for i, unit in enumerate(analysed):
        claim = unit[3]
        if claim.speaker and not claim.statement.strip(" \"“”'‘’:,.-—"):
            nxt = analysed[i + 1][3] if i + 1 < len(analysed) else None
            if nxt is not None and not nxt.speaker and nxt.text.lstrip()[:1] in "\"“‘'":
                _give_speaker(nxt, claim.speaker, claim.reporting_verb)
            continue
        kept.append(unit)
    return kept


def _carry_quote_speakers(analysed: list[tuple[int, int, int, claim_pb2.Claim]]) -> None:
    """Every sentence of a quotation that spans sentences is the speaker's: 'He said, "A. B."'
    gives B the speaker of A, and '"A. B," she said' gives A the speaker of B."""
    by_quote: dict[int, tuple[str, str]] = {}
    for _, _, quote, claim in analysed:
        if quote >= 0 and claim.speaker and quote not in by_quote:
            by_quote[quote] = (claim.speaker, claim.reporting_verb)
    for _, _, quote, claim in analysed:
        if quote >= 0 and not claim.speaker and quote in by_quote:
            _give_speaker(claim, *by_quote[quote])


def _give_speaker(claim: claim_pb2.Claim, speaker: str, verb: str) -> None:
    claim.speaker, claim.reporting_verb = speaker, verb
    # An attributed statement is checkable as "X said Y": rescore with the speaker known.
    claim.check_worthiness = round(max(claim.check_worthiness, _attributed_score(claim)), 4)


def _attributed_score(claim: claim_pb2.Claim) -> float:
    offset, body, *_, feats = _analysis(claim.text, None)
    feats = {**feats, "attributed": 1.0, "no_anchor": 0.0}
    for own_voice in ("evaluative", "hedge", "deontic", "rhetorical_opener", "scene", "vague_source",
                      "first_person_view", "second_person", "future"):
        feats[own_voice] = 0.0
    return worthiness(feats, body)
