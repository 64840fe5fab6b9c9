"""Attribution frames: who said it, with which reporting verb, and the statement without the frame.

Handled shapes (checked in this order, first hit wins):
  "…," Trump told reporters / "…," said Peskov        direct quote first
  According to the company, X  /  X, according to Y    "accord" (also "As reported by Y, X")
  X, the company said.                                trailing attribution
  X, said Smith.                                      trailing, verb before its subject
  The port, officials said, will reopen               a frame between commas, cut out
  X was confirmed by the ministry                      passive
  Poland confirmed on Wednesday that X / He said, "X"  indirect (verb near the start)
Rules are surface patterns over one sentence; spans are sentence offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.speech import SAID_NOUNS

# Verbs that frame a quotation or a "that" clause, and otherwise take an object of their own: "Germany
# pledged 40 tanks", "asked for help", "complained of pain" report nothing.
# Past forms only where the present is a noun as often ("tweets that showed", "his promises").
# Not "asked": what is asked is a question, no claim.
_THAT_OR_QUOTE = {
    "concede": "conceded concedes", "vow": "vowed", "promise": "promised", "pledge": "pledged",
    "reply": "replied", "tweet": "tweeted", "testify": "testified testifies", "shout": "shouted",
    "assert": "asserted asserts", "boast": "boasted", "caution": "cautioned", "complain": "complained complains",
}
# Inflected reporting verb -> lemma.
VERBS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "said says say", "tell": "told tells", "confirm": "confirmed confirms",
    "deny": "denied denies", "announce": "announced announces", "claim": "claimed claims",
    "report": "reported reports", "add": "added adds", "state": "stated states",
    "warn": "warned warns", "note": "noted notes", "insist": "insisted insists",
    "argue": "argued argues", "estimate": "estimated estimates", "acknowledge": "acknowledged",
    "admit": "admitted admits", "write": "wrote writes", "reject": "rejected rejects",
    "accuse": "accused accuses", "remark": "remarked", "predict": "predicted predicts",
    "explain": "explained explains", "suggest": "suggested suggests", "stress": "stressed stresses",
    "declare": "declared declares", "allege": "alleged alleges", "point out": "pointed_out points_out", "urge": "urged urges", "decline": "declined", "refuse": "refused",
    **_THAT_OR_QUOTE,
}.items():
    for _f in _forms.split():
        VERBS[_f.replace("_", " ")] = _lemma
# The plural present ("Analysts warn that ...", "Officials confirm that ..."), for the verbs whose lemma is
# no noun as often: "the state", "a police report", "the insurance claim" would open frames of their own.
# Before its statement only with "that" (or "tell" with its listener): "We add stores", "They write songs".
_PLURAL_PRESENT = frozenset(("tell confirm deny announce add warn insist argue acknowledge admit write accuse "
                             "predict explain suggest declare allege urge concede").split())
VERBS.update((lemma, lemma) for lemma in _PLURAL_PRESENT)
_ONLY_BEFORE_THAT = frozenset(f for forms in _THAT_OR_QUOTE.values() for f in forms.split()) | (
    _PLURAL_PRESENT - {"tell"})

_VERB_ALT = "|".join(sorted((re.escape(v) for v in VERBS), key=len, reverse=True))
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_TIME = r"(?:(?:late|early|again|also|later|earlier|previously|separately|on|last|this|in a statement|in an interview)\s+)*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)?(?:\s+(?:night|morning|evening|afternoon))?"

_LEADING_QUOTE = re.compile(
    rf"^[\"“](?P<q>.+?)[,.?!]?[\"”],?\s+(?:(?P<v1>{_VERB_ALT})\s+(?P<s1>(?:(?!St\.)[A-Z][a-z]{{1,3}}\.\s+)*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|(?:the|a|an)\s+[^,.]{{1,40}}?)|(?P<s2>[^,.\"“]{{1,80}}?)\s+(?:also\s+)?(?P<v2>{_VERB_ALT}))\b"
)
_ACCORDING_LEAD = re.compile(r"^(?:According to|As (?:first\s+)?(?:reported|noted|revealed|stated) by) (?P<s>[^,]{1,80}),\s*")
_ACCORDING_TRAIL = re.compile(r",?\s+according to (?P<s>[^,]{1,80}?)\.?$")
_ACCORDING_INSIDE = re.compile(r"^(?P<a>[^,\"“”]{3,}?),\s+according to (?P<s>[^,\"“”]{1,80}?),\s+(?P<b>\S.*)$")
# Plural verbs that frame a statement after it only closing the sentence ("..., fans admit."), as
# before it only with "that".
_CLOSING_PLURALS = frozenset("deny argue acknowledge admit write predict explain suggest allege concede".split())
_TRAILING = re.compile(
    r",[\"”]?\s+(?:as\s+)?(?P<s>(?:the\s+|a\s+|an\s+)?[^,\"“]{1,60}?)\s+(?:also\s+|ha[sd]\s+(?:also\s+)?)?(?P<v>said|says|say|added|adds|add|told|tell|warned|warns|warn|noted|notes|note|stated|states|state|confirmed|confirms|confirm|announced|announces|announce|reported|reports|report|claimed|claims|claim|insisted|insists|insist|estimated|estimates|estimate|"
    + "|".join(sorted(_CLOSING_PLURALS)) + r")\b[^,\"“]{0,60}$"
)
# Present forms that are nouns as often ("small claims court", "said reports of X are"): a trailing
# frame only when they close the sentence ("..., the Times reports.", "..., sources claim.").
_CLOSING_ONLY = frozenset("warns notes states confirms announces reports claims insists estimates "
                          "warn note state confirm announce report claim insist estimate".split()) | _CLOSING_PLURALS
# Closing the sentence, the nouns among the plural present are verbs too ("..., analysts estimate."), but
# not after a list or an article: "..., charities and the state.", "..., the flood and the police report."
_TRAILING_NOUN_VERBS = frozenset("note state report claim estimate".split())
_TRAILING_VERBS = {**VERBS, **{lemma: lemma for lemma in _TRAILING_NOUN_VERBS}}
_LIST_OR_ARTICLE = re.compile(r"\band\b|\b(?:the|a|an|his|her|its|their|our|this|that)\s*$", re.IGNORECASE)


def _noun_before(speaker: str) -> bool:
    """Whether what precedes a closing "claim", "report", "note", "state" or "estimate" makes it a noun:
    a list or an article ("..., charities and the state."), or more than a short plural subject, a
    verb or a dash in it ("..., Clinton Proposed Drone Strike on Assange -- report")."""
    return bool(_LIST_OR_ARTICLE.search(speaker) or _VERB_LIKE.search(speaker.lower()) or "-" in speaker
                or "—" in speaker or len(speaker.split()) > 3)


def _closes(body: str, at: int) -> bool:
    return not body[at:].strip(" .!?\"”’'")


# Speakers written in lower case after an opening adverbial ("On Monday, officials said", "Later, he
# said"): pronouns and the nouns of bodies that speak, possibly qualified ("local officials").
_LOWER_CASE_SPEAKERS = frozenset(
    "he she they we officials police authorities prosecutors investigators witnesses residents doctors "
    "experts analysts diplomats sources rescuers firefighters medics activists lawmakers ministers organisers "
    "organizers researchers scientists aides traders economists spokesmen spokeswomen engineers officers "
    "inspectors negotiators regulators observers monitors commanders campaigners nurses teachers leaders critics "
    "opponents supporters locals workers unions fans parents tenants farmers".split())


# The verb before its subject, closing the sentence: "..., said Smith.", "..., notes Phone Arena."
_TRAILING_INVERTED = re.compile(
    r",[\"”’']?\s+(?P<v>said|says|say|added|adds|add|noted|notes|note|reported|reports|report|wrote|writes|write|"
    r"claimed|claims|claim|explained|explains|explain|warned|warns|warn|insisted|insists|insist)\s+"
    r"(?P<s>(?:the|a|an)\s+[^,\"“”]{1,50}?|[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,4}|"
    # "..., said police.", "..., said local officials."
    r"(?:[a-z]+\s+)?(?:" + "|".join(sorted(_LOWER_CASE_SPEAKERS - _PRONOUNS)) + r"))"
    # "..., said Ruth Amsel, an analyst at Corbel Capital.", "..., said the owner, Baltic Reefer Lines.",
    # "..., said Ruth Amsel of the Center for Energy Studies."
    r"(?:,\s+(?:(?:the|a|an|his|her|its|their)\s+[^,\"“”]{1,80}?|[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,4})"
    r"|\s+(?:of|at|from|with|in)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:(?:for|of|and|on)\s+)?[A-Z][\w.’'-]*){0,6})?"
    r"\s*[.!?]?[\"”’]?\s*$")
# The frame after the statement with an apposition between the speaker and the verb: "..., Tamsin
# Reed, a spokeswoman for the firm, said." (the speaker a name: "..., the mayor, a former judge, said").
_TRAILING_APPOSITION = re.compile(
    r",[\"”’']?\s+(?P<s>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}|(?:the|a|an)\s+[^,\"“”]{1,40}?),\s+"
    r"(?:the|a|an|his|her|its|their)\s+[^,\"“”]{1,80}?,\s+(?:also\s+)?"
    r"(?P<v>said|says|added|adds|told|warned|warns|noted|notes|confirmed|announced|wrote|explained)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|later|earlier)"
    r"|\s+(?:reporters|journalists)|\s+in\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:statement|interview))*\s*[.!?]?[\"”’]?\s*$")
# A past verb in what would be the subject: "said the ferry sank" reads the other way round.
_VERB_LIKE = re.compile(r"\b(?:[a-z]+ed|sank|fell|rose|went|came|made|took|gave|won|lost|left|ran|hit|shot|died|grew|"
                        r"began|saw|knew|met|paid|sold|told|fled|held|kept|led|said)\b")


def _no_subject_before(pre: str, inverted_subject: str) -> bool:
    """Whether "X, said the Y." reads with the Y as the speaker: what precedes the verb is no subject of
    it ("Prices rose, said the report."; a clause, or a long phrase before a short one), where "Smith,
    a spokesman for the company, said the firm plans to appeal." has its subject. (A name after the
    verb, "..., said Smith.", is always the speaker: the other reading would state just a name.)"""
    cand = select_speaker(pre)
    return not cand or _VERB_LIKE.search(cand) is not None or (
        len(cand.split()) >= 5 and len(inverted_subject.split()) <= 4)


_PASSIVE = re.compile(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?P<v>confirmed|announced|reported|denied|claimed|stated)\s+by\s+(?P<s>[^,.]{1,60})")
_VERB_IN_TEXT = re.compile(rf"\b(?P<v>{_VERB_ALT})\b")
# "vowed on Monday that", "promised repeatedly that"; not "pledged that amount", "vowed that night"
_THAT_AFTER = re.compile(r"\s+(?:(?:on|last)\s+\w+\s+|\w+ly\s+)?that\b(?!\s+(?:morning|night|evening|afternoon|day|"
                         r"week|month|year|time|question|amount|sum|figure|number|claim|promise|pledge|point|plan)\b)")
# An adverb in -ly, not a noun ("The family said", "a US ally said") nor a name ("Kelly said").
_LY_ADVERB = r"(?!(?:family|ally|rally|assembly|supply|monopoly|fly|belly|bully|lily|anomaly|homily|italy)\b)[a-z]+ly"
_AUX_TAIL = re.compile(rf"(?:\s+(?:has|have|had|also|has also|had also|would|will|on\s+\w+day|late|early|just|then|though|"
                       rf"however|too|still|once|first|further|{_LY_ADVERB}|(?=\S){_TIME}(?<=\S)))+\s*$")
# Sentence adverbs a subject may follow, with or without a comma: "Nonetheless, X, a spokesman, wrote",
# "However the ministry said".
_SENTENCE_ADVERBS = frozenset("there still but and however meanwhile nonetheless nevertheless moreover furthermore "
                              "instead indeed likewise overall elsewhere yet thus therefore".split())
_INTRO = re.compile(r"^(?:In|On|At|From|For|Later|Earlier|Separately|Speaking|Asked|Writing|Interviewed|Responding|"
                    r"Afterwards|With|Amid|After|Despite|\w+ing|" + "|".join(sorted(_SENTENCE_ADVERBS)) + r")\b",
                    re.IGNORECASE)
_FINITE = re.compile(r"\b(?:was|were|is|are|had|has|have|will|would|did|does|do|could|can|may|might|must|should|after|when|because|if)\b"
                     r"|\b\w+n['’‘]t\b")  # "You don't say", "I don’t know what to say"
_MODAL_CONTRACTION = re.compile(r"\w['’](?:d|ll)$", re.IGNORECASE)
_PRONOUN_CONTRACTION = re.compile(r"\b(he|she|it|they|we|i|you)['’](?:s|ve)$", re.IGNORECASE)  # not "I'd say"
_NEGATED_BEFORE = re.compile(r"(?:\bnever|\bnot|n['’]t)\s+$", re.IGNORECASE)
# After a determiner or a possessive these are still the verb ("Papa John's says"); any other form is a
# noun or an adjective there ("the author's claims", "Trump's alleged remarks", "the accused shooter").
_ONLY_VERBS = frozenset("said says told tells wrote writes added adds".split())
# "Moody's warned", "McDonald's reported": a name in 's alone before the verb is the company speaking
_NAME_WITH_S = re.compile(r"\s*[A-Z][\w&.-]*['’]s\s+")
# A determiner, a possessive or a preposition right before the verb form ("he's said", "it's reported"
# are the verb; "over alleged bribery", "for claimed damages" an adjective).
_NOUN_BEFORE = re.compile(r"(?:\b(?:the|a|an|his|her|their|its|our|my|your|these|those|over|of|for|about|into|on|in|"
                          r"with|by|from|against|amid|among|despite)|"
                          r"\b(?!(?:he|she|it|that|who|there|what|here)['’])\w+['’]s?)\s+$", re.IGNORECASE)
# A sentence opening with a single quote not yet closed ("'I said sorry to my wife"): an apostrophe
# closes nothing, a quote mark after punctuation does.
_IN_SINGLE_QUOTE = re.compile(r"^\s*['‘](?!.*[,.!?]['’](?:\s|$))")
_IN_CLAUSE = re.compile(r",\s*(?:which|who)\s+[^,]*$")
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_AFTER_VERB = re.compile(rf"^(?:\s+{_TIME})?(?:,?\s*(?:however|though|also|too|again),)?\s*(?:that\b)?[\s,:]*")
# When it was said, and nothing more: "..., Smith wrote a day later."
# "two weeks ago", "a day later", "3 hours earlier"
_SPAN_AGO = r"(?:a|one|two|three|four|five|several|a few|\d+)\s+(?:hours?|days?|weeks?|months?|years?|minutes?)\s+(?:ago|later|earlier)"
_TIME_TAIL = re.compile(rf"\s*(?:{_SPAN_AGO}|later|earlier|afterwards|(?:last|this|next)\s+(?:week|month|year))[\s.!?]*$",
                        re.IGNORECASE)
# "wrote on X that", "said in his nightly address that": a short adverbial before "that" is frame.
_FRAME_THAT = re.compile(r"^(?:\s+[^\s,\"“”]+){0,6}?\s+that\s+")
# Where something was said: "in a statement", "in a televised address", "on X".
_WHERE_SAID = (r"(?:in\s+(?:a|an|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|interview|post|letter|video|speech|report|filing|"
               r"briefing|address|message|press\s+release|press\s+conference)|on\s+(?:X|Twitter|Facebook|Instagram|"
               r"Telegram|social\s+media))")
# Where it was said, then a colon: "said in a statement: ...", "wrote on X on Monday: ..."
_WHERE_SAID_COLON = re.compile(
    rf"^\s+{_WHERE_SAID}(?:\s+(?:on|late|early)\s+[\w.]+)*(?:\s+(?:morning|afternoon|evening|night))?\s*:\s*")
_TOLD_OBJECT = re.compile(r"^\s+(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*|reporters|journalists|him|her|them|us|me|lawmakers|parliament|commanders|police|investigators|prosecutors|officials|doctors|friends|the\s+\w+"
    # listeners named by a plural noun, only right before the statement's first word ("told investors the fleet
    # would grow"; not "told staff members", "told staff at the plant")
    r"|(?:investors|analysts|shareholders|staff|employees|workers|supporters|voters|delegates|senators|residents|"
    r"parents|families|customers|passengers|students|fans|members|viewers|readers|patients|clients|citizens|troops)"
    r"(?=\s+(?:(?i:he|she|it|they|we|i|there|that|the|a|an|his|her|their|its|this|no|nobody)\b|\d)))"
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?(?=[\s,:.!?]|$)")
# "told the radio station she had", "told the council 790 people were": a common noun phrase as the
# object, up to the word the statement opens with (a pronoun, article, figure or quote).
_TOLD_NOUN_OBJECT = re.compile(
    r"^\s+(?:the|a|an|his|her|their|its)\s+(?:(?!(?:about|on|in|for|with|at|from|by|to|over|after|during)\b)[\w’'-]+\s+){1,3}?"
    r"(?=(?i:he|she|it|they|we|i|there|that|the|a|an|his|her|their|its|this|no|nobody)\b|\d|[“\"‘'])")
_INFINITIVE = re.compile(rf"^(?:\s+{_TIME})?\s+to\s+")
_FRONT_QUOTE = re.compile(r"^[\"“](?P<q>[^\"”]+)[\"”]")
# What is claimed as an act, not said: "claimed responsibility for", "claimed victory", "claimed the lives of".
_CLAIMED_OBJECT = re.compile(r"\s+(?:(?:full|sole|joint)\s+)?(?:responsibility|credit|victory|the\s+lives|lives|"
                             r"the\s+life)\b", re.IGNORECASE)
# What is rejected as said, not done: "rejected the claims", "rejected reports that", "rejected as false".
_SAID_OBJECT = re.compile(r"\s+(?:(?:the|these|those|such|all|any|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,2}?"
                          r"(?:" + SAID_NOUNS + r"|charges?|assertions?|characteri[sz]ations?|premise|account|comments?|"
                          r"remarks?|statements?|as\b|that\b)", re.IGNORECASE)
# Reporting verbs whose "to" clause is the statement: "claimed to have retaken", "denied to have".
_TAKES_INFINITIVE = frozenset(("claim", "deny", "admit", "acknowledge"))


@dataclass(slots=True)
class Attribution:
    speaker: str = ""
    verb: str = ""
    stmt_start: int = 0
    stmt_end: int = 0
    # Prepended to the statement when the frame had to be rewritten ("X claimed to have Y").
    stmt_prefix: str = ""
    # The frame itself negates the content ("declined to confirm", "refused to say").
    frame_negated: bool = False
    # A frame inside the statement, cut out of it ("The port, officials said, will reopen"); (0, 0): none.
    cut: tuple[int, int] = (0, 0)


def _clean_speaker(raw: str) -> str:
    s = raw.strip(" ,\"“”'’‘")
    s = _AUX_TAIL.sub("", s).strip(" ,")
    return _PRONOUN_CONTRACTION.sub(r"\1", s)  # "He's said", "They’ve told"


_SUBORDINATE = frozenset("where when whenever which who whom whose while whereas although though because unless if".split())
_CONJUNCTIONS = frozenset("and but or so yet then also".split())
_THAT_CLAUSE = re.compile(r"\bthat\s+(?:he|she|they|it|we|i)\b", re.IGNORECASE)
_PREPOSITIONS = frozenset("despite after before with without in on at for from by during among since until through".split())
# Determiners opening a speaker's noun phrase ("this blog", "many protesters"); alone they speak for no one.
_NP_OPENERS = frozenset("this these those our my one some several many both".split())
_LEADING_WORDS = _CONJUNCTIONS | _SENTENCE_ADVERBS - {"there"} | frozenset(("as", "now"))
_RELATIVE_PRONOUNS = frozenset("who whom which that".split())
# Words a trailing frame's speaker does not open with ("..., even as the opposition said ...")
_NO_TRAILING_SPEAKER = _SUBORDINATE | _CONJUNCTIONS | _PREPOSITIONS | {"even", "near"}
# "The woman who reported that she ...": the verb of a relative clause inside what precedes a later verb
_RELATIVE_VERB = re.compile(rf"\b(?:who|which|that)\s+(?:{_VERB_ALT})\b")
# A comma between clauses, not the thousands separator of "5,000".
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")


_IMPERSONAL = re.compile(r"(?:it|there)['’]s", re.IGNORECASE)
_PARTICIPLE_OPENING = re.compile(r"(?:\w+ing|Asked|Interviewed)\b", re.IGNORECASE)


def _opening_or_clause(text: str) -> bool:
    """An adverbial or a clause, not a subject: what a sentence adverb may precede besides one."""
    return bool(_INTRO.match(text) or _TIME_OR_SOURCE.match(text) or text.split()[0].lower() in _SUBORDINATE
                or _FINITE.search(text) or _VERB_LIKE.search(text))


def select_speaker(pre: str) -> str:
    """Pick the subject noun phrase from the text before a reporting verb ("" when it isn't one)."""
    # parts that are only auxiliaries or adverbs ("..., has said", "..., repeatedly have said") are no phrase
    # and an age ("Smith, 45, said") is none either
    raw_parts = [p.strip() for p in _CLAUSE_COMMA.split(pre.strip().rstrip(","))]
    parts = [p for p in raw_parts if _AUX_TAIL.sub("", " " + p).strip() and not p.isdigit()]
    # The phrase before the verb is closed by a comma ("X, director of Y, said"; "X, 45, has said"),
    # not a clause running into the verb ("X, a source told", "Bart ..., was hurt and Hutson says").
    closed = pre.rstrip().endswith((",", "—", "–")) or bool(raw_parts and raw_parts[-1] not in parts)
    # "Officials, including Rep. X, R-Fla., have said": the list is no speaker
    inclusion = next((i for i, p in enumerate(parts) if i and p.split()[0].lower() in ("including", "among")), None)
    if inclusion is not None:
        parts, closed = parts[:inclusion], True
    # "X, Y, on his Twitter account stated": where it was said, not who
    if len(parts) > 1 and parts[-1].split()[0].lower() in ("on", "in", "via", "through"):
        parts, closed = parts[:-1], True
    # "Bowman, who also gave an interview told CNN": a relative clause whose closing comma is missing
    if len(parts) > 1 and parts[-1].split()[0].lower() in ("who", "which"):
        closed = True
    had_intro = participle = False
    while len(parts) > 1 and (_INTRO.match(parts[0]) or _TIME_OR_SOURCE.match(parts[0])
                              or parts[0].split()[0].lower() in _SUBORDINATE
                              or " " not in parts[0] and parts[0].endswith("ly")):  # "Apparently, ..."
        had_intro = True
        adverb, _, rest = parts[0].partition(" ")
        if adverb.lower() in _SENTENCE_ADVERBS and rest and not _opening_or_clause(rest):
            parts[0] = rest  # "Yet Iran, which denies it, said": only the adverb goes
            break
        # "Speaking to the Saudi daily, Ajel, assistant manager X, said": what follows may be its object's name
        opening = parts.pop(0)
        participle = participle or _PARTICIPLE_OPENING.match(opening) is not None
    if not parts or (len(parts) == 1 and _INTRO.match(parts[0]) and parts[0].split()[0].lower() not in _SENTENCE_ADVERBS):
        return ""  # "On the military front, reports …": an adverbial, not a speaker
    if len(parts) == 1:
        cand = parts[0]
    elif not participle and (parts[0][:1].isupper() or parts[0].split()[0].lower() in _ARTICLES and not _FINITE.search(
            parts[0])) and parts[-1][:1].islower() and closed and not (
            _FINITE.match(parts[-1])):  # "Several guests, ..., were arrested after a fight, says X"
        # "Ruud Hoekstra, director of the association, said"; not "X raised doubts, and said"
        cand = parts[0]
    else:
        cand = parts[-1]  # "the French finance minister, Marie Dupont, said"
    if _IMPERSONAL.fullmatch(cand):
        return ""  # "It's said that", "It's estimated that": nobody speaks ("It said" is a report speaking)
    cand = _clean_speaker(cand)
    words = cand.split()
    # "But the commissioner", "As the Journal notes,"
    while len(words) > 1 and words[0].lower() in _LEADING_WORDS:
        words = words[1:]
        cand = " ".join(words)
        had_intro = True  # "But he said": a pronoun may speak
    if any(_MODAL_CONTRACTION.search(w) for w in words):
        return ""  # "I'd say", "he'll say": what would be said, not what was
    if words and words[0].lower() in _PREPOSITIONS:
        return ""  # "despite the author's claims Burton says": an adverbial, not a speaker
    if words and words[-1].lower() in _CONJUNCTIONS:
        return ""  # "Indira called off the wedding and announced": the subject is a clause back
    if not words or len(words) > 8 or _FINITE.search(cand) or any(ch in cand for ch in "\"“”;:«»") or (
            cand[-1] in "'‘’" or _THAT_CLAUSE.search(cand)):
        return ""  # "Tridevil made it known that she '": a clause, not a speaker
    if words[0].lower() in _SUBORDINATE or words[-1].lower() in _RELATIVE_PRONOUNS | _ARTICLES or _RELATIVE_VERB.search(cand):
        return ""  # "Where officials said the bridge failed", "the woman who claimed": a clause, not a speaker
    if not (cand[0].isupper() or words[0].lower() in _ARTICLES or words[0].lower() in _NP_OPENERS and len(words) > 1) and not (
            had_intro and (_lower_case_speaker(words) or words[-1][:1].isupper())):  # "And five-year-old Alex"
        return ""
    return cand


def _lower_case_speaker(words: list[str]) -> bool:
    return len(words) <= 3 and words[-1].lower() in _LOWER_CASE_SPEAKERS and (
        len(words) == 1 or words[0].lower() not in _PRONOUNS)


def find_attribution(sentence: str, offset: int = 0) -> Attribution:
    """Analyse sentence[offset:] (offset skips a dateline); spans are into `sentence`."""
    body = sentence[offset:]
    end = len(sentence)
    # Statement end excludes the final full stop / quote so the statement reads as a clause.
    m = _LEADING_QUOTE.match(body)
    if m:
        verb = m.group("v1") or m.group("v2")
        speaker = _clean_speaker(m.group("s1") or m.group("s2"))
        if len(speaker.split()) <= 8 and not _FINITE.search(speaker):
            return Attribution(speaker, VERBS[verb], offset + m.start("q"), offset + m.end("q"))
    m = _ACCORDING_LEAD.match(body)
    if m:
        return Attribution(_clean_speaker(m.group("s")), "accord", offset + m.end(), end)
    m = _ACCORDING_TRAIL.search(body)
    if m:
        return Attribution(_clean_speaker(m.group("s")), "accord", offset, offset + m.start())
    m = _TRAILING.search(body)
    words = m.group("s").split() if m else []
    if m and 0 < len(words) <= 8 and words[0] not in _NO_TRAILING_SPEAKER \
            and not _FINITE.search(m.group("s")) and not _RELATIVE.match(m.group("s")) \
            and (m.group("v") not in _CLOSING_ONLY or _closes(body, m.end("v"))) and not _opens_frame(body, m) \
            and not (m.group("v") in _TRAILING_NOUN_VERBS and _noun_before(m.group("s"))):
        verb = m.group("v").split()[0]
        return Attribution(_clean_speaker(m.group("s")), _TRAILING_VERBS[verb], offset, offset + m.start())
    m = _TRAILING_INVERTED.search(body)
    if m and m.start() > 0 and not _FINITE.search(m.group("s")) and not (
            _VERB_LIKE.search(m.group("s")) or _TIME_OR_SOURCE.match(m.group("s").rstrip("."))) and (
            m.group("s")[:1].isupper() or re.match(r",[\"”’']", body[m.start():])  # a name, or after a quote
            or _no_subject_before(body[:m.start() + 1], m.group("s"))):  # "..., SITE said Tuesday."
        # "Prices rose, said Smith.", "..., said the report." (not "Smith, 45, said the ferry sank.")
        return Attribution(_clean_speaker(m.group("s")).rstrip("."), _TRAILING_VERBS[m.group("v")], offset,
                           offset + m.start())
    m = _TRAILING_APPOSITION.search(body)
    if m and m.start() > 0 and not _FINITE.search(m.group("s")):
        return Attribution(_clean_speaker(m.group("s")), VERBS[m.group("v")], offset, offset + m.start())
    inside = _according_inside(body, offset)
    if inside is not None:
        return inside
    paren = _parenthetical(body, offset)
    if paren is not None:
        return paren
    m = _PASSIVE.search(body)
    if m:
        speaker = m.group("s")
        cut = speaker.find(" that ")
        if body[: m.start()].strip().lower() == "it" and cut > 0:
            # "It was confirmed by the navy that X": the statement is X.
            return Attribution(_clean_speaker(speaker[:cut]), VERBS[m.group("v")], offset + m.start("s") + cut + 6, end)
        return Attribution(_clean_speaker(speaker), VERBS[m.group("v")], offset, offset + m.start())
    return _indirect(sentence, offset)


# "according to" in the sense "in line with": no source ("distributed according to the rules").
_NOT_A_SOURCE = frozenset("rule rules law laws plan plans schedule population size need needs custom tradition "
                          "protocol procedure procedures guidelines regulations instructions".split())
# After "according to X," these go on with the statement: its predicate ("lasted"), or a clause joined to it.
_JOINING = frozenset("and but though although while whereas yet".split())


def _according_inside(body: str, offset: int) -> Attribution | None:
    """"The attack, according to witnesses, lasted 20 minutes": the statement is both sides of the
    frame, joined; so too with a clause joined by "and", "but", "though" ("..., and no one was hurt").
    After an apposition ("..., the first drop in a decade", "..., the EU's statistics agency") or a
    participle ("..., urging ...") the statement is what precedes the frame. Not when either side has a
    reporting verb of its own (the sentence's frame is another: "..., police said"), after a relative
    pronoun ("..., which arrived within minutes, ..."), or before "not" or a name (a list of sources)."""
    m = _ACCORDING_INSIDE.match(body)
    if m is None or _VERB_IN_TEXT.search(m["a"]) or _VERB_IN_TEXT.search(m["b"]) or (
            m["s"].split()[-1].lower() in _NOT_A_SOURCE):
        return None
    source, after = _clean_speaker(m["s"]), m["b"]
    first = after.split(maxsplit=1)[0].lower().strip(",;")
    if first in _JOINING or (after[:1].islower() and first not in _RELATIVE_PRONOUNS | _ARTICLES | {"whose", "where", "not"}
                             and not _PARENTHETICAL_TAIL.match(after)):
        return Attribution(source, "accord", offset, offset + len(body), cut=(offset + m.end("a"), offset + m.start("b")))
    clause = _FINITE.search(m["a"]) or _VERB_LIKE.search(m["a"]) or len(m["a"].split()) >= 4  # not "The ship"
    if clause and (first in _ARTICLES | {"our"} or (
            _PARENTHETICAL_TAIL.match(after) and first not in _RELATIVE_PRONOUNS | {"whose", "where"})):
        return Attribution(source, "accord", offset + m.start("a"), offset + m.end("a"))
    return None


# Opening adverbials of more than two words that are only a time or a source ("Late on Tuesday",
# "In a statement on Monday"): a frame after them is an opening one. A longer opening is judged a clause.
_TIME_OR_SOURCE = re.compile(
    r"^(?:(?:late|early|later|earlier)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?$|"
    rf"^{_WHERE_SAID}(?:\s+on\s+\w+)?(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)


# A frame between commas inside the statement: "The port, officials said, will reopen on Monday".
_PARENTHETICAL = re.compile(
    rf"^(?P<a>[^,\"“”]{{3,}}?),\s+(?P<s>[^,\"“”]{{1,60}}?)\s+(?:also\s+)?(?P<v>{_VERB_ALT})"
    r"(?:\s+(?:on\s+)?(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday|yesterday|today)"
    r"|\s+(?:reporters|journalists|him|her|them|us)|\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
    rf"|\s+{_WHERE_SAID}){{0,2}}"
    r",\s+(?P<b>\S.*)$")
# After such a frame these open a clause of their own: the statement is what precedes the frame.
# "because of the storm", "as soon as repairs end", "during the night" belong to the statement.
_PARENTHETICAL_TAIL = re.compile(r"(?:although|though|but|and|while|whereas|which|who|where|without|of|about|on condition|"
                                 r"in a statement|(?!during|following|including)[a-z]+ing)\b", re.IGNORECASE)


def _ends_statement(after_frame: str) -> bool:
    """What follows a frame between commas opens a clause of its own, or an apposition ("a source tells
    Jo Doe, an editor"): the statement is what precedes the frame."""
    return _PARENTHETICAL_TAIL.match(after_frame) is not None or re.match(r"an?\s", after_frame) is not None


def _parenthetical(body: str, offset: int) -> Attribution | None:
    m = _PARENTHETICAL.match(body)
    if m is None or _INTRO.match(m["a"]) or _TIME_OR_SOURCE.match(m["a"]) or _VERB_IN_TEXT.search(m["a"]) or ". " in m["a"]:
        # "In a statement, the ministry said, citing X, that Y": the frame opens the sentence; "X says Y.
        # The league, it says, has": the first frame is the sentence's
        return None
    words = m["s"].split()
    if not words:
        return None
    first, last = words[0], words[-1]
    if len(words) > 6 or _FINITE.search(m["s"]) or first.lower() in _SUBORDINATE | _CONJUNCTIONS or not (
            first[:1].isupper() or first.lower() in _ARTICLES | _PRONOUNS or last.lower() in _SPEAKING_NOUNS):
        return None
    lemma = VERBS[m["v"]]
    if _ends_statement(m["b"]):
        # "X, the minister said, adding that Y", "X, a source tells Jo Doe, an editor at Y": the statement is X
        return Attribution(_clean_speaker(m["s"]), lemma, offset + m.start("a"), offset + m.end("a"))
    if m["b"][0] in "\"“‘'":  # "To stress the point, Simon said, “X”": the quote is the statement
        return Attribution(_clean_speaker(m["s"]), lemma, offset + m.start("b") + 1, offset + len(body))
    # "The port, officials said, will reopen": the statement is both sides of the frame, joined
    return Attribution(_clean_speaker(m["s"]), lemma, offset, offset + len(body), cut=(offset + m.end("a"), offset + m.start("b")))


# A time phrase and nothing else: "Last week", "Two days after the crash", "Hours later", "By contrast".
_TIME_OPENING = re.compile(r"(?:(?:last|next|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|"
                           r"summer|autumn|fall|winter)|(?:(?:two|three|four|five|several|a few|\d+)\s+)?(?:hours?|days?|"
                           r"weeks?|months?|years?|minutes?|moments?)(?:\s+(?:later|earlier|ago|(?:after|before)\s+[^,]+))?|"
                           r"shortly\s+(?:after|before)\s+[^,]+|soon after|earlier|later|by contrast)", re.IGNORECASE)


def _clause_before(text: str) -> bool:
    """What precedes a speaker is a clause of its own, closed by a comma, not an opening adverbial."""
    text = text.rstrip()
    if text[-1:] in "”\"’'":  # a quote before the frame: "“It sounded unbelievable,” Mr. Steward said, insisting"
        return text.rstrip("”\"’'").rstrip().endswith((",", "?", "!"))
    body = text.rstrip(",")
    # "After her son's death," and "Last week," are opening phrases; "But the teacher learned X, depicting
    # Y," and "Later flights were cancelled," are clauses
    verb = _FINITE.search(body) or _VERB_LIKE.search(body)
    opening_phrase = _INTRO.match(body) and "," not in body and not verb
    # a clause has a verb, or the length of one ("Alex's mom, Tanya Nash, explained" has none)
    has_verb = verb or len(body.split()) >= 4
    return text.endswith(",") and bool(has_verb) and not opening_phrase and not _adverbial(body) and (
        _TIME_OPENING.fullmatch(body) is None)


def _adverbial(text: str) -> bool:
    """An opening adverbial and nothing more: at most two words opening like one ("Later", "On
    Monday", "In 2023"), or a longer time or source ("In a statement on Monday")."""
    return (len(text.split()) <= 2 and _INTRO.match(text) is not None) or _TIME_OR_SOURCE.match(text) is not None


# What may follow "said" and be no clause: "two weeks ago", "again on Friday", "just before noon"
_TIME_TAIL_START = re.compile(rf"{_SPAN_AGO}\b", re.IGNORECASE)
_TAIL_OPENERS = frozenset(
    "again once previously just on in at to during after before late early earlier later last this yesterday today "
    "tonight via through from "
    "while when as with according outside inside near monday tuesday wednesday thursday friday saturday sunday "
    "of about for by without amid despite following ahead under over into behind across around".split())


def _opens_frame(body: str, trailing: re.Match) -> bool:
    """"Later, the spokesman told reporters that X": what precedes the comma is an adverbial and
    the statement follows the verb, so the frame is not a trailing one. So too "In the Kursk region,
    Russian forces claimed on Wednesday to have retaken X": the infinitive after the verb is the claim."""
    before = body[: trailing.start()].strip()
    after = body[trailing.end("v"):]
    # "When she saw the damage, she said the house was lost": a subordinate clause opens the sentence
    opening_clause = bool(before) and before.split(maxsplit=1)[0].lower() in _SUBORDINATE and "," not in before and (
        len(after.split()) >= 3)
    tail = after.split()
    if _TRAILING_VERBS[trailing.group("v")] == "tell":
        # "..., she told a Sapa correspondent.", "told lawmakers gathered in the capital": only an
        # object followed by a statement's first word ("told the council 790 people") opens a clause
        told = _TOLD_NOUN_OBJECT.match(after)
        tail = after[told.end():].split() if told else []
    # "Earlier this week, the minister confirmed plans are underway": a clause follows the verb, not
    # the time or place of the saying ("..., the minister said on Monday in a statement", "said speaking on")
    first = tail[0].lower().strip(",.;:") if tail else ""
    clause_after = len(tail) >= 3 and first not in _TAIL_OPENERS and not first.endswith(("ing", "ly")) and (
        _TIME_TAIL_START.match(" ".join(tail)) is None)
    # "Last week, the bank said in a statement it would": a time opens the sentence
    time_opening = _TIME_OPENING.fullmatch(before) is not None
    return bool(_FRAME_THAT.match(after) or re.match(r"\s*that\b", after)) or _adverbial(before) or opening_clause or (
        clause_after or time_opening) or (
        _TRAILING_VERBS[trailing.group("v")] in _TAKES_INFINITIVE and _INFINITIVE.match(after) is not None)


# A reporting verb whose subject opens a relative clause ("the plan, which critics say will raise
# prices", "the mayor, who officials said was ill"): it frames that clause only.
# Lower case only: "WHO said" is the World Health Organization. What stands between the pronoun and
# the verb is the clause's subject, a short noun phrase ("which critics", "who officials"), not a
# clause of its own ("who visited Kyiv on Monday — her first trip —").
_RELATIVE = re.compile(r"(?:which|who|whom|whose|where)\b")
_RELATIVE_SPEAKER = re.compile(r"(?:,\s*|(?<=\w)\s+)(?P<pronoun>that|which|who|whom|whose|where)\s+(?P<subject>[^,;:()—–\"“”]{1,40})$")
# The pronoun is the reporting verb's subject: "the woman who claimed to have won", "reports that said".
_RELATIVE_ADVERBS = ("also", "then", "later", "reportedly", "allegedly", "has", "have", "had")
_RELATIVE_SUBJECT = re.compile(rf"(?<=\w)[\s,]+(?:who|which|that)(?:\s+(?:{'|'.join(_RELATIVE_ADVERBS)}))*\s*$")
# Without a comma, or after "whose" ("the report that officials said was leaked", "the mayor, whose
# aides said he was ill"), the clause's subject must end in a word that names who speaks: "parents whose children
# attend the school said", "the company that Musk owns said", "experts that the BBC spoke to said"
# are speakers whose clause has a verb of its own.
_ARTICLES = frozenset("the a an his her its their".split())
_STRANDED = frozenset("to with for about at on in from by into".split())
_SPEAKING_NOUNS = _LOWER_CASE_SPEAKERS | frozenset(
    "spokesman spokeswoman spokesperson lawyer lawyers critics forces neighbours neighbors relatives family "
    "friends colleagues supporters opponents staff aide official witness source expert analyst doctor "
    "prosecutor investigator diplomat minister".split())


def _relative_frame(pre: str) -> bool:
    if _RELATIVE_SUBJECT.search(pre):
        return True
    m = _RELATIVE_SPEAKER.search(pre)
    if m is None:
        return False
    subject = m["subject"].split()
    if len(subject) > 4 or _FINITE.search(m["subject"]) or any(w.endswith("ed") for w in subject):
        return False
    # The clause's subject names who speaks ("which critics say", "that the Japanese firm says"), not a
    # clause with a verb of its own ("who also gave an interview told", "that the union represents said").
    first, last = subject[0], subject[-1]
    if first in _RELATIVE_ADVERBS:
        return False  # "Bowman, who also gave an interview, told CNN"
    if pre[m.start()] == "," and not m["pronoun"] == "whose":
        return True  # "the dam, which environmental groups say will ...": a short subject after a comma
    return last in _SPEAKING_NOUNS or (last[:1].isupper() and len(subject) <= 3) or (
        first in _ARTICLES and 2 <= len(subject) <= 3 and not last.endswith("s") and last not in _STRANDED)


def _statement_end_before(pre: str, speaker: str) -> int:
    """Where a statement before its frame ends in `pre`: at the speaker, written as a whole phrase,
    its last occurrence ("he" in "X, as he", not in "then"), less an "as" opening the frame (", as he
    admitted"); 0 when the speaker is not found."""
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(speaker)}(?!\w)", pre)]
    if not found:
        return 0
    at = found[-1]
    opener = re.search(r"\bas\s+$", pre[:at], re.IGNORECASE)
    return opener.start() if opener and opener.start() > 0 else at


def _indirect(sentence: str, offset: int) -> Attribution:
    body = sentence[offset:]
    for m in _VERB_IN_TEXT.finditer(body, 0, min(len(body), 220)):
        pre = body[: m.start()]
        if pre.count("\"") % 2 or pre.count("“") > pre.count("”") or _IN_SINGLE_QUOTE.match(pre):
            continue  # inside a quotation
        # The patterns below end at the verb and span fewer than 80 characters: search the end only.
        near = pre[-80:]
        if _relative_frame(near):
            continue  # "X, which officials say is Y": the frame of a relative clause, not of the sentence
        if _NEGATED_BEFORE.search(near):  # "I never told anyone", "he did not say": nothing is reported
            return Attribution(stmt_start=offset, stmt_end=len(sentence))
        verb_form = m.group("v")
        if verb_form in _ONLY_BEFORE_THAT and not _THAT_AFTER.match(body, m.end()):
            continue
        name_speaks = _NAME_WITH_S.fullmatch(pre) and verb_form.endswith("ed")  # "Moody's warned", not "Kuo's estimates"
        if (verb_form not in _ONLY_VERBS and _NOUN_BEFORE.search(near) and not name_speaks) or (
                verb_form == "say" and pre.endswith("to ")):
            continue  # "a hard thing to say", "the author's claims": an infinitive or a noun, not a frame
        if _PASSIVE_AUX.search(near):
            if _IN_CLAUSE.search(pre):
                continue  # "The airline, which is said to be near collapse, announced": the clause's verb
            return Attribution(stmt_start=offset, stmt_end=len(sentence))  # "X is said to be": nobody named
        speaker = select_speaker(pre)
        if not speaker:
            return Attribution(stmt_start=offset, stmt_end=len(sentence))
        lemma = VERBS[verb_form]
        rest_at = m.end()
        negated = False
        if lemma in ("decline", "refuse"):
            inner = re.match(rf"\s+to\s+(?P<v>{_VERB_ALT}|comment)\b", body[rest_at:])
            if not inner:
                return Attribution(stmt_start=offset, stmt_end=len(sentence))
            lemma = VERBS.get(inner.group("v"), "comment")
            if lemma == "comment":  # "X declined to comment (on the matter)": the refusal is all there is
                return Attribution(speaker, lemma, offset, len(sentence), frame_negated=True)
            rest_at += inner.end()
            negated = True
        rest = body[rest_at:]
        if lemma == "tell":
            obj = _TOLD_NOUN_OBJECT.match(rest) or _TOLD_OBJECT.match(rest)
            if obj:
                rest_at += obj.end()
                rest = body[rest_at:]
        if (lemma in ("write", "report", "accuse") and re.match(r"\s+(?:about|for|from|of)\b", rest) or (
                lemma == "write" and re.match(r"\s+(?:a|an|his|her|their|its)\s+(?!day|week|month|year)", rest))) and (
                not _FRAME_THAT.match(rest)):
            continue  # "wrote about the war", "wrote a letter", "a man accused of murder told": not this frame
        if lemma == "claim" and _CLAIMED_OBJECT.match(rest):
            continue  # "claimed responsibility for the attack", "claimed victory", "claimed the lives of": an act
        if lemma == "reject" and not _SAID_OBJECT.match(rest) and not _FRAME_THAT.match(rest):
            continue  # "rejected the ceasefire proposal", "rejected the appeal": an act; not "rejected the claims"
        # The frame closes a statement before it: nothing follows, or a dash, a comma, or where it was said
        # ("X, the Journal said in a report on its web site"), after a clause of its own
        before_end = _statement_end_before(pre, speaker)
        clause_before = _clause_before(pre[:before_end])
        after_verb = _AFTER_VERB.match(rest).end()
        nothing_after = _closes(rest, after_verb)
        closing = nothing_after or _TIME_TAIL.match(rest) or (
            (re.match(r"\s*(?:[—–;.!?]|,(?!\s*[\"“‘']))", rest) or (
                re.match(r"\s+(?:in|on|at|during|before|after|via|from|through)\b", rest)
                and not re.match(r"[^,]*?\bthat\b", rest)))
            and clause_before)
        if closing and before_end > 0 and not clause_before:
            if nothing_after:
                # "As defector Cho explained," with nothing after it: no statement here, the sentence stands
                return Attribution(stmt_start=offset, stmt_end=len(sentence))
            closing = False
        if closing and before_end > 0:
            # "X, a spokesman had said.", "X, he told the Daily News.": the frame closes the sentence
            more = re.match(r"\s*,\s+(?=\S)", rest)
            if more and not _ends_statement(rest[more.end():]):
                # "... the worst is true: the third breast, TMZ reports, is a prosthetic": the statement goes on
                return Attribution(speaker, lemma, offset, len(sentence), "", negated,
                                   cut=(offset + before_end, offset + rest_at + more.end()))
            quote = _FRONT_QUOTE.match(body)
            if quote and quote.end() <= before_end:  # "“X,” the boy's father, Jason Steward, told ..."
                return Attribution(speaker, lemma, offset + quote.start("q"), offset + quote.end("q"), "", negated)
            return Attribution(speaker, lemma, offset, offset + before_end, "", negated)
        prefix = ""
        inf = _INFINITIVE.match(rest)
        if inf and lemma in _TAKES_INFINITIVE:
            rest_at += inf.end()
            prefix = speaker + " "  # "Russian forces claimed to have retaken X" -> "Russian forces have retaken X"
        else:
            ft = _FRAME_THAT.match(rest) or _WHERE_SAID_COLON.match(rest)
            rest_at += ft.end() if ft else after_verb
        fq = _FRONT_QUOTE.match(body[rest_at:])
        if fq and fq.end() >= len(body[rest_at:].rstrip(". ")) - 1:
            return Attribution(speaker, lemma, offset + rest_at + 1, offset + rest_at + fq.end() - 1, prefix, negated)
        return Attribution(speaker, lemma, offset + rest_at, len(sentence), prefix, negated)
    return Attribution(stmt_start=offset, stmt_end=len(sentence))
