"""Compound sentences: split a sentence into clauses when each clause states its own fact.

Conservative on purpose: only at a semicolon or at ", and / but / while / whereas" when the right
side opens with a subject (a name, a determiner or quantifier phrase, a figure) followed within a
few words by a finite verb that is no relative clause's ("and the volunteers who brought food" is no
clause) nor the end of a hyphenated adjective ("purpose-built"), the left side has a finite verb
too, both sides have at least MIN_WORDS words, and the cut is outside any quotation. A counted
subject needs an auxiliary before any comma: "and two churches built in the 1700s" and "40 in 2022,
and 35 the previous year, police said" continue an object. "X said A, and that B" (reported speech
continued), lists of noun phrases ("hospitals, care homes and cruise ships"), a counted phrase a
relative clause describes ("two ministers who resigned in May, and three who stayed"), a pronoun
("and they were charged": alone it names nobody), a count of what the first clause names ("and all
40 of them were treated", "and each one was sent home": alone it counts nothing) and adverbial
quantifiers ("and all but collapsed", "and two days later charged him") are never cut.
"""

from __future__ import annotations

import re

MIN_WORDS = 5
_AUXILIARIES = "is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|did|does|do"
# Quantified subjects: "half of the passengers were", "more than 200 were", "two ferries were" (not
# the adverbs "no longer", "more recently").
_COUNTED = (r"all|both|each|every|half|many|several|few|more(?! \w+ly\b)|no(?! longer| more| doubt)|none"
            r"|one|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*")
_CUT = re.compile(
    r"(?:;|,\s+(?:and|but|while|whereas))\s+"
    rf"(?=(?:the|a|an|its|his|her|their|this|these|those|some|most|[A-Z][\w'’.-]*"
    rf"|{_COUNTED})\b)"
)
_COUNTED_START = re.compile(rf"(?:{_COUNTED})\b")
# A counted subject needs an auxiliary: its -ed or irregular form may be a participle of the first
# clause's object ("..., and two churches built in the 1700s", "and three cars registered to him").
_AUXILIARY = re.compile(rf"\b(?:{_AUXILIARIES})\b")
# A verb after a relative pronoun is the relative clause's, not the subject's ("and the volunteers who
# brought food", "and two ministers who resigned in May, and three who stayed").
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b")
# Not the end of a hyphenated adjective ("purpose-built", "well-kept", "sold-out").
_FINITE = re.compile(
    rf"\b(?<!-)(?:{_AUXILIARIES}|said|says|told|"
    r"rose|fell|left|met|took|gave|won|lost|held|sent|went|led|paid|spent|came|fled|struck|grew|sold|fought|"
    r"brought|bought|caught|began|became|broke|drove|flew|knew|spoke|stood|threw|wrote|built|kept|sank|"
    r"(?!hundred\b)\w{3,}ed)\b"
)
_NOT_SUBJECT = re.compile(r"(?:that|which|who|whom|whose|then|also|so|not|to|in|on|at|for|with|after|before|as)\b", re.I)
# A count of what the first clause names ("and all 40 of them were treated", "and each one was sent
# home"): alone, the clause would have lost what it counts.
_COUNT_OF_BEFORE = re.compile(
    rf"(?:(?:{_COUNTED}|some|most)(?: \d[\d,.]*)? (?:one )?of (?:them|these|those|it|which|whom)|(?:each|every) one)\b")
# A quantifier that is an adverb of the verb after it, or a time after the first clause's event (its
# anchor): "and more than doubled in ...", "and all but collapsed", "and each year raised",
# "and two days later charged him".
_ADVERBIAL = re.compile(
    r"(?:more than (?:ever|\w+ed)|all but \w+ed|(?:several|many|few) times"
    r"|(?:each|every|all) (?:time|day|night|week|month|quarter|year)"
    r"|(?:\w+|\d[\d,.]*|half an?) (?:minutes?|hours?|days?|weeks?|months?|years?) (?:later|after|earlier|before))\b")


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
        # a counted subject's verb comes before any comma: "and 35 the previous year, police said"
        # continues an object (a name's may follow an apposition: "and Oslo, the capital, has")
        counted = _COUNTED_START.match(right) is not None
        head = re.split(r",\s", right, maxsplit=1)[0] if counted else right
        head = _RELATIVE.split(" ".join(head.split()[:6]), maxsplit=1)[0]
        if (
            _NOT_SUBJECT.match(right)
            or _COUNT_OF_BEFORE.match(right)
            or _ADVERBIAL.match(right)
            or _quoted(text, m.start())
            or len(left.split()) < MIN_WORDS
            or len(right.split()) < MIN_WORDS
            or not _FINITE.search(left)
            or not _FINITE.search(head)
            or counted and not _AUXILIARY.search(head)
        ):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans
