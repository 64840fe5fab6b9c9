"""The rarity-weighted bag of a statement's words (word weights: shared/rarity.py)."""

from __future__ import annotations

import re

from shared.rarity import weight

_RAW = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


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
