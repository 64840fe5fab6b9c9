"""Sentence splitting with exact character spans into the original text.

syntok is used for the segmentation itself: on news text it handles abbreviations (U.S., Gen.,
Jan.), decimals, thousands separators and quote-final punctuation, keeps blank-line paragraphs
apart, and is ~5x faster than pysbd. Two post-fixes cover what it gets wrong on news copy:
datelines ("KYIV (Meridian Press) —") are glued to the sentence they introduce, and a few
honorifics it does not know ("The Rev. Al Green") are re-joined.
"""

from __future__ import annotations

import re

from syntok import segmenter

# A fragment ending in one of these honorifics is not a sentence end.
_HONORIFIC_END = re.compile(r"\b(?:Rev|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Gen|St|Mt|Ft)\.$")
# A dash opening a fragment means the previous fragment was a dateline/credit ("LONDON (AP)").
_DASH_START = re.compile(r"^[—–-]")
_TERMINAL_END = re.compile(r"[.?!…][\"'”’)\]]*$")


def _raw_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of each syntok sentence."""
    spans: list[tuple[int, int, int]] = []
    for p_index, paragraph in enumerate(segmenter.analyze(text)):
        for sentence in paragraph:
            first = sentence[0]
            last = sentence[-1]
            spans.append((first.offset, last.offset + len(last.value), p_index))
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans, end exclusive, such that text[start:end] is one stripped sentence."""
    merged: list[list[int]] = []
    for start, end, para in _raw_spans(text):
        if merged and merged[-1][2] == para:
            prev = text[merged[-1][0] : merged[-1][1]]
            frag = text[start:end]
            dateline = _DASH_START.match(frag) is not None and not _TERMINAL_END.search(prev)
            if dateline or _HONORIFIC_END.search(prev):
                merged[-1][1] = end
                continue
        merged.append([start, end, para])
    # A paragraph that is only a dateline ("WASHINGTON —" on its own line) stays a separate span;
    # it scores too low to become a claim.
    return [(s, e) for s, e, _ in merged]
