"""How a figure is written in a claim's normalized text ("12400000000", "6.5"): the extractor writes its
quantities so, and the matcher reads them back by the same spelling."""

from __future__ import annotations


def figure_text(value: float) -> str:
    """A figure as the normalized text spells it: up to six decimals, no trailing zeros ("2", "0.25")."""
    return f"{value:.6f}".rstrip("0").rstrip(".")
