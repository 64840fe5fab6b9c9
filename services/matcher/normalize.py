"""The form of a claim the matcher scores and compares: canonical statement tokens plus the details
(numbers, dates, places, polarity) that decide whether two similar statements state the same fact.

Plain domain code, deterministic, no state: the same Claim always gives the same MatchForm.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS

from shared.figures import figure_text
from shared.names import NOT_A_COUNTRY, TITLES
from shared.pb import claim_pb2
from shared.places import is_city, is_country, is_state
from shared.places import key as place_key
from shared.rarity import NOBODY_EXCEPT, SPECIFIC_NAME_WEIGHT, plain_apostrophes, title_case, weight
from shared.speech import SAID_NOUNS

from .lexicon import ALTERNATIVES, EVENT_KINDS, IDENTITY_WORDS, METONYMY, MULTIPLIERS, NUMBER_WORDS, fold_words
from .rarity import rarity_bag

# Function words carry no fact. Negation words are not here: they are dropped from the scored
# text too, but polarity is compared explicitly (Claim.negated), never by fuzzy score.
STOP_WORDS = frozenset(
    "a an the and or but of in on at to for from by with as into onto about over after before "
    "is are was were be been being am has have had do does did will would shall should can could "
    "may might must that this these those it its their theirs his her hers they them he she we us "
    "you your i me my our which who whom whose what when where while there here then than so such "
    "also just only very some any all both each other more most own same too out up off again "
    "further once during until against among through between under above below because if "
    "according per via said says say told tells tell stated states reportedly reported reports "
    "added adds noted notes explained explains insisted insists remarked wrote writes".split()
)
NEGATION_WORDS = frozenset(
    "not no never none nothing nobody neither nor n't denied denies deny refused refuses reject "
    "rejected rejects declined yet longer".split()
)

# Irregular forms news copy uses often -> base form (the stemmer handles regular ones).
_IRREGULAR = {
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "began": "begin", "begun": "begin", "sold": "sell", "bought": "buy", "won": "win", "lost": "lose",
    "went": "go", "gone": "go", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "made": "make", "met": "meet", "left": "leave", "held": "hold", "struck": "strike", "fled": "flee",
    "sent": "send", "spent": "spend", "built": "build", "shot": "shoot", "brought": "bring",
    "thought": "think", "found": "find", "saw": "see", "seen": "see", "came": "come",
    "became": "become", "ran": "run", "wrote": "write", "written": "write", "chose": "choose",
    "chosen": "choose", "spoke": "speak", "spoken": "speak", "paid": "pay", "led": "lead",
    "knew": "know", "known": "know", "kept": "keep", "hung": "hang", "stood": "stand", "sought": "seek",
    "caught": "catch", "fought": "fight", "dead": "die", "died": "die", "dies": "die", "dying": "die",
    "death": "die", "deaths": "die", "children": "child", "men": "man", "women": "woman",
    "people": "person", "persons": "person", "agreed": "agree", "agrees": "agree", "agreeing": "agree",
    "freed": "free", "guaranteed": "guarantee",
}
# Synonyms folded to one representative (after stemming), for the verbs and nouns of news facts.
_SYNONYMS = {
    "kill": "die", "fatal": "die", "fatality": "die", "fataliti": "die",
    "injur": "injure", "injury": "injure", "injuri": "injure", "wound": "injure", "hurt": "injure",
    "acknowledg": "confirm", "acknowledge": "confirm", "verifi": "confirm", "verify": "confirm",
    "purchase": "buy", "acquir": "buy", "acquire": "buy",
    "increase": "rise", "climb": "rise", "jump": "rise", "soar": "rise",
    "decrease": "fall", "drop": "fall", "declin": "fall", "decline": "fall",
    "slump": "fall", "plung": "fall", "plunge": "fall", "tumbl": "fall", "tumble": "fall",
    "start": "begin", "launch": "begin", "commenc": "begin",
    "detain": "arrest", "apprehend": "arrest",
    "quit": "resign", "vessel": "ship", "boat": "ship", "automobil": "car", "vehicl": "car",
    "us": "united states", "u.s": "united states",
    "firm": "company", "compani": "company", "corporation": "company",
    "talk": "negotiation", "negotiat": "negotiation", "entri": "enter", "entry": "enter",
    "percent": "percent", "pct": "percent",
    "stat": "state", "announc": "announce", "unveil": "announce",
}
# Predicates of opposite direction: one claim with the first and one with the second conflict. A word
# may have several opposites ("cut": "increase", "hike"). Words of several senses stay out: "fire" (a
# blaze), "held" (talks), "lower" (the lower house), "continue" ("continued to say"), "survive" ("is
# survived by"), "pass" ("passed away"), "raise" ("raised concerns"), "contract" (a contract).
OPPOSITES = (
    ("rise", "fall"), ("win", "lose"), ("gain", "lose"), ("open", "close"), ("open", "shut"), ("reopen", "close"),
    ("reopen", "shut"), ("approve", "reject"), ("accept", "reject"), ("guilty", "innocent"), ("acquit", "convict"),
    ("up", "down"), ("allow", "ban"), ("lift", "impose"), ("resume", "suspend"), ("alive", "die"),
    ("increase", "cut"), ("increase", "reduce"), ("hike", "cut"), ("hike", "reduce"), ("uphold", "overturn"), ("guilty", "acquit"),
    ("upheld", "overturn"), ("expand", "shrink"), ("expand", "shrank"), ("grow", "shrink"), ("grow", "shrank"),
    ("grew", "shrink"), ("grew", "shrank"),
)
# Opposites of many senses and subjects ("life support", "heart failure", "the union supports the plan" /
# "the employers oppose it", "the first launch failed" / "the second succeeded"): they conflict only
# when the rest of one statement is all in the other (matching._rest_contained).
GUARDED_OPPOSITES = (
    ("succeed", "fail"), ("successful", "fail"), ("success", "fail"), ("success", "failure"),
    ("successful", "failure"), ("support", "oppose"), ("endorse", "oppose"),
    ("succeed", "unsuccessful"), ("successful", "unsuccessful"), ("pass", "fail"),
    ("sign", "veto"),  # a bill
    ("profit", "loss"), ("stable", "critical"),  # a company's year, a patient's condition
    ("unchanged", "rise"), ("unchanged", "fall"), ("unchanged", "cut"), ("unchanged", "hike"),  # rates kept or moved
    ("unchanged", "raise"), ("raise", "cut"), ("raise", "lower"), ("raise", "reduce"), ("hike", "lower"),
    ("ease", "accelerate"), ("slow", "accelerate"),  # inflation, growth
    ("approve", "block"), ("begin", "postpone"), ("start", "postpone"),
)
# Guarded opposites that are opposites only of one kind of thing, named in both statements: a curfew
# lifted or extended (not a trophy lifted, a lead extended, an offer lifted to a higher price), someone
# who survived or died in an incident (not "is survived by his wife", "survived Auschwitz").
CONTEXT_OPPOSITES = (
    ("lift", "extend", "curfew ban bans sanctions restrictions lockdown embargo blockade moratorium quarantine "
                       "emergency"),
    ("survive", "die", "attack strike airstrike crash fire explosion blast shooting bombing earthquake flood storm "
                       "raid ambush"),
    # a target or a forecast hit, beaten or missed (not a boat "missing", a shot that "hit the post")
    *((verb, "miss", "target targets forecast forecasts estimate estimates expectations deadline goal earth")
      for verb in ("hit", "beat", "exceed")),
    # rates or prices held steady or moved (not "steady rain" / "rain fell")
    *(("steady", verb, "rate rates interest price prices inflation yield yields") for verb in ("raise", "cut", "hike",
                                                                                                "rise", "fall")),
)
_OPPOSITE: dict[str, frozenset[str]] = {}
_GUARDED: set[str] = set()  # stems of guarded words (a question asserts none of them)
_GUARDED_PAIRS: set[tuple[str, str]] = set()  # (stem, opposite stem) of GUARDED_OPPOSITES and CONTEXT_OPPOSITES
_CONTEXT: dict[tuple[str, str], frozenset[str]] = {}  # (stem, opposite stem) -> stems one of which both name
# The word a predicate's stem is named by in reasons: the first word stemming to it ("increased" is "rise").
_PREDICATE_WORD: dict[str, str] = {}


def _add_opposites() -> None:
    """Each pair under every stem its inflections take (for a word the word list does not know, the
    stemmer's guess at the final e may differ between the word and its -ed form), both ways."""
    def stems(word: str) -> set[str]:
        if word in _DIRECTIONS:
            return {word}  # "ups" is UPS
        return {stem(w) for w in (word, word + "s", word + "d" if word.endswith("e") else word)}

    context_pairs = [((a, b), frozenset(stem(w) for w in words.split())) for a, b, words in CONTEXT_OPPOSITES]
    for pairs, guard in ((OPPOSITES, False), (GUARDED_OPPOSITES, True), (context_pairs, True)):
        for pair in pairs:
            (a, b), context = pair if guard and isinstance(pair[1], frozenset) else (pair, None)
            for x, y in ((a, b), (b, a)):
                for sx in stems(x):
                    _OPPOSITE[sx] = _OPPOSITE.get(sx, frozenset()) | frozenset(stems(y))
                    _PREDICATE_WORD.setdefault(sx, x)
                    if guard:
                        _GUARDED.add(sx)
                        for sy in stems(y):
                            _GUARDED_PAIRS.add((sx, sy))
                            if context:
                                _CONTEXT[sx, sy] = context


def predicate_word(token: str) -> str:
    return _PREDICATE_WORD.get(token, token)


_EMPTY: frozenset = frozenset()  # shared by every MatchForm whose set is empty (see match_form)
# "Shares closed 22 percent higher", "the index opened lower": a price at the close or the open, not
# the opposite of "the market opened" or "the port closed".
_PRICE_VERBS = frozenset(("open", "close"))
_PRICE_MOVES = frozenset("higher lower up down flat unchanged".split())


# Units of money the extractor names by currency, as it writes them in a statement ("¥40", "40 yen" ->
# "40 jpy"; "crown" is not one: Danish, Swedish or Norwegian).
CURRENCIES = frozenset("usd eur gbp dkk jpy cny chf rub uah pln ils".split())

# "up" and "down" are a direction only of a change: a figure of change beside them ("closed up 3
# percent", "down 12%", "4 points up", "up $2"), or a closing, trading or linking verb before them
# with nothing after but an adverb, "from" or the end of the clause ("shares closed down.", "turnout
# was up sharply", "were up on last year"). Not "stepped down", "set up", "ended up in", "was down to
# 40", "shut down 3 plants", "put up 10 percent", nor "UPS" or "ups and downs".
_DIRECTIONS = frozenset(("up", "down"))
_FIGURE = r"(?:(?:us|a|c|hk)?[$€£¥]\s?)?\d+(?:[.,]\d+)*(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)*)?"  # "4", "$2", "US$2", "4-5", "4 to 5"
_CHANGE = (rf"(?:(?:(?:us|a|c|hk)?[$€£¥]\s?)\d+(?:[.,]\d+)*(?:\s?(?:bn|billion|million|m|k)\b)?"
           rf"|{_FIGURE}(?:%|\s?(?:percent|per\s?cent|pct|pc|percentage\s+points?|pp|points?|pts|bps|bp|basis\s+points|"
           rf"cents?|pence|p|places?|spots?|degrees?|fraction|{'|'.join(sorted(CURRENCIES))}|dollars?|euros?|pounds?|yen)\b)"
           r"|an?\s+(?:third|quarter|half|fifth|tenth|cent|point)\b)")
_DIRECTION_ADVERB = r"(?:sharply|slightly|marginally|modestly|steeply|firmly|strongly)"
_DIRECTION_VERB = r"(?:close[ds]?|end(?:s|ed)|finish(?:es|ed)|open(?:s|ed)|trad(?:ed|ing)|was|were|is|are)"
# Words between the direction and its figure: "up by more than 4%", "down a further 2 points".
_DIRECTION_QUALIFIERS = (r"(?:(?:by|about|nearly|almost|around|some|roughly|just|more\s+than|less\s+than|over|under|"
                         r"a\s+further|another|an\s+estimated)\s+){0,3}")
# What may follow a verb and a bare direction: the end of the clause, an adverb, "from", a comparison.
_DIRECTION_END = (rf"(?=\s*(?:[,.;:!?)]|$|{_DIRECTION_ADVERB}\b|from\b|on\s+(?:last|the|a)\s+(?:year|month|quarter|week)\b"
                  r"|year\s+on\s+year\b))")
_DIRECTION = re.compile(
    rf"(?<!\bput\s)\b(up|down)\s+{_DIRECTION_QUALIFIERS}{_CHANGE}"  # "put up 10 percent" is a deposit
    rf"|{_CHANGE}\s+(up|down)\b"
    rf"|\b{_DIRECTION_VERB}\s+{_DIRECTION_ADVERB}\s+(up|down)\b"
    rf"|\b{_DIRECTION_VERB}\s+(up|down){_DIRECTION_END}", re.IGNORECASE)


def _directions(text: str) -> set[str]:
    """"up" / "down" where they give the direction of a change (see _DIRECTION)."""
    return {next(g for g in m.groups() if g).lower() for m in _DIRECTION.finditer(text)}


def _price_move_follows(raws: list[str], i: int) -> bool:
    """Whether a price move follows raws[i] within a figure and its unit or an adverb."""
    for nxt in raws[i + 1:i + 4]:
        if nxt in _PRICE_MOVES:
            return True
        if not (_NUMBER.match(nxt) or nxt in _UNITS or nxt.endswith("ly") or nxt in ("per", "cent")):
            return False
    return False

_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_VOWEL = re.compile(r"[aeiouy]")
_NEGATION_CUE = re.compile(
    r"\b(?:not|never|no|nobody|nothing|none|neither|nor|denied|denies|deny|refused|refuses|declined|rejected|"
    r"rejects|yet to)\b|n't\b", re.IGNORECASE)
_MONTHS = {m[:3]: m for m in "january february march april may june july august september october "
           "november december".split()} | {"sept": "september"}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset(_MONTHS.values())
MONTH_WORDS = MONTHS | frozenset(_MONTHS)  # the months written in full or short ("Nov. 11")
_CALENDAR = MONTHS | WEEKDAYS | frozenset(("today", "yesterday", "tomorrow"))
# A name right after "in"/"at"/"near"/"from"/"off the coast of" is a place even when the extractor does
# not know it ("outside" without "the": "outside Kyiv" is where it happened, "outside the US" where it
# did not; "off" alone only for a known place, _LOCATIVE: "fended off Vane", "paid off Barclays").
_OFF_THE_COAST = r"(?:coast|outskirts|shores?)\s+of"
_PLACE_PREPOSITION = re.compile(rf"\b(?:(?:in|at|near|from|{_OFF_THE_COAST})\s+(?:the\s+)?|outside\s+)$")
_OFF = re.compile(r"\boff\s+(?:the\s+)?$")
# A name of unknown kind after a preposition of motion is a destination: "the road to Tarrin"; not
# after a verb of speaking to someone ("spoke to Trump", "wrote to Meloni", "apologised to Starmer"),
# nor a defeat by someone ("a 3-0 defeat to Hibernian", "lost to Celtic").
_DESTINATION = re.compile(r"(?:\b(?P<before>\w+)\s+)?\b(?:to|into|towards?)\s+$")
_TO_SOMEONE = frozenset("spoke spoken speaks talked wrote written replied responded apologised apologized appealed "
                        "complained explained lied defeat loss lost losing".split())
# A place named after the kind of place it is: "in the Moroccan capital, Rabat", "at the port city of Durres".
_NAMED_AFTER_ITS_KIND = re.compile(r"\b(?:in|at|near|outside|from)\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:capital|city|port|"
                                   r"town|village|region|province|county|district)(?:,|\s+of)\s+$", re.IGNORECASE)
# A country's own ground, after its demonym: "in Ethiopian territory", "in Omani waters".
_TERRITORY = re.compile(r"\s+(?:territory|territorial\s+waters|waters|airspace|soil|border)\b", re.IGNORECASE)
# Where the event happens: "built in France", "held at Wembley"; not "from" (an origin: "troops from France").
_LOCATIVE = re.compile(rf"\b(?:in|at|near|outside|inside|off|{_OFF_THE_COAST})\s+(?:the\s+)?$", re.IGNORECASE)
# The agent of an act told of something else: "The deal was brokered by Qatar", "mediation by Egypt".
_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# ... unless the act is one only one does: "The final was won by Argentina", "will be hosted by Chile"
# (the holder of a sole role, _sole_role).
_HELD_BY = re.compile(r"\b(?:won|hosted|carried\s+out|orchestrated|masterminded|perpetrated)\s+by\s+(?:the\s+)?$",
                      re.IGNORECASE)
# After a place name: it says whose, not where ("in France's interest", "at the US embassy", "in the
# British press"), unless the word after it is a function or time word ("built in France next year").
_WHOSE = re.compile(r"['’]s\b|\s+(?P<word>[a-z]+)\b")
_AFTER_A_VENUE = frozenset("next last early late earlier later today tonight yesterday tomorrow ago since amid "
                           "despite following and nor".split())
_DEMONYM = re.compile(r"(?:an|ese|ish|ch|i|ine)$")  # "Russian", "Chinese", "British", "French", "Iraqi", "Argentine"
# A unit ("eur", "percent") is no rare word two statements share: it says what is counted, not which fact.
UNIT_WEIGHT = 0.5
# A word ending in -s whose singular is at most this rare (shared.rarity.weight) is a plural of a
# common word: "Rescuers" (rescuer 3.9), "Teamsters" (4.3); not a name, "Qantas", "Mercedes" (5.5).
PLURAL_OF_COMMON_WEIGHT = 4.5
_UNITS = CURRENCIES | frozenset("crown percent pp hour day week month year km metre mile tonne teu barrel dose minute "
                                "celsius".split())


def _short_cvc(w: str) -> bool:
    """Porter's *o condition on a one-syllable stem: consonant-vowel-consonant, the last not w/x/y
    ("tak" from "taking" -> "take", "clos" -> "close"; not "walk", "open", "rain")."""
    if len(w) < 3 or w[-1] in "aeiouwxy" or w[-2] not in "aeiou" or w[-3] in "aeiou":
        return False
    return len(_VOWELS_THEN_CONSONANTS.findall(w)) == 1


_VOWELS_THEN_CONSONANTS = re.compile(r"[aeiouy]+[^aeiouy]+")  # one per syllable closed by a consonant (Porter's m)


# Zipf points by which the spelling with a final e must be the commoner for _base_word to take it
# ("quot" -> "quote", "expos" -> "expose": 1.3-1.4), and by which the one without must be ("bring",
# "catalog"): more, as "lung" (1.25 above "lunge") and "bing" are words of their own.
WITH_E_MARGIN = 0.9
WITHOUT_E_MARGIN = 1.5
# Verbs that are words without the e of a commoner word: "severed", "routed", "moored", "enveloped".
_NO_FINAL_E = frozenset("sever rout moor envelop".split())


def _base_word(w: str) -> str:
    """The word a suffix came off, with or without a final e ("charg" -> "charge", "releas" ->
    "release"; "bring", "catalog", "focus", "bus" stay): after two letters always with ("uses" ->
    "use", not "us"), else the spelling English writes clearly more often; when neither is
    ("laud"/"laude", "ting"/"tinge", or two spellings the word list does not know), Porter's guesses
    (an e after a short consonant-vowel-consonant, -at, -bl, -iz, -v, -c, -g, -us: "gazes" is "gaze")."""
    if len(w) < 3:
        return w + "e"
    if w in _NO_FINAL_E:
        return w
    with_e, without = weight(w + "e"), weight(w)  # weight: lower = commoner
    if without - with_e >= WITH_E_MARGIN:
        return w + "e"
    if with_e - without >= WITHOUT_E_MARGIN:
        return w
    return w + "e" if _short_cvc(w) or w.endswith(("at", "bl", "iz", "v", "c", "g", "us")) else w


def _verb_base(w: str) -> str:
    """What an -ed or -ing came off: a doubled consonant undone ("stopp"), but a double l, s, z or e
    kept ("labell" -> "label" later, "fill", "pass", "flee"); a short consonant-vowel-consonant takes
    its e back, as the verb would have doubled the consonant otherwise ("noted" is "note", not "not";
    "hoped" "hope"); else the base with or without its e."""
    if len(w) > 3 and w[-1] == w[-2]:
        return w if w[-1] in "lsze" else w[:-1]
    return w + "e" if _short_cvc(w) else _base_word(w)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Light, deterministic suffix stripping plus irregular forms and synonym folding."""
    if word.endswith("'s"):
        word = word[:-2]  # possessive: "the world's oldest tree"
    w = _IRREGULAR.get(word, word)
    if w == word and len(w) > 3 and not w.isdigit():
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("sses"):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
            w = w[:-1]
            # "taxes", "inches", "focuses", "buses" lose the e; "houses", "causes", "uses" keep it; other
            # -ses ("cases", "corpses", "responses") are words in -se
            if w.endswith(("xe", "ze", "che", "she", "use")):
                w = _base_word(w[:-1])
        if w.endswith("ied") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("ed") and not w.endswith("eed") and len(w) > 4 and _VOWEL.search(w[:-2]):  # not "speed"
            w = _verb_base(w[:-2])
        elif w.endswith("ing") and len(w) > 5 and _VOWEL.search(w[:-3]):
            w = _verb_base(w[:-3])
        elif w.endswith("ly") and len(w) > 5:
            w = w[:-2]
        if w.endswith("ll") and len(_VOWELS_THEN_CONSONANTS.findall(w)) > 1:
            # Porter's last step: a final double l after two syllables loses one, so British and
            # American spellings and the doubled past meet ("cancelled"/"canceled"/"cancel",
            # "controlled"/"control", "installed"/"install"); "call", "fall", "kill" keep theirs.
            w = w[:-1]
    return _SYNONYMS.get(w, w)


@dataclass(frozen=True, slots=True)
class MatchForm:
    """What the matcher needs of one claim; small, so a million of them fit in memory."""

    text: str                          # scored string: canonical content tokens, in order
    core: str                          # `text` without numbers and dates: the event frame
    entities: frozenset[str]           # canonical entity forms (blocking keys too)
    numbers: tuple[tuple[str, str, float], ...]  # (unit, head word, value)
    dates: frozenset[str]              # resolved ISO dates, or folded date text when unresolved
    places: frozenset[str]
    negated: bool
    negation_cues: int                 # negation words in the sentence, as written
    predicates: frozenset[str]         # tokens that have an opposite (rise/fall, approve/reject)
    verb: str                          # reporting verb lemma of the frame
    bag: tuple[tuple[str, float], ...] = ()   # (token, rarity weight): statement + speaker, sorted
    names: frozenset[str] = frozenset()  # entity and speaker name tokens (who / where / which body)
    negated_heads: frozenset[str] = frozenset()  # predicates under a negation ("not agreed" -> agree)
    negated_predicates: frozenset[str] = frozenset()  # the first of negated_heads of each negation
    cues: frozenset[str] = frozenset()  # stance cues of the wording (stance.cues: "refute", "question" ...)
    unasserted: frozenset[str] = frozenset()  # predicates only demanded ("Moscow must agree" -> agree)
    contrasted: frozenset[str] = frozenset()  # negated heads of an alternative ("rather than resign")
    subjects: tuple[str, ...] = ()     # name tokens written in the statement, not the speaker's: what it is about
    venues: tuple[str, ...] = ()       # the rare words (SPECIFIC_NAME_WEIGHT) of the places among them: a town
    events: tuple[str, ...] = ()       # kinds of incident the statement names (lexicon.EVENT_KINDS): "after the flood" -> flood
    alternatives: tuple[tuple[str, str, str], ...] = ()  # (kind, which, token) of lexicon.CONTRASTS words: "exports"
    identities: tuple[tuple[str, str, str], ...] = ()  # the same of lexicon.IDENTITIES words after "was a": "nurse"
    actors: tuple[tuple[str, str, str], ...] = ()  # (country or US state as written or "", tokens, words) the statement tells of (_actors)
    sole_role: bool = False            # its first actor holds a role only one can hold ("won the final": _sole_role)
    lead: tuple[str, str, str] | tuple[()] = ()  # a one-word name opening it, as actors hold names: "Tesla recalled" (_lead)
    spoken: str = ""                   # its first actor is the speaker, by its pronoun: BODY ("Amazon said it"), PERSON, or ""
    subject_place: str = ""            # the country or US state opening the statement (its places.key): who acts, not where
    times: tuple[tuple[int, str], ...] = ()  # times of day of the statement: (minutes after midnight, zone as written)
    locatives: frozenset[str] = frozenset()  # places the statement puts its event in ("built in France")
    regions: frozenset[str] = frozenset()  # the country or US state written after one ("in Butler, Pennsylvania")
    bounds: tuple[tuple[tuple[str, str, float], str], ...] = ()  # figures written as a bound: (number, AT_LEAST or AT_MOST)
    rounded: tuple[tuple[str, str, float], ...] = ()  # figures written as rounded ("about 25,000"): amounts.figures_written_twice
    prospect: str = ""                 # the verb it says may happen ("may resign" -> resign), NOT_PLAIN, or "" (_prospect)
    repeat: bool = False               # told as happening again ("shut the port again", "for a second time")
    relatives: tuple[str, ...] = ()    # people a name has, as stems: "Quell's eldest son was" -> "eldest son" (_RELATIVE)
    infinitives: frozenset[str] = frozenset()  # of a plain report, words after "to" ("Apple to shut down Beats" -> shut)
    score: tuple[int, ...] = ()        # a match's score, higher first ("beat the Eagles 38-35" -> (38, 35)): _score


# What a statement says may or is to happen, and the verb of it: a modal of possibility before a verb
# ("may resign"; not "may have been", a guess about the past, nor "may not"; lower-case "may" only: "in
# May" is a month), an expectation or a plan with "to" ("is expected to cut", "Set To Cut", "is in talks
# to buy", "threatened to strike", "plans to close", "Economists expect the bank to cut"; not "no plans
# to", "the mayor's plans to", "more than expected"), a deliberation in the present ("is considering a
# ban"). Not "can": what a thing can do is a fact.
_PROSPECT = re.compile(
    r"(?:\b(?:may|(?i:might|could))\s+(?:(?i:soon|still|yet|also|even|well|now|eventually)\s+)?(?!have\b|not\b)"
    r"|(?i:\b(?:(?<!\bthan\s)(?<!\bas\s)expected|forecast|set|poised|likely|unlikely|tipped|under\s+pressure|in\s+talks"
    r"|(?:expects?|forecasts?|predicts?)(?:\s+[\w'-]+){1,6}?"
    r"|(?:is|are|'s|'re)\s+(?:planning|preparing|threatening|seeking|hoping)"
    r"|threaten(?:s|ed)?|(?<!\bno\s)(?<!\bthe\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!'s\s)"
    r"(?:plans|intends))\s+to\s+"
    r"|\b(?:is|are|'s|'re)\s+(?:considering|weighing|mulling|contemplating)\s+(?:a\s+|an\s+|the\s+)?))"
    r"(?:(?i:be)\s+)?(?P<verb>[^\W\d_]+)\b")
# A prospect in a clause of its own is not what the statement says: the clause after its last comma
# opens with one of these ("The minister, who could face charges, resigned"), or one is right before the
# modal ("so they could be closer", "a woman who may be his wife").
_SUBORDINATOR_WORDS = frozenset("who which that so whose where when while whether if unless because although before "
                                "after until since than as".split())
_SUBORDINATE = re.compile(r"\s*(?:and\s+)?(?:" + "|".join(sorted(_SUBORDINATOR_WORDS)) + r")\b", re.IGNORECASE)
# After "may be" an act is a participle ("may be extended"); anything else is a guess at what is ("may be
# his wife", "could be closer", "may be women").
_PARTICIPLES = frozenset(
    "held made won lost sold bought taken given struck shot found built sent spent paid led kept caught fought hung "
    "sought brought left met run hit cut put set hurt quit shut spread beaten chosen written spoken known seen gone "
    "begun risen fallen grown".split())
# The words without one of which _PROSPECT cannot match: most statements have none, and the set test
# costs a tenth of the pattern's scan.
_PROSPECT_WORDS = frozenset("may might could expected expect expects forecast forecasts predict predicts set poised "
                            "likely unlikely tipped pressure talks planning "
                            "preparing threatening seeking hoping threaten threatens threatened plans intends "
                            "considering weighing mulling contemplating".split())
# A statement with any of these words (as written, not folded: "met" is not "talks"; the prospect's own
# but for the common "set", "talks", "pressure", read as phrases below) may tell a prospect
# in other words ("Analysts expect the bank to cut", "is due to", "aims to", "agreed to sell", "faces life
# in prison"), a permission ("are allowed to wear"), a condition ("if convicted"), a future, or a report
# of a report ("Apple reportedly ..."): it is no plain report of an event ...
_NOT_PLAIN = _PROSPECT_WORDS - {"set", "talks", "pressure"} | frozenset(
    "can would will should shall must won't wouldn't expecting predicted aim aims aimed due scheduled slated hope hopes "
    "hoped plan planned intend intended propose proposes proposed consider considers considered threat threats want "
    "wants wanted seek seeks try tries tried trying urge urges urged possible possibly allowed permitted able entitled "
    "agree agreed agrees decided decides vowed vows pledged pledges promised promises face faces facing if unless "
    "intention intentions reportedly rumour rumours rumor rumors stages".split())
# ... nor is one with these phrases of common words ("set to", "close to buying", "in talks", "ruled out",
# "reported to be"), read only when one of the words is there.
_NOT_PLAIN_PHRASE_WORDS = frozenset("set close near talks ruled rules rule reported".split())
_NOT_PLAIN_PHRASE = re.compile(r"(?i)\b(?:set|close|near|reported)\s+to\b|\bin\s+talks\b|\brul(?:ed|es|e)\s+out\b")
# Something under way ("Apple is shutting down Beats", "is closing in on a deal"); "'s" only after a
# pronoun ("Trump's spending bill" is no "is").
_UNDER_WAY = re.compile(r"(?i)\b(?:is|are|(?:he|she|it|there|who|that)'s|(?:they|we|you)'re)\s+(?:\w+ly\s+)?\w+ing\b")
_UNDER_WAY_WORDS = frozenset("is are he's she's it's there's who's that's they're we're you're".split())
_INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?([^\W\d_]+)")
NOT_PLAIN = "~"
# A match's score: two figures joined by a dash ("38-35", "2 – 1") in a statement of a result.
_SCORE = re.compile(r"(?<![\d.,/-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,%/]|\s?(?:percent|per\s?cent|pc)\b)")
_RESULT_WORDS = frozenset("beat beats beaten defeated defeat defeats won win wins lost lose loses drew draw draws drawn "
                          "victory loss thrashed edged routed scored scoreline".split())
# What follows a score (the end of the clause, or one of these); a range is followed by what it counts
# ("10-15 people were hurt when the team won").
_AFTER_SCORE = re.compile(r"\s*(?:$|[,.;:!?)—–-]|(?:win|victory|defeat|loss|draw|lead|triumph|rout|thrashing|margin|scoreline|"
                          r"at|in|on|over|against|to|with|after|and|for|away|home|thanks|before|as)\b)", re.IGNORECASE)


def _prospect(statement: str, tokens: list[str], asks: bool) -> str:
    """The stem of the verb the statement's own clause says may, is expected or planned to happen
    ("may resign" -> resign, folded as the statement's words are: "may reduce" -> cut); NOT_PLAIN when
    it is worded as something other than a plain report (a prospect in other words, a future, a
    question, something under way); "" for a plain report of what is or was. `tokens`: the claim's
    lower-case words as written."""
    if asks:
        return NOT_PLAIN  # "Could Crabzilla be real?", "Is Apple about to launch ...?" assert nothing
    words = set(tokens)
    statement = plain_apostrophes(statement)
    if not _PROSPECT_WORDS.isdisjoint(words):
        for m in _PROSPECT.finditer(statement):
            clause_start = max(statement.rfind(mark, 0, m.start()) for mark in ",;(—")
            if clause_start >= 0 and _SUBORDINATE.match(statement, clause_start + 1):
                continue
            if _SUBORDINATOR_WORDS.intersection(_TOKEN.findall(statement[max(0, m.start() - 40):m.start()].lower())[-2:]):
                continue
            verb = m["verb"].lower()
            if m.group().lower().split()[-2:-1] == ["be"] and not (verb.endswith("ed") or verb in _PARTICIPLES):
                continue
            verb = stem(fold_words([verb])[-1])
            if verb not in STOP_WORDS:
                return verb
    if not _NOT_PLAIN.isdisjoint(words) or "'ll" in statement or (
            not _NOT_PLAIN_PHRASE_WORDS.isdisjoint(words) and _NOT_PLAIN_PHRASE.search(statement)) \
            or (not _UNDER_WAY_WORDS.isdisjoint(words) and _UNDER_WAY.search(statement)):
        return NOT_PLAIN
    return ""


def _score(statement: str, tokens: list[str]) -> tuple[int, ...]:
    """The score of a match the statement reports a result of, higher figure first (the order the teams
    are named in varies: "lost 35-38"), or () (one score only: two tell of two matches)."""
    if _RESULT_WORDS.isdisjoint(tokens):
        return ()
    scores = [m for m in _SCORE.finditer(statement) if _AFTER_SCORE.match(statement, m.end())]
    return tuple(sorted(map(int, scores[0].groups()), reverse=True)) if len(scores) == 1 else ()


def _infinitives(statement: str) -> frozenset[str]:
    """The stems of the words after "to" (nouns too: "to Tel Aviv"; only compared with a prospect's verb)."""
    return frozenset(stem(w) for w in _INFINITIVE.findall(statement.lower()) if w not in STOP_WORDS) or _EMPTY


def _in_text(claim: claim_pb2.Claim, offset: int) -> int:
    """Where an article offset (what every span holds) falls in the claim's own text."""
    return max(0, offset - claim.span.start)


# A figure written as a bound: "at least 14", "more than 40", "not fewer than 40" (the true figure is
# that or more); "fewer than 10", "at most 12", "not more than 12" (that or less). Not "over", "under",
# "up to": as often a verb's particle or a preposition ("took over 40 stores", "gone up to 45", "people
# over 65", "under 30 metres of water").
_BOUND_BEFORE = re.compile(
    r"(?:\b(?P<upper>(?:no|not)\s+more\s+than|fewer\s+than|less\s+than|at\s+most|as\s+many\s+as)|"
    r"\b(?P<lower>at\s+least|more\s+than|upwards\s+of|in\s+excess\s+of|(?:no|not)\s+(?:fewer|less)\s+than))"
    r"\s*[$€£¥]?\s*$", re.IGNORECASE)
AT_LEAST, AT_MOST = ">", "<"
# A figure its writer marks as rounded: "about 25,000", "nearly 10 million", "six or so"; not "about"
# after a verb it is the preposition of ("talked about 30 proposals", "knew about 12 cases").
_ROUNDED_BEFORE = re.compile(
    r"(?:\b(?P<word>\w+)\s+)?\b(?P<mark>about|around|almost|nearly|some|roughly|approximately|an\s+estimated|close\s+to"
    r"|just\s+(?:under|over))\s*[$€£¥]?\s*$", re.IGNORECASE)
_ABOUT_AFTER = frozenset("talk talks talked speak spoke know knew learned learnt hear heard write wrote ask asked "
                         "worried complained warned think thought said told care cares".split())
_ROUNDED_AFTER = re.compile(r"\s*or\s+so\b", re.IGNORECASE)


FRACTION, PERCENT = "fraction", "percent"  # the extractor's units (services/extractor/quantities.py)


def _quantity_heads(claim: claim_pb2.Claim) -> list[tuple[str, str, float, str, bool]]:
    """Each quantity with its unit, the content word after it in its clause ("14 people died" ->
    person; "killed 17, police said" and "17 on Tuesday" count nothing named), its bound
    (AT_LEAST, AT_MOST, or "" for a figure as it is), and whether it is written as rounded."""
    out = []
    text = claim.text
    time_words = {w for t in claim.times for w in _TOKEN_P.findall(t.text.lower())}
    for q in claim.quantities:
        start, end = _in_text(claim, q.span.start), _in_text(claim, q.span.end)
        head = ""
        for raw in _TOKEN_P.findall(text[end:end + 40].lower()) if end else ():
            if raw in _CLAUSE_END or raw in _CALENDAR or raw in time_words:
                break  # "rose to 17 by 6pm": a time is not what a figure counts
            if raw in STOP_WORDS or raw in ("than", "about", "some", "over", "under", "more", "less"):
                continue
            head = stem(raw)
            break
        bound = _BOUND_BEFORE.search(text, max(0, start - 24), start) if start else None
        value = _scaled(text[start:end], float(q.value), text[end:end + 9])
        unit = q.unit
        if unit == FRACTION:  # "by a third" is "by 33%", "half of the staff" "50% of the staff"
            unit, value = PERCENT, round(value * 100, 4)
        marked = _ROUNDED_BEFORE.search(text, max(0, start - 32), start) if start else None
        about_as_preposition = marked is not None and marked["mark"].lower() == "about" and (
            (marked["word"] or "").lower() in _ABOUT_AFTER)
        rounded = bool(marked) and not about_as_preposition or bool(end and _ROUNDED_AFTER.match(text, end))
        out.append((unit, head if not unit else "", value, "" if bound is None else AT_MOST if bound["upper"] else AT_LEAST,
                    rounded))
    return out


_SUFFIXED = re.compile(r"^\D{0,2}?(\d+(?:\.\d+)?)\s?(k|m|mn|mln|b|bn)$", re.IGNORECASE)
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9}


_HYPHEN_SCALE = re.compile(r"^-(million|billion)\b", re.IGNORECASE)


def _scaled(written: str, value: float, after: str = "") -> float:
    """Headline shorthand the extractor reads as the bare figure: "19M" -> 19,000,000, "5K" -> 5,000,
    "$70-million" -> 70,000,000."""
    m = _SUFFIXED.match(written.strip().replace(",", ""))
    if m and float(m.group(1)) == value:
        return value * _SUFFIX_SCALE[m.group(2).lower()]
    h = _HYPHEN_SCALE.match(after)
    if h and value < 1000:
        return value * (1e6 if h.group(1).lower() == "million" else 1e9)
    return value


_DATE_FILLERS = frozenset(("st", "nd", "rd", "th", "of", "the"))  # "the 14th of October" is "October 14"


def _month(word: str) -> str | None:
    """The month a word of a date names ("sept", "Oct", "october" -> its full name), or None."""
    return _MONTHS.get(word[:4] if word.startswith("sept") else word[:3]) if word.isalpha() else None


def _date_keys(claim: claim_pb2.Claim) -> frozenset[str]:
    """The dates of the statement. A date of the attribution frame only ("Starmer said late on Tuesday
    that ...") tells when it was said, not when the fact happened, so it is not compared. A date the
    extractor could not resolve (no publication time: Compare, FindSimilar) is kept as written,
    "~" first, when it names a day: "~12 march", "~monday"."""
    keys = set()
    for d in claim.dates:
        if claim.statement and d.text not in claim.statement:
            continue
        if d.resolved:
            keys.add(d.resolved)
            continue
        words = _TOKEN.findall(d.text.lower())
        if any(ch.isdigit() for ch in d.text):
            # day, month, year, in that order whatever the style ("July 4" is "4 July", "Tuesday, 14
            # October" is "October 14"); the weekday left out
            parts = [_month(w) or w for w in words if w not in WEEKDAYS and w not in _DATE_FILLERS]
            keys.add("~" + " ".join(sorted(parts, key=lambda w: 0 if w.isdigit() and len(w) <= 2 else 1 if w.isalpha()
                                           else 2)))
        elif weekday := next((w for w in words if w in WEEKDAYS), None):
            keys.add("~" + weekday)  # "last Monday" and "on Monday" are one day as often as not
        elif month := next((m for w in words if (m := _month(w)) and m.startswith(w.rstrip("."))), None):
            keys.add("~" + month)  # "in January": a month of an unknown year, fits any day written in it
    return frozenset(keys)



def match_form(claim: claim_pb2.Claim) -> MatchForm:
    source = claim.normalized_text or claim.statement or claim.text
    date_words = set()
    for d in (*claim.dates, *claim.times):
        date_words.update(_TOKEN.findall(d.text.lower()))
    # a time of day is the tokens of its clock reading ("2 a.m." and "02:00" are "02 00"), its words dropped
    # (a figure of the statement written like one of them stays: "2 people ... at 2 a.m.")
    time_words = {t for d in claim.times for t in _TOKEN.findall(d.text.lower())} - {
        figure_text(q.value) for q in claim.quantities} if claim.times else _EMPTY
    words: list[str] = []
    core: list[str] = []
    tokens = _TOKEN.findall(source.lower())
    raws = fold_words(tokens)
    asks = claim.text.rstrip(" \"'”’").endswith("?")
    # as written ("up $2", "closed down." keep their signs) and normalised ("up six percent" -> "up 6 percent");
    # only where the words occur (the pattern's scan costs more than the rest of a short statement's tokens)
    predicates = (_directions(claim.statement or claim.text) | _directions(source)
                  if "up" in raws or "down" in raws else set())
    for i, raw in enumerate(raws):
        if raw in STOP_WORDS or raw in NEGATION_WORDS or raw in time_words:
            continue
        token = stem(raw)
        if token in STOP_WORDS:
            continue
        words.append(token)
        if token in _OPPOSITE and token not in _DIRECTIONS and not (token in _PRICE_VERBS and _price_move_follows(raws, i)) \
                and not (token in _GUARDED and asks):  # "Will she vote for the bill?" asserts no vote
            predicates.add(token)
        if not _NUMBER.match(raw) and raw not in date_words and token not in _UNITS:
            core.append(token)
    times = _times(claim)
    for minutes, _ in times:  # hours and minutes, as "06:00" was read before times were: "06 00"
        words += (f"{minutes // 60:02d}", f"{minutes % 60:02d}")
    entities = frozenset(e.canonical for e in claim.entities if e.canonical and not e.canonical.isdigit())
    speaker_tokens = [stem(t) for t in fold_words(_TOKEN.findall(plain_apostrophes(claim.speaker.lower())))
                      if t not in STOP_WORDS and t not in _GENERIC_SPEAKER]
    statement = claim.statement or claim.text
    opener = claim.text.lstrip("\"“‘'([ ")
    headline = bool(claim.entities) and title_case(statement)
    is_place = [_is_place(claim, e) for e in claim.entities]
    # A city stays itself ("hit Kyiv", "in Moscow": shared.places knows it is in Ukraine, in Russia); other
    # names that stand for a country fold to it ("the Kremlin", "Russian troops").
    place_keys = [(e.canonical if is_city(e.canonical) else METONYMY.get(e.canonical, e.canonical)) if place else ""
                  for e, place in zip(claim.entities, is_place)]
    places = frozenset(key for key in place_keys if key)
    locatives = frozenset(key for e, key in zip(claim.entities, place_keys)
                          if key and _in_statement(e, statement) and _locative(claim, e))
    regions = _country_after_a_place(claim, place_keys, locatives) if locatives and len(claim.entities) > 1 else _EMPTY
    name_words = []  # (token, written in the statement, a specific place of the statement)
    for e, place in zip(claim.entities, is_place):
        if not e.canonical or e.canonical.isdigit() or e.canonical.lower() in NUMBER_WORDS:
            continue
        in_statement = not headline and _in_statement(e, statement) and not _capitalised_opener(e.text, opener)
        venue = in_statement and place
        for t in fold_words(_TOKEN.findall(plain_apostrophes(e.canonical.lower()))):
            if t not in STOP_WORDS and t not in _GENERIC_SPEAKER:
                # rarity judged on the name as written: the stemmer makes "Felling" the common word "fell"
                name_words.append((stem(t), in_statement, venue and weight(t) >= SPECIFIC_NAME_WEIGHT))
    names = frozenset(w for w, _, _ in name_words) | frozenset(speaker_tokens)
    subjects = tuple(sorted({w for w, here, _ in name_words if here}))
    venues = tuple(sorted({w for w, _, venue in name_words if venue}))
    stance_text = with_plain_negations(without_false_denials(claim.text))
    heads, first, unasserted, contrasted = _negation(stance_text)
    events = tuple(sorted({EVENT_KINDS[w] for w in raws if w in EVENT_KINDS}))
    # "South Korea" / "North Korea" are two names, not two sides of one
    in_names = {t for e in claim.entities if " " in e.canonical for t in e.canonical.split()}
    alternatives, identities = _alternatives([w for w in raws if w not in in_names] if in_names else raws, statement)
    actors, holder, holder_person, lead, spoken = ((), (-1, -1), False, (), "") if headline else _actors(
        claim, statement, opener, place_keys, locatives | regions)
    # "has never won the title", "will not host": a negated role is no claim to it
    sole_role = holder[0] >= 0 and not asks and not heads and _sole_role(claim.text, statement, *holder, holder_person)
    # (a one-word name opening the sentence, the lead, is no country: then none opens it)
    subject_place = place_key(actors[0][0]) if actors and holder[0] >= 0 and not holder_person and not lead and _opens(
        statement, claim.text[holder[0]:holder[1]]) else ""
    if subject_place and _PATIENT.match(claim.text, holder[1]):
        # "Greece was struck by the earthquake": where it happened, not who acted
        places, actors, subject_place, sole_role = places | {subject_place}, actors[1:], "", False
    quantities = _quantity_heads(claim)
    prospect = _prospect(statement, tokens, asks)
    # Most of these sets are empty, and each empty frozenset is an object of its own (216 bytes):
    # the shared one keeps a million indexed claims about 1.3 GB smaller.
    return MatchForm(
        text=" ".join(words), core=" ".join(core), entities=entities or _EMPTY,
        numbers=tuple(q[:3] for q in quantities), dates=_date_keys(claim) or _EMPTY, places=places or _EMPTY,
        negated=bool(claim.negated), negation_cues=len(_NEGATION_CUE.findall(stance_text)),
        predicates=frozenset(predicates) or _EMPTY,
        verb=claim.reporting_verb, bag=tuple((t, min(w, UNIT_WEIGHT) if t in _UNITS else w) for t, w in rarity_bag(
            words + speaker_tokens, source.lower() + " " + claim.speaker.lower())),
        names=names or _EMPTY, negated_heads=heads or _EMPTY, negated_predicates=first or _EMPTY,
        cues=stance_cues(stance_text) or _EMPTY, unasserted=unasserted or _EMPTY,
        contrasted=contrasted or _EMPTY, subjects=subjects,
        venues=venues, events=events, alternatives=alternatives, identities=identities, actors=actors,
        sole_role=sole_role, subject_place=subject_place, lead=lead, spoken=spoken,
        times=times, locatives=locatives or _EMPTY, regions=regions,
        bounds=tuple((q[:3], q[3]) for q in quantities if q[3]), rounded=tuple(q[:3] for q in quantities if q[4]),
        prospect=prospect, repeat=_REPEAT.search(statement) is not None,
        relatives=_relatives(statement) if "'s " in statement or "’s " in statement else (),
        infinitives=_infinitives(statement) if prospect == "" and "to" in raws else _EMPTY,
        score=_score(statement, tokens))


# A role only one holds, told right after its holder: the winner of a final, title or election, the
# host of an edition of an event (not of a visitor), the first, only, last or largest of its kind. Told of two countries
# it is a dispute over who, not two facts ("Argentina won the 2022 World Cup final" / "France won
# ..."). Not "won a seat", "won the support of", "won the World Cup qualifier", "won the election for
# a seat", "hosted talks" (no "the"), "co-hosted", "hopes to host", "the latest country to", "the first
# time", "the largest in its history" (many can, or it is one's own record).
# An office one person holds: "was elected president", "was named the new chief executive", "won the
# presidential election"; not "was elected to parliament", "was named in the squad", "was appointed on
# Monday". The only roles read of a person: a team's or a company's name is too often a nickname or
# a former name the extractor cannot tell from a person's ("the Red Devils", "Manchester United").
# Whose or which day's it is, of up to two words: "Mexico's", "New York's", "Sunday's".
_OWNER = r"(?:[\w-]+\s+)?[\w-]+['’]s"
_OFFICES = (r"president|prime\s+minister|premier|chancellor|mayor|governor|speaker|leader|chief\s+executive|ceo|"
            r"chair(?:man|woman|person)?|pope|coach|manager|head\s+coach|director|secretary|minister|ambassador|"
            r"envoy|captain")
_OFFICE = (r"(?:(?:was|were|is|has\s+been|had\s+been)\s+(?:elected|re-elected|appointed|named|chosen|selected|"
           r"sworn\s+in|inaugurated)|(?:takes|took|will\s+take)\s+over)"
           r"(?:\s+as)?\s+(?:the\s+)?(?:(?:country|nation|party|club|company)['’]s\s+)?(?:new\s+|next\s+)?"
           # not a time, a manner, a seat among many, or a post held with others
           r"(?!(?:to|in|on|one|a|an|as|among|by|after|before|for|with|at|from|during|last|this|earlier|later|the|"
           r"unopposed|alongside|along|under|amid|despite|because|following|without|through|again|twice|"
           r"co-\w+|joint|vice-\w+|vice|assistant|associate|senator|judge|justice|cardinal|members?|councill?or|"
           r"delegate|trustee|advis[eo]r|underwriter|bookrunner|"
           r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b)(?![a-z]+ly\b)[a-z]"
           r"|was\s+declared\s+(?:the\s+)?winner\s+of\s+the\b"
           r"|(?:became|becomes|will\s+become)\s+(?:the\s+)?(?:new\s+|next\s+)?"
           r"(?:(?:country|nation|party|club|company)['’]s\s+)?(?:" + _OFFICES + r")\b"
           r"|won\s+(?:the|" + _OWNER + r")\s+(?:[\w'’-]+\s+){0,3}?(?:(?:by-)?elections?|primary|runoff|run-off|race|"
           r"leadership\s+contest)"
           r"(?![\w'’-])(?!\s+(?:to\b|for\s+(?:a|one)\b))")
_ATTACKS = (r"attacks?|cyberattacks?|cyber-attacks?|hacks?|hacking|strikes?|airstrikes?|air\s+strikes?|bombings?|"
            r"raids?|killings?|shootings?|assassinations?|massacres?|explosions?|blasts?|sabotage|invasion|"
            r"incursion|shelling|ambush|hijacking|kidnapping|abduction|poisoning|leak")
# Who chose the holder, told first: "The board appointed Anna Berg as chief executive", "Voters elected
# Helena Marsh mayor", "officials declared X the winner", "named Y as his successor".
_APPOINTED_BEFORE = re.compile(r"\b(?:elected|re-elected|appointed|named|chose|picked|selected|declared|nominated|"
                               r"installed|confirmed)\s+(?:(?:the\s+)?(?:former|ex-\w+|veteran)\s+)?$", re.IGNORECASE)
_OFFICE_AFTER = re.compile(r"\s*,?\s+(?:as\s+)?(?:(?:its|the|their|his|her|our)\s+)?(?:new\s+|next\s+|interim\s+)?"
                           r"(?:(?:country|nation|party|club|company)['’]s\s+)?(?:new\s+|next\s+|interim\s+)?"
                           r"(?:" + _OFFICES + r"|winner|successor|attorney\s+general)\b"
                           r"|\s+as\s+the\s+(?:driver|gunman|shooter|attacker|killer|bomber|pilot)\b",
                           re.IGNORECASE)
_SOLE_ROLE = re.compile(
    r"\b(?:" + _OFFICE + r"|(?:took|takes)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:title|crown|trophy|gold|silver|bronze)\b"
    r"|(?:won|wins|claimed|claims|clinched|clinches|lifted|lifts|secured|secures)\s+"
    r"(?:(?:the\s+)?(?:gold|silver|bronze)(?:\s+medal)?\s+in\s+the\b|(?:the|this\s+year's|last\s+year's|" + _OWNER + r")\s+"
    r"(?:(?!(?:of|for|to|with|from|semi|quarter|nobel|pulitzer)\b)[\w'’$€£¥.,-]+\s+){0,4}?"  # "the $10 billion contract"
    r"(?:finals?|titles?|championships?|cup|tournament|elections?(?!\s+(?:to\b|for\s+(?:a|one)\b))|race|marathon|grand\s+prix|bid|contest|"
    r"trophy|prize|award|gold|league|series|pennant|crown|war|right\s+to\s+host|oscars?|emmy|grammy|bafta|"
    r"ballon\s+d['’]or|booker|ashes|open|contract|tender)(?![\w'’-])"  # not a Nobel or a Pulitzer: often shared
    r"(?!\s+(?:qualifiers?|qualifying|ties?|match(?:es)?|games?|group|draw|round|stage|leg|berth|spot|place|seat|"
    r"opener|friendly)\b))"
    r"|(?:is|are|was|were|will\s+be)\s+the\s+host\s+(?:nation|country|city)\b|topped\s+the\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:medal\s+table|table|standings|rankings?|poll|charts?)\b|(?:was|were|is|are)\s+crowned\b"
    r"|holds?\s+the\s+(?:rotating\s+)?presidency\b"
    r"|(?:was|has\s+been|had\s+been)\s+(?:identified|named)\s+(?:by\s+(?:the\s+)?[\w'’-]+\s+)?as\s+the\s+(?!(?:[\w'’-]+\s+)?of\b)"
    r"|(?<![\w-])(?:will\s+host|hosts|hosted|(?:is|are|was|were)\s+hosting|will\s+stage|stages|staged)\s+(?:the|this|next)\s+"
    r"(?:(?:most|largest|biggest)\b|(?:[\w'’-]+\s+){0,5}?(?:games|olympics|cup|championships?|finals?|summit|"
    r"conference|talks|negotiations|tournament|expo|festival|contest|headquarters|meeting|forum|congress|ceremony|"
    r"grand\s+prix|convention|competition|fair|exhibition|rally|race|cop\d*|g7|g20)(?![\w'’-]))"
    # the author of one act: "Russia sabotaged the pipeline" / "Ukraine sabotaged the pipeline" is a
    # dispute over who did it (a verb not listed leaves the two as two facts: "banned the sale")
    r"|(?:carried\s+out|(?:of\s+|to\s+have\s+)?carrying\s+out|orchestrated|masterminded|(?:was|were|is|are)\s+"
    r"(?:behind|responsible\s+for)|claimed\s+(?:(?:full|sole)\s+)?(?:responsibility|credit)\s+for)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:" + _ATTACKS + r")(?![\w'’-])"
    r"|(?:sabotaged|shot\s+down|downed|hacked)\s+the\b(?!\s+(?:[\w'’-]+\s+){0,2}?(?:talks|negotiations|deal|process|"
    r"plan|vote|efforts?)\b)|planted\s+the\s+(?:bombs?|explosives?|device|mines?)\b|fired\s+(?:the\s+)?first\b"
    r"|(?:is|was|are|were|be|been|become|became|becomes|remains?|remained|has|have)\s+(?:the\s+(?:(?:world|country|nation|region|continent|europe|asia|africa|america)['’]s\s+)?|"
    r"(?:the\s+)?(?:world|country|nation|region|continent|europe|asia|africa|america)['’]s\s+)"
    r"(?:(?:second|third|fourth|fifth)[-\s])?"
    r"(?:first|only|sole|last|largest|biggest|smallest|top|leading|highest|lowest|richest|poorest|fastest|oldest|"
    r"youngest|greatest|deadliest|most|least|single\s+largest|happiest|coldest|hottest|wettest|driest|tallest|"
    r"heaviest|strongest|wealthiest|busiest|costliest|cheapest|best|worst)(?:-(?:growing|ranked|selling|producing))?(?![\w'’-])"
    r"(?!\s+(?:time|times|occasion|recent|likely|probable|candidate|contender)\b)"
    r"(?!(?:\s+\w+)?\s+in\s+(?:its|their|his|her)\s+(?:own\s+)?history))", re.IGNORECASE)
# A word each reading of _SOLE_ROLE has (its verbs and superlatives): without one the role is not there.
_ROLE_WORDS = frozenset(
    "elected appointed named chosen selected sworn inaugurated takes took take declared became becomes become won "
    "wins claimed claims clinched clinches lifted lifts secured secures host hosts hosted hosting stage stages staged "
    "topped crowned holds hold held identified carried carrying orchestrated masterminded behind responsible "
    "sabotaged shot downed hacked planted fired first only sole last largest biggest smallest top leading highest "
    "lowest richest poorest fastest oldest youngest greatest deadliest most least happiest coldest hottest wettest "
    "driest tallest heaviest strongest wealthiest busiest costliest cheapest best worst".split())
_WORD = re.compile(r"[a-z]+")
# Where a clause ends: what follows a role is read up to it ("..., its sports minister said" is another clause).
_CLAUSE_PUNCTUATION = re.compile(r"[,;:()]")
# Between a holder and its role: no clause break, no other clause ("Norway, which hosted the Games, ...").
_CLAUSE_BREAK = re.compile(_CLAUSE_PUNCTUATION.pattern + r"|\b(?:which|that|who|whose|said|says)\b", re.IGNORECASE)
_ROLE_WITHIN = 40  # characters from the holder's name to its role ("Chile's under-20 side won ...")
# "won the title for the first time", "hosted the summit for the first time in a decade": a record of
# one's own, which another can hold of another year
_NTH_TIME = re.compile(r"\bfor\s+the\s+(?:first|second|third|\w+th|last)\s+time\b", re.IGNORECASE)
_DESCRIBED = re.compile(r"\s(?:the|an?|him|her)\s", re.IGNORECASE)  # "identified the gunman as": who, after the verb
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_OWN = re.compile(r"\b(?:its|their)\b", re.IGNORECASE)  # "shot down the drones that entered its airspace": each its own
# A role shared: "will host the 2030 World Cup alongside Spain and Portugal"
_SHARED_ROLE = re.compile(r"\b(?:alongside|together\s+with|along\s+with|jointly)\b", re.IGNORECASE)


# Who someone is, told before the name: "Police identified the gunman as John Harlow", "the driver was
# named by police as 28-year-old John Harlow", "relatives identified him as ...". One person fits the
# description: told as two, the outlets disagree. Not an identification called wrong ("social media
# users wrongly named ..."), nor one of several ("One of the victims was named as", "a suspect",
# "among the dead ... named as"): _ONE_OF_SEVERAL.
_IDENTIFIED_AS = re.compile(
    r"(?<!\bwrongly\s)(?<!\bfalsely\s)(?<!\bmistakenly\s)(?<!\bincorrectly\s)(?<!\berroneously\s)"
    r"\b(?:identified|named)\s+(?:(?:locally|formally|officially|publicly|later|initially)\s+)?"
    r"(?:by\s+(?:the\s+)?(?:[\w'’-]+\s+){1,2}?)?"
    r"(?:the\s+(?:[\w'’-]+\s+){1,5}?|an?\s+(?:second|third|fourth|fifth|new)\s+(?:[\w'’-]+\s+){1,2}?|him\s+|her\s+)?"
    r"as\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_ONE_OF_SEVERAL = re.compile(
    r"\b(?:one|another|two|three|several|some|any|each)\s+of\b|\bamong\b|\binclud(?:ed|ing|es?)\b"
    r"|(?:^|[,;]\s*)\W*(?:a|an|another)\s+(?!(?:second|third|fourth|fifth|new)\b)"
    r"|\b(?:a|an)\s+[\w'’-]+\s+(?:was\s+|has\s+been\s+)?(?:named|identified)\s+as\b", re.IGNORECASE)
# A country told as the winner or host of one thing: "The final was won by Argentina", "The 2026 summit
# will be hosted by Kenya"; not of a count or a part ("Three gold medals were won by Kenya", "Group
# matches will be hosted by Mexico").
_HELD_THING = re.compile(
    r"^\W*(?:the|this\s+year's|last\s+year's)\s+"
    r"(?!(?:(?!(?:was|were|will|is|are|has|have|had)\b)[\w'’-]+\s+){0,5}?"
    r"(?:(?!(?:1[89]|20)\d\d\b)\d+|two|three|four|five|several|many|some|group)\b)"
    r"(?:[\w'’-]+\s+){0,5}?(?:final|title|championship|cup|trophy|league|election|race|tournament|summit|games|"
    r"olympics|talks|negotiations|conference|contest|expo|grand\s+prix|bid|most\s+\w+|series|tie|match|meeting|"
    r"contract|tender|debate|ceremony|"
    r"forum|congress|" + _ATTACKS + r")\b", re.IGNORECASE)


# A country opening the statement that suffers the event is where it happened, not who acted:
# "Greece was struck by the earthquake", "Florida bore the brunt of the storm".
_PATIENT = re.compile(
    r"\s+(?:(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:hit|struck|battered|pounded|lashed|"
    r"rocked|shaken|swept|flooded|affected|devastated|ravaged|hammered|the\s+epicent(?:re|er))\b|"
    r"(?:bore|suffered|took)\s+the\s+(?:brunt|worst)\b|was\s+where\b)", re.IGNORECASE)


def _opens(statement: str, name: str) -> bool:
    """Whether the statement opens with the name ("Russia launched ...", "The United Kingdom pledged ...")."""
    opening = statement.lstrip(_OPENING_MARKS).casefold()
    if opening.startswith("the "):
        opening = opening[4:]
    name = name.casefold()
    return opening.startswith(name) and not opening[len(name):len(name) + 1].isalnum()


_OPENING_MARKS = " \"'“‘([-—–"


def _sole_role(text: str, statement: str, holder_start: int, holder_end: int, person: bool) -> bool:
    """Whether the statement gives the name at holder_start:holder_end (offsets in `text`) a role
    only one can hold: after the name (_SOLE_ROLE, an office among them: _OFFICE), in the
    same clause, shortly after it; or before the name: of a person, who they were found to be
    (_IDENTIFIED_AS); of any name, the one thing it won, hosted or carried out (_HELD_BY, _HELD_THING)."""
    before = (max(0, holder_start - _ROLE_WITHIN - 20), holder_start)
    if person:
        m = _IDENTIFIED_AS.search(text, *before)
        if m:
            # one of several, told of whom the identification is about: the match itself, and in a
            # passive its subject too ("One of the victims was named as"); not who identified them
            # ("A police spokesman identified the gunman as")
            start = m.start()
            if _PASSIVE_BEFORE.search(text, 0, start) or not _DESCRIBED.search(m.group()):
                # a passive, or "a nurse named as": the description is before the verb
                start = max((b.start() for b in _CLAUSE_PUNCTUATION.finditer(text, 0, start)), default=0)
            return not _ONE_OF_SEVERAL.search(text[start:m.end()])
        if _APPOINTED_BEFORE.search(text, *before) and _OFFICE_AFTER.match(text, holder_end):
            return True
    if _HELD_BY.search(text, *before):
        return _HELD_THING.search(statement) is not None
    window = text[holder_end:holder_end + _ROLE_WITHIN + 120]
    if _ROLE_WORDS.isdisjoint(_WORD.findall(window.lower())):
        return False  # most statements: a set test spares the pattern's scan
    m = _SOLE_ROLE.search(text, holder_end, holder_end + _ROLE_WITHIN + 120)
    if m is None or m.start() - holder_end > _ROLE_WITHIN or _CLAUSE_BREAK.search(text, holder_end, m.start()):
        return False
    # what follows the role in its clause ("..., its sports minister said" is another clause)
    end = next((b.start() for b in _CLAUSE_PUNCTUATION.finditer(text, m.end())), len(text))
    return not any(p.search(text, m.end(), end) for p in (_NTH_TIME, _SHARED_ROLE, _OWN))


def _actors(claim: claim_pb2.Claim, statement: str, opener: str, place_keys: list[str], locatives: frozenset[str]
            ) -> tuple[tuple[tuple[str, str, str], ...], tuple[int, int], bool, tuple[str, str, str] | tuple[()], str]:
    """The names the statement tells something of, in the order written (but a country that won or
    hosted what a passive tells of, first: "The 2030 Games will be hosted by France"), each as (its
    country or US state, as written or as the tables key it, or "" for another name; its canonical
    tokens as the scored text spells them; of a person or a body all its name's words, _name_words):
    "Germany pledged 40 tanks to Ukraine" -> (Germany, germany, germany), (Ukraine, ukraine, ukraine);
    "the Kremlin" -> russia, a body standing for its country. Not a city (two cities for one event
    conflict: _cities_apart), a place the event is in ("built in France"), nor the agent of an act
    told of something else ("the deal was brokered by Qatar" / "by Egypt" is one deal, its broker in
    dispute). With them, where the first of them starts and ends in the claim's text if it is a place
    or a person (-1, -1 if not), whether it is a person: the holder of a role only one holds
    (_sole_role), a one-word name opening the sentence that may be a common word (_lead), and whether the
    first actor is the speaker its pronoun tells, a BODY or a PERSON ("Amazon said it will cut ...":
    _speaker_actor; "" if not)."""
    actors: dict[tuple[str, str, str], None] = {}
    holder, person, lead = (-1, -1), False, ()
    ordered = sorted(zip(claim.entities, place_keys), key=lambda pair: pair[0].span.start)
    # "Amazon said it will cut 14,000 jobs": Amazon acts, as in "Amazon will cut ...". No holder of a
    # role only one holds: "X claimed he won the election" / "Y claimed he won ..." is two claims made,
    # not a dispute over one winner.
    spoken = _speaker_actor(claim, statement, ordered, opener)
    if spoken:
        actors[spoken[0]] = None
    for i, (e, key) in enumerate(ordered):
        if not _in_statement(e, statement) or not e.canonical or e.canonical.isdigit():
            continue
        if i + 1 < len(ordered) and _describes(claim, e, ordered[i + 1][0]):
            continue  # "Tesla chief executive Elon Musk", "Germany's Siemens": who acts is the name after
        place = _actor_place(e, key)
        if key and not place or place and (key in locatives or place_key(place) in locatives):
            continue
        if not place and (_styled(e.text) and e.kind != claim_pb2.ENTITY_KIND_PERSON or _NOT_A_NAME.search(e.text)):
            continue  # "The Duke of Sussex", "the Mayor of London": whoever holds it, named another way too
        start = _in_text(claim, e.span.start)
        if not place and _opening_word(e.text, opener):
            lead = lead or _lead(e)  # "Tesla recalled ...", "Vantora recalled ...": a body, or a common word
            if lead and holder[0] < 0:
                holder, person = (start, _in_text(claim, e.span.end)), e.kind == claim_pb2.ENTITY_KIND_PERSON
            if _capitalised_opener(e.text, opener):
                continue  # "Investigators believe Poland ...": Poland is the first name
        before = claim.text[max(0, start - _ROLE_WITHIN):start]  # as _sole_role reads it: "masterminded by the "
        held_by = _HELD_BY.search(before) is not None
        if _AGENT.search(before) and not held_by:
            continue
        actor = _name(e, place)
        if actor:
            if held_by and actors:  # "The 2030 Winter Games will be hosted by France": France acts, first
                actors = {actor: None, **actors}
                holder, person = (start, _in_text(claim, e.span.end)), False
            elif not actors and holder[0] < 0:
                holder, person = (start, _in_text(claim, e.span.end)), e.kind == claim_pb2.ENTITY_KIND_PERSON and not place
            actors.setdefault(actor, None)
    return tuple(actors), holder, person, lead, (PERSON if spoken[1] else BODY) if spoken else ""


# A statement opening with the pronoun of its speaker: "it" of a body or a country, "he" or "she" of a
# person, "we" of either ("Amazon said it will cut 14,000 jobs", "Macron said he would visit Beijing",
# "'We will appeal,' Boeing said"). Not "they": as often the people the speaker tells of; nor "it"
# before a state or a verb of no one ("The WHO said it was too early to ...", "it is likely", "it appears
# the pilot lost control", "it would take years"), but for a thing under way ("Microsoft said it was
# investigating the outage").
_SPEAKER_PRONOUN = re.compile(
    r"[\"“‘'(\[ ]*(?P<pronoun>it(?!\s+(?:is|was|remains|remained|seem\w*|appear\w*|look\w*|took|takes|means|meant"
    r"|happen\w*|matter\w*|(?:would|will|could|may|might|should|can|did|does|do)(?:\s+not|n't)?\s+"
    r"(?:be|take|mean|seem|appear|look|happen|matter|cost)|(?:has|had)\s+been)\b|'s\b)"
    r"|it(?=\s+(?:is|was)\s+\w+ing\b)|its|he|his|she|her|we|our)\b", re.IGNORECASE)
_PERSON_PRONOUNS = frozenset(("he", "his", "she", "her"))
_BODY_PRONOUNS = frozenset(("it", "its"))
# Speakers whose "he" or "she" is as often someone they speak for or of: a spokesperson, a lawyer, an
# officer, a relative.
_SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson press secretary lawyer lawyers attorney attorneys counsel "
                        "aide aides adviser advisor advisers officer officers commander police detective inspector "
                        "prosecutor prosecutors agent representative official officials source sources friend friends "
                        "relative relatives family mother father wife husband son daughter brother sister partner "
                        "colleague manager publicist coach teammate".split())
BODY, PERSON = "body", "person"  # MatchForm.spoken
COMMON_OPENER_WEIGHT = 1.5  # "Last", "Today", "However", "Police" (0.6-1.2); "Google" 1.6, "Amazon" 2.0


def _actor_place(e: claim_pb2.Entity, key: str) -> str:
    """The country or US state a name stands for as an actor, or "": the name as written first; the
    extractor's canonical may stand for another ("Washington" -> "united states") but not when it is
    only the name's last word ("Air France" is no country)."""
    canonical = "" if _last_words(e.text, e.canonical) else e.canonical
    return next((n for n in (e.text if is_country(e.text) else "", key, METONYMY.get(e.canonical.lower()), canonical,
                             e.text) if n and (is_country(n) or is_state(n))), "")


def _speaker_actor(claim: claim_pb2.Claim, statement: str, ordered: list, opener: str
                   ) -> tuple[tuple[str, str, str], bool] | None:
    """The speaker as the statement's first actor, when the statement opens with the speaker's pronoun
    (_SPEAKER_PRONOUN) and the speaker is a name the statement does not write: (the name as
    MatchForm.actors holds it, whether a person). The speaker's last name of the pronoun's kind, nearest
    the verb: "Kremlin spokesman Dmitry Peskov said it ..." is the Kremlin (his "he" may be whom he
    speaks for: _SPEAKS_FOR), "Germany's Siemens said it" Siemens; not a very common word opening the
    sentence ("Last week the SEC said its ...": COMMON_OPENER_WEIGHT; "Amazon said it ..." is Amazon)."""
    m = _SPEAKER_PRONOUN.match(statement) if claim.speaker else None
    if m is None:
        return None
    pronoun = m["pronoun"].lower()
    if pronoun in _PERSON_PRONOUNS and not _SPEAKS_FOR.isdisjoint(_WORD.findall(claim.speaker.lower())):
        return None  # "press secretary Karoline Leavitt said he would sign": he is who she speaks for
    for i in range(len(ordered) - 1, -1, -1):
        e, key = ordered[i]
        is_person = e.kind == claim_pb2.ENTITY_KIND_PERSON
        if (pronoun in _PERSON_PRONOUNS and not is_person or pronoun in _BODY_PRONOUNS and is_person
                or not e.text or e.text not in claim.speaker or _in_statement(e, statement)
                or _capitalised_opener(e.text, opener) and weight(e.text.lower()) < COMMON_OPENER_WEIGHT):
            continue
        place = _actor_place(e, key)
        if key and not place or not place and (_styled(e.text) or _NOT_A_NAME.search(e.text)):
            return None  # a city ("Kyiv said it ...": its council or the country?), a style
        if i and claim.text[_in_text(claim, ordered[i - 1][0].span.end):_in_text(claim, e.span.start)] in (" and ", " & "):
            return None  # "the Securities and Exchange Commission" read as two names: which one is not known
        actor = _name(e, place)
        return (actor, is_person and not place) if actor else None
    return None


# What the extractor may take for a name that names no one: "the New York-based actor", "Tuesdays",
# a quarter or a half of a year ("in Q2", "H1 profit", "FY2025").
_NOT_A_NAME = re.compile(r"-based$|^(?:mon|tues|wednes|thurs|fri|satur|sun)days?$|^(?:q[1-4]|h[12]|fy\d{2,4})$",
                         re.IGNORECASE)
# A name that is a style or an office: a title "of" a place or a body ("the Duke of Sussex", not
# "Secretary of State Antony Blinken": the holder named).
_STYLED = re.compile(r"(?:the\s+)?(?:duke|duchess|earl|countess|lord|lady|baron|baroness|archbishop|bishop|"
                     r"cardinal|" + "|".join(sorted(TITLES)) + r")\s+of\s+", re.IGNORECASE)
# Between a name and the next one, words that make the first a description of the second: a possessive
# alone ("Germany's Siemens") or with up to three lower-case words ending in a role noun ("Kenya's army
# chief Jon Ade"), or before a person the same words without it ("Tesla chief executive Elon Musk",
# "Disgraced financier Sam Bankman-Fried", "French national Pierre Martin"): no verb ("Germany sent
# Olaf Scholz", "Voters elected Helena Marsh"), no function word ("Norway and Denmark").
_NOUN = r"(?:\s+(?!(?:of|and|or|the|a|an|to|in|on|at|for|by|with|as|from)\s)[a-z][\w-]*(?<!ed)(?<!ing)(?<!s))"
# the word right before the person: who they are ("chief executive", "financier", "striker"), no verb
_ROLE_NOUN = (r"\s+(?:chief|executive|ceo|boss|founder|co-founder|owner|chairman|chairwoman|chair|president|minister|"
              r"secretary|spokesman|spokeswoman|spokesperson|leader|head|director|manager|coach|striker|forward|"
              r"midfielder|defender|goalkeeper|captain|winger|financier|businessman|businesswoman|tycoon|billionaire|"
              r"entrepreneur|investor|actor|actress|singer|star|player|candidate|senator|lawmaker|governor|mayor|"
              r"official|analyst|economist|envoy|ambassador|commander|lawyer|judge|prosecutor|reporter|journalist|"
              r"author|novelist|writer|rapper|musician|champion|driver|rider|skipper|cardinal|bishop|general|"
              r"student|national|citizen|tourist|engineer|teacher|nurse|doctor|worker|soldier|officer|resident|"
              r"pilot|activist|blogger|photographer|man|woman|boy|girl|teenager|mother|father|son|daughter|wife|"
              r"husband)")
_POSSESSIVE_BEFORE = re.compile(rf"['’]s(?:{_NOUN}{{0,2}}{_ROLE_NOUN})?\s+")  # not "Sweden's bid to join NATO"
_NOUNS_BEFORE = re.compile(rf"{_NOUN}{{0,2}}{_ROLE_NOUN}\s+")  # not "Germany sent Olaf Scholz", "Biden met Xi"


def _describes(claim: claim_pb2.Claim, e: claim_pb2.Entity, following: claim_pb2.Entity) -> bool:
    """Whether the name `e` describes the name after it (_POSSESSIVE_BEFORE, _NOUNS_BEFORE)."""
    start, end = _in_text(claim, e.span.end), _in_text(claim, following.span.start)
    if not 0 <= start <= end <= start + 40:
        return False
    return _POSSESSIVE_BEFORE.fullmatch(claim.text, start, end) is not None or (
        following.kind == claim_pb2.ENTITY_KIND_PERSON and _NOUNS_BEFORE.fullmatch(claim.text, start, end) is not None)


def _styled(name: str) -> bool:
    m = _STYLED.match(name)
    return m is not None and len(name[m.end():].split()) <= 2


def _name_tokens(name: str) -> list[str]:
    """A name's tokens as the scored text spells them (an apostrophe splits: "O'Brien" -> o brien),
    without stop words, generic speakers and number words."""
    return [stem(t) for t in fold_words(_TOKEN.findall(plain_apostrophes(name.lower()).replace("'", " ")))
            if t not in STOP_WORDS and t not in _GENERIC_SPEAKER and t not in NUMBER_WORDS]


def _last_words(name: str, canonical: str) -> bool:
    """Whether the canonical form is the name's last words only ("Air France" -> "france")."""
    written, short = name.lower().split(), canonical.lower().split()
    return len(short) < len(written) and written[-len(short):] == short


def _name_words(e: claim_pb2.Entity) -> str:
    """A person's or a body's name as written, lower case, without stop words but "of", which a short
    form may keep ("Senator Joe Manchin" -> senator joe manchin, "The Bank of Japan" -> bank of japan:
    "BoJ"): to tell two names apart (the canonical form keeps only a person's last name: "Claudia
    Sheinbaum Pardo" -> pardo). A title stays: "Senator Warren" is a surname, never a first name."""
    return " ".join(t for t in _TOKEN.findall(plain_apostrophes(e.text.lower()).replace("'", " "))
                    if t == "of" or t not in STOP_WORDS)


def _name(e: claim_pb2.Entity, place: str) -> tuple[str, str, str] | tuple[()]:
    """A name as MatchForm.actors holds it: (its country or US state or "", its canonical tokens, of a
    person or a body all its words: _name_words), or () when nothing of it is left to compare."""
    tokens = " ".join(_name_tokens(e.canonical))
    return (place, tokens, tokens if place else _name_words(e) or tokens) if tokens else ()


def _lead(e: claim_pb2.Entity) -> tuple[str, str, str] | tuple[()]:
    """A one-word name opening the sentence that may name a body ("Tesla", "Lufthansa", "BP"), as
    MatchForm.actors holds names, or () for a plural of a common word ("Militants", "Firefighters",
    "Rescuers": the people of a kind, told many ways, never one body)."""
    low = e.text.lower()
    for ending in ("s", "es"):
        if low.endswith(ending) and weight(low[:-len(ending)]) < PLURAL_OF_COMMON_WEIGHT and not e.text.isupper() \
                and low not in NOT_A_COUNTRY:  # "Hamas", "Houthis" are bodies
            return ()
    return _name(e, "")


def _alternatives(raws: list[str], statement: str) -> tuple[
        tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    """(MatchForm.alternatives, MatchForm.identities) of a statement's words as written: the
    lexicon.CONTRASTS words not saying who or what something is (_identity), and the lexicon.IDENTITIES
    words stating it (_stated_identity, or in apposition in the statement as written: _apposed), of a
    kind the statement names one thing of ("one victim was a man and another a woman" states neither)."""
    alternatives = {(*ALTERNATIVES[w], stem(w)) for i, w in enumerate(raws)
                    if w in ALTERNATIVES and not _identity(raws, i, ALTERNATIVES[w][0])
                    and not (w == "forces" and raws[i + 2:i + 3] == ["to"])}  # "the strike forces hospitals to close"
    identities = set()
    named = {IDENTITY_WORDS[w] for w in raws if w in IDENTITY_WORDS}
    if named:
        kinds = Counter(kind for kind, _ in named)
        apposed = _apposed(statement)  # only here: most statements name no identity
        identities = {(*IDENTITY_WORDS[w], stem(w)) for i, w in enumerate(raws)
                      if w in IDENTITY_WORDS and kinds[IDENTITY_WORDS[w][0]] == 1
                      and (w in apposed or _stated_identity(raws, i))}
    return tuple(sorted(alternatives)), tuple(sorted(identities))


_COPULAS = frozenset("is was are were be been being as".split())


# "the victims were nurses", "the target was a hospital"
_NAMED_AFTER_COPULA = frozenset(("occupation", "building"))


def _identity(raws: list[str], i: int, kind: str) -> bool:
    """Whether raws[i] says who or what something is ("the victim was a nurse", "worked as a pilot",
    "the target was a hospital"; not "were injured"): two outlets naming two of them disagree about
    one thing."""
    if i > 1 and raws[i - 1] in ("a", "an", "the"):
        return raws[i - 2] in _COPULAS
    return i > 0 and kind in _NAMED_AFTER_COPULA and raws[i - 1] in _COPULAS


_STATING_COPULAS = frozenset("is was as".split())
_NOT_A_SUBJECT = frozenset("he she i we they you it him her them me us this that there who which such as well".split())


def _stated_identity(raws: list[str], i: int) -> bool:
    """Whether raws[i] states who one named person or thing was: "the victim was a nurse", "the
    gunman worked as a pilot". Not a question ("Is a nurse allowed ..."), a general remark ("Being a
    doctor is hard"), a pronoun's ("He was a teacher" / "She was a nurse" are two people), "such as
    a", "as well as a", a choice or list ("a man or a woman"), nor a possessive ("a man's world")."""
    if i < 3 or raws[i - 1] not in ("a", "an") or raws[i - 2] not in _STATING_COPULAS:
        return False
    after = raws[i + 1] if i + 1 < len(raws) else ""
    return raws[i - 3] not in _NOT_A_SUBJECT and after not in ("or", "and", "s")


# A noun phrase set off by commas, dashes or brackets after "the <noun>" or a name: "The victim, a
# 17-year-old boy, ...", "The victim - a 17-year-old boy - ...",
# "Police named him as Ana Silva, a nurse." Up to three words before the identity ("a 17-year-old",
# "an off-duty"); the phrase ends at a comma, a dash, a bracket, the sentence's end, or a word starting a
# qualifier.
_APPOSITION = re.compile(
    r"(?:(?<![\w'-])(?P<the>[Tt]he)\s+(?:[\w'-]+\s+){0,1}?[\w'-]+|(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*))"
    r"(?:,\s+|\s+[-–—]\s+|\s*\(\s*)an?\s+(?P<words>(?:[\w'-]+\s+){0,3}?[\w'-]+)"
    r"(?:\s*[,.;)]|\s+[-–—](?:\s|$)|\s+(?:who|from|of|in|at|with|aged)\b|\s*$)")
# Before "the <noun>", words that make it an opening phrase, not who the apposition describes ("After
# the explosion, a firefighter ...").
_OPENING = frozenset("after before during following in on at since until when while as with without by for "
                     "from of to into near despite amid like unlike".split())
# An identity that may have changed: "the gunman, a former soldier" and "a farmer" are both true.
_NOT_NOW = frozenset("former retired ex onetime one-time".split())


def _apposed(text: str) -> frozenset[str]:
    """The IDENTITY_WORDS said of someone in apposition ("The victim, a 17-year-old boy, died"): who one
    person was, as "the victim was a boy" says it. Not after an opening phrase ("Later that evening,
    a man ...", "After the explosion, a firefighter ..."), a pronoun or "a <noun>" (a general remark,
    or someone else: "stabbed by a former pupil, a student"), nor with a function word before the
    identity ("a prize for young journalists") or "former". A list ("a man, a woman and a child")
    names two of a kind, which _alternatives leaves out."""
    found = set()
    for m in _APPOSITION.finditer(text):
        if m["the"]:
            before = text[:m.start()].split()[-1:]
            if before and before[0].lower() in _OPENING:
                continue
        elif " " not in m["name"] and not text[:m.start()].strip() and weight(m["name"].lower()) < SPECIFIC_NAME_WEIGHT:
            continue  # "Later, a man ...": a common word capitalised only as the sentence's first
        words = _TOKEN.findall(m["words"].lower())
        if words and words[-1] in IDENTITY_WORDS and not any(w in STOP_WORDS or w in _NOT_NOW for w in words[:-1]):
            found.add(words[-1])
    return frozenset(found)


def _times(claim: claim_pb2.Claim) -> tuple[tuple[int, str], ...]:
    """The times of day of the statement, as whole words ("noon" is not in "afternoon"); one of the
    attribution frame ("said at 10am that ...") tells when it was said, as with dates."""
    # "at 6 a.m." closing the sentence: the statement has lost the full stop the "a.m." took
    return tuple(sorted({(t.minutes, t.zone) for t in claim.times if not claim.statement or re.search(
        r"(?<!\w)" + re.escape(t.text.rstrip(".")) + r"(?!\w)", claim.statement)}))


# Wordings with a denial's words that deny nothing: a refutation negated ("it was not a hoax", "is no
# fake": an affirmation), and refusing to take a side ("refused to confirm or deny", "won't say
# whether"). A refusal of one side ("declined to confirm the trip") still negates what it refuses.
_NEGATED_REFUTATION = re.compile(
    r"(?:\b(?:not|no|never)|n't|(?<=is|as|re)nt)\s+(?:(?:a|an|the|just|really|all|some|at\s+all)\s+)?"
    r"(?:hoax\w*|fakes?|faked|prank\w*|myth|satire|fabricat\w+|bogus|made\s+up)\b", re.IGNORECASE)
_NO_SIDE = re.compile(
    r"(?:\b(?:refus\w*|declin\w*|fail\w*)\s+to|\b(?:would|will|did|does|could|can)\s+not|\bcannot|"
    r"\b(?:won|wouldn|didn|doesn|couldn|can)'t|\b(?:wont|wouldnt|didnt|doesnt|couldnt|cant))\s+"
    r"(?:either\s+)?(?:confirm\s+n?or\s+deny|say\s+(?:if|whether))\b|\bneither\s+confirm\w*\s+nor\s+den\w*",
    re.IGNORECASE)


# Wordings that leave the question open ("may or may not hold an event") or say a thing is uncertain
# ("sailings in doubt"); "doubt" here is no one's denial. Negated, "in doubt" is certainty.
_OPEN_QUESTION = re.compile(r"\b(?:may|might|could)\s+or\s+(?:may|might|could)\s+not\b", re.IGNORECASE)
_IN_DOUBT = re.compile(r"\b(?P<negated>(?:not|never|no\s+one|nobody|no)\s+(?:[\w'-]+\s+){0,2}?)?in\s+doubt\b",
                       re.IGNORECASE)


def _in_doubt(m: re.Match) -> str:
    return " certain" if m.group("negated") else " uncertain"


def without_false_denials(text: str) -> str:
    """`text` as the polarity and stance cues read it: typographic apostrophes straight ("didn’t"
    is "didn't"), and the wordings that look like a denial and are none put neutrally ("insists it
    was not a hoax" -> "insists it was genuine", "may or may not" -> "possibly", "in doubt" ->
    "uncertain")."""
    text = _NEGATED_REFUTATION.sub(" genuine", plain_apostrophes(text))
    lowered = text.lower()  # the substring tests spare most claims the two regex passes
    if " or " in lowered:
        text = _OPEN_QUESTION.sub("possibly", text)
    if "doubt" in lowered:
        text = _IN_DOUBT.sub(_in_doubt, text)
    return _NO_SIDE.sub("kept silent on whether", text)


# Negations written without a word of negation, put as one: "is unlikely to attend" -> "is not to attend",
# "has ruled out a rate cut" -> "has not a rate cut" ("would not rule out a tax rise" -> "would possibly a
# tax rise"), talks that "ended without a deal" -> "ended with no deal", "drops plan to charge" -> "has no
# plan to charge" ("dropped a planned rise" -> "has no planned rise"). Not any "without": "homes were
# without power" is what "homes lost power" says, a protest that "ended without incident" "ended peacefully".
_HIDDEN_NEGATION = re.compile(
    r"\b(?:(?P<unlikely>unlikely\s+to)"
    # "ruled out" of a plan or a cause, not of a player or a goal ("ruled out of the final", "for six
    # weeks", "until March", "with an injury", "by VAR"): what follows is what is ruled out
    r"|(?P<ruled>(?P<negated>(?:not|never|won't|wouldn't|can't|cannot|didn't|don't|doesn't|haven't|hasn't|hadn't|"
    r"isn't|aren't|wasn't|weren't|(?:refus|declin)(?:ed|es|ing|e)\s+to)\s+)?rul(?:e[sd]?|ing)\s+out)"
    r"(?=\s+(?!(?:of|for|until|till|with|by|after|through|since|from|in|on|at|as|due|because|following|again|"
    r"indefinitely|immediately|today|tonight|tomorrow|yesterday)\b)[a-z])"
    r"|(?P<ended>(?:end(?:s|ed|ing)?|conclud(?:es|ed|ing)|broke\s+up|clos(?:es|ed|ing)|finish(?:es|ed|ing))\s+without"
    r"(?:\s+(?:an?|any))?)"
    r"(?=\s+(?:deal|agreement|accord|breakthrough|result|decision|verdict|settlement|ceasefire|"
    r"truce|consensus|winner|joint\s+statement)\b)"
    # a plan given up: "Ryanair drops plan to charge for toilets" -> "has no plan to charge"
    r"|(?P<dropped>(?:drop|scrap|shelve|abandon|ditch|axe)(?:s|ped|d|ed|ping|ing)?\s+"
    r"(?:(?:its|the|their|his|her|a)\s+)?(?:plans?(?=\s+(?:to|for)\b)|(?P<planned>planned))))\b", re.IGNORECASE)


# A negation naming the alternative after a comma: "in Nevada, not Texas", "12, not 14" exclude the
# alternative as "rather than" does (a capital or a figure follows: not ", not surprisingly", ", not
# least"). Not a day or a month: "on Tuesday, not Monday" stays a negation, which a report of Monday
# conflicts with (an alternative's calendar words are read as no part of it: _negation).
_NOT_THE_OTHER = re.compile(
    r",\s+not\s+(?=(?:(?:the|a|an|in|on|at|to|from|by|for)\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)[A-Z0-9])")


def with_plain_negations(text: str) -> str:
    """`text` with its negations written without a word of negation put as one (_HIDDEN_NEGATION), and
    an alternative after ", not" as one after "rather than" (_NOT_THE_OTHER), as the polarity and
    stance cues read it."""
    lowered = text.lower()
    if ", not " in text:
        text = _NOT_THE_OTHER.sub(" rather than ", text)
    if "unlikely" not in lowered and " out" not in lowered and "without" not in lowered and "plan" not in lowered:
        return text  # most statements
    return _HIDDEN_NEGATION.sub(_plain_negation, text)


_NEGATED_BEFORE = re.compile(r"\b(?:not|never|n't|n’t|refus\w+|declin\w+|reject\w*)\s+(?:\w+\s+){0,2}$",
                             re.IGNORECASE)


def _plain_negation(m: re.Match) -> str:
    if m["unlikely"]:
        return "not to"
    if m["ruled"]:
        # "would not rule out a tax rise" affirms it may be, against "ruled out a tax rise"
        return "possibly" if m["negated"] else "not"
    if m["dropped"]:
        if _NEGATED_BEFORE.search(m.string, max(0, m.start() - 30), m.start()):
            return m.group()  # "refuses to drop plan to charge", "will not scrap plans": the plan stays
        return "has no planned" if m["planned"] else "has no plan"  # "dropped a planned rise": no planned rise
    return m["ended"][:m["ended"].lower().index("without")] + "with no"


def _in_statement(e: claim_pb2.Entity, statement: str) -> bool:
    """Whether a name is written in the statement (its closing period may be the sentence's: "in the U.S.")."""
    return bool(e.text) and (e.text in statement or e.text.endswith(".") and e.text.rstrip(".") in statement)


def _locative(claim: claim_pb2.Claim, e: claim_pb2.Entity) -> bool:
    """A place the statement puts its event in: after in/at/near/outside/inside/off, the name itself
    ("in France", "in the US"), not a nationality or a name saying whose ("outside the Russian
    embassy", "in France's interest", "at the US embassy")."""
    start = _in_text(claim, e.span.start)
    if not _LOCATIVE.search(claim.text[max(0, start - 24):start]):
        return False
    if _written_demonym(e):
        return _territory_after(claim, e)  # "in Omani waters"; not "outside the Russian embassy"
    after = _WHOSE.match(claim.text, start + len(e.text))
    return after is None or bool(after["word"]) and (after["word"] in STOP_WORDS or after["word"] in _AFTER_A_VENUE)


# An event told as a repeat of an earlier one: on another date it is another occasion, not a dispute.
_REPEAT = re.compile(r"(?i)\b(?:again|once\s+more|anew|for\s+(?:a|the)\s+(?:second|third|fourth|fifth)\s+time)\b")
# A named person's relative, counsel or household ("Quell's lawyer", "Varro's eldest son") to whom the
# act is done: someone other than the person named, so "Quell's lawyer was charged" / "Quell was
# charged" are two charges. Only where the act is done to them (a passive, or the object of the verb:
# "questioned Varro's driver"), not by them: "Quell's lawyers filed an appeal" is Quell's appeal. Not
# the head of a longer noun ("Quell's family home"), not one named after it ("Quell's lawyer, Tom
# Reed, was charged" / "Tom Reed was charged"), and not those who speak for the person (a spokesman).
_RELATIVE = re.compile(
    r"\b(?P<owner>[A-Z][\w.-]*)['’]s\s+(?:(?i:former|late|eldest|elder|older|younger|youngest|teenage|adult|estranged"
    r"|personal|longtime|long-time|chief|top|senior|defence|defense|criminal)\s+)?"
    r"(?P<who>(?i:lawyers?|attorneys?|wife|husband|sons?|daughters?|brothers?|sisters?|mother|father|parents|children"
    r"|widow|partner|girlfriend|boyfriend|fianc[ée]e?|nephew|niece|cousin|uncle|aunt|grandson|granddaughter"
    r"|bodyguards?|driver|chauffeur|aides?|advis[eo]rs?|assistant|deputy))\b"
    r"(?=\s*(?:[.;:)]|,(?!\s*[A-Z])|$)|\s+(?:was|were|is|are|(?:has|have|had)\s+been|on|in|at|after|for|over|during"
    r"|until|and|to)\b)")


def _relatives(statement: str) -> tuple[str, ...]:
    """MatchForm.relatives: the people named persons have in the statement (_RELATIVE), each as the
    stems of its words ("eldest son"). A country's, a state's or a city's are no person's."""
    return tuple(sorted({" ".join(stem(w) for w in m[0].lower().split()[1:]) for m in _RELATIVE.finditer(statement)
                         if not _known_place(m["owner"].lower())}))


_COMMA = re.compile(r",\s*")
# What ends the name of a place's country or state: punctuation, the end, a preposition or a time
# ("in Butler, Pennsylvania, on Saturday"); not a verb ("At the summit in Egypt, Norway pledged ...").
_AFTER_A_REGION = re.compile(r"\s*(?:[,.;:!?)\]\"”’']|$)|\s+(?:on|in|at|by|after|before|during|when|where|last|this|"
                             r"next|earlier|late|early|overnight|and|to|for|from|with|near)\b")


def _country_after_a_place(claim: claim_pb2.Claim, place_keys: list[str], locatives: frozenset[str]) -> frozenset[str]:
    """The countries or US states written right after a town or city the event is in, as where it is
    ("a plant in Brevik, Norway", "a rally in Butler, Pennsylvania"): no actor, and no place of its
    own against the other statement's (matching.detail_conflict)."""
    found = set()
    ordered = sorted(zip(claim.entities, place_keys), key=lambda pair: pair[0].span.start)
    for (before, key), (e, _) in zip(ordered, ordered[1:]):
        if key in locatives and not is_country(key) and (is_country(e.canonical) or is_state(e.canonical)) and (
                _COMMA.fullmatch(claim.text, _in_text(claim, before.span.end), _in_text(claim, e.span.start))
                and _AFTER_A_REGION.match(claim.text, _in_text(claim, e.span.end))):
            found.add(place_key(e.canonical))
    return frozenset(found) if found else _EMPTY  # most claims: one shared empty set (MatchForm memory)


def _written_demonym(e: claim_pb2.Entity) -> bool:
    """Whether a name is written as its country's demonym ("Russian", "Moroccan" for Russia, Morocco)."""
    written = e.text.lower()
    return written != e.canonical and _DEMONYM.search(written) is not None


def _territory_after(claim: claim_pb2.Claim, e: claim_pb2.Entity) -> bool:
    """Whether a demonym names the country's own ground: "in Ethiopian territory", "in Omani waters"."""
    return _TERRITORY.match(claim.text, _in_text(claim, e.span.end)) is not None


def _is_place(claim: claim_pb2.Claim, e: claim_pb2.Entity) -> bool:
    """A place entity, or a name of another kind after "in"/"at"/"from" or a preposition of motion."""
    if _NOT_A_NAME.search(e.text):
        return False
    start = _in_text(claim, e.span.start)
    if e.kind != claim_pb2.ENTITY_KIND_PLACE and _written_demonym(e) and not _territory_after(claim, e):
        return False  # "in the Moroccan capital": the country says whose capital, the city is the place
    before = claim.text[max(0, start - 24):start]
    if e.kind != claim_pb2.ENTITY_KIND_PERSON and e.text not in claim.speaker and _NAMED_AFTER_ITS_KIND.search(
            claim.text, max(0, start - 60), start):
        return True  # "in the Moroccan capital, Rabat"; not "in the capital, Mayor Jane Doe said", "..., Unicef said"
    return e.kind == claim_pb2.ENTITY_KIND_PLACE or (e.kind != claim_pb2.ENTITY_KIND_PERSON and (
        bool(_PLACE_PREPOSITION.search(before)) or bool(_OFF.search(before)) and _known_place(e.canonical))) or (
        e.kind == claim_pb2.ENTITY_KIND_OTHER and _destination(claim.text, start))


def _known_place(name: str) -> bool:
    """Whether GeoNames knows the name as a country, a US state or a city."""
    return is_country(name) or is_state(name) or is_city(name)


def _destination(text: str, start: int) -> bool:
    """Whether the name at `start` follows a preposition of motion (_DESTINATION), not one after a verb
    of speaking to someone or a defeat (_TO_SOMEONE)."""
    m = _DESTINATION.search(text, max(0, start - 20), start)
    return m is not None and (m["before"] or "") not in _TO_SOMEONE


def _opening_word(name: str, text: str) -> bool:
    """Whether the name is one word opening the sentence."""
    return " " not in name and text.startswith(name)


def _capitalised_opener(name: str, text: str) -> bool:
    """A common word capitalised only because it opens the sentence ("Rescue crews ...",
    "Firefighters ..."), which the extractor may take for a name."""
    return _opening_word(name, text) and weight(name.lower()) < SPECIFIC_NAME_WEIGHT


# Speakers that say nothing about who: they do not count as a shared name.
_GENERIC_SPEAKER = frozenset("official officials spokesman spokeswoman spokesperson source sources statement "
                             "report reports government ministry authorities authority police chief minister "
                             "president".split())
# Words between a negation cue and the predicate it negates ("has not yet formally agreed").
_NEG_SKIP = frozenset("yet so far been be being have has had formally officially publicly immediately "
                      "still even ever always fully to a an the any actually really personally necessarily "
                      "accidentally exactly quite".split())
# How many content words after a negation cue it governs, within its clause ("did NOT get pooped on by
# a bird" -> get, pooped, bird): the heads _denies and _unshared_negation look for in the other claim.
NEG_SCOPE = 3
DENIAL = "<deny>"  # negated_heads marker: a denial verb governs the whole statement
_NEG_CUE_WORDS = frozenset("not never no nobody n't cannot".split())
_BOUND_COMPARATIVES = frozenset(("more", "fewer", "less"))
_NO_ONE = re.compile(r"\bno[\s-]one\b")
_BEFORE_YET_TO = frozenset("has have had is are was were remains remain remained".split())  # "has yet to sign"


def _not_a_negation(words: list[str], i: int) -> bool:
    """A "not", "no" or "nobody" that negates nothing: "not only X but also Y" states both, "not least
    because" stresses, "no more than 12" and "not fewer than 40" bound a figure, "nobody but the mayor
    knew" says the mayor knew."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return (words[i] == "not" and nxt in ("only", "just", "least")) or (
        words[i] in ("not", "no") and nxt in _BOUND_COMPARATIVES and i + 2 < len(words) and words[i + 2] == "than") or (
        words[i] == "nobody" and nxt in NOBODY_EXCEPT)
_DENY_VERBS = frozenset("deny denies denied denying refuse refuses refused refusing decline declines declined "
                        "declining reject rejects rejected rejecting debunk debunks "
                        "debunked hoax hoaxes fake false untrue bogus fabricated myth satire satirical prank unfounded "
                        "baseless doctored photoshopped misleading faked fakes doubt doubts doubted dispute disputes disputed "
                        "erroneous".split())
# What someone is refused, not a report denied: "was denied entry", "refused bail", "denied a visa". The
# refusal negates the thing ("denied bail" against "granted bail"), it does not call a report untrue.
REFUSED_THINGS = frozenset("entry access bail parole visa visas permission boarding admission asylum treatment "
                           "service citizenship residency tenure licence license permit passage custody "
                           "communion burial funding insurance".split())
_REFUSAL_VERBS = frozenset("deny denies denied denying refuse refuses refused refusing".split())


def _refusal_of_a_thing(words: list[str], i: int) -> str | None:
    """The thing refused when words[i] is "denied"/"refused" followed by one (past an article)."""
    if words[i] not in _REFUSAL_VERBS or i and words[i - 1] in ("being", "been") or (
            i >= 2 and words[i - 1] in ("was", "were") and words[i - 2] in ("who", "which")):
        return None  # "in protest at being refused asylum", "the man, who was refused bail, ...": the background
    k = i + 1 + (i + 1 < len(words) and words[i + 1] in ("a", "an", "the", "any"))
    return words[k] if k < len(words) and words[k] in REFUSED_THINGS else None


# "Dismissed" denies a report ("dismissed the reports", "dismissed it as speculation"), not a minister or
# a manager ("dismissed the defence minister", "has been dismissed as Rangers boss", "dismissed over
# claims of misconduct"), nor a case.
DISMISSED_REPORT = (r"dismiss\w*\s+(?!(?:over|after|amid|following|for)\b)(?:(?:[\w'’-]+\s+){0,4}?(?:" + SAID_NOUNS +
                    r"|speculation|concerns?|fears?|talk|theor(?:y|ies)|questions?)|(?:[\w'’£$€-]+\s+){0,8}?as\s+(?:(?:a|an|the|just|pure|mere|total|complete)\s+)?"
                    r"(?:nonsense|rubbish|false|untrue|baseless|speculation|fake|lies?|rumou?rs?|ridiculous|absurd|fiction|"
                    r"fantasy|unfounded|misleading|wrong|inaccurate|groundless|desperate|propaganda|smears?|hoax))\b")
_DISMISSED_REPORT = re.compile(DISMISSED_REPORT)
# Reporting verbs that only say who speaks; others ("confirmed", "announced") state something themselves.
PLAIN_SAYING = frozenset(("", "say", "tell", "add", "state", "note", "write", "report", "explain"))
# "declined to confirm the trip", "refused to say": the verb after "to" is what is not done.
_REFUSE_TO = frozenset("refuse refuses refused refusing decline declines declined declining fail fails failed "
                       "failing".split())
# "not true", "isn't real", "no evidence": a negation of the report itself, not of one predicate.
_NOT_TRUE = frozenset("true real accurate correct genuine authentic so case thing".split())
_NO_EVIDENCE = frozenset("evidence proof truth basis sign".split())
# The words of a denial that says nothing else: "This is false.", "That is not the case.", "No
# evidence supports this." (shared.comparison joins such a sentence to the one it judges).
DENIAL_WORDS = _DENY_VERBS | _NOT_TRUE | _NO_EVIDENCE | frozenset("happen support".split())
# "dont", "isnt": the negation of copy that lost its apostrophe.
_APOSTROPHE_LESS = re.compile(r"\b(do|does|did|is|was|are|were|ca|wo|could|would|should|has|have|had)nt\b")
_CLAUSE_END = frozenset(",;:.?!()")
# A negation without "not": "issue tickets rather than make arrests" excludes the arrests. It negates an
# alternative, not the statement's own predicate: a side that states the arrests is denied, a side
# that never mentions them states the same fact (MatchForm.contrasted).
_COMPARATIVES = frozenset("more less sooner later earlier better worse".split())
_CONTRAST = re.compile(rf"\b(?:(?:{'|'.join(sorted(_COMPARATIVES))})\s+)?(?:rather\s+than|instead\s+of)\b")
_CONTRAST_CUE = "ratherthan"


def _contrast_cue(m: re.Match) -> str:
    """"sooner rather than later", "more rather than less" compare; the rest name an alternative."""
    return m.group() if m.group().split()[0] in _COMPARATIVES else f" {_CONTRAST_CUE} "
# Modals of demand: "must agree", "should resign", "needs to sign", "has to pay".
_DEMAND = frozenset("must should ought".split())
_DEMAND_BEFORE_TO = frozenset("need needs has have".split())
_TOKEN_P = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:'[^\W\d_]+)?|[,;:.?!()]", re.UNICODE)


# Not knowing how, why, whether or that something happened ("has no idea how his truck ended up in
# Syria", "isn't sure why the gunman fired", "had no idea she was pregnant") negates the knowing only,
# as an alternative is negated (MatchForm.contrasted): a statement that someone knew it conflicts, one
# that tells the thing itself does not (the truck did end up there, she was pregnant). Not a negated
# knowing of a thing: "did not know the gunman".
_KNOWING = frozenset("know sure certain clear idea clue aware".split())
_CLAUSE_OPENERS = frozenset("how why what who whom whose where when whether if which he she it they we i you there "
                            "that".split())
_BEFORE_CLAUSE = frozenset("yet exactly precisely immediately for at this point stage time".split())
_DETERMINERS = frozenset("the a an his her its their our my your".split())


# First words under a negation that carry the predicate after them: "has no plans to resign", "no
# intention of raising taxes", "not interested in buying Twitter", "no group has claimed responsibility",
# "not going to become weightless": the predicate negated is the word that follows (stems).
_LIGHT_HEADS = frozenset("plan intention intent interest interested going group one".split())
# A figure after "more than": a digit, or a number word of the lexicon's ("one", "a", "a dozen").
_FIGURE_WORDS = frozenset(NUMBER_WORDS) | frozenset(MULTIPLIERS) | frozenset("a an half dozen".split())
# Not commenting negates the comment only: "North Korea did not comment on the launch" denies no launch.
_NO_COMMENT = frozenset("comment comments commented respond responded reply replied".split())


def _bounds_a_figure(words: list[str], i: int) -> bool:
    """A negation that bounds a figure rather than denying ("doesn't last more than a day": at most a
    day; "did not pay more than £5m"); not "did not rise more than expected"."""
    return any(words[k] in _BOUND_COMPARATIVES and words[k + 1] == "than" and k + 2 < len(words)
               and (words[k + 2][0].isdigit() or words[k + 2] in _FIGURE_WORDS)
               for k in range(i + 1, min(i + 4, len(words) - 1)))


def _clause_follows(words: list[str], k: int) -> bool:
    """Whether a clause opens at words[k], past a few words of time or degree ("at this point if")."""
    for w in words[k:k + 4]:
        if w in _CLAUSE_OPENERS:
            # "that the gunman had been released" opens a clause, "that man" none
            return w != "that" or k + 1 < len(words) and (words[k + 1] in _CLAUSE_OPENERS or words[k + 1] in _DETERMINERS)
        if w not in _BEFORE_CLAUSE:
            return False
    return False


# Who answers, before a colon that opens the headline's answer ("Kensington Palace: No, ...").
_ANSWERER_WORDS = 6


def _answer_start(words: list[str]) -> int:
    """Where a headline's own words start: past "Who: " (at most _ANSWERER_WORDS words), else 0."""
    for k, w in enumerate(words[:_ANSWERER_WORDS + 1]):
        if w == ":":
            return k + 1
        if w in _CLAUSE_END:
            break
    return 0


def _negated_heads(text: str) -> frozenset[str]:
    return _negation(text)[0]


def _negation(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The predicates each negation governs: the first NEG_SCOPE content words of its clause after
    "not"/"never"/"no" (skipping auxiliaries and adverbs: "have NOT accidentally cut down the tree" ->
    cut, tree), or the marker DENIAL when the negation is of the whole report: a denial verb ("denied",
    "a hoax"), "not true"/"no evidence", a headline opening "No, ..." or a closing "..., no he wasn't".
    Second: the first head of each negation only, the predicate itself. Third: the predicates that
    follow a modal of demand ("must agree", "needs to sign"), which the statement asks for and does
    not assert, so the other side negating them denies nothing. Fourth: the heads negated as an
    alternative ("fired rather than resigning"), all of them among the first and the second."""
    lowered = text.lower().replace("n't", " not").replace("cannot", "can not")
    if "no one" in lowered or "no-one" in lowered:
        lowered = _NO_ONE.sub("nobody", lowered)  # its predicate is what follows, not "one"
    if "rather" in lowered or "instead" in lowered:
        lowered = _CONTRAST.sub(_contrast_cue, lowered)
    words = fold_words(_TOKEN_P.findall(_APOSTROPHE_LESS.sub(r"\1 not", lowered)))
    heads = set()
    first = set()
    unasserted = set()
    contrasted = set()
    opening = _answer_start(words)
    if (len(words) > opening + 2 and words[opening] in ("no", "nope") and words[opening + 1] in _CLAUSE_END
            and not words[opening + 2][0].isdigit()):  # not "No. 10 says"
        heads.add(DENIAL)
    for i, w in enumerate(words):
        if w in _DEMAND or (w in _DEMAND_BEFORE_TO and i + 1 < len(words) and words[i + 1] == "to"):
            for nxt in words[i + 1:i + 6]:
                if nxt in _CLAUSE_END or nxt in _NEG_CUE_WORDS:
                    break
                if nxt in _NEG_SKIP or nxt in STOP_WORDS or nxt.endswith("ly") and len(nxt) > 4:
                    continue
                unasserted.add(stem(nxt))
                break
            continue
        refuse_to = (w in _REFUSE_TO and i + 2 < len(words) and words[i + 1] == "to"
                     and words[i + 2].isalpha())  # not "declined to 36.9 billion"
        refused = _refusal_of_a_thing(words, i)
        if refused:
            heads.add(stem(refused))
            first.add(stem(refused))
            continue
        if w in _DENY_VERBS and not refuse_to and not w.startswith("declin") or (  # "revenue declined 3%"
                w.startswith("dismiss") and _DISMISSED_REPORT.match(" ".join(words[i:i + 13]))):
            heads.add(DENIAL)
            continue
        contrast = w == _CONTRAST_CUE
        if w in _NEG_CUE_WORDS and _not_a_negation(words, i):
            continue
        # "has yet to sign" is "has not signed"; not "yet to the surprise of many"
        yet_to = w == "yet" and 0 < i < len(words) - 2 and words[i - 1] in _BEFORE_YET_TO and words[i + 1] == "to"
        if (w in _NEG_CUE_WORDS or refuse_to) and _bounds_a_figure(words, i):
            continue
        if w in _NEG_CUE_WORDS or refuse_to or contrast or yet_to:  # "declined to confirm" negates "confirm"
            scope = []
            knowing = False
            for k in range(i + 1, min(i + 12, len(words))):
                nxt = words[k]
                if nxt in _CLAUSE_END or nxt == _CONTRAST_CUE or nxt == "but":  # "failed to meet X but cut Y"
                    break
                if not scope and not contrast and nxt in _KNOWING and _clause_follows(words, k + 1):
                    scope, knowing = [stem(nxt)], True
                    break
                if not scope and not contrast and nxt in _NO_COMMENT:
                    scope = [stem(nxt)]  # a fact of its own, told of nothing else
                    break
                if not scope and not contrast and (nxt in _NOT_TRUE and w != "no" or nxt in _NO_EVIDENCE and w == "no"):
                    heads.add(DENIAL)
                    break
                if nxt in _NEG_SKIP or nxt in _NEG_CUE_WORDS or nxt in STOP_WORDS and nxt not in ("said", "told"):
                    continue
                if not scope and nxt.endswith("ly") and len(nxt) > 4:
                    continue  # an adverb before the predicate
                if contrast and (nxt in words[:i] or nxt in _CALENDAR):
                    continue  # "a new mayor rather than a new council on Sunday": the alternative is the council
                scope.append(stem(nxt))
                if len(scope) - (scope[0] in _LIGHT_HEADS) == NEG_SCOPE:
                    break
            if scope:
                heads.update(scope)
                if contrast or knowing:  # "fired rather than allowed to resign": any of them is the alternative
                    first.update(scope)
                    contrasted.update(scope)
                else:
                    first.add(scope[1] if scope[0] in _LIGHT_HEADS and len(scope) > 1 else scope[0])
            elif DENIAL not in heads and not contrast:
                rest = [n for n in words[i + 1:] if n not in _CLAUSE_END]
                if all(n in _NEG_SKIP or n in STOP_WORDS for n in rest):
                    heads.add(DENIAL)  # "..., no he wasn't": a closing negation denies the whole
    return frozenset(heads), frozenset(first), frozenset(unasserted), frozenset(contrasted)


def stance_cues(text: str) -> frozenset[str]:
    from .stance import cues

    return cues(text)


def same_word(h: str, words: set[str]) -> bool:
    """A head word in a set of stems, forgiving a final -e (the stemmer guesses it for words the word
    list does not know) and a British spelling of an American word (spelling_fold)."""
    return h in words or spelling_fold(h).rstrip("e") in {spelling_fold(w).rstrip("e") for w in words}


# British spellings as American ones, on stems, each ending anchored to what may follow it in a
# stem, and with enough of the word before it that short words stay apart ("hour", "four", "scour",
# "flour", "rise", "size", "fill", "roll" do not fold): colour(ful|ed), labourer, neighbourhood;
# organis(e|er|ation), analys(e); centre, fibre, metre; defence; catalogue; programme; the doubled l
# of "travellers", "counsellor" and of "fuelled", "dialled" (one syllable, which stem() keeps).
_OUR = re.compile(r"our(?=(?:s|ed|ing|er|ers|ite|ites|able|hood|ful|al|ally)?$)")
_OUR_PREFIX = re.compile(r"[a-z]*[aeiouy][a-z]+")  # a vowel and a letter after it before "our"
# Longer tokens are not words with a British spelling (and the folds need not look at them).
MAX_FOLDED_LENGTH = 30
_SPELLING_FOLDS = [(re.compile(pattern), repl) for pattern, repl in (
    (r"(?<=[a-z]{4})([iy])[sz]e?(?=(?:r|rs|ation|ations)?$)", r"\1z"),
    (r"(?<=[a-z]{2})([bt])re(?=s?$)", r"\1er"),
    (r"(?<=[a-z]{2})ence(?=s?$)", "ense"),
    (r"(?<=[a-z]{3})ogue(?=s?$)", "og"),
    (r"(?<=[a-z]{3})amme(?=s?$)", "am"),
    (r"([aeiouy][^aeiouy]{1,3}[aeiou])ll(?=(?:er|ers|or|ors)$)", r"\1l"),
    (r"(?<=[aeiou]{2})ll$", "l"),
)]


# Spellings no ending rule covers ("jewellery", "judgement", "grey", "tyre", "manoeuvre", "aluminium",
# "paediatric"), from breame's British-to-American word list, as stems. Sorted, so that a British stem
# with two American ones ("licence": license, licens) always folds to the same one.
# Left out: entries whose American stem is another word's too ("tyres" / "tired", "tonnes" / "tone",
# "gauge" / "gag", "draught" / "draft", "philtre" / "filter", "ageing" / "age") and breame's wrong
# ones ("buses" -> "busses", "gases" -> "gasses", "tranquilly" -> "tranquility").
_NOT_FOLDED = frozenset(stem(w) for w in (
    "tyre tyres tonne tonnes gauge gauged gauges gauging draught draughts philtre philtres ageing "
    "buses busing gases tranquilly").split())
def _american_stems() -> dict[str, str]:
    table: dict[str, str] = {}
    for british, american in sorted(BRITISH_ENGLISH_SPELLINGS.items()):
        british, american = stem(british), stem(american)
        if british != american and british not in _NOT_FOLDED:
            table.setdefault(british, american)
    return table


_AMERICAN_STEMS = _american_stems()


@lru_cache(maxsize=1 << 16)
def spelling_fold(token: str) -> str:
    """A stem with its British spelling made American, to tell two spellings of one word
    ("harbour"/"harbor", "organiser"/"organizer", "defence"/"defense") from two words that look
    alike ("minister"/"ministry", "role"/"roll", "car"/"care"): only for comparing."""
    if len(token) > MAX_FOLDED_LENGTH:
        return token
    token = _AMERICAN_STEMS.get(token, token)
    our = _OUR.search(token)
    if our and _OUR_PREFIX.fullmatch(token, 0, our.start()):  # no regex backtracks over the prefix
        token = f"{token[:our.start()]}or{token[our.end():]}"
    for pattern, repl in _SPELLING_FOLDS:
        token = pattern.sub(repl, token)
    return token


def opposites(token: str) -> frozenset[str]:
    """The stems of the words of opposite direction (empty for most words)."""
    return _OPPOSITE.get(token, frozenset())


def guarded(token: str, opposite: str) -> bool:
    """Whether a predicate and its opposite conflict only with the rest of the statements alike
    (GUARDED_OPPOSITES, CONTEXT_OPPOSITES): per pair, so "lift" / "impose" stays plain."""
    return (token, opposite) in _GUARDED_PAIRS


def opposite_context(token: str, opposite: str) -> frozenset[str]:
    """The stems one of which both statements must name for the pair to be opposites (empty: none asked)."""
    return _CONTEXT.get((token, opposite), frozenset())


_add_opposites()
