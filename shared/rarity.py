"""How rare a word is in English news and web text (wordfreq's Zipf scale, data shipped in the
package; nothing is downloaded), as the weight a shared word carries: two statements sharing
"Okafor", "firefighters" and "harbour" say more than two sharing "said" and "people". The
extractor reads it to tell a title-case headline from a sentence full of names, the matcher to
weigh shared words.

Deterministic: the weight of a word depends only on wordfreq's table.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from wordfreq import get_frequency_dict

# Weight = MAX_ZIPF - zipf, floored: "the" (7.7) -> FLOOR, "said" (6.0) -> 0.5, "fire" (5.0) -> 1.5,
# "firefighters" (3.6) -> 2.9, an unknown name -> MAX_ZIPF.
MAX_ZIPF = 6.5
FLOOR = 0.25
NUMBER_WEIGHT = 3.0
# A name this rare names one specific thing: "Halden", "Jeddah", "Okafor"; not "York", "Europe" or a
# common word capitalised at the start of a sentence.
SPECIFIC_NAME_WEIGHT = 3.0
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")

_freq: dict[str, float] | None = None


def _table() -> dict[str, float]:
    global _freq
    if _freq is None:
        _freq = get_frequency_dict("en", wordlist="best")
    return _freq


@lru_cache(maxsize=262144)
def weight(word: str) -> float:
    """Rarity weight of one lower-case word."""
    if _DIGITS.match(word):
        return NUMBER_WEIGHT
    freq = _table().get(word, 0.0)
    if freq <= 0.0:
        return MAX_ZIPF
    zipf = math.log10(freq) + 9.0
    return max(FLOOR, MAX_ZIPF - zipf)


# Words title case may leave in lower case ("Man Charged With Arson", "Back From the Dead"), name
# particles included ("Ursula von der Leyen", "Osama bin Laden").
_MINOR_WORDS = frozenset("a an the and or but nor of in on at to for by as vs via per with from into onto over "
                         "than that upon after about down like near off out up during against before between "
                         "without through under amid among across around behind beyond despite toward towards "
                         "within von van der den de del della di da du la le al el bin ibn".split())


# Words after "nobody" that make it name someone ("nobody but the mayor knew" says the mayor knew): the
# extractor's negation flag and the matcher's negation reader both read "nobody" so.
NOBODY_EXCEPT = ("but", "except", "other", "apart", "save", "besides")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'"})


def plain_apostrophes(text: str) -> str:
    """Typographic apostrophes (and the accents copy uses for them) as straight ones: "didn’t" is
    "didn't", "mayor’s" one word."""
    return text.translate(_APOSTROPHES)


def lower_case_share(text: str) -> float:
    """The share of the words after the first written in lower case, but for articles, conjunctions,
    prepositions and name particles: 0 for a headline in title case, however short ("Ivo Brand Is
    Arrested"), or a line of names; a third or more for most prose."""
    words = [w for w in (w.strip(".,;:!?\"'’”()") for w in text.split()[1:]) if w.isalpha() and w not in _MINOR_WORDS]
    return sum(w.islower() for w in words) / len(words) if words else 0.0


def title_case(text: str) -> bool:
    """A headline in title case ("Teen Wakes Up During Brain Surgery"): capitals tell no name there.
    Judged on the words after the first: three or more common words capitalised (names are
    capitalised in any sentence), most of them, and no lower-case word but an article, conjunction
    or preposition: a sentence dense with names ("Volodymyr Zelensky met Donald Trump in Washington
    on Friday") still writes its other words in lower case."""
    if lower_case_share(text) > 0:
        return False  # first, as most sentences have one: no word weighed
    words = [w.strip(".,;:!?\"'’”()") for w in text.split()[1:]]
    common = [w for w in words if len(w) > 3 and w[0].isalpha() and weight(w.lower()) < SPECIFIC_NAME_WEIGHT]
    capitalised = sum(w[0].isupper() for w in common)
    return capitalised >= 3 and capitalised >= 0.6 * len(common)
