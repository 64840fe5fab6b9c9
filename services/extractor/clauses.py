"""Compound sentences: split a sentence into clauses when each clause states its own fact.

Conservative on purpose: only at a semicolon or at ", and / but / while / whereas" when the right
side opens with a subject (a name, a pronoun, a determiner or quantifier phrase, a figure) followed
within a few words by a finite verb, the left side has a finite verb too, both sides have at least
MIN_WORDS words, and the cut is outside any quotation. "X said A, and that B" (reported speech
continued), lists of noun phrases ("hospitals, care homes and cruise ships") and a figure a relative
clause describes ("2 million who will drop ..., and 6 million who will leave ...") are never cut.
"""

from __future__ import annotations

import re

MIN_WORDS = 5
_CUT = re.compile(
    r"(?:;|,\s+(?:and|but|while|whereas))\s+"
    r"(?=(?:the|a|an|its|his|her|their|this|these|those|some|most|it|they|he|she|we|[A-Z][\w'’.-]*"
    # quantified subjects: "half of the volunteers were", "more than 200 were", "two ferries were"
    # (not the adverbs "no longer", "more recently")
    r"|all|both|each|every|half|many|several|few|more(?! \w+ly\b)|no(?! longer| more| doubt)|none"
    r"|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d[\d,.]*)\b)"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|did|does|do|said|says|"
    r"told|rose|fell|left|met|took|gave|won|lost|held|sent|went|led|paid|spent|\w{3,}ed)\b"
)
_NOT_SUBJECT = re.compile(r"(?:that|which|who|whom|whose|then|also|so|not|to|in|on|at|for|with|after|before|as)\b", re.I)
# A noun phrase the sentence goes on to describe, not a subject: "and one which the U.S. ...",
# "2 million who will drop ..., and 6 million who will leave ..." (a list).
_DESCRIBED = re.compile(r"(?:one|\d[\d,.]*)(?: [a-z]+)? (?:who|which|that)\b")


def _quoted(text: str, at: int) -> bool:
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def split_clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of one sentence, relative to `text`; the sentence itself when not compound."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CUT.finditer(text):
        left = text[start : m.start()]
        right = text[m.end() :]
        head = " ".join(right.split()[:6])
        if (
            _NOT_SUBJECT.match(right)
            or _DESCRIBED.match(right)
            or _quoted(text, m.start())
            or len(left.split()) < MIN_WORDS
            or len(right.split()) < MIN_WORDS
            or not _FINITE.search(left)
            or not _FINITE.search(head)
        ):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans
