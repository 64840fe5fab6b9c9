"""Compare two texts as the Compare RPC and `claimcheck compare --pairs` do: two sentences are one
decision; a text of several sentences (a tweet with its context, a fact-check's title, summary and
verdict) is compared sentence by sentence, because a claim is stated in one sentence and the
matcher's decision is made for one statement, not for a paragraph of them. Plain domain code."""

from __future__ import annotations

import re
from datetime import datetime
from typing import NamedTuple

from services.extractor.extraction import analyze_sentence
from services.extractor.sentences import split_sentences
from services.matcher.matching import CONFLICTING, DEFAULT_THRESHOLD, DIFFERENT, RULE_EMPTY_TEXT, SAME, compare, decide
from services.matcher.normalize import DENIAL_WORDS, MatchForm, match_form, stem
from services.matcher.stance import DENYING_CUES
from shared.pb import match_pb2

# Sentences of each text compared (the first ones): a comparison is about a statement and its
# context, not two whole articles; 40 x 40 decisions take about a tenth of a second.
MAX_SENTENCES = 40

# A sentence that only gives a verdict on the one before ("X. This is false.", "The claim is
# unfounded.", "Verdict: false.", "That is not the case."): a denying cue, and no word of its event
# frame but these. It is also compared joined to the sentence before; a sentence that says
# something of its own ("It denied plans to cut jobs.") is not, or a text would deny itself.
_VERDICT_WORDS = frozenset(stem(w) for w in DENIAL_WORDS | frozenset(
    "wrong incorrect inaccurate claim claims verdict rating rate fact check news quote report story post rumour rumor "
    "video photo image".split()))

# A sentence that tells what posts, rumours or claims say: a fact-check restating the claim it
# checks ("Posts on social media claim the mayor resigned."), not the text's own statement of it.
_REPORTED = re.compile(r"^\W*(?:[\w'-]+\s+){0,3}(?:posts?|rumou?rs?|claims?|memes?|tweets?|messages?|users|videos?|"
                       r"articles?|headlines?)\s+"
                       r"(?:[\w'-]+\s+){0,6}?(?:say|says|said|claim|claims|claimed|suggest(?:s|ed)?|"
                       r"allege[sd]?|purport(?:s|ed)?)\b", re.IGNORECASE)


_WORD = re.compile(r"[^\W_]")


def has_words(text: str) -> bool:
    """Whether a text has a letter or digit to compare ("...", an emoji or a zero-width space has not)."""
    return _WORD.search(text) is not None


def sentences(text: str) -> list[str]:
    """The sentences of a text, or the text itself when it is one (or none is found)."""
    found = [text[s:e] for s, e in split_sentences(text)]
    return found if len(found) > 1 else [text]


class Statement(NamedTuple):
    """One statement compared: a sentence, or a sentence that only gives a verdict joined to the
    one before it (judges: the index of that sentence, None for a sentence alone)."""
    label: str
    text: str
    form: MatchForm
    judges: int | None = None

    @property
    def verdict_denies(self) -> bool:
        """A joined verdict that denies: the text's own verdict on the sentence it judges."""
        return self.judges is not None and not DENYING_CUES.isdisjoint(self.form.cues)


# After a sentence telling what posts or rumours say, a sentence that only says it did not happen is
# the text's verdict on it, though it has no word that calls a report untrue: "That never happened.",
# "It did not happen.", "Nothing of the sort took place.", "He did not." Whole sentences only: "It did
# not say when.", "That did not happen in April." and "That has never happened before." say more.
_PLAIN_NEGATION = re.compile(
    r"^\W*(?:(?:that|this|it)\s+(?:(?:has|had)\s+)?(?:never|not|did\s+not|didn'?t|does\s+not|doesn'?t)\s+"
    r"(?:happen(?:ed)?|occur(?:red)?|take\s+place|took\s+place|taken\s+place)"
    r"|nothing\s+(?:of\s+the\s+(?:sort|kind)|like\s+(?:that|this))\s+(?:(?:has|had|ever)\s+)?"
    r"(?:happened|occurred|took\s+place|taken\s+place)"
    r"|(?:he|she|they|it|we|i)\s+(?:did\s+not|didn'?t|has\s+not|hasn'?t|have\s+not|haven'?t|never\s+did))"
    r"\W*$", re.IGNORECASE)
_DENYING_VERDICT = "This is not true."


def _gives_a_verdict(form: MatchForm) -> bool:
    return not DENYING_CUES.isdisjoint(form.cues) and set(form.core.split()) <= _VERDICT_WORDS


def statements(parts: list[str], published: datetime | None) -> list[Statement]:
    """Every sentence, and each sentence that only gives a verdict joined to the one before it."""
    out = [Statement(f"sentence {i + 1}", part, match_form(analyze_sentence(part, published)))
           for i, part in enumerate(parts)]
    for i in range(1, len(parts)):
        verdict = parts[i] if _gives_a_verdict(out[i].form) else ""
        if not verdict and _PLAIN_NEGATION.match(parts[i]) and _REPORTED.match(parts[i - 1]) \
                and not out[i - 1].form.negated_heads:
            verdict = _DENYING_VERDICT
        if verdict:
            joined = f"{parts[i - 1]} {parts[i]}"
            out.append(Statement(f"sentences {i}-{i + 1}", joined,
                                 match_form(analyze_sentence(f"{parts[i - 1]} {verdict}", published)), judges=i - 1))
    return out


def _answer(pairs: list, asserted_a: list[bool], asserted_b: list[bool], threshold: float):
    """The pair (i, j, explanation) that answers for two texts. A conflict at the same-claim
    threshold between two statements the texts assert (not what posts say) answers when it is a
    joined verdict's denial (a fact-check restates the claim it denies: "Posts say X. This is
    false.") or when neither of its statements has a same-claim pair that scores higher: the texts'
    matching sentences disagree (a figure, a date, a place), whatever background they share.
    Otherwise the best same-claim pair (one through statements the texts assert before one through
    a report of what posts say), then the best conflict, then the best score. Ties to the earliest."""
    best_same_a: dict[int, float] = {}
    best_same_b: dict[int, float] = {}
    for i, j, e, _ in pairs:
        if e.decision == SAME:
            if asserted_b[j]:
                best_same_a[i] = max(best_same_a.get(i, 0.0), e.score)
            if asserted_a[i]:
                best_same_b[j] = max(best_same_b.get(j, 0.0), e.score)

    def first(chosen):
        return min(chosen, key=lambda p: (-p[2].score, p[0], p[1]), default=None)

    found = first([(i, j, e) for i, j, e, verdict in pairs if e.decision == CONFLICTING and e.score >= threshold
                   and asserted_a[i] and asserted_b[j]
                   and (verdict or (best_same_a.get(i, 0.0) <= e.score and best_same_b.get(j, 0.0) <= e.score))])
    if found is None:
        found = first([(i, j, e) for i, j, e, _ in pairs if e.decision == SAME and asserted_a[i] and asserted_b[j]])
    if found is None:
        found = first([(i, j, e) for i, j, e, _ in pairs if e.decision == SAME])
    if found is None:
        found = first([(i, j, e) for i, j, e, _ in pairs if e.decision == CONFLICTING])
    return found or first([(i, j, e) for i, j, e, _ in pairs])


def _asserted(units: list[Statement]) -> list[bool]:
    """Whether the text asserts each statement: a sentence that tells what posts say does not, nor
    one a verdict judges (the text denies it); a joined verdict does (the verdict is the text's own)."""
    judged = {u.judges for u in units if u.judges is not None}
    return [u.judges is not None or (i not in judged and not _REPORTED.match(u.text)) for i, u in enumerate(units)]


def compare_texts(text_a: str, text_b: str, threshold: float = DEFAULT_THRESHOLD,
                  published_a: datetime | None = None, published_b: datetime | None = None) -> match_pb2.MatchExplanation:
    """The decision on two texts: for two single sentences, matching.compare; otherwise the best
    decision over every pair of their statements (statements(): sentences, and a sentence that only
    gives a verdict joined to the one before) that _answer picks. Its reason names the two
    statements."""
    if published_b is None:
        published_b = published_a
    empty = [which for which, text in (("first", text_a), ("second", text_b)) if not has_words(text)]
    if empty:
        # Nothing to compare (the RPC rejects it; `compare --pairs` still answers each line, in order).
        verb = "have" if len(empty) == 2 else "has"
        return match_pb2.MatchExplanation(decision=DIFFERENT, score=0.0, rule=RULE_EMPTY_TEXT,
                                          reason=f"the {' and the '.join(empty)} text {verb} no words: nothing to compare")
    parts_a, parts_b = sentences(text_a), sentences(text_b)
    if len(parts_a) == 1 and len(parts_b) == 1:
        return compare(analyze_sentence(text_a, published_a), analyze_sentence(text_b, published_b), threshold)
    units_a = statements(parts_a[:MAX_SENTENCES], published_a)
    units_b = statements(parts_b[:MAX_SENTENCES], published_b)
    pairs = [(i, j, decide(a.form, b.form, threshold), a.verdict_denies or b.verdict_denies)
             for i, a in enumerate(units_a) for j, b in enumerate(units_b)]
    i, j, explanation = _answer(pairs, _asserted(units_a), _asserted(units_b), threshold)
    label_a, label_b = units_a[i].label, units_b[j].label
    skipped = ("; sentences after the first "
               f"{MAX_SENTENCES} not compared") if max(len(parts_a), len(parts_b)) > MAX_SENTENCES else ""
    explanation.reason = (f"{label_a} of {len(parts_a)} of the first text and {label_b} of {len(parts_b)} of the "
                          f"second (the best of {len(units_a) * len(units_b)} pairs{skipped}): {explanation.reason}")
    return explanation
