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
from services.matcher.normalize import MatchForm, match_form, stem
from services.matcher.stance import DENYING_CUES
from shared.pb import match_pb2

# Sentences of each text compared (the first ones): a comparison is about a statement and its
# context, not two whole articles; 40 x 40 decisions take about a tenth of a second.
MAX_SENTENCES = 40

# A sentence that only gives a verdict on the one before ("X. This is false.", "The claim is
# unfounded.", "Verdict: false.", "Did X? No, it has not."): a denying cue, and no word of its event
# frame but these. It is also compared joined to the sentence before; a sentence that says
# something of its own ("It denied plans to cut jobs.") is not, or a text would deny itself.
_VERDICT_WORDS = frozenset(stem(w) for w in (
    "false untrue true inaccurate incorrect wrong hoax fake myth fabricated misleading baseless unfounded bogus "
    "claim claims verdict rating quote report story post rumour rumor video photo image").split())

# A sentence that tells what posts, reports or rumours say: a fact-check restating the claim it
# checks ("Posts claim the mayor resigned."), not the text's own statement of it.
_REPORTED = re.compile(r"^\W*(?:[\w'-]+\s+){0,3}(?:posts?|reports?|rumou?rs?|claims?|users|memes?|videos?|tweets?|"
                       r"messages?|articles?|headlines?)\s+(?:[\w'-]+\s+){0,2}(?:say|says|said|claim|claims|claimed|"
                       r"suggest(?:s|ed)?|allege[sd]?|show(?:s|ed)?|purport(?:s|ed)?)\b", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The sentences of a text, or the text itself when it is one (or none is found)."""
    found = [text[s:e] for s, e in split_sentences(text)]
    return found if len(found) > 1 else [text]


def _gives_a_verdict(form: MatchForm) -> bool:
    return not DENYING_CUES.isdisjoint(form.cues) and set(form.core.split()) <= _VERDICT_WORDS


def statements(parts: list[str], published: datetime | None) -> list[tuple[str, str, MatchForm]]:
    """(label, text, match form) of each statement compared: every sentence, and a sentence that
    only gives a verdict joined to the one before it."""
    forms = [match_form(analyze_sentence(part, published)) for part in parts]
    out = [(f"sentence {i + 1}", part, form) for i, (part, form) in enumerate(zip(parts, forms))]
    for i in range(1, len(parts)):
        if _gives_a_verdict(forms[i]):
            joined = f"{parts[i - 1]} {parts[i]}"
            out.append((f"sentences {i}-{i + 1}", joined, match_form(analyze_sentence(joined, published))))
    return out


def _preference(e: match_pb2.MatchExplanation, a: tuple[str, str, MatchForm], b: tuple[str, str, MatchForm],
                threshold: float) -> int:
    """Rank of a pair's decision, lowest first. A same-claim pair is the answer over a conflict (as
    in the matcher's clusters: one stray pair of details among sentences that agree is no
    disagreement), but an explicit denial comes first: a fact-check restates the claim it denies
    ("Posts say X. This is false."), and the denial is what it says of it. Explicit: at the
    same-claim threshold, and a statement of the pair calls a report untrue or denies it (the stance
    model's denying cues: "false", "hoax", "unfounded", "denied", a headline opening "No, ...").
    And a same-claim pair through a sentence that tells what posts or reports say comes after any
    conflict: "Posts claim the mayor resigned. He did not resign." denies it."""
    if e.decision == CONFLICTING:
        explicit = e.score >= threshold and not DENYING_CUES.isdisjoint(a[2].cues | b[2].cues)
        return 0 if explicit else 2
    if e.decision == SAME:
        return 3 if _REPORTED.match(a[1]) or _REPORTED.match(b[1]) else 1
    return 4


def compare_texts(text_a: str, text_b: str, threshold: float = DEFAULT_THRESHOLD,
                  published_a: datetime | None = None, published_b: datetime | None = None) -> match_pb2.MatchExplanation:
    """The decision on two texts: for two single sentences, matching.compare; otherwise the best
    decision over every pair of their statements (statements(): sentences, and a sentence that only
    gives a verdict joined to the one before), ranked by _preference, then the highest score; ties
    to the earliest. Its reason names the two statements."""
    if published_b is None:
        published_b = published_a
    parts_a, parts_b = sentences(text_a), sentences(text_b)
    if len(parts_a) == 1 and len(parts_b) == 1:
        return compare(analyze_sentence(text_a, published_a), analyze_sentence(text_b, published_b), threshold)
    units_a = statements(parts_a[:MAX_SENTENCES], published_a)
    units_b = statements(parts_b[:MAX_SENTENCES], published_b)
    best = None
    for i, a in enumerate(units_a):
        for j, b in enumerate(units_b):
            e = decide(a[2], b[2], threshold)
            key = (_preference(e, a, b, threshold), -e.score, i, j)
            if best is None or key < best[0]:
                best = (key, a[0], b[0], e)
    _, label_a, label_b, explanation = best
    skipped = ("; sentences after the first "
               f"{MAX_SENTENCES} not compared") if max(len(parts_a), len(parts_b)) > MAX_SENTENCES else ""
    explanation.reason = (f"{label_a} of {len(parts_a)} of the first text and {label_b} of {len(parts_b)} of the "
                          f"second (the best of {len(units_a) * len(units_b)} pairs{skipped}): {explanation.reason}")
    return explanation
