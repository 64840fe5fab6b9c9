"""Nouns of what was said ("the claims", "reports", "the allegations"), as a regular-expression
alternation: the extractor's attribution reads "rejected the claims that ..." as a frame (rejecting
what was said, not an act), and the matcher's denials read "dismissed the reports" as denying them.
Each adds the nouns of its own verb."""

SAID_NOUNS = (r"claims?|reports?|rumou?rs?|allegations?|accusations?|suggestions?|criticism|notion|idea|"
              r"stor(?:y|ies)")
