"""Check-worthiness: a transparent, hand-weighted rule set squashed to 0..1.

Each feature is a 0/1 (or small count) signal; the score is the logistic of bias + sum(weight *
value). Positive signals are what a fact-checker can verify (who said what, a number, a date, a
named actor doing something); negative ones mark the outlet's own voice: evaluation, hedged
prediction, rhetoric, questions and scene-setting. Hedges and evaluation inside an attributed
statement are the speaker's and do not count against it: "X said Y could happen" is checkable.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .checkworthy import THRESHOLD as LEARNED_THRESHOLD

CHECK_WORTHINESS_THRESHOLD = 0.5
# Patterns marked _LOWER are written in lower case and applied to the lower-cased sentence: the
# same matches as re.IGNORECASE at a third of the cost.
_LOWER = 0

BIAS = 0.3
WEIGHTS: dict[str, float] = {
    "attributed": 1.6,        # a named (or pronoun) speaker with a reporting verb
    "named_entity": 0.7,      # at least one capitalised name not opening the sentence
    "quantity": 1.2,          # a number with or without unit
    "date": 0.9,              # a weekday, calendar date or year
    "event_verb": 0.5,        # a past-tense / perfect verb: something happened
    "negation_fact": 0.3,     # "has not agreed", "no ... approved": checkable absence
    "evaluative": -1.8,       # "incredibly", "crucial", "hard to", "of sorts" (per hit, capped at 2)
    "hedge": -2.2,            # unattributed "could", "may", "might", "perhaps"
    "deontic": -1.4,          # unattributed "should", "must", "ought to"
    "question": -4.0,         # ends with "?" or opens with a wh-/whether clause of the outlet's own
    "rhetorical_opener": -1.2,  # "Yet", "Still,", "For many in X,", "Anyone who", "Few in"
    "scene": -1.5,            # descriptive scene words ("sky", "eerie", "resembles"), per hit, capped at 2
    "vague_source": -1.5,     # unattributable crowd as subject: "few officials", "many in Kyiv"
    "short": -1.0,            # fewer than 6 words
    "no_anchor": -0.9,        # no entity, number, date or speaker at all
    # Learned on ClaimBuster only (hand weight 0): the speaker's own view, address, promises, figures.
    "first_person_view": 0.0,  # unattributed "I think", "we need", "I'm going to"
    "second_person": 0.0,     # unattributed "you"
    "future": 0.0,            # unattributed "will", "going to"
    "stat_cue": 0.0,          # "percent", "million", "rose", "record": the vocabulary of figures
    "discourse_opener": 0.0,  # "Let", "Look", "Well", "Thank": talk, not fact
    "site_notice": -4.0,      # the page, not the news: "not currently accepting comments", "click here"
}

def _words(*fragments: str) -> str:
    """`\b(?:fragment|...)`, written so the regex engine can skip ahead to the fragments' first
    letters (a leading `\b` makes it try every position of the text, about three times slower).
    Each fragment is one alternative that opens with a letter; the word-start test follows it."""
    if not all(f[:1].isalpha() for f in fragments):
        raise ValueError("every fragment must open with a letter")
    return "(?:" + "|".join(f"{f[0]}(?<!\\w{f[0]}){f[1:]}" for f in fragments) + ")"


_EVALUATIVE = re.compile(_words(
    "incredibl[ey]", "remarkabl[ey]", "extraordinar(?:y|ily)", "crucial", "pivotal", "vital", "dramatic(?:ally)?",
    "stakes", "vindication", "gamble", "boldest", "hard to (?:read|say|see|remember|dismiss|imagine|believe)",
    "hardly", "of sorts", "the kind of", "another (?:matter|question|story)", "well placed", "clearly", "obviously",
    "surely", "arguably", "undoubtedly", "seemingly", "symbolism", "mood", "tone", "caveat", "caution is", "fine print",
    "no small", "not a small", "lives? up to", "worse moment", "bargaining chip", "straight yes",
    "unprecedented", "shocking", "stunning", "disastrous", "welcome news", "good news", "bad news", "all attention",
    "all eyes", "the world watches", "remains to be seen", "sentiment", r"resound\w*", r"encapsulat\w*",
    "sense of (?:urgency|optimism|unease)", "immense", "growing concerns?", "remains? volatile",
    r"n(?:obody|o one|one of us) (?:\w+ )*?will (?:ever )?forget", "will never (?:forget|be the same)",
    "never be the same", "deserves? (?:straight |honest |better |real )?(?:answers|better|the truth|justice|an? "
    "(?:explanation|apology))", "will not (?:go away|disappear|be forgotten)",
    "won.t (?:go away|disappear|be forgotten)") + r"\b", _LOWER)
_HEDGE = re.compile(_words("could", "might", "may", "perhaps", "possibly") + r"\b", _LOWER)
_CROWD = r"(?:officials|observers|analysts|people|diplomats|experts|investors|residents|locals|critics|voters|citizens|commentators|families|onlookers)"
_VAGUE_SOURCE = re.compile(_words("few", "many", "some", "most") + rf" (?:{_CROWD}|in)\b", _LOWER)
# A crowd as the speaker: "Residents say …", "Many locals fear …". Nobody can be asked to confirm it.
_VAGUE_SPEAKER = re.compile(rf"^(?:(?:many|some|most|few|local|worried) )?{_CROWD} (?:say|said|fear|feared|believe|wonder|worry|insist)\b",
                            _LOWER)
_DEONTIC = re.compile(_words("should", "must", "ought to", "needs? to") + r"\b", _LOWER)
_WH_OPENER = re.compile(r"^(?:Whether|What|How|Why|Who|Will|Can|Is|Are|Does|Do|But will|And will)\b")
_RHETORICAL = re.compile(
    r"^(?:Yet|Still|Indeed|Of course|After all|Then again|Anyone|Few\b|For many|For (?:the|carriers|those|some|now)\b[^,]*,|It is (?:hard|easy|difficult|worth)|It was the kind|It was an? (?:night|day|week|moment|scene|morning|evening)\b|That is)\b"
)
_SCENE = re.compile(_words(
    "sky", "skies", "eerie", "silence", "quiet", "motionless", "deserted", "resembles?", "resembled", "clatter", "grey",
    "gray", "gloomy", "sunshine", "drizzle", "breeze") + r"\b", _LOWER)
_EVENT_VERB = re.compile(
    r"\b(?:\w{3,}ed|was|were|had|has|have|began|came|fell|rose|met|left|took|gave|won|lost|held|"
    r"became|made|sent|went|led|paid|set|cut|hit|spent|stood|struck|visited|seized)\b",
    _LOWER,
)
_NEGATION_FACT = re.compile(_words("not", "no", "never", "n't", "yet to") + r"\b", _LOWER)
_FIRST_PERSON_VIEW = re.compile(
    r"\b(?:i|we)\s+(?:think|believe|feel|hope|want|need|know|guess|suppose|mean)\b|\b(?:i'm|we're|i am|we are)\s+"
    r"(?:going to|not going)\b|\bin my (?:view|opinion)\b",
    _LOWER,
)
_SECOND_PERSON = re.compile(_words("you") + r"\b", _LOWER)
# "\w'll": the apostrophe first, so the engine can skip ahead to it too
_FUTURE = re.compile(_words("will", "going to", "won't") + r"\b|'(?<=\w')ll\b", _LOWER)
_STAT_CUE = re.compile(_words(
    "percent", "per cent", "million", "billion", "trillion", "thousands?", "hundreds?", "average", "rate", "record",
    "highest", "lowest", "largest", "doubled", "tripled", "increased?", "decreased?", "rose", "fell", "cut",
    "raised") + r"\b", _LOWER)
_DISCOURSE_OPENER = re.compile(r"^(?:Let|Let's|Look|Listen|Thank|Well|Now|Okay|OK)\b")
# What a web page says about itself, copied with the article text: the same lines recur on every
# article of a site, and across sites, so as claims they would corroborate each other.
_SITE_NOTICE = re.compile(_words(
    "accepting comments", "comments? (?:are|is|have been|has been) (?:now )?(?:closed|disabled|turned off)",
    "comment(?:s|ing)? (?:section|policy)", r"sign up for (?:our|the|a) [\w ]{0,20}newsletter",
    r"subscribe (?:to|for) our\b", "subscribe to (?:the|this) (?:newsletter|channel|podcast|feed)", "follow us on",
    "click here", "all rights reserved", "contributed reporting", "added reporting", "contributed to this report",
    "this (?:story|article|post) (?:has been|was) (?:updated|corrected)",
    "this (?:story|article|post) (?:was )?originally (?:appeared|published) (?:on|in|at|by)",
    "check back (?:later |soon )?for (?:further |more )?updates", "hat tip to", "h/t to", "photo credit",
    "image credit") + r"\b", _LOWER)


@dataclass(slots=True)
class Signals:
    """What the analyser already found, so the score needs no second pass over entities etc."""

    attributed: bool
    n_entities: int
    n_quantities: int
    n_dates: int


def features(sentence: str, statement: str, sig: Signals) -> dict[str, float]:
    """Named feature values for one sentence. `statement` is the unattributed part."""
    words = sentence.split()
    low = sentence.lower()
    low_statement = statement.lower()
    vague_speaker = _VAGUE_SPEAKER.match(low) is not None
    # A crowd's view is weighed like the outlet's own: nobody stands behind it.
    own_voice = low if not sig.attributed or vague_speaker else ""
    f: dict[str, float] = {
        "attributed": float(sig.attributed),
        "named_entity": float(sig.n_entities > 0),
        "quantity": float(sig.n_quantities > 0),
        "date": float(sig.n_dates > 0),
        "event_verb": float(_EVENT_VERB.search(low_statement) is not None),
        "negation_fact": float(_NEGATION_FACT.search(low_statement) is not None),
        "evaluative": float(min(2, len(_EVALUATIVE.findall(own_voice)))),
        "hedge": float(_HEDGE.search(own_voice) is not None),
        "deontic": float(_DEONTIC.search(own_voice) is not None),
        "question": float(sentence.rstrip("\"”' ").endswith("?") or (not sig.attributed and _WH_OPENER.match(sentence) is not None)),
        "rhetorical_opener": float(not sig.attributed and _RHETORICAL.match(sentence) is not None),
        "scene": float(min(2, len(_SCENE.findall(own_voice)))),
        "vague_source": float(vague_speaker or _VAGUE_SOURCE.search(own_voice) is not None),
        "short": float(len(words) < 6),
        "no_anchor": float(not (sig.attributed or sig.n_entities or sig.n_quantities or sig.n_dates)),
        "first_person_view": float(_FIRST_PERSON_VIEW.search(own_voice) is not None),
        "second_person": float(_SECOND_PERSON.search(own_voice) is not None),
        "future": float(_FUTURE.search(own_voice) is not None),
        "stat_cue": float(_STAT_CUE.search(low) is not None),
        "discourse_opener": float(_DISCOURSE_OPENER.match(sentence) is not None),
        "site_notice": float(_SITE_NOTICE.search(low) is not None),
    }
    return f


def hand_logit(feats: dict[str, float]) -> float:
    return BIAS + sum(WEIGHTS[name] * value for name, value in feats.items() if value)


def score(feats: dict[str, float]) -> float:
    """The hand rules alone (the first version's score)."""
    return 1.0 / (1.0 + math.exp(-hand_logit(feats)))


# Weight of the ClaimBuster-trained model next to the hand rules, and where its log-odds are
# centred (its own threshold, chosen on ClaimBuster train), so that the learned half only moves a
# sentence when it is confident either way. LEARNED_WEIGHT was chosen on eval/dev (not a test split).
LEARNED_WEIGHT = 0.15


_CENTRE = math.log(LEARNED_THRESHOLD / (1.0 - LEARNED_THRESHOLD))


def combined_score(feats: dict[str, float], learned_z: float) -> float:
    z = hand_logit(feats) + LEARNED_WEIGHT * (learned_z - _CENTRE)
    return 1.0 / (1.0 + math.exp(-z))
