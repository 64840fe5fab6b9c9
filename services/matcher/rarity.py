"""How rare a word is in English news and web text (wordfreq's Zipf scale, data shipped in the
package; nothing is downloaded), as the weight a shared word carries: two statements sharing
"Okafor", "firefighters" and "harbour" say more than two sharing "said" and "people".

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
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_RAW = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)

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


def rarity_bag(tokens: list[str], raw_text: str) -> tuple[tuple[str, float], ...]:
    """(token, weight) for each distinct normalised token, sorted. A stem's weight is the lowest of
    the raw words in the text that fold to it (so a stem is never rarer than its commonest form);
    a token with no raw form in the text (a synonym's representative) takes its own weight."""
    from .normalize import stem

    raw_weight: dict[str, float] = {}
    for raw in _RAW.findall(raw_text):
        t = stem(raw)
        w = weight(raw)
        if t not in raw_weight or w < raw_weight[t]:
            raw_weight[t] = w
    return tuple(sorted((t, raw_weight.get(t, weight(t))) for t in set(tokens)))
