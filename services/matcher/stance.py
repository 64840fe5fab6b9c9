"""Whether one statement denies another: a small logistic model over stance cues of the wording
("a hoax", "not true", "denied", a headline answering "No": "No, ...", "...? Probably not", a
negation governing a predicate the other statement states) against cues of reporting without taking
a side (a question, "may", "reportedly", "rumour"). It says nothing about whether the two statements
are about the same thing: matching.decide asks that of the same-claim model first.

The weights are constants fitted offline on the Emergent -train split (claim headline vs article
headline, stance `against`) by bench/matching/fit_stance.py; nothing is loaded at run time (5-fold CV
F1 on train 0.838). A negation sharing the other's words but not its predicate (neg_scope_shared)
stays below even odds (0.43): in headlines it is a denial about half the time, in article sentences
mostly a negation of a detail ("Hong Kong has not seen such a protest since ..." of "It was the
biggest protest since ..."); a fit that put it above (0.54, with cues since narrowed) read 29 MRPC
train pairs as denials and was not kept.
Deterministic, plain domain code.
"""

from __future__ import annotations

import math
import re

from .features import name_overlap
from .normalize import DENIAL, DISMISSED_REPORT, PLAIN_SAYING, REFUSED_THINGS, MatchForm, opposites, same_word, stem

# Words that call a report untrue, whatever it reports.
_REFUTE = re.compile(
    r"\b(?:hoax\w*|fake[ds]?|faking|false(?:ly)?|untrue|debunk\w*|myth|satir\w+|prank\w*|fabricat\w+|bogus|"
    r"rubbish|nonsense|bullshit|fooled|(?:is|was|are|were)\s+(?:a\s+)?(?:big\s+)?lie(?![\s-]+detector)|doctored|"
    r"photoshop\w*|misleading|baseless|unfounded|erroneous|inaccurate|"
    r"exaggerated|misinformation|made\s+(?:it\s+)?(?:all\s+)?up(?!\s+of)|spoof|fiction|nope|wrongly|"
    r"not\s+(?:true|real|accurate|the\s+case)|(?:is|was|are|were)n'?t\s+(?:true|real|accurate)|"
    r"no\s+(?:\w+\s+)?(?:evidence|proof|truth)|(?:set(?:s|ting)?)\s+the\s+record\s+straight\s+on|"
    r"too\s+good\s+to\s+check|turn(?:s|ed)?\s+out\s+not\s+to|"
    r"(?:not|n't|n’t)\s+what\s+(?:it|they|this)\s+(?:seems?|appears?|looks?)|"
    r"(?:is|was|are|were)n'?t\s+what\s+(?:it|they)\s+(?:seems?|appears?|looks?))\b|"
    # a headline opening "If only ..." wishes the report were true ("If Only The Moon Really Were Made
    # of Cheese"); "if only because", "if only for a year" inside a sentence qualify, they do not refute
    r"^\W*if\s+only\b(?!\s+(?:because|for|to|briefly|temporarily))|\bnot\s+so\s+fast\s*[,:.!]",
    re.IGNORECASE)
# Debunking besides "hoax", read only when one of its words is there (each pattern a scan of every word).
_DEBUNK = re.compile(
    r"\b(?:"
    # the forms debunking takes besides "hoax", each said of viral content or a report, not of an event
    # ("the concert was staged in Hyde Park", "the scheme was a scam that cost pensioners £4m", "a
    # fantasy epic", "scientists unravel how bats ..." confirm): a stunt, a scam, a staged video, an
    # altered image, a claim laughed off, a test come back negative, a legend, a misquote, a story that
    # unravels, a parody site, AI, an invented quote, a report that is wrong
    r"(?:publicity|marketing|pr|promotional|advertising|media)\s+stunts?|"
    r"(?:offer|message|post|email|coupon|voucher|giveaway|text|link|promotion|advert|ad|video|clip|claim|story|"
    r"page|account|competition|contest)s?\s+(?:is|was|are|were|it's)\s+(?:(?:a|an|just|another|all|elaborate|total|"
    r"phishing)\s+){0,2}(?:scam|stunt)|"
    r"(?:is|was|are|were|been|being)\s+(?:all\s+|completely\s+|entirely\s+)?staged"
    r"(?!\s+(?:in|at|outside|on|to|by|for|inside|across|near|before|after|during|as|with|from|over|against)\b)|"
    r"(?:digitally\s+)?(?:altered|manipulated)\s+(?:photo|image|video|picture|footage)s?|"
    r"(?:photo|image|video|picture|footage)s?\s+(?:[\w'’\"-]+\s+){0,4}?(?:was|were|is|are|has\s+been|had\s+been)\s+"
    r"(?:digitally\s+)?(?:altered|manipulated)|laugh(?:s|ed|ing)?\s+off|(?:test(?:s|ed)?|came\s+back)\s+negative|"
    r"urban\s+(?:legend|myth)|misattribut\w+|misquot\w+|april\s+fool|(?:a|pure|total|complete)\s+fantasy|"
    r"(?:calls?|called|calling|branded|brands?|dismiss\w*)\s+(?:[\w'’-]+\s+){0,4}?['‘]?fantasy|(?:story|claim|tale|report|account|narrative)\s+unravel\w*|parody\s+(?:web)?site|"
    r"(?:photo|image|video|picture|footage|clip|quote)s?\s+(?:[\w'’-]+\s+){0,6}?actually\s+(?:comes?|came)\s+from|"
    r"from\s+a\s+video\s+game|(?:photo|image|video|picture|footage|clip)s?\s+(?:[\w'’-]+\s+){0,8}?(?:was|were|is|are)\s+"
    r"(?:made|created|generated)\s+(?:with|by|using)\s+(?:ai|artificial\s+intelligence|midjourney)|"
    r"(?:quote|story|claim|report|interview|tweet|post)s?\s+(?:[\w'’-]+\s+){0,4}?(?:was|were)\s+invented|"
    r"brush(?:es|ed|ing)?\s+off\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:rumou?rs?|reports?|claims?|speculation|talk)|"
    r"(?:report|claim|story|rumou?r|figure|number|account|headline|tweet)s?\s+(?:is|are|was|were)\s+"
    r"(?:completely\s+|totally\s+|simply\s+|just\s+)?wrong(?!\s+(?:to|for|about)\b)|"
    r"leaked\s+(?:[\w'’-]+\s+){0,2}(?:price|date|figure|spec\w*)\s+(?:is|was)\s+wrong"
    r")\b", re.IGNORECASE)
_DEBUNK_WORDS = ("stunt", "scam", "staged", "altered", "manipulated", "laugh", "negative", "legend", "myth", "misattribut",
                 "misquot", "april fool", "fantasy", "unravel", "parody", "actually c", "video game", "made ", "created",
                 "generated", "invented", "brush", "wrong")
_SCARE_QUOTED = re.compile(
    # the report's thing in a headline's (single) scare quotes, said to be something else: "That subway
    # 'shark' was a stuffed prop", "the 'ghost' in the pub was just a reflection". A quoted word in
    # lower case (not a name or a nickname: "the 'Iron Lady' was ..."), not after "so-called", and an
    # identification ("was a", "was just"), not a ranking ("'historic' deal is the biggest")
    r"(?<!so-called\s)(?<!dubbed\s)(?:^|(?<=[\s(]))['‘](?-i:[a-z])[^'’\"”]{2,40}['’]\s+(?:[\w'’]+\s+){0,4}?"
    r"(?:was|is|were|are|turn(?:s|ed)?\s+out\s+to\s+be)\s+(?:(?:just|actually|really|only|likely|"
    r"in\s+fact|probably|merely|simply)\s+)*(?:an?|just|actually|really|only|likely|probably|merely|simply|"
    r"(?:taken|shot|filmed)\s+in)\b|"
    # the harm in scare quotes, then the person seen: "Russian general 'killed' by Ukraine turns up on TV"
    r"['‘](?:killed|dead|executed|murdered|slain|missing|kidnapped|abducted|jailed|arrested)['’]\s+"
    r"(?:[\w'’-]+\s+){0,5}?(?:reappear\w*|resurfac\w*|turns?\s+up|turned\s+up|shows?\s+up|"
    r"appears?\s+(?:on|in)\s+(?:state\s+)?(?:tv|television|video|footage|public|photos?)|(?:is|was)\s+alive)\b",
    re.IGNORECASE)


def _gated(pattern: re.Pattern, words: tuple[str, ...]):
    """pattern.search, run only on a statement with one of `words` (lower case) in it."""
    def found(text: str) -> bool:
        low = text.lower()
        return any(w in low for w in words) and pattern.search(text) is not None
    return found


_debunks = _gated(_DEBUNK, _DEBUNK_WORDS)
_scare_quoted = _gated(_SCARE_QUOTED, ("'", "‘"))


def _refutes(text: str) -> bool:
    """Words that call a report untrue: _REFUTE, or _DEBUNK or _SCARE_QUOTED where their words are."""
    return bool(_REFUTE.search(text)) or _debunks(text) or _scare_quoted(text)


# What is shot down for real. Right before "claims" it is the headline's object, and "claims" its verb:
# "Syria shot down Turkish jet claims state TV" denies nothing; "shoots down drone strike reports" does.
_AIRCRAFT = (r"(?:jets?|warplanes?|planes?|airliners?|aircraft|drones?|helicopters?|choppers?|fighters?|bombers?|"
             r"missiles?|rockets?|balloons?|satellites?)(?![\w'-])")
# What a rebuttal is of: a report, not an event ("hits back at critics", "quashing the hopes of workers").
_REPORTS = (r"(?:claims?|reports?|rumou?rs?|allegations?|theor(?:y|ies)|stor(?:y|ies)|speculation|talk|chatter|"
            r"messages?|posts?|suggestions?|idea)")
# Verbs of a party rejecting a report.
# (not "denied entry", "denied bail": a thing refused, which normalize reads as that thing negated)
_DENY = re.compile(r"\b(?:den(?:y|ies|ied|ying)(?!\s+(?:(?:a|an|the|any)\s+)?(?:" + "|".join(sorted(REFUSED_THINGS)) + r")\b)|"
                   r"refut\w+|rebuff\w*|reject\w*|" + DISMISSED_REPORT + r"|retract\w*|doubts?|"
                   r"doubted|cast(?:s|ing)?\s+doubt|questions\s+whether|"
                   r"(?:shoots?|shot)\s+down\s+(?:(?:[\w'-]+\s+)?(?!" + _AIRCRAFT + r")[\w'-]+\s+)?"
                   r"(?:claims?|reports?|rumou?rs?|story)|"
                   r"put\s+to\s+rest|kills?\s+(?:the\s+)?(?:[\w'-]+\s+)?rumou?rs?)\b", re.IGNORECASE)
# Rebuttals in other words, read only where their words are (as _DEBUNK).
_REBUT = re.compile(r"\b(?:"
                   # "the Pope never said dogs go to heaven"; not "who never said goodbye", "never said how many"
                   r"(?<!who\s)(?<!which\s)never\s+(?:said|claimed|stated|wrote)\s+(?!how|when|where|why|whether|if|what|"
                   r"goodbye|a\s+word|anything)(?:that\b|(?:[\w'’-]+\s+){1,3}(?:is|are|was|were|will|would|go|goes|went|"
                   r"has|have|had|can|could|should)\b)|"
                   # rebuttals of a report, not of an attack or of critics ("England hit back at Lord's")
                   r"hits?\s+back\s+at\s+(?:[\w'’-]+\s+){0,4}?" + _REPORTS + r"|"
                   r"[sq]uash(?:es|ed|ing)?\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}" + _REPORTS + r"|"
                   r"pours?\s+cold\s+water\s+on\s+(?:[\w'’-]+\s+){0,5}?" + _REPORTS + r"|"
                   # ... and ending talk by saying it is wrong, not by confirming it ("ends speculation by
                   # confirming the rise", "put the rumours to bed by unveiling the phone")
                   r"(?:(?:puts?|putting)\s+(?:[\w'’-]+\s+){0,2}(?:rumou?rs?|speculation|talk)\s+to\s+bed|"
                   r"(?:end(?:s|ed|ing)?|shut(?:s|ting)?\s+down)\s+(?:[\w'’-]+\s+){0,2}(?:rumou?rs?|speculation|talk|chatter))"
                   r"(?![\w\s,]{0,12}\b(?:by|and|with|as)\s+(?:confirm|announc|unveil|reveal|launch|sign|releas)\w*))\b",
                   re.IGNORECASE)
_REBUT_WORDS = ("never", "back at", "quash", "cold water", "to bed", "rumour", "rumor", "speculation", "talk", "chatter")
_rebuts = _gated(_REBUT, _REBUT_WORDS)


def _denies(text: str) -> bool:
    """Verbs of a party rejecting a report: _DENY, or _REBUT where its words are."""
    return bool(_DENY.search(text)) or _rebuts(text)
# A headline answering its own report "No": opening with it ("No, a spider did not ..."; not "No. 10
# says"), or after who answers ("Kensington Palace: No, Kate isn't pregnant"), or closing a question
# with it, alone or with who says so ("Did Banksy post this? Probably not", "Expansion ahead? No, says the
# commissioner"; an apology after who answers is no answer: "Hospital boss: Sorry, we failed"). Not a
# question within a quotation ("'Worried?
# No,' the coach said"), not a "No" followed by a statement of its own ("Easy decision? No. Council
# approves ...", "No. 2 seed Duke ..."), and not one asked of a refutation: "A hoax? No" confirms.
_OPENING_NO = re.compile(r"^\W*(?:[^\W\d][\w.'’-]*(?:\s+[\w.'’-]+){0,5}\s*:\s*)?"
                         r"(?:no|nope|(?<!:\s)(?<!:)sorry)(?!\.?\s*\d)\s*[,.:!]", re.IGNORECASE)
_CLOSING_NO = re.compile(r"\?\s*(?:(?:probably|almost\s+certainly|definitely|sadly)\s*,?\s+)?(?:no|nope|not)"
                         r"(?:\s*[.!]?\s*"  # alone
                         r"|,\s*(?:says?|said)\s+[^,.;:?!]{1,60}[.!]?"  # "No, says the commissioner"
                         r"|,\s*[^,.;:?!\d]{1,60}?\s+(?:says?|said)[.!]?)$",  # "No, the commissioner says"
                         re.IGNORECASE)
_QUOTE_MARKS = re.compile("[\"“”]")
_RUMOUR = re.compile(r"\brumou?r", re.IGNORECASE)


def _answers_no(text: str) -> bool:
    if _OPENING_NO.search(text):
        return True
    m = _CLOSING_NO.search(text)
    if m is None:
        return False
    question = text[:m.start()]
    return not (_QUOTE_MARKS.search(question) or _refutes(question) or _RUMOUR.search(question))


# Reporting without taking a side.
_HEDGE = re.compile(r"\b(?:may|might|could|reportedly|allegedly|rumou?r\w*|claims?|report(?:s|ed)?|"
                    r"possibl\w+|probabl\w+|apparently|unconfirmed|uncertain\w*|speculat\w+)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\?")
# Negation without a "not": "failed to", "without", "none of", "refused". A statement worded so agrees
# in polarity with a negated one ("escaped without injury" / "were not injured"). Not a thing that
# failed ("a failed valve", "an engine failure"), nor a figure that declined ("output has declined").
_IMPLICIT_NEGATION = re.compile(
    r"\b(?:without|fail(?:s|ing)?\s+to|fails?|(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)(?<!'s\s)(?<!’s\s)failed"
    r"|failure(?=,[^,]{1,40},\s+to\s|\s+to\s)|(?:their|his|her|its|our)\s+failure(?!\s+rate)"
    r"|lack\w*|unable|absen\w+|neither|nor|none|nobody|nothing|refus\w+"
    r"|declin(?:e|es|ed|ing)(?=,[^,]{1,40},\s+to\s|\s+(?:comment|requests?|(?:an?|the|their|his|her)\s+(?:invitation|offer"
    r"|request))\b|\s+to\s+(?![\d$€£¥]|(?:a|an|the|its|their|his|her|record|about|around|nearly|almost|just|less|more"
    r"|below|under|over|some|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|half)\b))"
    r"|den(?:y|ies|ied|ying))\b", re.IGNORECASE)

# Someone said to be safe or alive ("says she is safe and secure", "the aid worker is alive and well",
# "is not dead", "in excellent health", "the painting unharmed"), against a report of harm to them (dead,
# killed, captured, kidnapped, ill, damaged): the denial of a death or capture hoax, in no word of denial.
# Someone out of hospital, against a report of their death only (a discharge tells of the injury). And
# someone or something said to stay ("stays at PSG", "will serve a full term", "the system will remain in
# place"), against a report of their departure or its end (leaving, quitting, sacked, joining another
# club, scrapped, withdrawn): the denial of a transfer, resignation or abolition rumour; not a stay
# until a date ("will remain in office until January" agrees with "is leaving in January"). Who must be
# a person the statement points to (a pronoun) or a word the other statement has: "the city is safe"
# denies no shooting of the mayor.
_WELL = re.compile(r"\b(?P<who>\w+)(?:\s+(?:is|are|was|were|remains?|remained)|'s|'re|'m|’s|’re|’m)\s+"
                   r"['\"‘“]?(?:(?:still|now|actually|perfectly|safe\s+and|completely|totally|absolutely)\s+)?"
                   r"(?:safe|alive|unharmed|fine|healthy|(?:not\s+)?dead)\b"
                   r"|\b(?P<who2>\w+)\s+(?:isn't|isn’t|wasn't|wasn’t)\s+dead\b", re.IGNORECASE)
# ... in words that a report of harm may share ("the driver was unhurt, but two passengers were killed"):
# read only in a statement that tells of no harm itself
_UNHARMED = re.compile(r"\b(?P<who>\w+)(?:\s+(?:is|was|remains))?[\s'\"‘’“”]+in\s+(?:good|excellent|perfect|great|fine|"
                       r"robust)\s+health\b"
                       r"|\b(?P<who2>\w+)(?:\s+(?:is|was|were|are))?\s+(?:unharmed|unhurt|undamaged|intact)\b", re.IGNORECASE)
_OUT_OF_HOSPITAL = re.compile(r"\b(?P<who>\w+)(?:'s|’s|\s+(?:is|was|has|had))?\s+(?:out\s+of\s+(?:the\s+)?hospital|"
                              r"(?:been\s+)?discharged)\b", re.IGNORECASE)
_UNTIL = r"(?![^.;]{0,40}\b(?:until|till|for\s+now\s+but)\b)"
_KEPT = re.compile(r"\b(?P<who>\w+)(?:(?:'s|’s|'re|’re)|\s+(?:is|are|will\s+be))?\s+(?:staying|stays|stayed)\s+"
                   r"(?:at\s+(?-i:[A-Z])|put\b)"  # at a club, an office, a named place; not "staying at a hotel"
                   + _UNTIL +
                   r"|\b(?P<who2>\w+)(?:(?:'s|’s|'re|’re)\s+not|\s+(?:is|are)\s+not|"
                   r"\s+(?:isn't|aren't|isn’t|aren’t|won't\s+be))\s+(?:leaving|quitting|going\s+anywhere)\b"
                   r"|\b(?P<who3>\w+)(?:'s|’s|\s+(?:is|are))\s+going\s+nowhere\b"
                   r"|\b(?P<who4>\w+)\s+(?:will\s+)?remains?\s+(?:at|with)\s+(?!large\b)" + _UNTIL +
                   r"|\b(?P<who5>\w+)\s+(?:will\s+|would\s+)?(?:remains?|remained|stays?|stayed)\s+(?:in\s+(?:place|force|"
                   r"operation|control|charge|office)|open|unchanged)\b" + _UNTIL +
                   r"|\b(?P<who6>\w+)\s+(?:remains?|remained)\s*(?:[,;.]|despite\b|$)"
                   r"|\b(?P<who7>\w+)\s+(?:will|to)\s+serve\s+(?:my|his|her|their|a|the)\s+full\s+term\b"
                   r"|\b(?P<who8>\w+)\s+(?:vows?|vowed|pledges?|pledged|will)\s+(?:to\s+)?['‘]?(?:carry|stay|fight)\s+on\b"
                   r"(?!\s+\w+ing\b)", re.IGNORECASE)
_DEATH = (r"die[sd]?|dead|death|killed|kill|executed|beheaded|murdered")
_HARM = re.compile(r"\b(?:" + _DEATH + r"|captur\w*|kidnap\w*|abduct\w*|hostage|shot|ill|illness|sick|disease|cancer|"
                   r"coma|damag(?:e|ed|es|ing))\b", re.IGNORECASE)
_DIED = re.compile(r"\b(?:" + _DEATH + r")\b", re.IGNORECASE)
_ENDS = re.compile(r"\b(?:leav(?:e|es|ing)|quit(?:s|ting)?|resign\w*|step(?:s|ping)?\s+down|sacked|fired|ousted|"
                   r"pull(?:s|ing)?\s+out|joining|to\s+join|return(?:s|ing)?\s+to|mov(?:e|es|ing)\s+to|sign(?:s|ing)?\s+for|"
                   r"abdicat\w+|retir(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|abolish\w*|axe[sd]?|axing|withdr[ae]wn?|"
                   r"withdrawing|remov(?:e|es|ed|ing))\b", re.IGNORECASE)
_DIED_WORDS = ("die", "dead", "death", "kill", "executed", "beheaded", "murdered")
_HARM_WORDS = _DIED_WORDS + ("captur", "kidnap", "abduct", "hostage", "shot", "ill", "sick", "disease", "cancer", "coma",
                             "damag")
_ENDS_WORDS = ("leav", "quit", "resign", "step", "sacked", "fired", "ousted", "pull", "join", "return", "mov", "sign",
               "abdicat", "retir", "scrap", "abolish", "axe", "axing", "withdr", "remov")
_PERSONS = frozenset("i he she they we you who".split())
# Words a pattern may take for who but which name no one ("released unharmed", "but remains open").
_NOT_WHO = frozenset("but and or so yet was were is are be been being has have had left still now then also it this "
                     "that there here which".split())
# The words each pattern needs (a pattern is a scan of every word; most statements have none of these).
_WELL_WORDS = ("safe", "alive", "unharmed", "dead", "fine", "healthy")
_UNHARMED_WORDS = ("health", "unharmed", "unhurt", "undamaged", "intact")
_KEPT_WORDS = ("stay", "leaving", "quitting", "anywhere", "nowhere", "remain", "full term", "carry", "fight on")
_SAFE_WORDS = _WELL_WORDS + _UNHARMED_WORDS + _KEPT_WORDS + ("hospital", "discharged")
SAFE = "safe"  # the cue that someone is said safe, alive or kept; with it "<kind>:<stem>" of each one named
# Each kind of safety by the report it denies: (cue prefix, the other's cue that reports that).
_KINDS = (("safe", "harm"), ("alive", "died"), ("kept", "ends"))


def _who(m: re.Match) -> str | None:
    who = next(w for w in m.groups() if w).lower()
    if who in _NOT_WHO or (who.endswith("ed") and len(who) > 4):
        return None
    return "" if who in _PERSONS else stem(who)


def _safe_cues(text: str) -> list[str]:
    low = text.lower()
    if not any(word in low for word in _SAFE_WORDS):
        return []  # most statements: the patterns' scan of every word costs more than these searches
    found = []
    if any(w in low for w in _WELL_WORDS):
        for m in _WELL.finditer(text):
            if m["who"] and m.group().lower().endswith(" dead") and " not " not in m.group().lower():
                continue  # "she is dead" is the harm, not its denial
            found.append(("safe", _who(m)))
    unharmed = any(w in low for w in _UNHARMED_WORDS)
    if (unharmed or "hospital" in low or "discharged" in low) and not _HARM.search(text):
        found += [("safe", _who(m)) for m in _UNHARMED.finditer(text)] if unharmed else []
        found += [("alive", _who(m)) for m in _OUT_OF_HOSPITAL.finditer(text)]
    kept = list(_KEPT.finditer(text)) if any(w in low for w in _KEPT_WORDS) else []
    if kept and not _ENDS.search(_KEPT.sub(" ", text)):  # ("not leaving" is itself no departure)
        found += [("kept", _who(m)) for m in kept]
    found = [f"{kind}:{who}" for kind, who in found if who is not None]
    return found + [SAFE] if found else found


# Each cue by the test that finds it in a statement.
_CUE_TESTS = (("refute", _refutes), ("deny", _denies), ("answered_no", _answers_no),
              ("question", _QUESTION.search), ("hedge", _HEDGE.search), ("implicit_negation", _IMPLICIT_NEGATION.search),
              ("harm", _gated(_HARM, _HARM_WORDS)), ("died", _gated(_DIED, _DIED_WORDS)), ("ends", _gated(_ENDS, _ENDS_WORDS)))
CUES = tuple(name for name, _ in _CUE_TESTS)
FEATURES = ("refute", "deny", "whole_denial", "plain_denial", "neg_predicate_shared", "neg_scope_shared", "neg_unshared",
            "neg_unshared_named", "answered_no", "question", "refute_question", "hedge", "other_negated", "safe_of_harm")
# The other statement's names this share of the fewer found here: the negation is about its subject.
NAMED_SUBJECT_SHARE = 0.5


def cues(text: str) -> frozenset[str]:
    """The stance cues of one statement as written."""
    return frozenset([name for name, found in _CUE_TESTS if found(text)] + _safe_cues(text))


def _said_safe(x: MatchForm, y: MatchForm) -> bool:
    """`x` says someone is safe, alive or kept whom `y` says was harmed, died or ends (a pronoun, or a
    word `y` has), and `y` says no such thing of anyone."""
    if SAFE not in x.cues:
        return False
    y_words = {t for t, _ in y.bag} | {""}  # "" a pronoun's
    return any(report in y.cues and not any(c.startswith(kind + ":") for c in y.cues)
               and any(c.startswith(kind + ":") and c[len(kind) + 1:] in y_words for c in x.cues)
               for kind, report in _KINDS)


def _negation_may_deny(x: MatchForm, y: MatchForm) -> bool:
    """Whether `x`'s negated predicates may deny `y`: not when `y` states their opposite ("did not
    reopen" / "stayed closed") nor when `y` only asks for them ("has not accepted" / "must accept")."""
    y_words = {t for t, _ in y.bag}
    # (unless the other states the predicate too: "closed on Monday and reopened on Tuesday")
    return not any(opposites(h) & y_words and not same_word(h, y_words) or same_word(h, y.unasserted)
                   for h in x.negated_predicates)


def features(x: MatchForm, y: MatchForm) -> tuple[float, ...]:
    """Cues that `x` denies what `y` states (0/1 each). A cue both statements carry counts for
    neither: two reports that both call something a hoax agree."""
    heads = x.negated_heads - {DENIAL}
    y_negated = bool(y.negated_heads - y.contrasted) or "implicit_negation" in y.cues
    shared = predicate = False
    if heads and not y_negated and not _negation_may_deny(x, y):
        heads = frozenset()  # the negation says what the other says: no denial, shared or not
    if heads and not y_negated:
        # "confirmed that ...": a telling verb too; "Moscow must agree" asks for the agreement, so a
        # statement that it has not agreed does not deny it.
        # ... nor does one of its alternatives ("fines rather than arrests" excludes the arrests too).
        y_words = ({t for t, _ in y.bag} | ({y.verb} - PLAIN_SAYING)) - y.unasserted - y.contrasted
        shared = any(same_word(h, y_words) for h in heads)
        predicate = shared and any(same_word(h, y_words) for h in x.negated_predicates)
    refute = "refute" in x.cues and "refute" not in y.cues
    whole = DENIAL in x.negated_heads and not y_negated
    # an alternative excluded ("in Nevada, not Texas") that the other does not state denies nothing
    unshared = bool(heads - x.contrasted) and not shared and not y_negated
    return (
        float(refute),
        float("deny" in x.cues and "deny" not in y.cues and "implicit_negation" not in y.cues),
        float(whole),
        # "The Phone Bending Scandal Is Not a Thing", "..., no he wasn't": a denial in no word of denial
        float(whole and not x.cues & {"refute", "deny"}),
        float(predicate),
        float(shared and not predicate),
        float(unshared),
        # "Station Insists Its Weatherman Did Not Swear on Air" of "Weatherman Tom Reed was caught
        # swearing live": a negation of something the other does not say, about the same subject
        float(unshared and name_overlap(x.names, y.names) >= NAMED_SUBJECT_SHARE),
        float("answered_no" in x.cues and not y_negated),  # "No, it could not" agrees with "it could not"
        float("question" in x.cues),
        float(refute and "question" in x.cues),
        float("hedge" in x.cues and "hedge" not in y.cues),
        float(y_negated),
        float(_said_safe(x, y)),
    )


# Logistic model over FEATURES (intercept first). Fitted by bench/matching/fit_stance.py.
INTERCEPT = -3.6394
WEIGHTS = (5.2861, 4.9419, 1.2749, 1.7251, 7.1166, 3.3427, 1.5603, 1.3460, 6.5131, 0.1075, -2.1083, -0.2523, 1.2686,
           7.8922)


def deny_probability(x: MatchForm, y: MatchForm) -> float:
    """The model's probability that `x` denies what `y` states."""
    z = INTERCEPT + sum(f * w for f, w in zip(features(x, y), WEIGHTS))
    return 1.0 / (1.0 + math.exp(-z))


# A statement with none of these cannot deny another: the model's other features (a question, a
# hedge, the other side negated) never lift the odds to even (test_match_stance pins this).
DENYING_CUES = frozenset(("refute", "deny", "answered_no", SAFE))


def can_deny(x: MatchForm) -> bool:
    return bool(x.negated_heads) or not DENYING_CUES.isdisjoint(x.cues)


def denial(a: MatchForm, b: MatchForm) -> tuple[float, int, tuple[str, ...]]:
    """(probability, which side denies: 0 = a, 1 = b, the cues that fired) for the likelier direction."""
    pa = deny_probability(a, b) if can_deny(a) else 0.0
    pb = deny_probability(b, a) if can_deny(b) else 0.0
    if pa == pb == 0.0:
        return 0.0, 0, ()
    side, p = (0, pa) if pa >= pb else (1, pb)
    x, y = (a, b) if side == 0 else (b, a)
    fired = tuple(name for name, f in zip(FEATURES, features(x, y)) if f)
    return p, side, fired
