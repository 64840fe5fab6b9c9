"""Attribution frames: who said it, with which reporting verb, and the statement without the frame.

Handled shapes (checked in this order, first hit wins):
  "…," Trump told reporters / "…," said Peskov        direct quote first
  According to the company, X  /  X, according to Y    "accord"
  X, the company said.                                trailing attribution
  X was confirmed by the ministry                      passive
  Poland confirmed on Wednesday that X / He said, "X"  indirect (verb near the start)
Rules are surface patterns over one sentence; spans are sentence offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
}.items():
    for _f in _forms.split():
        VERBS[_f.replace("_", " ")] = _lemma

_VERB_ALT = "|".join(sorted((re.escape(v) for v in VERBS), key=len, reverse=True))
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_TIME = r"(?:(?:late|early|again|also|later|earlier|previously|separately|on|last|this|in a statement|in an interview)\s+)*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)?(?:\s+(?:night|morning|evening|afternoon))?"

_LEADING_QUOTE = re.compile(
    rf"^[\"“](?P<q>.+?)[,.?!]?[\"”],?\s+(?:(?P<v1>{_VERB_ALT})\s+(?P<s1>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|(?:the|a|an)\s+[^,.]{{1,40}}?)|(?P<s2>[^,.\"“]{{1,80}}?)\s+(?:also\s+)?(?P<v2>{_VERB_ALT}))\b"
)
_ACCORDING_LEAD = re.compile(r"^According to (?P<s>[^,]{1,80}),\s*")
_ACCORDING_TRAIL = re.compile(r",?\s+according to (?P<s>[^,]{1,80}?)\.?$")
_TRAILING = re.compile(
    r",[\"”]?\s+(?:as\s+)?(?P<s>(?:the\s+|a\s+|an\s+)?[^,\"“]{1,60}?)\s+(?:also\s+|ha[sd]\s+(?:also\s+)?)?(?P<v>said|says|added|adds|told|warned|warns|noted|notes|stated|states|confirmed|confirms|announced|announces|reported|reports|claimed|claims|insisted|insists|estimated|estimates)\b[^,\"“]{0,60}$"
)
# Present forms that are nouns as often ("small claims court", "said reports of X are"): a trailing
# frame only when they close the sentence ("..., the Times reports.").
_CLOSING_ONLY = frozenset("warns notes states confirms announces reports claims insists estimates".split())


def _closes(body: str, at: int) -> bool:
    return not body[at:].strip(" .!?\"”’'")


_PASSIVE = re.compile(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?P<v>confirmed|announced|reported|denied|claimed|stated)\s+by\s+(?P<s>[^,.]{1,60})")
_VERB_IN_TEXT = re.compile(rf"\b(?P<v>{_VERB_ALT})\b")
# An adverb in -ly, not a noun ("The family said", "a US ally said") nor a name ("Kelly said").
_LY_ADVERB = r"(?!(?:family|ally|rally|assembly|supply|monopoly|fly|belly|bully|lily|anomaly|homily|italy)\b)[a-z]+ly"
_AUX_TAIL = re.compile(rf"(?:\s+(?:has|have|had|also|has also|had also|would|will|on\s+\w+day|late|early|{_LY_ADVERB}|{_TIME}))+\s*$")
_INTRO = re.compile(r"^(?:In|On|At|From|For|Meanwhile|Later|Earlier|Separately|Speaking|Asked|Writing|Interviewed|Responding|There|Afterwards|Still|But|And|However|With|Amid|After|Despite|\w+ing)\b", re.IGNORECASE)
_FINITE = re.compile(r"\b(?:was|were|is|are|had|has|have|will|would|did|does|do|could|can|may|might|must|should|after|when|because|if)\b")
_IN_CLAUSE = re.compile(r",\s*(?:which|who)\s+[^,]*$")
_PASSIVE_AUX = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
_AFTER_VERB = re.compile(rf"^(?:\s+{_TIME})?\s*(?:that\b)?[\s,:]*")
# "wrote on X that", "said in his nightly address that": a short adverbial before "that" is frame.
_FRAME_THAT = re.compile(r"^(?:\s+[^\s,\"“”]+){0,6}?\s+that\s+")
_TOLD_OBJECT = re.compile(r"^\s+(?:the\s+)?(?:[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*)*|reporters|journalists|him|her|them|us|me|lawmakers|parliament|commanders|police|investigators|prosecutors|officials|doctors|friends|the\s+\w+)(?:\s+in\s+(?:the\s+)?[A-Z][\w ]*?)?(?=[\s,:]|$)")
# "told the radio station she had", "told the council 790 people were": a common noun phrase as the
# object, up to the word the statement opens with (a pronoun, article, figure or quote).
_TOLD_NOUN_OBJECT = re.compile(
    r"^\s+(?:the|a|an|his|her|their|its)\s+(?:(?!(?:about|on|in|for|with|at|from|by|to|over|after|during)\b)[\w’'-]+\s+){1,3}?"
    r"(?=(?i:he|she|it|they|we|i|there|that|the|a|an|his|her|their|its|this|no|nobody)\b|\d|[“\"‘'])")
_INFINITIVE = re.compile(rf"^(?:\s+{_TIME})?\s+to\s+")
_FRONT_QUOTE = re.compile(r"^[\"“](?P<q>[^\"”]+)[\"”]")
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


def _clean_speaker(raw: str) -> str:
    s = raw.strip(" ,\"“”")
    s = _AUX_TAIL.sub("", s).strip(" ,")
    return s


_SUBORDINATE = frozenset("where when whenever which who whom whose while whereas although though because unless".split())
_RELATIVE_PRONOUNS = frozenset("who whom which that".split())
# "The woman who reported that she ...": the verb of a relative clause inside what precedes a later verb
_RELATIVE_VERB = re.compile(rf"\b(?:who|which|that)\s+(?:{_VERB_ALT})\b")
# A comma between clauses, not the thousands separator of "5,000".
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))")


def select_speaker(pre: str) -> str:
    """Pick the subject noun phrase from the text before a reporting verb ("" when it isn't one)."""
    parts = [p.strip() for p in _CLAUSE_COMMA.split(pre.strip().rstrip(",")) if p.strip()]
    had_intro = False
    while len(parts) > 1 and (_INTRO.match(parts[0]) or _TIME_OR_SOURCE.match(parts[0])
                              or parts[0].split()[0].lower() in _SUBORDINATE):
        parts.pop(0)
        had_intro = True
    if not parts or (len(parts) == 1 and _INTRO.match(parts[0]) and parts[0].split()[0].lower() not in ("there", "but", "and", "still", "however", "meanwhile")):
        return ""  # "On the military front, reports …": an adverbial, not a speaker
    if len(parts) == 1:
        cand = parts[0]
    elif not had_intro and parts[0][:1].isupper() and parts[-1][:1].islower():
        cand = parts[0]  # "Ruud Hoekstra, director of the association, said"
    else:
        cand = parts[-1]  # "the French finance minister, Marie Dupont, said"
    cand = _clean_speaker(cand)
    words = cand.split()
    if not words or len(words) > 8 or _FINITE.search(cand) or any(ch in cand for ch in "\"“”;:"):
        return ""
    if words[0].lower() in _SUBORDINATE or words[-1].lower() in _RELATIVE_PRONOUNS | _ARTICLES or _RELATIVE_VERB.search(cand):
        return ""  # "Where officials said the bridge failed", "the woman who claimed": a clause, not a speaker
    if not (cand[0].isupper() or words[0].lower() in ("the", "a", "an", "its", "his", "her", "their")) and not (
            had_intro and _lower_case_speaker(words)):
        return ""
    return cand


# Speakers written in lower case after an opening adverbial ("On Monday, officials said", "Later, he
# said"): pronouns and the nouns of bodies that speak, possibly qualified ("local officials").
_LOWER_CASE_SPEAKERS = frozenset(
    "he she they we officials police authorities prosecutors investigators witnesses residents doctors "
    "experts analysts diplomats sources rescuers firefighters medics activists lawmakers ministers organisers "
    "organizers researchers scientists aides traders economists spokesmen spokeswomen".split())


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
    if m and len(m.group("s").split()) <= 6 and not _FINITE.search(m.group("s")) and not _opens_frame(body, m) \
            and not _RELATIVE.match(m.group("s")) and (m.group("v") not in _CLOSING_ONLY or _closes(body, m.end("v"))):
        verb = m.group("v").split()[0]
        return Attribution(_clean_speaker(m.group("s")), VERBS[verb], offset, offset + m.start())
    m = _PASSIVE.search(body)
    if m:
        speaker = m.group("s")
        cut = speaker.find(" that ")
        if body[: m.start()].strip().lower() == "it" and cut > 0:
            # "It was confirmed by the navy that X": the statement is X.
            return Attribution(_clean_speaker(speaker[:cut]), VERBS[m.group("v")], offset + m.start("s") + cut + 6, end)
        return Attribution(_clean_speaker(speaker), VERBS[m.group("v")], offset, offset + m.start())
    return _indirect(sentence, offset)


# Opening adverbials of more than two words that are only a time or a source ("Late on Tuesday",
# "In a statement on Monday"): a frame after them is an opening one. A longer opening is judged a clause.
_TIME_OR_SOURCE = re.compile(
    r"^(?:(?:late|early|later|earlier)\s+)?(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?$|"
    r"^in\s+(?:a|an|its|his|her|their)\s+(?:statement|interview|post|letter|video|speech|briefing|"
    r"press\s+conference)(?:\s+on\s+\w+)?(?:\s+(?:morning|afternoon|evening|night))?$", re.IGNORECASE)


def _adverbial(text: str) -> bool:
    """An opening adverbial and nothing more: at most two words opening like one ("Later", "On
    Monday", "In 2023"), or a longer time or source ("In a statement on Monday")."""
    return (len(text.split()) <= 2 and _INTRO.match(text) is not None) or _TIME_OR_SOURCE.match(text) is not None


def _opens_frame(body: str, trailing: re.Match) -> bool:
    """"Later, the spokesman told reporters that X": what precedes the comma is an adverbial and
    the statement follows the verb, so the frame is not a trailing one. So too "In the Kursk region,
    Russian forces claimed on Wednesday to have retaken X": the infinitive after the verb is the claim."""
    before = body[: trailing.start()].strip()
    after = body[trailing.end("v"):]
    # "When she saw the damage, she said the house was lost": a subordinate clause opens the sentence
    opening_clause = bool(before) and before.split(maxsplit=1)[0].lower() in _SUBORDINATE and "," not in before and (
        len(after.split()) >= 3)
    return bool(re.search(r"\bthat\b", after)) or _adverbial(before) or opening_clause or (
        VERBS[trailing.group("v")] in _TAKES_INFINITIVE and _INFINITIVE.match(after) is not None)


# A reporting verb whose subject opens a relative clause ("the plan, which critics say will raise
# prices", "the mayor, who officials said was ill"): it frames that clause only.
# Lower case only: "WHO said" is the World Health Organization. After a comma, what stands between
# the pronoun and the verb is the clause's subject, a short noun phrase ("which critics", "who
# officials"), not a clause of its own ("who visited Kyiv on Monday — her first trip —").
_RELATIVE = re.compile(r"(?:which|who|whom|whose|where)\b")
_RELATIVE_SPEAKER = re.compile(r"(?:,\s*(?P<closed>which|who|whom|whose|where)|(?<=\w)\s+(?P<restrictive>that|which|who|whom|whose|where))"
                               r"\s+(?P<subject>[^,;:()—–\"“”]{1,40})$")
# The pronoun is the reporting verb's subject: "the woman who claimed to have won", "reports that said".
_RELATIVE_SUBJECT = re.compile(r"(?<=\w)[\s,]+(?:who|which|that)\s*$")
# Without a comma ("the report that officials said was leaked", "the man who police said was armed"),
# and after "whose" ("the mayor, whose aides said he was ill"), the clause's subject must end in a
# word that names who speaks: "parents whose children attend the school said", "the company that
# Musk owns said", "experts that the BBC spoke to said" are speakers whose clause has its own verb.
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
    if m["restrictive"] or m["closed"] == "whose":
        first, last = subject[0], subject[-1]
        return last in _SPEAKING_NOUNS or (last[:1].isupper() and len(subject) <= 3) or (
            # "a rival that the Japanese firm says is": a noun after its article, not a verb ("the union represents")
            first in _ARTICLES and 2 <= len(subject) <= 3 and not last.endswith("s") and last not in _STRANDED)
    return True


def _indirect(sentence: str, offset: int) -> Attribution:
    body = sentence[offset:]
    for m in _VERB_IN_TEXT.finditer(body, 0, min(len(body), 220)):
        pre = body[: m.start()]
        if pre.count("\"") % 2 or pre.count("“") > pre.count("”"):
            continue  # inside a quotation
        if _relative_frame(pre):
            continue  # "X, which officials say is Y": the frame of a relative clause, not of the sentence
        if _PASSIVE_AUX.search(pre):
            if _IN_CLAUSE.search(pre):
                continue  # "The airline, which is said to be near collapse, announced": the clause's verb
            return Attribution(stmt_start=offset, stmt_end=len(sentence))  # "X is said to be": nobody named
        speaker = select_speaker(pre)
        if not speaker:
            return Attribution(stmt_start=offset, stmt_end=len(sentence))
        lemma = VERBS[m.group("v")]
        rest_at = m.end()
        negated = False
        if lemma in ("decline", "refuse"):
            inner = re.match(rf"\s+to\s+(?P<v>{_VERB_ALT}|comment)\b", body[rest_at:])
            if not inner:
                return Attribution(stmt_start=offset, stmt_end=len(sentence))
            lemma = VERBS.get(inner.group("v"), "comment")
            rest_at += inner.end()
            negated = True
        rest = body[rest_at:]
        if lemma == "tell":
            obj = _TOLD_NOUN_OBJECT.match(rest) or _TOLD_OBJECT.match(rest)
            if obj:
                rest_at += obj.end()
                rest = body[rest_at:]
        if not rest.strip(" .!?\"”’'") and pre.rfind(speaker) > 0:
            # "X, a spokesman had said.", "X, he told the Daily News.": the frame closes the sentence
            quote = _FRONT_QUOTE.match(body)
            if quote and quote.end() <= pre.rfind(speaker):  # "“X,” the boy's father, Jason Steward, told ..."
                return Attribution(speaker, lemma, offset + quote.start("q"), offset + quote.end("q"), "", negated)
            return Attribution(speaker, lemma, offset, offset + pre.rfind(speaker), "", negated)
        prefix = ""
        inf = _INFINITIVE.match(rest)
        if inf and lemma in _TAKES_INFINITIVE:
            rest_at += inf.end()
            prefix = speaker + " "  # "Russian forces claimed to have retaken X" -> "Russian forces have retaken X"
        else:
            ft = _FRAME_THAT.match(rest)
            rest_at += ft.end() if ft else _AFTER_VERB.match(rest).end()
        fq = _FRONT_QUOTE.match(body[rest_at:])
        if fq and fq.end() >= len(body[rest_at:].rstrip(". ")) - 1:
            return Attribution(speaker, lemma, offset + rest_at + 1, offset + rest_at + fq.end() - 1, prefix, negated)
        return Attribution(speaker, lemma, offset + rest_at, len(sentence), prefix, negated)
    return Attribution(stmt_start=offset, stmt_end=len(sentence))
