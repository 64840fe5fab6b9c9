"""Compare two texts as the Compare RPC and `claimcheck compare --pairs` do: two sentences are one
decision; a text of several sentences (a tweet with its context, a fact-check's title, summary and
verdict) is compared sentence by sentence, because a claim is stated in one sentence and the
matcher's decision is made for one statement, not for a paragraph of them. Plain domain code."""

from __future__ import annotations

import re
from datetime import datetime

from services.extractor.extraction import analyze_sentence
from services.extractor.sentences import split_sentences
from services.matcher.matching import CONFLICTING, DEFAULT_THRESHOLD, SAME, compare, decide
from services.matcher.normalize import MatchForm, match_form
from services.matcher.stance import DENYING_CUES
from shared.pb import match_pb2

# Sentences of each text compared (the first ones): a comparison is about a statement and its
# context, not two whole articles; 40 x 40 decisions take about a tenth of a second.
MAX_SENTENCES = 40

# A short sentence opening with one of these speaks of the one before ("X. This is false.", "Did
# X? No, it did not.", "The claim is unfounded.", a fact-check's "Verdict: false."): it is also
# compared joined to it.
_REFERS_BACK = re.compile(r"(?:this|that|it|no|not|false|untrue|wrong|verdict|rating|"
                          r"the\s+(?:claim|report|story|post|rumou?r|video|photo|image|quote))\b", re.IGNORECASE)
SHORT_SENTENCE_WORDS = 6


def sentences(text: str) -> list[str]:
    """The sentences of a text, or the text itself when it is one (or none is found)."""
    found = [text[s:e] for s, e in split_sentences(text)]
    return found if len(found) > 1 else [text]


def statements(parts: list[str]) -> list[tuple[str, str]]:
    """(label, text) of each statement compared: every sentence, and a short sentence that refers
    back joined to the one before it."""
    out = [(f"sentence {i + 1}", part) for i, part in enumerate(parts)]
    out += [(f"sentences {i}-{i + 1}", f"{parts[i - 1]} {part}") for i, part in enumerate(parts) if i
            and _REFERS_BACK.match(part) and len(part.split()) <= SHORT_SENTENCE_WORDS]
    return out


def _preference(e: match_pb2.MatchExplanation, a: MatchForm, b: MatchForm) -> int:
    """Rank of a pair's decision, lowest first. A same-claim pair is the answer over a conflict (as
    in the matcher's clusters: one stray pair of details among sentences that agree is no
    disagreement), but an explicit denial comes first: a fact-check restates the claim it denies
    ("Posts say X. This is false."), and the denial is what it says of it. Explicit: a statement of
    the conflicting pair calls a report untrue or denies it (the stance model's denying cues:
    "false", "hoax", "unfounded", "denied", a headline opening "No, ...")."""
    if e.decision == CONFLICTING:
        return 0 if not DENYING_CUES.isdisjoint(a.cues | b.cues) else 2
    return 1 if e.decision == SAME else 3


def compare_texts(text_a: str, text_b: str, threshold: float = DEFAULT_THRESHOLD,
                  published_a: datetime | None = None, published_b: datetime | None = None) -> match_pb2.MatchExplanation:
    """The decision on two texts: for two single sentences, matching.compare; otherwise the best
    decision over every pair of their statements (statements(): sentences, and a short sentence
    that refers back joined to the one before): an explicit denial first, then a same-claim link,
    then another conflict, then the highest score; ties to the earliest. Its reason names the two
    statements."""
    if published_b is None:
        published_b = published_a
    parts_a, parts_b = sentences(text_a), sentences(text_b)
    if len(parts_a) == 1 and len(parts_b) == 1:
        return compare(analyze_sentence(text_a, published_a), analyze_sentence(text_b, published_b), threshold)
    units_a = [(label, match_form(analyze_sentence(t, published_a))) for label, t in statements(parts_a[:MAX_SENTENCES])]
    units_b = [(label, match_form(analyze_sentence(t, published_b))) for label, t in statements(parts_b[:MAX_SENTENCES])]
    best = None
    for i, (label_a, a) in enumerate(units_a):
        for j, (label_b, b) in enumerate(units_b):
            e = decide(a, b, threshold)
            key = (_preference(e, a, b), -e.score, i, j)
            if best is None or key < best[0]:
                best = (key, label_a, label_b, e)
    _, label_a, label_b, explanation = best
    skipped = ("; sentences after the first "
               f"{MAX_SENTENCES} not compared") if max(len(parts_a), len(parts_b)) > MAX_SENTENCES else ""
    explanation.reason = (f"{label_a} of {len(parts_a)} of the first text and {label_b} of {len(parts_b)} of the "
                          f"second (the best of {len(units_a) * len(units_b)} pairs{skipped}): {explanation.reason}")
    return explanation
