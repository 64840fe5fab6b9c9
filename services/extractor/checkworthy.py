"""The learned half of check-worthiness: a logistic regression over the transparent features of
worthiness.py plus word unigrams/bigrams, fitted on the ClaimBuster train split only
(bench/extraction/train_worthiness.py writes _checkworthy_weights.py; nothing is downloaded).

Debate transcripts teach what a fact-checker picks in spoken politics (figures, records, "voted
for", "percent") and what they skip ("I think", "you know", promises); the hand rules of
worthiness.py carry what only news copy has (attribution frames, scene-setting, the outlet's own
evaluation). extraction.py adds the two.
"""

from __future__ import annotations

import re

from ._checkworthy_weights import BIAS, FEATURES, THRESHOLD, TOKENS

__all__ = ["BIAS", "THRESHOLD", "learned_logit", "tokens"]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def tokens(text: str) -> set[str]:
    """Lower-cased word unigrams and bigrams; every number is one token, "<num>"."""
    words = ["<num>" if w[0].isdigit() else w for w in _TOKEN.findall(text.lower())]
    out = set(words)
    out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return out


def learned_logit(feats: dict[str, float], text: str) -> float:
    """Log-odds that `text` is a check-worthy factual claim, per the ClaimBuster-trained model."""
    z = BIAS
    for name, value in feats.items():
        if value:
            z += FEATURES.get(name, 0.0) * value
    get = TOKENS.get
    for t in tokens(text):
        z += get(t, 0.0)
    return z
