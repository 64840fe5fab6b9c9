"""Compare two texts as the Compare RPC and `claimcheck compare --pairs` do: two sentences are one
decision; a text of several sentences (a tweet with its context, a fact-check's title, summary and
verdict) is compared sentence by sentence, because a claim is stated in one sentence and the
matcher's decision is made for one statement, not for a paragraph of them. Plain domain code."""

from __future__ import annotations

from datetime import datetime

from services.extractor.extraction import analyze_sentence
from services.extractor.sentences import split_sentences
from services.matcher.matching import CONFLICTING, DEFAULT_THRESHOLD, SAME, compare, decide
from services.matcher.normalize import match_form
from shared.pb import match_pb2

# Sentences of each text compared (the first ones): a comparison is about a statement and its
# context, not two whole articles; 40 x 40 decisions take about a tenth of a second.
MAX_SENTENCES = 40

# A same-claim link is the answer over a conflict, a conflict over no link (as the matcher's clusters).
_PREFERENCE = {SAME: 0, CONFLICTING: 1}


def sentences(text: str) -> list[str]:
    """The sentences of a text, or the text itself when it is one (or none is found)."""
    found = [text[s:e] for s, e in split_sentences(text)]
    return found if len(found) > 1 else [text]


def compare_texts(text_a: str, text_b: str, threshold: float = DEFAULT_THRESHOLD,
                  published_a: datetime | None = None, published_b: datetime | None = None) -> match_pb2.MatchExplanation:
    """The decision on two texts: for two single sentences, matching.compare; otherwise the best
    decision over every pair of their sentences (a same-claim link first, then a conflict, then the
    highest score; ties to the earliest sentences), its reason naming the two sentences."""
    if published_b is None:
        published_b = published_a
    parts_a, parts_b = sentences(text_a), sentences(text_b)
    if len(parts_a) == 1 and len(parts_b) == 1:
        return compare(analyze_sentence(text_a, published_a), analyze_sentence(text_b, published_b), threshold)
    forms_a = [match_form(analyze_sentence(s, published_a)) for s in parts_a[:MAX_SENTENCES]]
    forms_b = [match_form(analyze_sentence(s, published_b)) for s in parts_b[:MAX_SENTENCES]]
    best = None
    for i, a in enumerate(forms_a):
        for j, b in enumerate(forms_b):
            e = decide(a, b, threshold)
            key = (_PREFERENCE.get(e.decision, 2), -e.score, i, j)
            if best is None or key < best[0]:
                best = (key, i, j, e)
    _, i, j, explanation = best
    explanation.reason = (f"sentence {i + 1} of {len(parts_a)} of the first text and sentence {j + 1} of "
                          f"{len(parts_b)} of the second (the best of {len(forms_a) * len(forms_b)} pairs): "
                          f"{explanation.reason}")
    return explanation
