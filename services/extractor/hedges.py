"""Whether a claim only says it may be so (Claim.hedged): the outlet's or its source's uncertainty
about the event ("the minister may resign", "the toll could rise to 40", "it is unclear whether",
"could not independently confirm", a question), not what something can do, may do by right or
would have done ("the plant could produce 40 million doses", "visitors may enter free", "the crash
could have been avoided"): those are claims of their own, which outlets corroborate. The scorer does
not count a hedged claim's outlet toward corroboration. A second reader's 161 sentences shaped these
patterns; "likely", "appears to" and "reportedly" are left out on purpose (the eval scenarios count
such reports as corroborating).
"""

from __future__ import annotations

import re

from shared.pb import claim_pb2
from shared.rarity import title_case

# Epistemic "may" / "might": lower case ("in May" is a month), not in a relative clause ("the suspect,
# who may be armed, was seen"), not the noun ("with all its might", "the might of"), not a permission.
_MAY = re.compile(r"(?<!\bwho )(?<!\bwhich )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bmilitary )(?<!\bfull )"
                  r"\b(?:may|might)\b(?!\s+(?:of|and|in|at|to)\b|\s*[.,;:]|\s+(?:not\s+)?(?:enter|apply|vote|use|submit|"
                  r"terminate|appeal|request|opt|choose|park|travel)\b)")
# A right or a warning, not a guess: "under the agreement, the truce may be extended", "may cause dizziness, the label says".
_BY_RIGHT = re.compile(r"(?i)\b(?:under|according to|in line with)\s+the\s+(?:\w+\s+)?(?:rules?|law|agreement|deal|treaty|"
                       r"scheme|terms|contract|regulations?|constitution)\b|\bmay\s+be\s+(?:challenged|appealed|extended|renewed)"
                       r"\s+(?:in|within|by|before|for|until)\b|\b(?:label|leaflet|notice|packaging|warning)\s+(?:says|said|states|warns)\b")
# "could have been arson", but not what could have been avoided, nor a counterfactual ("if ... had")
_COULD_HAVE = re.compile(r"(?i)(?<!\bnobody )(?<!\bno one )\bcould\s+have\b(?!\s+been\s+(?:avoided|prevented|averted|saved|"
                         r"stopped|foreseen|predicted)\b)")
_COUNTERFACTUAL = re.compile(r"(?i)\bif\s+(?:\w+\s+){1,3}had\b|\bhad\s+(?:it|they|he|she|we|i|you|the\s+\w+)\s+\w+ed\b|\bwithout\b")
# A figure or a trend that could move, not what something can do.
_COULD_FORECAST = re.compile(r"(?i)\bcould\s+(?:\w+ly\s+)?(?:rise|climb|fall|drop|reach|top|exceed|spread|increase|double|soar|"
                             r"hit|surpass|collapse|escalate|be\s+(?:delayed|postponed|linked|behind|responsible))\b")
_WHETHER = re.compile(r"(?i)(?<!\bregardless of )(?<!\birrespective of )(?<!\bvoted on )(?<!\bruled on )\bwhether\b"
                      r"(?!\s+or\s+not\b[^.;]*?,)(?!\s+or\s+not\b[^,]*$)")
# Unknown as the predicate ("it is unclear", "not known whether"), not before a noun ("an uncertain future").
_UNKNOWN = re.compile(r"(?i)\b(?:unclear|uncertain|unknown|unsure|not\s+(?:yet\s+)?(?:clear|known|certain))\b"
                      r"(?=\s*(?:[.,;:]|$)|\s+(?:whether|if|how|who|whom|what|when|where|why|which)\b)"
                      r"|\bno\s+one\s+(?:yet\s+)?knows\b|\bunconfirmed\b|\bit\s+is\s+possible\b|\bthe\s+possibility\s+that\b"
                      r"|\bcould\s*(?:not|n't)\s+(?:independently\s+)?(?:confirm|verify|say|determine|establish)\b"
                      r"|\b(?:has|have|had|did)\s*(?:not|n't)\s+(?:yet\s+)?rule[ds]?\s+out\b|\bneither\s+confirm\w*\s+nor\s+den\w+\b")
# "possibly the cause", not a softened superlative ("perhaps the largest protest ... drew 200,000")
_ADVERB = re.compile(r"(?i)\b(?:possibly|perhaps)\b(?!\s+(?:the\s+|one\s+of\s+the\s+)?(?:\w+est|most|first|only|worst|best)\b)"
                     r"|(?-i:\bmaybe\b|^Maybe\b)")
_TITLE_MODAL = re.compile(r"\b(?:May|Might)\s+(?!Day\b)(?:Have|Be|Not|[A-Z][a-z]+(?<!s))\b")  # "Minister May Resign Over ..."
_UNCONFIRMED_SOURCE = re.compile(r"(?i)\b(?:unconfirmed|unverified)\b")  # "according to unconfirmed reports"
_QUESTION = re.compile(r"\?[\"'”’]*(?=\s|$)")
# Some word every pattern above needs: most sentences have none, and one search rules them out.
_ANY_CUE = re.compile(r"\?|(?i:\b(?:may|might|could|possib|perhaps|maybe|whether|unclear|uncertain|unknown|unsure|"
                      r"not\s+(?:yet\s+)?(?:clear|known|certain)|no\s+one|unconfirmed|unverified|rule[ds]?\s+out|neither))")


def hedged(claim: claim_pb2.Claim) -> bool:
    """Whether the claim (text, statement, speaker and entities filled) only says it may be so."""
    statement, text = claim.statement, claim.text
    if not _ANY_CUE.search(text):
        return False
    if _QUESTION.search(text) or _UNCONFIRMED_SOURCE.search(claim.speaker):
        return True
    if _MAY.search(statement) and not _BY_RIGHT.search(text):
        return True
    if _COULD_HAVE.search(statement) and not _COUNTERFACTUAL.search(statement):
        return True
    if any(p.search(statement) for p in (_COULD_FORECAST, _WHETHER, _UNKNOWN, _ADVERB)):
        return True
    if not title_case(text):  # only a headline writes "May Resign"; "on May Day" is a date
        return False
    # not a person's name ("Theresa May Resigns")
    people = [(e.span.start, e.span.end) for e in claim.entities if e.kind == claim_pb2.ENTITY_KIND_PERSON]
    return any(not any(start <= m.start() < end for start, end in people) for m in _TITLE_MODAL.finditer(text))
