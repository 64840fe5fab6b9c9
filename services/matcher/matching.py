"""Cross-outlet claim matching: fuzzy similarity (rapidfuzz) of the canonical statement, explicit
rules for the details that decide truth (numbers, dates, places, confirm vs deny, opposite
predicates), over a blocking index, plus recognition of wire reprints.

Plain domain code: no grpc, no aiokafka. Deterministic: the same claims in the same order give the
same clusters, so a restarted matcher rebuilds identical state by replaying the claims topic.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from shared import places
from shared.names import NOT_A_COUNTRY, PERSON_TITLES, given_names
from shared.pb import claim_pb2, match_pb2
from shared.rarity import SPECIFIC_NAME_WEIGHT, weight

from .blocking import MAX_CANDIDATES, BlockingIndex, pair_score
from .features import (FEATURES, LocalRarity, has_spelling_variant, same_initial, pair_features, probability,
                       relevance)
from . import amounts, prune
from .lexicon import MANY_PLACED_EVENTS, NUMBER_WORDS, ONE_OUTCOME_KINDS
from .normalize import (AT_LEAST, AT_MOST, BODY, CURRENCIES, MONTH_WORDS, MONTHS, NOT_PLAIN, PERSON, PLAIN_SAYING,
                        WEEKDAYS, MatchForm, guarded, match_form, opposite_context, opposites, predicate_word,
                        same_word, spelling_fold, stem)
from .stance import can_deny, denial

SAME = match_pb2.MATCH_DECISION_SAME
CONFLICTING = match_pb2.MATCH_DECISION_CONFLICTING
DIFFERENT = match_pb2.MATCH_DECISION_DIFFERENT

# Which rule decided, as MatchExplanation.rule: stable identifiers for tools (the reason says it in words).
RULE_SAME = "same_claim"
RULE_BELOW_THRESHOLD = "below_threshold"
RULE_UNSHARED_NEGATION = "unshared_negation"
RULE_CONFIRM_DENY = "confirm_deny"
RULE_OPPOSITE = "opposite_predicates"
RULE_NUMBER = "number_mismatch"
RULE_DATE = "date_mismatch"
RULE_TIME = "time_mismatch"
RULE_PLACE = "place_mismatch"
RULE_VENUE = "venue_mismatch"
RULE_DIFFERENT_NAMES = "different_names"
RULE_DIFFERENT_ACTORS = "different_actors"
RULE_ACTOR = "actor_mismatch"
RULE_PROSPECT = "prospect_vs_event"
RULE_DIFFERENT_KINDS = "different_kinds"
RULE_OTHER_DATES = "figures_of_other_dates"
RULE_DIFFERENT_EVENTS = "different_events"
RULE_DIFFERENT_THINGS = "different_things"
RULE_IDENTITY = "identity_mismatch"
RULE_DIFFERENT_FIGURES = "different_figures"
RULE_NO_SIMILAR = "no_similar_claim"
RULE_PREDICATE_ONLY = "shared_predicate_only"
RULE_COMMON_WORD_ONLY = "common_word_only"
RULE_NAME_ONLY = "shared_name_only"
RULE_EMPTY_TEXT = "empty_text"
RULES = frozenset((RULE_SAME, RULE_BELOW_THRESHOLD, RULE_UNSHARED_NEGATION, RULE_CONFIRM_DENY, RULE_OPPOSITE,
                   RULE_NUMBER, RULE_DATE, RULE_TIME, RULE_PLACE, RULE_VENUE, RULE_DIFFERENT_NAMES, RULE_DIFFERENT_KINDS,
                   RULE_OTHER_DATES, RULE_DIFFERENT_EVENTS, RULE_DIFFERENT_FIGURES,
                   RULE_NO_SIMILAR, RULE_PREDICATE_ONLY, RULE_COMMON_WORD_ONLY, RULE_EMPTY_TEXT, RULE_DIFFERENT_THINGS,
                   RULE_IDENTITY, RULE_DIFFERENT_ACTORS, RULE_ACTOR, RULE_PROSPECT, RULE_NAME_ONLY))

# The score is the same-claim model's probability x 100 (features.py), so 50 is "as likely as not".
DEFAULT_THRESHOLD = 50.0
# Blocking hands on candidates whose fuzzy frame score (blocking.pair_score) reaches this; the model
# decides among them. Low, because paraphrases share rare words more than they share word strings.
CANDIDATE_SCORE = 35.0
# Confirm vs deny needs the two statements to be about the same thing: the remainder (the statement
# without its negation) this close by the fuzzy frame score, or this much of the rarer statement's
# weighted words shared ...
NEGATION_MIN_FRAME = 60.0
NEGATION_MIN_SHARED = 0.5
# ... and on those two routes at least this many frame words in common, or a name: one common word
# of a two-word statement ("declined to comment") scores 60-64 against any sentence holding it.
NEGATION_MIN_SHARED_WORDS = 2
# The stance model's probability (stance.py) from which one statement denies the other. Chosen with
# DENIAL_FLOOR on Emergent -train (fit_stance.py).
DENIAL_MIN_PROBABILITY = 0.5
# A denial below the same-claim threshold is still a conflict when the same-claim score (before any
# negation penalty) reaches this share of the threshold: "The two-headed calf is a hoax" shares few
# words with "A farmer's cow gave birth to a calf with two heads". Fitted on Emergent -train (fit_stance.py).
DENIAL_FLOOR = 0.85
# One side negates a predicate the other does not mention: the score is scaled by this.
UNSHARED_NEGATION_FACTOR = 0.5
# Two claims sharing one word and no name are one claim only if fewer claims of the index hold that
# word: a fact is restated by a few dozen outlets at most, so of a hundred claims holding the word,
# most state something else (in a million-claim index a short claim shares its rarest word with
# thousands).
ONE_WORD_MAX_CLAIMS = 100
_NUM_AGREE = FEATURES.index("num_agree")
# A place mismatch is a conflict only when the rest of the statement is this close: otherwise the
# two claims are more likely about two events in two places.
PLACE_CONFLICT_MIN_SCORE = 85.0
# Two claims the model scores as one, each naming a specific place (all words this rare, see
# shared.rarity.weight: a city, not a country) the other does not name, conflict on the venue.
VENUE_MIN_WEIGHT = SPECIFIC_NAME_WEIGHT
# A pair scored below the threshold is still a conflict when its score reaches this share of the
# threshold, its event frame (statement without numbers and dates) is this similar, and a detail
# (figure, date, polarity) is incompatible: "talks lasted about 8 hours" / "ran for more than 11".
CONFLICT_FLOOR = 0.7
CONFLICT_MIN_FRAME = 65.0
# Two statements that differ by one alternative of a kind each ("exports" / "imports") are about two
# things when the rest of their event frames is this alike (fuzz.ratio without those words: in order).
CONTRAST_MIN_SCORE = 85.0
# The rest of two statements told of two countries in a role only one holds must read this alike (in
# the same words) to conflict (actor_mismatch); below it they stay two facts (different_actors): one
# word more may be another event ("the men's title" / "the women's title").
SOLE_ROLE_MIN_REST = 100.0
# A figure or a date of each of two names is two facts when the rest reads this alike without them
# (_each_names_another): "St Mirren beat Kilmarnock on Saturday" / "beat Dundee on Wednesday" read 100.
TWO_FACTS_MIN_REST = 95.0
# The longest one-word name read as the letters of a longer one ("NATO", "UNHCR"): _short_for.
ABBREVIATION_MAX = 5
# A one-word name opening a sentence this rare (shared.rarity.weight) or rarer may be told apart from
# another: "Tesla" 2.7, "Boeing" 2.7, "Toyota" 2.6; not "Metro" 2.3, "Whoever" 2.1, "Ford" 2.0.
LEAD_MIN_WEIGHT = 2.5
# A one-word name that is a word of a longer name this long, and more, may be its short form.
SHORT_NAME_STEM = 4
# Figures of one unit with no shared head word ("EUR 310 million" / "EUR 6.1 billion") are compared
# only when the event frames are this close; otherwise they may count different things.
UNIT_CONFLICT_MIN_FRAME = 65.0
# Two times of day this close are one time as outlets write it ("about 9pm" / "21:20").
TIME_TOLERANCE_MINUTES = 30
# Wire copy reprinted elsewhere keeps its sentences nearly verbatim.
REPRINT_TEXT_SIMILARITY = 90.0
REPRINT_BYLINE_SIMILARITY = 85.0
# How many of the best-scoring candidates get the full decision rules.
RULE_CANDIDATES = 30
# FindSimilar's ranking model orders this many of the blocking step's candidates (best frame score
# first). Chosen on CheckThat! 2020 train and dev (fit_rank.py --pool): 30 ranks worse, 100 no
# better on dev at twice the cost.
SIMILAR_POOL = 50
# Cluster-level matching: a claim joins a cluster when its best link reaches the threshold AND its
# mean score over the cluster's members (the most recent MEMBERS_COMPARED) reaches this share of the
# threshold, so one loose link cannot chain a cluster into its neighbour.
CLUSTER_SUPPORT = 1.0
MEMBERS_COMPARED = 12
DEFAULT_WINDOW_SECONDS = 14 * 24 * 3600.0

_NON_WORD = re.compile(r"[^\w\s]+")
# "(Granite Wire) — …", "VLIEBORG, Netherlands (LPA) — …": the agency credit of a wire dateline.
_DATELINE_CREDIT = re.compile(r"^\s*(?:[A-Z][A-Z .'-]*(?:,\s*[\w .'-]{1,30}?)?\s*)?\(([^)]{1,40})\)\s*[—–-]")


def similarity(a: str, b: str, **_: object) -> float:
    """0..100 on two normalised statements. See blocking.pair_score."""
    return pair_score(a, b)


def _fmt(value: float) -> str:
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _one_each_in_two_units(a: MatchForm, b: MatchForm, units: Collection[str]):
    """((unit, value), (unit, value)): the one figure of `units` each statement gives, when their
    units differ; else None."""
    fa = [(u, v) for u, _, v in a.numbers if u in units]
    fb = [(u, v) for u, _, v in b.numbers if u in units]
    if len(fa) != 1 or len(fb) != 1 or fa[0][0] == fb[0][0]:
        return None
    return fa[0], fb[0]


def _duration_clash(a: MatchForm, b: MatchForm) -> str | None:
    """One duration on each side in two units that do not agree (amounts.durations_agree): "48 hours"
    / "three days" clash, "nearly two weeks" / "13 days" do not."""
    pair = _one_each_in_two_units(a, b, amounts.DURATION_HOURS)
    if pair is None:
        return None
    (ua, va), (ub, vb) = pair
    if amounts.durations_agree(ua, va, ub, vb):
        return None
    return f"number mismatch (duration): {_fmt(va)} {ua} vs {_fmt(vb)} {ub}"


def _money_and_count(x: tuple[str, str, float], y: tuple[str, str, float]) -> bool:
    """An amount of money and a count of people or things ("$300" / "300 people"): never one figure
    written twice, whatever their values (a value in two other units may be: "25 basis points" /
    "0.25%"; and a count of something else may be money whose sign the copy lost: "a 26 million
    pre-tax profit")."""
    return any(money[0] in CURRENCIES and not count[0] and count[1] in _COUNTED
               for money, count in ((x, y), (y, x)))


def _currency_clash(a: MatchForm, b: MatchForm) -> str | None:
    """One amount of money on each side, the same figure in two currencies: "fined £500,000" / "fined
    500,000 euros" is one outlet's currency against the other's, not one fine written twice. Two
    figures that differ may be one amount converted ("£40m" / "€46m"): no clash is read in them."""
    pair = _one_each_in_two_units(a, b, CURRENCIES)
    if pair is None:
        return None
    (ua, va), (ub, vb) = pair
    if not amounts.close(va, vb):
        return None
    return f"number mismatch (currency): {_fmt(va)} {ua} vs {_fmt(vb)} {ub}"


# What counts people ("14 dead", "300 troops", "12 passengers"), by stem: a count of people and a
# count of things ("30 homes", "120 flights") are two figures, whatever the words around them.
_PEOPLE = frozenset(stem(w) for w in (
    "people persons men women children dead died killed injured wounded victims survivors casualties workers "
    "employees staff soldiers troops forces civilians students passengers residents migrants refugees "
    "protesters demonstrators voters patients doctors nurses officers police members volunteers fans tourists "
    "miners dockworkers hostages prisoners detainees suspects journalists firefighters rescuers families households "
    "medics paramedics jobs posts positions").split())  # a job cut is a worker laid off


# ... and what counts things, the kinds copy counts beside the dead and injured ("30 homes destroyed").
_THINGS = frozenset(stem(w) for w in (
    "homes houses buildings flats apartments cars vehicles trucks lorries buses flights ships vessels boats "
    "planes aircraft containers shops stores schools hospitals bridges roads trees acres hectares tonnes "
    "barrels cattle sheep").split())
_COUNTED = _PEOPLE | _THINGS
# ... and of the people, those sent to help or to keep order: "720 firefighters were deployed" is no
# count of the "489 people evacuated", "500 officers" none of the "8,000 people" protesting, nor of the
# dead (not "volunteers": those of a trial are counted as its people)
_RESPONDERS = frozenset(stem(w) for w in "firefighters rescuers medics paramedics police officers troops soldiers "
                        "forces".split())
_COUNT_KINDS = (_PEOPLE - _RESPONDERS, _RESPONDERS, _THINGS)


def _counts_of_two_kinds(heads_a: set[str], heads_b: set[str]) -> bool:
    """One side counts only one kind (people, those sent to help them, things) and the other only
    another, every count known by its word: an unknown word may be an adjective before the noun ("12
    Israeli hostages") or a people noun not listed ("pilgrims")."""
    kinds = [next((i for i, kind in enumerate(_COUNT_KINDS) if heads <= kind), -1) for heads in (heads_a, heads_b)]
    return -1 not in kinds and kinds[0] != kinds[1]


def _different_quantities(a: MatchForm, b: MatchForm) -> str | None:
    """Each statement gives figures in units the other does not use (a bare count is a unit of its
    own), of kinds neither names (its unit, or for a count the word counted), and no figure of one
    is one of the other: "395 people were evacuated" and "damage was estimated at 3 million euros"
    are two facts of one event, however many names they share. So are counts of two kinds
    (_COUNT_KINDS: "12 people were killed" / "30 homes were destroyed" / "720 firefighters were sent");
    other counts ("40 homes" / "45 houses", "14 people" / "killed 17") stay with the figure rules:
    their heads may be synonyms."""
    if not a.numbers or not b.numbers:
        return None
    kinds_a, kinds_b = {u or h for u, h, _ in a.numbers}, {u or h for u, h, _ in b.numbers}
    counts_apart = all(not u for u, _, _ in a.numbers + b.numbers) and _counts_of_two_kinds(kinds_a, kinds_b)
    if not counts_apart and {amounts.unit_family(u) for u, _, _ in a.numbers} & {amounts.unit_family(u) for u, _, _ in b.numbers}:
        return None  # "72 hours" and "three days" are one kind of figure
    if "" in kinds_a or "" in kinds_b:
        return None  # a count of nothing named
    words_a, words_b = a.text.split(), b.text.split()
    # a sum of money and a count of what the sum is told of: "treated 400 patients" / "€400 per patient"
    money_and_count = all(_money_and_count(x, y) for x in a.numbers for y in b.numbers)
    if not money_and_count and (any(k in words_b for k in kinds_a) or any(k in words_a for k in kinds_b)) or any(
            amounts.close(x[2], y[2], "", x in a.rounded, y in b.rounded) and not _money_and_count(x, y)
            for x in a.numbers for y in b.numbers):
        return None
    return f"figures of different kinds ({', '.join(sorted(kinds_a))} vs {', '.join(sorted(kinds_b))}): two facts"


def _figures_of_two_dates(a: MatchForm, b: MatchForm) -> str | None:
    """Figures that differ, each as of its own date or time ("352 homes were without power on Wednesday"
    / "104 homes ... on Saturday", "14 dead on Monday" / "17 dead by 6pm"): a count that changed
    over time, two facts, not outlets disagreeing. A conflict differs in one detail; with the same
    date (or none on one side) the figures still conflict. Known limit: an event's own date read
    as the figure's ("the quake struck on 4 May and killed 230" / "on 5 May ... 320" is one quake
    told two ways, and comes out two facts)."""
    if not (a.numbers and b.numbers):
        return None
    if _dates_clash(a, b):
        when = _when(a.dates, b.dates)
    elif _times_clash(a, b):
        when = _when(map(_clock, a.times), map(_clock, b.times))
    else:
        return None
    clash = _number_conflict(a, b)
    if not clash:
        return None
    return f"{clash.replace('number mismatch', 'figures')} as of different dates or times ({when}): two facts, not a conflict"


def _when(x, y) -> str:
    return f"{', '.join(sorted(x))} vs {', '.join(sorted(y))}"


def _with_bound(value: float, bound: str) -> str:
    return {AT_LEAST: "at least ", AT_MOST: "at most "}.get(bound, "") + _fmt(value)


# Words of a count that may stand for anyone counted ("three workers" may be "three people").
_ANY_ONE = frozenset(("person", "other", ""))


def _number_conflict(a: MatchForm, b: MatchForm, by_unit: bool = True) -> str | None:
    """Quantities of the same unit and head word ("14 people" / "17 people") must agree; when no
    head word is shared, one quantity per unit on each side is compared. Figures with no head word (an
    amount of money, a percentage) are compared only when `by_unit`. A figure written as a bound
    ("at least 14") agrees with any figure it allows, a figure written as rounded ("nearly 50%") any
    it rounds (amounts.agree)."""
    if len(a.numbers) > 1 and sorted((u, v) for u, _, v in a.numbers) == sorted((u, v) for u, _, v in b.numbers) and all(
            h in _ANY_ONE for u, h, _ in a.numbers if any(u == u2 and h == h2 for u2, h2, _ in b.numbers)):
        return None  # the same figures told of other words: "killed three workers and injured 12 people" /
        # "three people died and a dozen others were hurt" ("people", "others" may be anyone; told of one
        # word, "12 737 jets and 4 787 jets" / "4 737 jets and 12 787 jets", they are swapped)
    # a bound belongs to its figure (unit, head, value), not to every figure of that value
    bounds_a, bounds_b = dict(a.bounds), dict(b.bounds)

    def clash(key_a: tuple[str, str], values_a: list[float], key_b: tuple[str, str], values_b: list[float]) -> bool:
        def agree(x: float, y: float) -> bool:
            return amounts.agree(x, bounds_a.get((*key_a, x), ""), y, bounds_b.get((*key_b, y), ""), key_a[0],
                                 (*key_a, x) in a.rounded, (*key_b, y) in b.rounded)
        if len(values_a) == len(values_b) > 1:  # "6 people ... 30 people" vs "6 people ... 31 people"
            return not all(agree(x, y) for x, y in zip(sorted(values_a), sorted(values_b)))
        return not any(agree(x, y) for x in values_a for y in values_b)

    def figures(key: tuple[str, str], values: list[float], bounds: dict) -> str:
        return ", ".join(_with_bound(v, bounds.get((*key, v), "")) for v in values)

    by_key_a: dict[tuple[str, str], list[float]] = {}
    by_key_b: dict[tuple[str, str], list[float]] = {}
    for unit, head, value in a.numbers:
        by_key_a.setdefault((unit, head), []).append(value)
    for unit, head, value in b.numbers:
        by_key_b.setdefault((unit, head), []).append(value)
    shared = sorted(set(by_key_a) & set(by_key_b))
    for key in shared:
        if (key[1] or by_unit) and clash(key, by_key_a[key], key, by_key_b[key]):
            unit, head = key
            what = unit or head or "count"
            return (f"number mismatch ({what}): {figures(key, by_key_a[key], bounds_a)} vs "
                    f"{figures(key, by_key_b[key], bounds_b)}")
    if not by_unit:
        return None
    if shared:  # another figure agrees ("fined £500,000 after 3 workers were hurt"): its money may not
        return _currency_clash(a, b)
    units_a: dict[str, list[float]] = {}
    units_b: dict[str, list[float]] = {}
    heads_a: dict[str, str] = {}
    heads_b: dict[str, str] = {}
    for unit, head, value in a.numbers:
        units_a.setdefault(unit, []).append(value)
        heads_a[unit] = head
    for unit, head, value in b.numbers:
        units_b.setdefault(unit, []).append(value)
        heads_b[unit] = head
    for unit in sorted(set(units_a) & set(units_b)):
        if _counts_of_two_kinds({heads_a[unit]}, {heads_b[unit]}):
            continue  # "destroyed 30 homes" / "killed 12 people": two counts of one event, not one figure
        key_a, key_b = (unit, heads_a[unit]), (unit, heads_b[unit])
        if len(units_a[unit]) == 1 and len(units_b[unit]) == 1 and clash(key_a, units_a[unit], key_b, units_b[unit]):
            return (f"number mismatch ({unit or 'count'}): {figures(key_a, units_a[unit], bounds_a)} vs "
                    f"{figures(key_b, units_b[unit], bounds_b)}")
    return _duration_clash(a, b) or _currency_clash(a, b)


def _dates_compatible(x: str, y: str) -> bool:
    """One date fits the other: equal, or one a part of the other ("2025-03" / "2025-03-11"; an
    unresolved "~march" / "~march 12" or "~12 march")."""
    if x == y or x.startswith(y) or y.startswith(x):
        return True
    return x[:1] == y[:1] == "~" and ((x[1:] in MONTHS and x[1:] in y[1:].split()) or
                                       (y[1:] in MONTHS and y[1:] in x[1:].split()))


def _dates_clash(a: MatchForm, b: MatchForm) -> bool:
    """Both statements give dates of one kind and none of one fits one of the other ("2025-03" fits
    "2025-03-11"). The kinds (normalize._date_keys): resolved, written with figures ("~9 march"),
    a weekday as written ("~monday"). Dates of two kinds are not compared: an unresolved Monday may
    be any resolved date, and 9 March may be a Monday."""
    for kind in _DATE_KINDS:
        x = [d for d in a.dates if _date_kind(d) == kind]
        y = [d for d in b.dates if _date_kind(d) == kind]
        if x and y and not any(_dates_compatible(u, v) for u in x for v in y):
            return True
    return False


_DATE_KINDS = ("resolved", "written", "weekday")


def _times_clash(a: MatchForm, b: MatchForm) -> bool:
    """Both statements give times of day in one zone (or both none) and none of one is within
    TIME_TOLERANCE_MINUTES of one of the other ("walked out at 06:00" / "at 8am"). Times in two zones
    are not compared ("14:00 GMT" may be "15:00 CET"); several times on one side are a range ("between
    2am and 4am"), and a time inside it fits."""
    for zone in {z for _, z in a.times} & {z for _, z in b.times}:
        x = [m for m, z in a.times if z == zone]
        y = [m for m, z in b.times if z == zone]
        near = any(min(abs(u - v), 1440 - abs(u - v)) <= TIME_TOLERANCE_MINUTES for u in x for v in y)
        if not (near or any(_in_range(v, x) for v in y) or any(_in_range(u, y) for u in x)):
            return True
    return False


def _in_range(minutes: int, times: list[int]) -> bool:
    """Whether a time falls within the range several times span; a range of more than twelve hours
    is read across midnight ("between 11pm and 1am")."""
    low, high = min(times), max(times)
    return low <= minutes <= high if high - low <= 720 else (minutes >= high or minutes <= low)


def _clock(time: tuple[int, str]) -> str:
    minutes, zone = time
    return f"{minutes // 60:02d}:{minutes % 60:02d}{' ' + zone if zone else ''}"


def _date_kind(key: str) -> str:
    if not key.startswith("~"):
        return "resolved"
    return "weekday" if key[1:] in WEEKDAYS else "written"


def _names_overlap(a: Collection[str], b: Collection[str]) -> bool:
    """A shared name, counting two spellings of one ("Hrushivka"/"Hrushiwka") as one."""
    return any(x in b for x in a) or any(has_spelling_variant(x, b) for x in a)


def _unshared_negation(a: MatchForm, b: MatchForm) -> bool:
    """Exactly one side negates a predicate (not a denial of the whole statement) that the other does
    not state: "the cause was not yet known" vs "opened an investigation into the cause" are two
    different facts, neither the same claim nor a confirm-vs-deny conflict."""
    for x, y in ((a, b), (b, a)):
        # the negated predicate itself, not the rest of its clause, nor an alternative ("rather than")
        heads = x.negated_predicates - x.contrasted
        if heads and not y.negated_heads - y.contrasted:
            y_words = {t for t, _ in y.bag} | ({y.verb} - PLAIN_SAYING)  # "confirmed that ...": a telling verb too
            # nor one the other states the opposite of: "found not guilty" / "acquitted" agree
            if not any(same_word(h, y_words) or opposites(h) & y_words for h in heads):
                return True
    return False


def _shared_frame_words(a: MatchForm, b: MatchForm) -> set[str]:
    """The words of a's event frame that b's states, its other spelling counting ("harbour" /
    "harbor", "organiser" / "organizer": normalize.spelling_fold; not the model's looser test of
    a rare name's variants, which takes "ministry" for "minister" and "policy" for "police")."""
    a_words, b_words = set(a.core.split()), set(b.core.split())
    shared = a_words & b_words
    b_folded = {spelling_fold(w) for w in b_words - shared}
    if b_folded:
        shared |= {w for w in a_words - shared if spelling_fold(w) in b_folded}
    return shared


def _sole_shared_word(a: MatchForm, b: MatchForm, figures_agree: bool) -> str | None:
    """The one word the two event frames share, when they share no other, no figure (the model's
    num_agree feature) and no date. An agreeing figure or date is evidence of one fact that a synonym
    of the subject hides ("Inflation rose to 3.2 percent in March" / "Consumer prices rose 3.2
    percent in March")."""
    if figures_agree or a.dates & b.dates:
        return None
    shared = _shared_frame_words(a, b)
    return next(iter(shared)) if len(shared) == 1 else None


def _lone_shared_word(a: MatchForm, b: MatchForm, figures_agree: bool) -> str | None:
    """The sole shared word (_sole_shared_word), when the statements share no name either: all that
    ties them together."""
    word = _sole_shared_word(a, b, figures_agree)
    return None if word is None or _names_overlap(a.names, b.names) else word


def _only_predicate_shared(a: MatchForm, b: MatchForm, lone_word: Callable[[], str | None]) -> str | None:
    """All the two statements share is what is done (_lone_shared_word: a predicate with an opposite,
    or one a side negates), and each names something else it is done to or by: "The hospital has
    not reopened" / "The museum reopened its east wing", "Exports rose 4 percent" / "Imports rose 6
    percent". The same action of two different things is neither one fact nor a conflict. The
    same-claim model cannot see it: the shorter statement's rarest word is shared, which alone
    scores it as one claim. A statement of the action alone ("He has not resigned", "No injuries
    were reported") may be about the other's subject, and a shared noun ("the comet photo is fake" /
    "an amateur photographed a green comet") keeps the pair to the model."""
    actions = a.predicates | b.predicates | a.negated_heads | b.negated_heads
    if not actions:  # most pairs: nothing to split, and no sets to build
        return None
    word = lone_word()
    if word is None or word not in actions or len(set(a.core.split())) < 2 or len(set(b.core.split())) < 2:
        return None
    return (f"only the predicate {predicate_word(word)!r} is shared (no other word of the event frames, no name, "
            f"figure or date): the same action of different things, not one fact")


# Each event frame needs more than this many words beside the one name they share for that name alone
# to tie nothing: "Quell resigned" / "Mara Quell stepped down" may be one fact told in other verbs.
NAME_ONLY_MIN_WORDS = 3


def _only_a_name_shared(a: MatchForm, b: MatchForm, figures_agree: bool) -> str | None:
    """All the two statements share is the name of one place (no other word of the event frames, no
    figure, no date), and each says more than it: "The people of Brevik deserve answers" / "Three
    workers were killed in the blast at the Brevik plant" name the town of a story, as every claim of
    it may. (Not a person's name: headlines of one story often share little else, "Mara Quell's
    broken ankle" / "Mara Quell in hospital".)"""
    name = _sole_shared_word(a, b, figures_agree)
    if name is None or not (_is_place_word(a, name) or _is_place_word(b, name)) or min(
            len(a.core.split()), len(b.core.split())) - 1 <= NAME_ONLY_MIN_WORDS:
        return None
    return (f"only the name {name!r} is shared (no other word of the event frames, no figure or date): "
            f"two facts told of one name")


def _is_place_word(form: MatchForm, word: str) -> bool:
    """Whether a token of the event frame is a word of one of the statement's places."""
    return any(word in (stem(t) for t in p.split()) for p in form.places)


def _one_common_word(lone_word: Callable[[], str | None], local: LocalRarity | None) -> str | None:
    """All the two statements share is one word (_lone_shared_word) that more than
    ONE_WORD_MAX_CLAIMS claims of the index hold: it alone does not pick out one fact among them."""
    if local is None:
        return None
    word = lone_word()
    holders = local.df.get(word, 0) if word else 0
    if holders <= ONE_WORD_MAX_CLAIMS:
        return None
    return (f"only {word!r} is shared (no other word of the event frames, no name, figure or date), and "
            f"{holders:,} claims of the index hold it (more than {ONE_WORD_MAX_CLAIMS}): not enough to pick "
            f"out one fact")


def _same_subject(a: MatchForm, b: MatchForm, frame: float, shared: float) -> bool:
    """Whether a denial below the same-claim model's floor is still about what the other states: the
    frames alike or the rarer statement's words mostly shared, through more than one common word."""
    if frame < NEGATION_MIN_FRAME and shared < NEGATION_MIN_SHARED:
        return False
    return len(_shared_frame_words(a, b)) >= NEGATION_MIN_SHARED_WORDS or _names_overlap(a.names, b.names)


def _denial(a: MatchForm, b: MatchForm) -> str | None:
    """Confirm vs deny in words, when the stance model (stance.py) finds one statement denying what the
    other states with probability >= DENIAL_MIN_PROBABILITY: a negation governing a predicate the other
    states, a denial verb, "a hoax", "not true", a headline answering "No"."""
    p, side, fired = denial(a, b)
    if p < DENIAL_MIN_PROBABILITY:
        return None
    return (f"confirm vs deny: {'second' if side == 0 else 'first'} affirms, "
            f"{'first' if side == 0 else 'second'} denies (stance cues {', '.join(fired)}; p={p:.2f})")


def detail_conflict(a: MatchForm, b: MatchForm, score: float, shared: float = 1.0,
                    same_claim: bool = False) -> tuple[str, str] | None:
    """The first incompatible detail between two statements of the same event: (rule, in words). `score` is
    the fuzzy frame score, `shared` the weighted share of words (features.wcont), `same_claim`
    whether the model already scores the pair as one claim (then a denial, "X dead? Another death
    hoax", needs no further evidence that both are about the same thing)."""
    same_thing = same_claim or _same_subject(a, b, score, shared)
    denied = _denial(a, b) if same_thing else None
    if denied:
        return RULE_CONFIRM_DENY, denied
    for p, q in _opposite_acts(a, b):
        if not guarded(p, q) or (_rest_contained(a, b, p, q) and _in_context(a, b, opposite_context(p, q))
                                 and not _other_occasion(a, b)):
            return RULE_OPPOSITE, f"opposite predicates: {predicate_word(p)!r} vs {predicate_word(q)!r}"
    if a.score and b.score and a.score != b.score:
        return RULE_NUMBER, f"number mismatch (score): {'-'.join(map(str, a.score))} vs {'-'.join(map(str, b.score))}"
    # Two amounts of one unit that count different things ("spent EUR 310 million developing it" /
    # "market value of EUR 6.1 billion") clash only when the event frames are alike.
    conflict = _number_conflict(a, b, by_unit=score >= UNIT_CONFLICT_MIN_FRAME)
    if conflict:
        return RULE_NUMBER, conflict
    if _dates_clash(a, b):
        return RULE_DATE, f"date mismatch: {_when(a.dates, b.dates)}"
    if _times_clash(a, b):
        return RULE_TIME, f"time mismatch: {_when(map(_clock, a.times), map(_clock, b.times))}"
    where_a, where_b = _event_places(a, b), _event_places(b, a)
    if where_a and where_b and score >= PLACE_CONFLICT_MIN_SCORE and not _names_overlap(where_a, where_b):
        # The frame alike but for places that may not be one.
        relations = [places.relation(p, q) for p in sorted(where_a) for q in sorted(where_b)]
        # (a place the tables do not know against a country stays a conflict to see: "Dhading district"
        # may be in Nepal or not, and calling it one would corroborate a landslide in Peru with it; but
        # not when the statement writes the country it is in: "in Brevik, Norway" / "in Norway")
        if not any(kind == places.ONE for kind, _ in relations) and not (
                {places.key(q) for q in where_b} <= a.regions or {places.key(p) for p in where_a} <= b.regions):
            apart = "; ".join(why for kind, why in relations if kind == places.APART)
            return RULE_PLACE, f"place mismatch: {_when(where_a, where_b)}" + (f" ({apart})" if apart else "")
    apart = _cities_apart(a, b) if same_claim else None
    if apart:
        return RULE_PLACE, f"place mismatch: {apart}"
    venue_a, venue_b = _venues(a.places - b.places), _venues(b.places - a.places)
    if same_claim and venue_a and venue_b and not _names_overlap(venue_a, venue_b) and not (
            _names_overlap(venue_a, b.places) or _names_overlap(venue_b, a.places)):
        return RULE_VENUE, f"place mismatch (venue): {', '.join(sorted(venue_a))} vs {', '.join(sorted(venue_b))}"
    return None


# Acts with one winner, told of two sides: "Real Madrid beat Barcelona" / "Barcelona beat Real Madrid"
# cannot both be true (stems, as MatchForm.core writes them; "knocked out" as "knock").
_OUTCOMES = frozenset("beat defeat concede lose edge thrash overcame overcome eliminate oust unseat topple rout trounce "
                      "knock outscore outvote".split())


def _swapped(a: MatchForm, b: MatchForm) -> tuple[str, str] | None:
    """Two names of one statement in each other's place in the other, the rest word for word:
    "Real Madrid beat Barcelona" / "Barcelona beat Real Madrid", "Halden Shipping sued Brevik
    Ferries" / "Brevik Ferries sued Halden Shipping". Returns the two names. Not two names with no
    word between them, told together ("Biden and Harris met" / "Harris and Biden met"), nor a place
    the event is in ("Venezuelan opposition leader Machado" / "Machado, the opposition leader in
    Venezuela")."""
    x, y = a.core.split(), b.core.split()
    if len(x) != len(y) or x == y or sorted(x) != sorted(y):
        return None
    start = next(i for i, (u, v) in enumerate(zip(x, y)) if u != v)
    end = len(x) - next(i for i, (u, v) in enumerate(zip(reversed(x), reversed(y))) if u != v)
    sx, sy, names = x[start:end], y[start:end], a.names & b.names
    names -= {t for place in a.locatives | b.locatives for t in place.split()}
    for i in range(1, len(sx)):  # sx = first + middle + second, sy = second + middle + first
        first = sx[:i]
        for j in range(1, len(sx) - i + 1):
            second = sx[len(sx) - j:]
            middle = sx[i:len(sx) - j]
            if middle and sy[:j] == second and sy[len(sy) - i:] == first and middle == sy[j:len(sy) - i] \
                    and set(first + second) <= names:
                return " ".join(first), " ".join(second)
    return None


def _place_keys(form: MatchForm) -> set[str]:
    """The statement's places as shared.places keys them ("Britain" and "the UK" one key)."""
    return {places.key(p) for p in form.places}


def _mirrored(a: MatchForm, b: MatchForm) -> bool:
    """Each statement opens with a country the other names elsewhere: "Russia expelled 10 Polish
    diplomats" / "Poland expelled 10 Russian diplomats", two acts."""
    x, y = a.subject_place, b.subject_place
    return bool(x and y) and x != y and x in _place_keys(b) and y in _place_keys(a)


def _event_places(a: MatchForm, b: MatchForm) -> frozenset[str]:
    """a's places but the country it opens with when b opens with another: "Russia launched 40 drones"
    / "Ukraine launched 40 drones" tell who acted, not where (two actors: _different_actors)."""
    subject = a.subject_place
    if not (subject and b.subject_place) or subject == b.subject_place or subject in _place_keys(b):
        return a.places  # one subject, or "Russia expelled 10 Polish diplomats" / "Poland expelled ...": named by both
    return frozenset(p for p in a.places if places.key(p) != subject)


def _rest_contained(a: MatchForm, b: MatchForm, p: str, q: str) -> bool:
    """Whether, without the two opposite words, every word of the shorter event frame (not empty) is in the other:
    "The union supports the plan" / "The union opposes the plan" conflict; "... the employers oppose
    the plan", "The first launch failed" / "The second launch succeeded" do not."""
    drop = {p, q} | opposites(p) | opposites(q)
    x, y = set(a.core.split()) - drop, set(b.core.split()) - drop
    # nothing left of one side ("He passed away" / "He failed") says nothing of what passed or failed
    return bool(x and y) and (x <= y if len(x) <= len(y) else y <= x)


def _prospect_and_event(a: MatchForm, b: MatchForm) -> tuple[str, bool] | None:
    """One statement says a thing may, is expected or planned to happen, the other, a plain report, that
    it did, with the same verb: "The minister may resign" / "The minister resigned", "The bank is
    expected to cut rates" / "The bank cut rates" are two claims (the scorer would not count the first
    anyway), and the forecast's figures ("may cancel up to 500 flights") no conflict with what happened.
    Returns the reason and whether the event is told with a negation: then it may deny what the
    forecast fears ("The vaccine does not cause infertility" / "may cause infertility"), for decide()
    to read first."""
    for x, y, which in ((a, b, "first"), (b, a, "second")):
        # its verb in the other's frame, or as the other's reporting verb ("Analysts expect Nvidia to report
        # revenue of $28 billion" / "Nvidia reported revenue of $28 billion")
        if x.prospect not in ("", NOT_PLAIN) and y.prospect == "" and (
                x.prospect in y.core.split() or x.prospect == y.verb) \
                and x.prospect not in y.infinitives:  # "Hewlett-Packard to split in two" tells no split done
            return (f"the {which} statement says {x.prospect!r} may, is expected or planned to happen, the other "
                    f"that it did: a prospect and an event"), bool(y.negated_heads)
    return None


def _in_context(a: MatchForm, b: MatchForm, context: frozenset[str]) -> bool:
    """Both statements name one of `context` (any statements when it is empty)."""
    return not context or bool(context.intersection(a.core.split()) and context.intersection(b.core.split()))


def _opposite_acts(a: MatchForm, b: MatchForm):
    """Each pair of opposite predicates the statements assert, one of each ("not guilty" is no
    opposite of "acquitted": a negated predicate is not asserted)."""
    for p in sorted(a.predicates - a.negated_heads):
        for q in sorted(opposites(p) & b.predicates - b.negated_heads):
            if p not in b.predicates and q not in a.predicates:
                yield p, q


def _reversal(a: MatchForm, b: MatchForm) -> str | None:
    """Opposite acts told of other occasions or of two parts of a whole: a stance, which may change, on
    other dates ("The senator backed the bill in March" / "opposed the bill in June") or of two parts
    (_two_parts: "55% support the plan" / "40% oppose it", "Seven judges backed the appeal" / "Two
    opposed it"); another act only in other years ("vetoed the bill in 2022" / "signed the bill in
    2023"). Signed on Tuesday or vetoed on Wednesday, raised or kept on one day, all died or three
    survived, "64% backed the strike" / "58% opposed it" is one act in dispute."""
    acts = next(_opposite_acts(a, b), None)
    if acts is None:
        return None
    if set(acts) <= _STANCES:
        if not _other_dates(a, b) and not _two_parts(a, b):
            return None
    elif not _other_years(a, b):
        return None
    return f"opposite acts ({predicate_word(acts[0])!r} vs {predicate_word(acts[1])!r}) on other occasions: two events"


_STANCES = frozenset(stem(w) for w in ("support", "oppose", "endorse"))  # as normalize folds "backed", "favoured"


def _two_parts(a: MatchForm, b: MatchForm) -> bool:
    """Figures of one unit on both sides, none agreeing, that may be two parts of one whole: shares
    summing to at most 100 ("55%" / "40%"; not "64%" / "58%"), or counts of two groups ("seven judges"
    / "two judges"; not a majority each: "a majority of MPs, 326 of them" / "330 of them")."""
    for unit, xs, ys in _figures_apart(a, b):
        if unit in amounts.SHARES:
            return max(xs) + max(ys) <= 100
        return not ({"majority"} & (set(a.core.split()) | set(b.core.split())))
    return False


def _other_years(a: MatchForm, b: MatchForm) -> bool:
    """Resolved dates on both sides, and no year of one among the other's."""
    years_a, years_b = ({d[:4] for d in f.dates if d[:4].isdigit()} for f in (a, b))
    return bool(years_a and years_b) and years_a.isdisjoint(years_b)


def _other_occasion(a: MatchForm, b: MatchForm) -> bool:
    """Figures of one unit on both sides and none of one agreeing with one of the other (up to rounding),
    or dates on both and none fitting one of the other: "Two passengers survived the crash" / "Five
    passengers died in the crash" are two groups, "He survived a heart attack in 2019" / "He died of a
    heart attack on Monday" two occasions, not one told two ways. (An age on one side and a duration on
    the other tell nothing; "about 2 million" is "2.1 million".)"""
    return next(_figures_apart(a, b), None) is not None or _other_dates(a, b)


def _figures_apart(a: MatchForm, b: MatchForm):
    """Each unit both statements give figures of, none of one agreeing with one of the other (up to
    rounding), in order of unit: (unit, a's figures, b's figures)."""
    for unit in sorted({u for u, *_ in a.numbers} & {u for u, *_ in b.numbers}):
        xs, ys = ([n for n in f.numbers if n[0] == unit] for f in (a, b))
        if not any(amounts.close(x[2], y[2], unit, x in a.rounded, y in b.rounded) for x in xs for y in ys):
            yield unit, [x[2] for x in xs], [y[2] for y in ys]


def _other_dates(a: MatchForm, b: MatchForm) -> bool:
    """Dates on both sides and none of one fitting one of the other."""
    return bool(a.dates and b.dates) and not any(_dates_compatible(u, v) for u in a.dates for v in b.dates)


def _different_subjects(a: MatchForm, b: MatchForm) -> str | None:
    """Each statement is about a specific place of its own (a rare place name written in the
    statement, not the speaker's) and no name of either statement appears in the other, even spelt
    another way: "312 people were evacuated from Halden" and "45 people were evacuated from Tarrin",
    "the coast road to Varnhem will stay closed" and "the coast road to Oskarby ..." are facts about
    two places, whoever announced them, not one fact with two figures. A shared name ("Marrakesh,
    Morocco" / "the Moroccan capital, Rabat") keeps it one event in two reported places; a person
    named on one side and a town on the other ("Hoekstra resigned" / "the mayor of Vlieborg
    resigned") may be one fact."""
    if not (a.venues and b.venues):
        return None
    for x, y in ((a, b), (b, a)):
        # A specific place is shared wherever the other names it, its speaker included; any other
        # name only where the other's statement names it ("Port Alder" is not "the port authority said").
        statement_words = y.text.split()
        if any(t in statement_words or t in y.subjects for t in x.subjects) or _names_overlap(
                x.venues, y.names) or _names_overlap(x.venues, statement_words):
            return None
    return (f"different names ({', '.join(a.subjects)} vs {', '.join(b.subjects)}), none shared: "
            f"two facts about different things")


def _different_actors(a: MatchForm, b: MatchForm) -> tuple[str, str, float, bool] | None:
    """The same statement told of two actors: the first name each statement writes (MatchForm.lead,
    else MatchForm.actors) is one the other does not write anywhere, every other name is shared, the
    two cannot be one place (places.relation APART: "the UK" / "Britain", "the Kremlin" / "Russia"
    are one) nor one name written short (_one_name_two_ways: "ECB" / "European Central Bank",
    "Fed" / "Federal Reserve", "Zelensky" / "Zelenskyy"), and the rest reads alike word for word in
    order (fuzz.ratio >= CONTRAST_MIN_SCORE without the names): "Germany pledged 40 tanks to Ukraine"
    / "France pledged 40 tanks to Ukraine", "Boeing won an order for 150 jets" / "Airbus won ...",
    "Emmanuel Macron will visit Beijing" / "Olaf Scholz will visit Beijing" are two facts, not one
    corroborated. decide() asks only of a pair it would otherwise call the same claim: a figure,
    date, place or denial in dispute stays a conflict. Returns the two actors (a country by its key
    in shared.places: "united kingdom", not the stems "unit kingdom"), the ratio of the rest, and
    whether both give the actor a role only one holds in the same words (MatchForm.sole_role, the
    rest at SOLE_ROLE_MIN_REST): then the outlets disagree on who, a conflict (actor_mismatch).
    A country and a body are two actors only when the body stands for no country (shared.names
    NOT_A_COUNTRY: "the EU" / "Britain"; not "the White House" / "the United States"), and names
    no table here knows as one (a married or a stage name, a parent company: "Google" / "Alphabet")
    are read as two: a corroboration the scorer misses, not one it invents."""
    if not ((a.actors or a.lead) and (b.actors or b.lead)):  # most pairs
        return None
    named_a, named_b = _Named.of(a), _Named.of(b)
    first_x, first_y = _first_name(a, named_b), _first_name(b, named_a)
    only_x, only_y = _unshared_names(a, named_b), _unshared_names(b, named_a)
    if first_x and first_y and only_x == [first_x] and only_y == [first_y]:
        (place_x, tokens_x, x), (place_y, tokens_y, y) = first_x, first_y
        if a.spoken and not b.spoken and not _opens_frame(b, tokens_y) or b.spoken and not a.spoken and not _opens_frame(
                a, tokens_x):
            return None  # a speaker who acts against a name the other statement does not open with: its object, maybe
        if (a.spoken == PERSON) != (b.spoken == PERSON):
            return None  # "Peskov said he would attend" / "Putin will attend": his "he" may be whom he speaks for
    elif (first_x and first_y and len(only_x) == len(only_y) == 1 and only_x[0] != first_x and only_y[0] != first_y
          and only_x[0][0] and only_y[0][0]
          and _after_a_word(a.core, first_x[1], only_x[0][1]) and _after_a_word(b.core, first_y[1], only_y[0][1])):
        # the first name shared, one country each after it: "Varro visited Brazil" / "Varro visited
        # Argentina" (not one written beside it: "Norway and Denmark pledged" / "Norway and Finland pledged"
        # is one pledge; nor people: "a cross from Luke Brand" / "from Ivo Holt" is one goal, its detail
        # in dispute, and a first name / a surname may be one man)
        (place_x, tokens_x, x), (place_y, tokens_y, y) = only_x[0], only_y[0]
    else:
        return None  # "Germany and France pledged" / "Germany and Poland pledged": one pledge, its donors told two ways
    if place_x and place_y:
        if places.relation(place_x, place_y)[0] != places.APART:
            return None
    elif place_x or place_y:
        other, country = (y, place_x) if place_x else (x, place_y)
        if other not in NOT_A_COUNTRY and not _another_nation(other, places.key(country)):
            return None  # "the White House" / "the United States": a body may stand for its country
    elif _one_name_two_ways(x.split(), y.split()) or _first_name_and_surname(x, y) and not _two_bodies(a, b):
        return None  # "Helena" / "Marsh", "Ms. Haque" / "Fatima": a first name and a surname may be one person
    # the rest without the two names, nor names only one writes before them (whose: "Germany's Siemens")
    rest = fuzz.ratio(_without(a.core, set(tokens_x.split()) | _owners(a, tokens_x, named_b), once=True),
                      _without(b.core, set(tokens_y.split()) | _owners(b, tokens_y, named_a), once=True))
    if rest < CONTRAST_MIN_SCORE:
        return None
    return (places.key(place_x) if place_x else x, places.key(place_y) if place_y else y, rest,
            a.sole_role and b.sole_role and rest >= SOLE_ROLE_MIN_REST and only_x == [first_x])


def _relative_and_person(a: MatchForm, b: MatchForm) -> str | None:
    """One statement tells of a named person's relative or counsel (MatchForm.relatives) where the other,
    in the same words otherwise (fuzz.ratio >= CONTRAST_MIN_SCORE), tells of the person: "Quell's lawyer
    was charged" / "Quell was charged" are two people charged."""
    for x, y in ((a, b), (b, a)):
        for words in x.relatives:
            who = words.split()[-1]
            # "Quell's lawyer" / "Quell's attorney" read as one; so is a lawyer the other has speak
            if y.relatives or any(t == who for t, _ in y.bag):
                continue
            rest = fuzz.ratio(_without(x.core, words.split(), once=True), y.core)
            if rest >= CONTRAST_MIN_SCORE:
                return (f"one tells of a named person's {who}, the other of the person, and the rest reads alike "
                        f"(ratio {rest:.1f} >= {CONTRAST_MIN_SCORE:g}): two people, two facts")
    return None


def _after_a_word(core: str, first: str, other: str) -> bool:
    """Whether the name `other` is written after the name `first` with a word of the frame between
    (the object of its verb, not a name listed beside it: "Norway and Denmark" have none, "and" being
    no word of the frame)."""
    words = core.split()
    first_tokens, other_tokens = set(first.split()), set(other.split())
    last_first = max((i for i, t in enumerate(words) if t in first_tokens), default=-1)
    start_other = next((i for i, t in enumerate(words) if t in other_tokens and i > last_first), -1)
    return last_first >= 0 and start_other > last_first + 1


class _Named(NamedTuple):
    """What one statement names, as the actors rule looks names up in it: every word it writes (its
    statement and its speaker's names) and the keys of its places and place actors."""
    words: frozenset[str]
    places: frozenset[str]

    @classmethod
    def of(cls, form: MatchForm) -> _Named:
        return cls(frozenset(form.text.split()) | form.names,
                   frozenset(_place_keys(form) | {places.key(p) for p, _, _ in form.actors if p}))


def _owners(a: MatchForm, tokens: str, b: _Named) -> set[str]:
    """a's name tokens written before the actor's (`tokens`) that b writes nowhere: whose the actor is
    ("Norvia's Halvorsen Shipping" / "Ostland's Brevik Ferries"), not where it acts ("... in Europe")."""
    core, actor = a.core.split(), set(tokens.split())
    before = core[:next((i for i, t in enumerate(core) if t in actor), 0)]
    return {t for t in before if t in a.names and t not in b.words}


def _first_name(a: MatchForm, b: _Named) -> tuple[str, str, str] | None:
    """The first name a writes, as MatchForm.actors holds them: its one-word opener (MatchForm.lead) if
    a name (_named_lead), else its first actor ("Police believe Poland laid the cable" / "Police believe
    Estonia ...": Poland and Estonia). None when the opener is a name both write ("Biden and Harris met"
    / "Biden and Walz met": one meeting, its guests told two ways) or a common word b does not
    ("Police arrested ..." / "Scotland Yard arrested ...")."""
    if _named_lead(a):
        return a.lead if _unshared(a.lead, b) else None
    if a.lead and _unshared(a.lead, b):
        return None
    return a.actors[0] if a.actors else None


def _opens_frame(a: MatchForm, tokens: str) -> bool:
    """Whether the event frame opens with a word of the name: its subject ("The Bank of England held
    rates" / "The SEC said its staff ...", not "... a divisive fight over a Supreme Court appointment")."""
    first = a.core.split(maxsplit=1)[:1]
    return bool(first) and first[0] in tokens.split()


def _another_nation(name: str, country: str) -> bool:
    """Whether a one-word name is a nationality or a people the tables do not fold to a country, not
    the country's own ("Kurdish", "Congolese", "Palestinian" against "iraq"; not "Georgian" against
    "georgia", nor "Taliban")."""
    return " " not in name and _NATION_ENDING.search(name) is not None and not name.startswith(country[:-1])


_NATION_ENDING = re.compile(r"(?:ese|ish|ian)$")  # narrower than normalize's demonyms: not "Taliban", "Houthi"


def _first_name_and_surname(x: str, y: str) -> bool:
    """Whether two names may be one person's first name and surname: each one word but titles, not
    both after a title, and one of them a given name (shared.names.given_names): "Helena" / "Marsh",
    "Ms. Haque" / "Fatima"; not "Senator Warren" / "Senator Sanders" (two surnames), "Peskov" /
    "Lavrov", "Barclays" / "Lloyds" (no first name: two actors). A first name the lists do not know
    ("Saddam" / "Hussein") reads as another actor: a corroboration missed, not one invented."""
    xs, ys = x.split(), y.split()
    bare_x, bare_y = [t for t in xs if t not in PERSON_TITLES], [t for t in ys if t not in PERSON_TITLES]
    return (len(bare_x) == 1 and len(bare_y) == 1 and not (len(bare_x) < len(xs) and len(bare_y) < len(ys))
            and (bare_x[0] in given_names() or bare_y[0] in given_names()))


def _named_lead(a: MatchForm) -> bool:
    """Whether the statement opens with a one-word name that is no very common word (LEAD_MIN_WEIGHT:
    "Boeing", "Lufthansa", "Pfizer"; not "Police", "Metro", "Today", "Apple")."""
    return bool(a.lead) and (weight(a.lead[2]) >= LEAD_MIN_WEIGHT or a.lead[2] in NOT_A_COUNTRY)


def _two_bodies(a: MatchForm, b: MatchForm) -> bool:
    """Whether each statement's first name is a body: a one-word name opening it (_named_lead), or the
    speaker its pronoun tells is one ("Amazon said it will cut ...": MatchForm.spoken). Two
    one-word names elsewhere may be one person's first name and surname ("Police questioned Helena" /
    "... Marsh"). Known miss: a person's two names both opening a sentence ("Helena was questioned" /
    "Marsh was questioned") are read as two bodies too."""
    return (a.spoken == BODY or _named_lead(a)) and (b.spoken == BODY or _named_lead(b))


def _unshared_names(a: MatchForm, b: _Named) -> list[tuple[str, str, str]]:
    """a's names (its lead, unless b writes it, and its actors) b does not name (_unshared)."""
    # a rare one-word opener is among the actors too ("Vantora recalled ..."): counted once
    names = ((a.lead,) if a.lead else ()) + tuple(actor for actor in a.actors if actor != a.lead)
    return [actor for actor in names if _unshared(actor, b)]


def _unshared(actor: tuple[str, str, str], b: _Named) -> bool:
    """Whether b does not name the actor: a country or US state none of b's places and actors is (by
    its key in shared.places: "Britain" is "the UK", "the Kremlin" Russia; a city in it is not it;
    countries by place, not by word: "the United Kingdom" and "the United States" share "united"), a
    person or a body of which b writes, in its statement or as its speaker, not all the canonical
    tokens (a person's surname: "Hillary Clinton" / "Clinton") nor a rare one (SPECIFIC_NAME_WEIGHT:
    "Bank of England" / "Bank of Canada" share only "bank")."""
    place, tokens, _ = actor
    if place:
        return places.key(place) not in b.places
    return not (all(t in b.words for t in tokens.split())
                or any(t in b.words and weight(t) >= SPECIFIC_NAME_WEIGHT for t in tokens.split()))


def _one_name_two_ways(xs: list[str], ys: list[str]) -> bool:
    """Whether two people's or bodies' name words may be one name: one's words all in the other ("Erik
    ten Hag" / "ten Hag"), or the words of each not in the other spelled two ways (_spelled_alike:
    "Dmitry Peskov" / "Dmitri Peskow") or one a short form of the other (_short_for). Words both
    write ("Cardinal", a first name) tell nothing: "Jason Clarke" / "Jason Platt" are two men."""
    x_only, y_only = [t for t in xs if t not in ys], [t for t in ys if t not in xs]
    if _NUMERALS.issuperset(x_only + y_only):  # "the Second World War" / "World War II"
        return True
    if not (x_only and y_only):
        return True
    fewer, more = sorted((x_only, y_only), key=len)
    # the last words (a surname: "Osama bin Laden" / "Usama bin Ladin"), every word of one ("Dmitry Peskov"
    # / "Dmitri Peskow"), or all of each joined ("Xi Jinping" / "Xi Chin-ping") spelled alike; not one
    # word of two names ("Bayer Leverkusen" / "Bayern Munich")
    return _spelled_alike(x_only[-1:], y_only[-1:]) or all(_spelled_alike([t], more) for t in fewer) or _spelled_alike(
        ["".join(x_only)], ["".join(y_only)]) or _short_for(x_only, ys) or _short_for(y_only, xs)


_CONNECTORS = frozenset(("of", "and"))
_NUMERALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth ii iii iv vi vii viii ix".split())


def _short_for(short: list[str], long: list[str]) -> bool:
    """Whether a one-word name may be a short form of a longer name: its initials, with or without
    those of "of" and "and" ("ECB" / "European Central Bank", "BoJ" / "Bank of Japan", "PSG" / "Paris
    Saint-Germain"; up to ABBREVIATION_MAX letters), the start of one of its words ("Fed" / "Federal
    Reserve", "Citi" / "Citigroup"), a word of it and more ("Internazionale" / "Inter Milan"), or
    letters of a one-word name in order ("VW" / "Volkswagen"). Not any letters in order of a longer
    name: "Eni" is not "Exxon Mobil", nor "Intel" "International Business Machines"."""
    if len(short) != 1:
        return False
    word = short[0]
    if any(len(word) >= 3 and t.startswith(word) or len(t) >= SHORT_NAME_STEM and word.startswith(t) for t in long):
        return True
    if len(long) == 1 and len(word) < len(long[0]) and word[0] == long[0][0]:
        rest = iter(long[0])  # letters of one word in order: "VW" / "Volkswagen"
        return all(c in rest for c in word)
    return len(word) <= ABBREVIATION_MAX and word in (
        "".join(t[0] for t in long), "".join(t[0] for t in long if t not in _CONNECTORS))


def _spelled_alike(xs: list[str], ys: list[str]) -> bool:
    """Whether two people's names may be one name spelled two ways: a spelling variant
    (features.has_spelling_variant: "Zelensky" / "Selenskyj"), or the same initial and an edit or two
    apart, which the ratio misses in short names ("Levi" / "Levy", "Petrov" / "Petroff", "Gaddafi" /
    "Qadhafi": initials transliteration swaps)."""
    return any(has_spelling_variant(t, ys) or any(
        same_initial(t, u) and Levenshtein.distance(t, u) <= (1 if min(len(t), len(u)) < 6 else 2) for u in ys)
        for t in xs)


def _without(core: str, drop: Collection[str], once: bool = False) -> str:
    """An event frame without some of its words: what is left to compare of two statements told of
    two names, alternatives or places. `once`: each word only where it first occurs, as a name's words
    are written once ("New Zealand banned new drilling" keeps the second "new")."""
    if not once:
        return " ".join(t for t in core.split() if t not in drop)
    left = set(drop)
    kept = []
    for t in core.split():
        if t in left:
            left.discard(t)
        else:
            kept.append(t)
    return " ".join(kept)


# Reasons of the two rules over _one_alternative_each, formatted with its (kind, x, y, rest) and
# CONTRAST_MIN_SCORE:
# different_things over MatchForm.alternatives (the same template told of two things, two facts
# whatever figures they give: "exports" / "imports", "the defence minister" / "the finance minister"),
# identity_mismatch over MatchForm.identities (who one person was, told two ways: "the victim was a
# nurse" / "was a doctor", a conflict).
_CONTRASTED = ("{0} differs ({1} vs {2}) and the rest of the statements reads alike (ratio {3:.1f} >= {4:g}): two "
               "facts about different things")
_IDENTITY_CLASH = "identity mismatch ({0}): {1} vs {2}, the rest of the statements alike (ratio {3:.1f} >= {4:g})"


def _one_alternative_each(a: MatchForm, b: MatchForm, xs, ys) -> tuple[str, str, str, float] | None:
    """(kind, x, y, rest score) when each statement names an alternative of one kind (xs, ys: (kind,
    which, token) as MatchForm.alternatives holds them) the other does not, and the rest of the two
    statements reads alike, word for word in order (fuzz.ratio >= CONTRAST_MIN_SCORE without those words:
    a statement contained in a longer one is not alike, nor a mirror report, "US exports to China" /
    "China's imports from the US"). A statement naming both ("doctors and nurses") differs by neither."""
    if not (xs and ys):  # most pairs
        return None
    things_a = {(kind, which) for kind, which, _ in xs}
    things_b = {(kind, which) for kind, which, _ in ys}
    for kind, which, x in xs:
        if (kind, which) in things_b:
            continue
        for other_kind, other, y in ys:
            if other_kind != kind or (kind, other) in things_a:
                continue
            rest = fuzz.ratio(_without(a.core, (x,)), _without(b.core, (y,)))
            if rest >= CONTRAST_MIN_SCORE:
                return kind, x, y, rest
    return None


def _different_events(a: MatchForm, b: MatchForm) -> str | None:
    """Each statement names a kind of incident and none of the other's ("120 people were evacuated
    after the gas explosion" / "306 people were evacuated after the flood"): figures of two events,
    not a conflict over one. Words for one kind are one kind ("the blaze" / "the fire", "the
    accident" / "the crash"; lexicon.EVENT_KINDS). Never for a denial (decide): "the fire was not
    arson" denies whatever the other says of the fire."""
    if a.events and b.events and not set(a.events) & set(b.events):
        return f"different events named ({', '.join(a.events)} vs {', '.join(b.events)}): two facts, not a conflict"
    return None


_COUNT_WORDS = frozenset(stem(w) for w in "hundreds thousands millions dozens scores several many".split())


def _counted(a: MatchForm) -> bool:
    """Whether the statement counts what it tells of: a figure or a word of many ("hundreds of flights")."""
    return bool(a.numbers) or not _COUNT_WORDS.isdisjoint(a.text.split())


# Words of one occasion: "his final rally", "the first vigil".
_ONE_OCCASION = frozenset(("final", "last", "first", "only"))


def _many_placed(a: MatchForm, b: MatchForm) -> str | None:
    """Both statements name a kind of event held in many places at once (lexicon.MANY_PLACED_EVENTS:
    "thousands marched in Paris" / "... in Berlin"): two places are two of them, not a conflict over
    where one was (an earthquake, a crash, an attack is one event in one place, and so is one at a
    gathering, or a gathering of one occasion: "his final rally")."""
    kinds = MANY_PLACED_EVENTS.intersection(a.events).intersection(b.events)
    # not an incident at one ("the shooting at a rally in Butler" / "... in Erie")
    if kinds and MANY_PLACED_EVENTS.issuperset(a.events) and MANY_PLACED_EVENTS.issuperset(b.events) and \
            _ONE_OCCASION.isdisjoint(a.core.split()) and _ONE_OCCASION.isdisjoint(b.core.split()):
        return f"a {next(iter(kinds))} in each place: two events, not a conflict"
    return None


# What a count of people is told of, by the stems of its statement's words (lexicon.CONTRASTS "toll" and
# the people a vessel carries): two statements counting people of two outcomes give two counts of one
# event, not one count in dispute.
_COUNT_OUTCOMES = {"die": "killed", "injure": "injured", "arrest": "arrested", "rescue": "rescued",
                   "evacuate": "rescued", "survive": "survived", "survivor": "survived", "aboard": "aboard",
                   "carry": "aboard"}
# Kinds of lexicon.CONTRASTS whose members are measures of one thing: a figure of each of two is two
# figures ("revenue rose to 3.1 billion euros" / "operating profit rose to 290 million euros"). Each kind
# apart: a company's "sales" (a market's) are its "revenue" (its earnings').
_MEASURE_KINDS = ("toll", "earnings", "market", "indicator", "trade", "vital", "index")


def _measured(a: MatchForm, kind: str) -> set[str]:
    """What a statement's figures measure, of one kind: for "toll", its outcomes for people."""
    told = {which for k, which, _ in a.alternatives if k == kind}
    return told | {_COUNT_OUTCOMES[t] for t in a.core.split() if t in _COUNT_OUTCOMES} if kind == "toll" else told


def _figures_of_two_measures(a: MatchForm, b: MatchForm) -> str | None:
    """Each statement tells what its figures measure, of one kind, and none of the other's: counts of
    people of two outcomes, each statement's one figure ("the crash killed 12 people" / "20 people were
    injured in the crash", "300 people aboard" / "40 are missing"), two measures of a company or an
    economy ("revenue" / "profit", "births" / "marriages"): two facts of one event, not one figure in
    dispute. A statement telling two measures ("12 killed and 20 injured") leaves the figures to be
    compared; who survived and who died is the fate in dispute."""
    if not (a.alternatives or b.alternatives or _COUNT_OUTCOMES.keys() & set(a.core.split())):
        return None  # most pairs
    for kind in _MEASURE_KINDS:
        told_a = _measured(a, kind)
        told_b = _measured(b, kind) if len(told_a) == 1 else set()
        if len(told_b) != 1 or told_a == told_b:
            continue  # one measure each, so the figure in dispute is told of it
        if kind == "toll" and ({"survived", "killed"} == told_a | told_b or not (
                _one_count_of_people(a) and _one_count_of_people(b))):
            continue  # "all 180 survived" / "12 died" is one fate in dispute; "killed 3, left 200,000 homes
            # without power" / "40 rescued, 300,000 homes" disputes the homes
        return f"figures of two measures ({', '.join(sorted(told_a))} vs {', '.join(sorted(told_b))}): two facts"
    return None


def _one_count_of_people(a: MatchForm) -> bool:
    """Whether the statement's one figure counts people (or nothing named: "killing 12")."""
    return len(a.numbers) == 1 and not a.numbers[0][0] and a.numbers[0][1] in _PEOPLE | {""}


def _each_names_another(a: MatchForm, b: MatchForm) -> str | None:
    """Each statement names someone or something the other does not (in its statement, not as its
    speaker; a name written short, spelled another way or by a surname of the other's is the same
    name), the names of each are of one kind (places, or people and bodies: an outlet that adds the
    town, the victim, the operator or the venue tells of the same event), no place of one may be one of
    the other's, and the rest of the statements reads alike without the names, nearly word for word
    (TWO_FACTS_MIN_REST: a description of the other's name, "Elon Musk's carmaker", is no template): a
    figure or a date of each is two facts, not a dispute over one ("St Mirren beat Kilmarnock on
    Saturday" / "St Mirren beat Dundee on Wednesday", "Storm Orla left 60,000 homes without power in
    Leeds" / "35,000 ... in Bristol", "Norway pledged 12 air defence systems" / "Sweden pledged 14").
    Kyiv and Ukraine may be one place ("killed 12 in Kyiv" / "14 in Ukraine" conflict), and so may a
    country and a place the tables do not know ("Nepal" / "Dhading district"). Known miss: a name no
    table knows as another's ("Puff Daddy" / "Sean Combs", "the Red Devils") reads as two, so its
    figures in dispute read as two facts."""
    places_a, places_b = _Named.of(a).places, _Named.of(b).places  # actors too: "Czechia" / "the Czech Republic"
    only_a = _names_only(a, b, places_b)
    only_b = _names_only(b, a, places_a) if only_a else ()
    if not (only_a and only_b) or _one_name_two_ways(list(only_a), list(only_b)):
        return None  # "ECB" / "European Central Bank", "Gaddafi" / "Kadhafi": one name written two ways
    kind_a, kind_b = _name_kind(only_a, places_a), _name_kind(only_b, places_b)
    if not kind_a or kind_a != kind_b:
        return None  # "a coach overturned near Leeds" / "a National Express coach overturned"
    for p in places_a - places_b:
        for q in places_b - places_a:
            kind = places.relation(p, q)[0]
            if kind == places.ONE or kind == places.UNKNOWN and (places.is_country(p) or places.is_country(q)):
                return None
    rest = fuzz.ratio(_without(a.core, {stem(t) for t in only_a} | set(only_a)),
                      _without(b.core, {stem(t) for t in only_b} | set(only_b)))
    if rest < TWO_FACTS_MIN_REST:
        return None  # "Tesla delivered ..." / "Elon Musk's carmaker delivered ...": not one template
    return (f"each names another ({', '.join(only_a)} vs {', '.join(only_b)}) and the rest reads alike (ratio "
            f"{rest:.1f} >= {TWO_FACTS_MIN_REST:g}): two facts, one of each")


_PLACE_NAMES, _OTHER_NAMES = "places", "people or bodies"


def _name_kind(words: tuple[str, ...], place_keys: frozenset[str]) -> str:
    """Whether a statement's own name words are all of places, all of people or bodies, or mixed ("")."""
    in_places = {w for p in place_keys for w in p.split()} | {stem(w) for p in place_keys for w in p.split()}
    kinds = {_PLACE_NAMES if w in in_places or stem(w) in in_places or places.is_country(w)
             else _OTHER_NAMES for w in words}  # "china" of "in Beijing", folded to its country
    return kinds.pop() if len(kinds) == 1 else ""


def _names_only(a: MatchForm, b: MatchForm, b_places: frozenset[str]) -> tuple[str, ...]:
    """The name words of a's statement (its subjects, and its actors as written) that b writes nowhere,
    even spelled another way (b_places: b's places by their keys, _Named). A name of several words is
    b's when b writes its surname ("Prime Minister Keir Starmer" / "Starmer")."""
    words = set(b.text.split()) | b.names | set(_written_names(b))
    # a country b names too, written another way ("Czechia" / "the Czech Republic"), is no other name
    words |= {w for place, _, written in a.actors if place and places.key(place) in b_places for w in written.split()}
    for _, tokens, written in a.actors:
        # the surname, or the family name of a name written family name first (the extractor keeps all
        # of "Xi Jinping" as its canonical form, and only "Starmer" of "Keir Starmer")
        name = [w for w in written.split() if w not in PERSON_TITLES]
        family = name[-1:] + (name[:1] if len(tokens.split()) > 1 else [])
        if any(w in words or stem(w) in words for w in family):
            words |= set(written.split())
    written = _written_names(a)
    stems = {stem(t) for t in written} | {t for _, tokens, _ in a.actors for t in tokens.split()}
    named = written + [t for t in a.subjects if t not in stems]  # in the order written: "ECB" is E, C, B
    return tuple(dict.fromkeys(t for t in named if t not in words and stem(t) not in words and len(t) > 1
                               and t not in _NOT_NAMES and t not in PERSON_TITLES and not has_spelling_variant(t, words)))


def _written_names(a: MatchForm) -> list[str]:
    """The words of a's lead (a name, not a common word opening it: "Overall", "Currently") and actors
    as written, in order ("european central bank", "claudia sheinbaum pardo")."""
    return [w for _, _, words in ((a.lead,) if _named_lead(a) else ()) + a.actors for w in words.split()]


# Units, days and numbers the extractor may take for names ("118 degrees Fahrenheit", "44C", "Thursday's
# close", "Nov. 11", "Twenty-eight people").
_NOT_NAMES = frozenset(("fahrenheit", "celsius", "kelvin", *WEEKDAYS, *MONTH_WORDS, *NUMBER_WORDS))


def _cities_apart(a: MatchForm, b: MatchForm) -> str | None:
    """The cities one statement names and the other does not, when none of one can be one of the
    other and the rest of the two event frames is alike (PLACE_CONFLICT_MIN_SCORE without the place
    names): "kyiv vs kharkiv (two cities 411 km apart)". Places both name are context ("Russian
    drones hit Kyiv" / "... hit Kharkiv"); countries are left out ("US journalist", "American-led"
    name no venue)."""
    x, y = a.places - b.places, b.places - a.places
    # A country too where the statement puts its event in it ("built in France" / "built in Germany").
    if not x or not y or _names_overlap(x, y) or not (all(places.is_city(p) or p in a.locatives for p in x)
                                                      and all(places.is_city(p) or p in b.locatives for p in y)):
        return None  # "Odesa" / "Odessa" is one city spelt two ways
    place_words = {stem(w) for p in x | y for w in p.split()}
    if pair_score(_without(a.core, place_words), _without(b.core, place_words)) < PLACE_CONFLICT_MIN_SCORE:
        return None  # "The pair were later seen in Soho" / "... on a trip to London"
    reasons = [places.relation(p, q) for p in sorted(x) for q in sorted(y)]
    if not all(kind == places.APART for kind, _ in reasons):
        return None
    return f"{_when(x, y)} ({'; '.join(why for _, why in reasons)})"


def _venues(places: frozenset[str]) -> frozenset[str]:
    """The specific places (a city or town, not a country or region): every word of the name rare
    (rarity weight >= VENUE_MIN_WEIGHT). "Jeddah" and "Riyadh" are two venues; "Scotland" and "Ayr"
    or "Mexico" and "Iguala" may be one place at two scales, so they are left to the score rule."""
    return frozenset(p for p in places if p and min(weight(t) for t in p.split()) >= VENUE_MIN_WEIGHT)


def _scores(score: float, frame: float, features: tuple[float, ...]) -> str:
    return (f"same-claim score {score:.1f} (frame similarity {frame:.1f}, rare words shared "
            f"{features[2]:.2f}, names shared {features[4]:.2f})")


def decide(a: MatchForm, b: MatchForm, threshold: float = DEFAULT_THRESHOLD,
           local: LocalRarity | None = None) -> match_pb2.MatchExplanation:
    """The decision on two match forms. The score is on the event frame (statement without its
    numbers and dates), so a changed figure cannot hide a conflict below the threshold, and a high
    score never makes claims the same when a figure, date, place or polarity differs."""
    features = pair_features(a, b, local)
    score = 100.0 * probability(features)
    frame = pair_score(a.core, b.core)

    def explained(decision: int, rule: str, reason: str) -> match_pb2.MatchExplanation:
        return match_pb2.MatchExplanation(decision=decision, score=score, reason=reason, rule=rule)

    different = _different_subjects(a, b)  # nothing in common to confirm or deny
    if different:
        return explained(DIFFERENT, RULE_DIFFERENT_NAMES, f"{different}; {_scores(score, frame, features)}")
    figures_agree = bool(features[_NUM_AGREE])  # a figure value both give
    lone: list[str | None] = []

    def lone_word() -> str | None:
        """_lone_shared_word, computed once, when a rule first asks (most pairs never do)."""
        if not lone:
            lone.append(_lone_shared_word(a, b, figures_agree))
        return lone[0]

    only_predicate = _only_predicate_shared(a, b, lone_word)  # the same action, of two different things
    if only_predicate:
        if _unshared_negation(a, b):  # scored as every other pair that negates what the other does not state
            score *= UNSHARED_NEGATION_FACTOR
        return explained(DIFFERENT, RULE_PREDICATE_ONLY, f"{only_predicate}; {_scores(score, frame, features)}")
    # Before the denial: a forecast either way ("is unlikely to hold", "may resign") and what happened
    # are two claims, whatever the forecast's polarity; after it, an event denied.
    prospect = _prospect_and_event(a, b)
    if prospect and not prospect[1]:
        return explained(DIFFERENT, RULE_PROSPECT, f"{prospect[0]}; {_scores(score, frame, features)}")
    if score >= DENIAL_FLOOR * threshold or _same_subject(a, b, frame, features[2]):
        denied = _denial(a, b)
        # One word many claims of the index hold ties neither a claim nor a denial of it ("If this
        # doesn't work" / "how this will all work").
        common = _one_common_word(lone_word, local) if denied else None
        if common:
            return explained(DIFFERENT, RULE_COMMON_WORD_ONLY, f"{common}; {_scores(score, frame, features)}")
        if denied:
            where = "" if score >= threshold else (
                f" below threshold {threshold:g}, but a denial needs only the same subject "
                f"(score >= {DENIAL_FLOOR:g} x threshold, or frame or shared words)")
            return explained(CONFLICTING, RULE_CONFIRM_DENY, f"{denied}; {_scores(score, frame, features)}{where}")
    if prospect:
        return explained(DIFFERENT, RULE_PROSPECT, f"{prospect[0]}; {_scores(score, frame, features)}")
    # After the denial: "the two-headed calf is a fake" denies whatever figures the other gives.
    contrasted = _one_alternative_each(a, b, a.alternatives, b.alternatives)  # one template, two things
    if contrasted and contrasted[0] in ONE_OUTCOME_KINDS and not (_counted(a) and _counted(b)):
        # "The concert was cancelled" / "... was delayed": one event, two outcomes told; "1,500 flights were
        # cancelled" / "1,500 flights were delayed" counts two sets of flights
        return explained(CONFLICTING, RULE_OPPOSITE, f"opposite outcomes: {contrasted[1]!r} vs {contrasted[2]!r} of one "
                                                     f"event, no count of each; {_scores(score, frame, features)}")
    if contrasted:
        return explained(DIFFERENT, RULE_DIFFERENT_THINGS,
                         f"{_CONTRASTED.format(*contrasted, CONTRAST_MIN_SCORE)}; {_scores(score, frame, features)}")
    clash = _one_alternative_each(a, b, a.identities, b.identities)  # one person, two identities
    if clash:
        return explained(CONFLICTING, RULE_IDENTITY, f"{_IDENTITY_CLASH.format(*clash, CONTRAST_MIN_SCORE)}; {_scores(score, frame, features)}")
    for rule, check in ((RULE_DIFFERENT_KINDS, _different_quantities), (RULE_OTHER_DATES, _figures_of_two_dates)):
        different = check(a, b)
        if different:
            return explained(DIFFERENT, rule, f"{different}; {_scores(score, frame, features)}")
    unshared_negation = _unshared_negation(a, b)
    if unshared_negation:
        score *= UNSHARED_NEGATION_FACTOR
    scores = _scores(score, frame, features)

    def conflicting(rule: str, conflict: str, why: str = "") -> match_pb2.MatchExplanation:
        """A conflicting detail, unless the statements name two different events."""
        events = _different_events(a, b) if rule != RULE_CONFIRM_DENY else None
        if not events and rule in (RULE_PLACE, RULE_VENUE):
            events = _many_placed(a, b)
        if not events and rule in (RULE_NUMBER, RULE_DATE, RULE_TIME):
            events = _each_names_another(a, b) or _reversal(a, b)
        if rule == RULE_NUMBER and not events:
            measures = _figures_of_two_measures(a, b)
            if measures:
                return explained(DIFFERENT, RULE_DIFFERENT_THINGS, f"{conflict}, but {measures}; {scores}")
        if not events and rule in (RULE_DATE, RULE_TIME) and (a.repeat or b.repeat):
            events = "one tells a repeat of the event (\"again\", \"for a second time\"): two occasions, not a conflict"
        if events:
            return explained(DIFFERENT, RULE_DIFFERENT_EVENTS, f"{conflict}, but {events}; {scores}")
        return explained(CONFLICTING, rule, f"{conflict}; {scores}{why}")

    if score < threshold:
        if score >= CONFLICT_FLOOR * threshold and not unshared_negation:
            # Below the same-claim threshold but the same event frame: an incompatible detail (a
            # different figure, date, polarity) is what keeps the score down, so it is a conflict.
            # A denial has its own test of sameness (detail_conflict); other details need the frame.
            found = detail_conflict(a, b, frame, features[2])
            if found and (found[0] == RULE_CONFIRM_DENY or (
                    frame >= CONFLICT_MIN_FRAME and found[0] not in (RULE_PLACE, RULE_VENUE))):
                return conflicting(*found, f" below threshold {threshold:g} but the event frame is shared "
                                           f"(score >= {CONFLICT_FLOOR:g} x threshold)")
        if unshared_negation:
            return explained(DIFFERENT, RULE_UNSHARED_NEGATION, f"{scores} below threshold {threshold:g} "
                             "(one side negates a predicate the other does not state)")
        return explained(DIFFERENT, RULE_BELOW_THRESHOLD, f"{scores} below threshold {threshold:g}")
    name_only = _only_a_name_shared(a, b, figures_agree)
    if name_only:
        return explained(DIFFERENT, RULE_NAME_ONLY, f"{name_only}; {scores}")
    found = detail_conflict(a, b, frame, features[2], same_claim=True)
    if found:
        return conflicting(*found)
    unit_clash = _number_conflict(a, b) if frame < UNIT_CONFLICT_MIN_FRAME else None
    if unit_clash:
        return explained(DIFFERENT, RULE_DIFFERENT_FIGURES,
                         f"{unit_clash.replace('number mismatch', 'different figures')} and the event frame differs "
                         f"(frame similarity {frame:.1f} < {UNIT_CONFLICT_MIN_FRAME:g}): two quantities, not one claim; "
                         f"{scores}")
    common = _one_common_word(lone_word, local)
    if common:
        return explained(DIFFERENT, RULE_COMMON_WORD_ONLY, f"{common}; {scores}")
    swapped = _swapped(a, b)
    if swapped:
        if _OUTCOMES.intersection(a.core.split()):  # one winner: the outlets disagree on who
            return conflicting(RULE_ACTOR, f"actor mismatch: {swapped[0]} and {swapped[1]} in each other's place "
                                           f"in an act with one winner")
        return explained(DIFFERENT, RULE_DIFFERENT_ACTORS, f"{swapped[0]} and {swapped[1]} in each other's place: "
                                                           f"each does to the other; {scores}")
    if _mirrored(a, b):
        return explained(DIFFERENT, RULE_DIFFERENT_ACTORS, f"mirrored actors ({a.subject_place} / {b.subject_place}): "
                                                           f"each does to the other; {scores}")
    actors = _different_actors(a, b)
    if actors:
        x, y, rest, sole = actors
        if sole:  # one winner, one host, one president: the outlets disagree on who
            return conflicting(RULE_ACTOR, f"actor mismatch ({x} vs {y}) in a role only one can hold, and the rest of "
                                           f"the statements in the same words (ratio {rest:.1f} >= {SOLE_ROLE_MIN_REST:g})")
        alike = f"the rest of the statements reads alike (ratio {rest:.1f} >= {CONTRAST_MIN_SCORE:g})"
        return explained(DIFFERENT, RULE_DIFFERENT_ACTORS, f"different actors ({x} vs {y}) and {alike}: two facts, "
                                                           f"one of each; {scores}")
    relative = _relative_and_person(a, b)
    if relative:
        return explained(DIFFERENT, RULE_DIFFERENT_ACTORS, f"{relative}; {scores}")
    return explained(SAME, RULE_SAME,
                     f"{scores} at or above threshold {threshold:g}; numbers, dates, places and polarity agree")


class _Floors(NamedTuple):
    """decide()'s score floors for a threshold, as logits of the same-claim model (prune.floor_z)."""
    same: float      # the threshold: a same-claim link, or any conflict
    conflict: float  # CONFLICT_FLOOR x threshold: a conflict of details with the frames alike
    denial: float    # DENIAL_FLOOR x threshold: a denial without the same subject otherwise shown

    @classmethod
    def of(cls, threshold: float) -> _Floors:
        return cls(prune.floor_z(threshold), prune.floor_z(CONFLICT_FLOOR * threshold),
                   prune.floor_z(DENIAL_FLOOR * threshold))


def _surely_different(z: float, shared: float, frame: float, denial_possible: bool, floors: _Floors) -> bool:
    """Whether decide() calls a pair DIFFERENT whatever its details, from upper bounds on its model
    logit, its weighted share of words (features.wcont) and its frame score: below the threshold, a
    detail conflict needs CONFLICT_FLOOR and a frame of CONFLICT_MIN_FRAME, and a denial (possible
    only when a side can deny) the denial floor or the same subject (_same_subject)."""
    if z >= floors.same or (z >= floors.conflict and frame >= CONFLICT_MIN_FRAME):
        return False
    if denial_possible and (z >= floors.denial or frame >= NEGATION_MIN_FRAME or shared >= NEGATION_MIN_SHARED):
        return False
    return True


def compare(a: claim_pb2.Claim, b: claim_pb2.Claim, threshold: float = DEFAULT_THRESHOLD) -> match_pb2.MatchExplanation:
    """Same claim, conflicting claim, or different, with the score and the rule that fired."""
    return decide(match_form(a), match_form(b), threshold)


def byline_credit(byline: str) -> str:
    """The credit a byline gives, folded: 'By Meridian Press' and 'MERIDIAN PRESS' are one credit."""
    text = re.sub(r"\(.*?\)", " ", byline.lower())
    text = re.sub(r"^\s*by\s+", "", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def dateline_credit(text: str) -> str:
    """The agency credit of a wire dateline opening the text ('(LPA) — …' -> 'lpa'), or ''."""
    m = _DATELINE_CREDIT.match(text)
    return byline_credit(m.group(1)) if m else ""


def _acronym(credit: str) -> str:
    return "".join(word[0] for word in credit.split())


def credits_match(credits: list[str], original_credit: str, original_source: str) -> bool:
    """Whether a copy's credit names the original: its byline credit, its acronym, or its outlet."""
    source_name = original_source.split(".")[0].lower()
    for credit in credits:
        if not credit:
            continue
        if original_credit and (fuzz.token_set_ratio(credit, original_credit) >= REPRINT_BYLINE_SIMILARITY
                                or credit.replace(" ", "") == _acronym(original_credit)):
            return True
        if fuzz.ratio(credit.replace(" ", ""), source_name) >= REPRINT_BYLINE_SIMILARITY:
            return True
        if len(credit.split()) == 1 and len(credit) <= 5 and credit == _acronym(" ".join(
                re.findall(r"[a-z]+", original_credit))):
            return True
    return False


@dataclass(slots=True)
class _Row:
    claim_id: str
    article_id: str
    source: str
    text: str
    form: MatchForm
    match: bytes  # the serialised ClaimMatch: small, parsed only when asked for
    cluster_id: str  # = the ClaimMatch's, kept apart so ranking never parses `match`


class SimilarHit(NamedTuple):
    """One FindSimilar result: the indexed claim's placement, the decision on the pair, the ranking
    model's relevance (0..100), and whether the candidate was among the SIMILAR_POOL of best frame
    score the model ranks first. order() is the key results are sorted by, in one index and across
    stories alike."""
    match: match_pb2.ClaimMatch
    explanation: match_pb2.MatchExplanation
    relevance: float
    in_pool: bool

    def order(self) -> tuple[bool, float, str]:
        return (not self.in_pool, -self.relevance, self.match.claim.id)


class ClaimIndex:
    """The matcher's state: indexed claims (bounded by count and by age), their clusters, and
    reprint marks per article."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, max_claims: int = 1_000_000,
                 window_seconds: float = DEFAULT_WINDOW_SECONDS, workers: int = 1,
                 cluster_support: float = CLUSTER_SUPPORT) -> None:
        self.threshold = threshold
        self.cluster_support = cluster_support
        self._members: dict[str, list[int]] = {}  # cluster id -> rows, in arrival order
        self._local = LocalRarity()
        self.max_claims = max_claims
        self.window_seconds = window_seconds
        self._rows: dict[int, _Row] = {}
        self._row_of: dict[str, int] = {}
        self._blocking = BlockingIndex(workers=workers)
        self._order: deque[tuple[int, float]] = deque()  # (row, published seconds) by arrival
        self._next_row = 0
        self._newest = 0.0
        # Per article, kept while the article has a live claim or a live reprint points at it
        # (_article_refs counts both), so the dicts shrink with the claims.
        self._article_source: dict[str, str] = {}
        self._article_credit: dict[str, str] = {}
        self._reprint_of: dict[str, str] = {}
        self._article_refs: dict[str, int] = {}
        self.prune = prune.enabled()  # skip decide() for candidates bounded below the link floor

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, claim_id: str) -> match_pb2.ClaimMatch | None:
        row = self._row_of.get(claim_id)
        return match_pb2.ClaimMatch.FromString(self._rows[row].match) if row is not None else None

    def place(self, claim: claim_pb2.Claim) -> match_pb2.ClaimMatch:
        """Puts a claim into a cluster and returns the placement. A claim seen before gets its
        earlier placement again (redelivery is harmless)."""
        known = self.get(claim.id)
        if known is not None:
            return known
        self._note_article(claim)
        form = match_form(claim)
        published = _seconds(claim)
        ranked = self._rank(form, published, exclude_article=claim.article_id)
        reprint_of = self._note_reprint(claim, ranked)
        match = match_pb2.ClaimMatch(claim=claim, cluster_id=claim.id, reprint_of_article_id=reprint_of,
                                     independent_source=self._article_source.get(reprint_of, claim.source))
        best = self._best_cluster(form, ranked, claim.article_id, "" if claim.hedged else match.independent_source)
        if best is not None:
            other, explanation = best
            match.cluster_id = other.cluster_id
            match.matched_claim_id = other.claim_id
            match.explanation.CopyFrom(explanation)
        else:
            match.explanation.CopyFrom(match_pb2.MatchExplanation(
                decision=DIFFERENT, rule=RULE_NO_SIMILAR, reason="no indexed claim is similar enough: new cluster"))
        self._add(_Row(claim.id, claim.article_id, claim.source, claim.text, form,
                       match.SerializeToString(), match.cluster_id), published)
        return match

    def add_unmatched(self, claim: claim_pb2.Claim) -> None:
        """Indexes a claim as a cluster of its own without matching it: bulk loading of synthetic
        indexes for benchmarks (place() is what replay uses, so a restart rebuilds real clusters)."""
        if claim.id in self._row_of:
            return
        self._note_article(claim)
        match = match_pb2.ClaimMatch(claim=claim, cluster_id=claim.id, independent_source=claim.source)
        self._add(_Row(claim.id, claim.article_id, claim.source, claim.text, match_form(claim),
                       match.SerializeToString(), claim.id), _seconds(claim))

    def _best_cluster(self, form: MatchForm, ranked, article_id: str, source: str):
        """The cluster to join: among clusters with a same-claim or conflict link at or above the
        threshold, the one with the highest mean score over its members (each member compared, not
        only the best one), provided that mean reaches cluster_support x threshold. Within it, the
        link shown is the best same-claim link, else the best conflict link; but a conflict of
        details (not a denial, the noisiest) with another outlet's claim, neither of them hedged,
        scoring at least that same-claim link comes first: "five years" joining "six years" and a
        report of the same sentence with no term disputes the cluster, and the scorer must see it.
        `source`: the claim's counted outlet, "" for a hedged claim (the scorer lets it dispute nothing)."""
        linked: dict[str, list] = {}
        for row, e in ranked:
            if e is not None and e.decision in (SAME, CONFLICTING):
                linked.setdefault(row.cluster_id, [])
        if not linked:
            return None
        known = {row.claim_id: e for row, e in ranked if e is not None}
        options = []
        for cluster in sorted(linked):
            members = [self._rows[r] for r in self._members.get(cluster, []) if r in self._rows]
            members = [m for m in members if m.article_id != article_id][-MEMBERS_COMPARED:]
            if not members:
                continue
            scored = [(m, known.get(m.claim_id) or decide(form, m.form, self.threshold, self._local)) for m in members]
            mean = sum(e.score for _, e in scored) / len(scored)
            best = _best(scored)
            # A conflict of figures, dates or places may score below the threshold (decide: shared
            # event frame), so a cluster joined by one needs the support of that lower floor only.
            # A denial keeps the full threshold: "X is a hoax" is said of many claims.
            floor = self.threshold
            if best is not None and best[1].decision == CONFLICTING and best[1].rule != RULE_CONFIRM_DENY:
                floor = CONFLICT_FLOOR * self.threshold
            if best is None or mean < self.cluster_support * floor:
                continue
            kind = 0 if best[1].decision == SAME else 1
            disputed = source and _best([
                (m, e) for m, e in scored if e.decision == CONFLICTING and e.rule != RULE_CONFIRM_DENY
                and e.score >= best[1].score and self._article_source.get(
                    self._reprint_of.get(m.article_id, m.article_id), m.source) != source
                and not match_pb2.ClaimMatch.FromString(m.match).claim.hedged])
            options.append((-mean, kind, best[0].claim_id, disputed or best))
        if not options:
            return None
        return min(options, key=lambda o: o[:3])[3]

    def similar_candidates(self, form: MatchForm) -> list[tuple[_Row, float, int]]:
        """Every blocking candidate of a FindSimilar query (at most blocking.MAX_CANDIDATES) as (row,
        frame score, token_sort_ratio), best frame score first: what the ranking model sees. No
        cutoff on the frame score: min_score is on the same-claim score, which may be the higher."""
        hits = self._blocking.search_parts(form, 0.0, limit=MAX_CANDIDATES)
        return [(row, frame, sort_ratio) for row_id, frame, _, sort_ratio in hits
                if (row := self._rows.get(row_id)) is not None]

    def find_similar(self, claim: claim_pb2.Claim, limit: int = 10, min_score: float = 0.0) -> list[SimilarHit]:
        """The indexed claims most likely to state `claim`'s claim (at most blocking.MAX_CANDIDATES),
        each with the full decision, best first by the ranking model (features.relevance) over the
        SIMILAR_POOL candidates of best frame score, which it was fitted on; the other candidates
        follow, ordered the same way among themselves, when min_score or the limit leaves the list
        short. So the results for a limit start the results for a larger one. min_score drops
        results whose same-claim score (explanation.score) is below it."""
        form = match_form(claim)
        candidates = self.similar_candidates(form)
        found = []
        for in_pool, part in ((True, candidates[:SIMILAR_POOL]), (False, candidates[SIMILAR_POOL:])):
            ranked = sorted((-relevance(form, row.form, frame, sort_ratio, self._local), row.claim_id, row)
                            for row, frame, sort_ratio in part)
            for neg_relevance, _, row in ranked:
                if len(found) == limit:
                    return found
                explanation = decide(form, row.form, self.threshold, self._local)
                if explanation.score >= min_score:
                    found.append(SimilarHit(match_pb2.ClaimMatch.FromString(row.match), explanation, -neg_relevance,
                                            in_pool))
        return found

    def _rank(self, form: MatchForm, published: float, exclude_article: str):
        """The blocking step's candidates, with the model and the decision rules applied: (row,
        explanation), the explanation None for a candidate whose score bound (prune.py) shows the
        decision would be DIFFERENT (decided later only if a cluster it belongs to is weighed)."""
        hits = self._blocking.search_parts(form, min(self.threshold, CANDIDATE_SCORE), limit=RULE_CANDIDATES,
                                           window=(published, self.window_seconds) if published else None)
        rows = [(self._rows.get(row_id), frame, set_ratio, sort_ratio) for row_id, frame, set_ratio, sort_ratio in hits]
        rows = [r for r in rows if r[0] is not None and r[0].article_id != exclude_article]
        query = prune.QuerySide(form, self._local, [r.form for r, *_ in rows]) if self.prune and rows else None
        floors = _Floors.of(self.threshold)
        query_denies = can_deny(form)
        ranked = []
        for row, frame, set_ratio, sort_ratio in rows:
            if query is not None:
                z, shared = prune.upper_bounds(query, row.form, set_ratio, sort_ratio)
                # frame: pair_score of the two ratios cdist rounded, each within half a point of it.
                # an identity clash (RULE_IDENTITY) needs no score floor: such pairs are always decided
                if not (form.identities and row.form.identities) and _surely_different(
                        z, shared, frame + 1, query_denies or can_deny(row.form), floors):
                    ranked.append((row, None))
                    continue
            ranked.append((row, decide(form, row.form, self.threshold, self._local)))
        return ranked

    def _note_reprint(self, claim: claim_pb2.Claim, ranked) -> str:
        """Marks an article as a reprint of an earlier one from another outlet when a sentence is
        nearly verbatim and the byline or the dateline credits that outlet or its agency."""
        if claim.article_id in self._reprint_of:
            return self._reprint_of[claim.article_id]
        credits = [byline_credit(claim.byline), dateline_credit(claim.text)]
        if not any(credits):
            return ""
        for row, _ in ranked:
            original = self._reprint_of.get(row.article_id, row.article_id)
            if self._article_source.get(original) == claim.source:
                continue
            if fuzz.ratio(_body(claim.text), _body(row.text)) < REPRINT_TEXT_SIMILARITY:
                continue
            if credits_match(credits, self._article_credit.get(original, ""), self._article_source.get(original, "")):
                self._reprint_of[claim.article_id] = original
                self._ref_article(original)  # released when the reprint's last claim is evicted
                return original
        return ""

    def _add(self, row: _Row, published: float) -> int:
        row_id = self._next_row
        self._next_row += 1
        self._rows[row_id] = row
        self._row_of[row.claim_id] = row_id
        self._members.setdefault(row.cluster_id, []).append(row_id)
        self._blocking.add(row_id, row.form, published)
        self._local.add(row.form)
        self._order.append((row_id, published))
        self._newest = max(self._newest, published)
        self._evict()
        return row_id

    @property
    def newest(self) -> float:
        """The newest publication time this index has seen (or been aged to by `expire`)."""
        return self._newest

    def expire(self, now_seconds: float) -> int:
        """Evicts the claims older than the window as of `now_seconds` (a clock beside the claims:
        an index that receives no new claims still empties with age). Returns how many left."""
        before = len(self._rows)
        self._newest = max(self._newest, now_seconds)
        self._evict()
        return before - len(self._rows)

    def _evict(self) -> None:
        while self._order and (len(self._rows) > self.max_claims or (
                self._order[0][1] and self._newest - self._order[0][1] > self.window_seconds)):
            old_id, _ = self._order.popleft()
            old = self._rows.pop(old_id)
            self._row_of.pop(old.claim_id, None)
            self._blocking.remove(old_id)
            self._local.remove(old.form)
            members = self._members.get(old.cluster_id)
            if members is not None:
                members.remove(old_id)
                if not members:
                    del self._members[old.cluster_id]
            self._release_article(old.article_id)

    def _note_article(self, claim: claim_pb2.Claim) -> None:
        """The article's outlet and byline credit, kept while its claims are (see _release_article)."""
        self._ref_article(claim.article_id)
        self._article_source.setdefault(claim.article_id, claim.source)
        self._article_credit.setdefault(claim.article_id, byline_credit(claim.byline))

    def _ref_article(self, article_id: str) -> None:
        self._article_refs[article_id] = self._article_refs.get(article_id, 0) + 1

    def _release_article(self, article_id: str) -> None:
        """Drops an article's source, credit and reprint mark once nothing live refers to it: no
        claim of it is indexed and no indexed reprint names it as its original."""
        while article_id is not None:
            left = self._article_refs.get(article_id, 0) - 1
            if left > 0:
                self._article_refs[article_id] = left
                return
            self._article_refs.pop(article_id, None)
            self._article_source.pop(article_id, None)
            self._article_credit.pop(article_id, None)
            article_id = self._reprint_of.pop(article_id, None)


def _body(text: str) -> str:
    """Text without a leading wire dateline, for the verbatim test."""
    m = _DATELINE_CREDIT.match(text)
    return text[m.end():].strip() if m else text


def _seconds(claim: claim_pb2.Claim) -> float:
    return claim.published_at.seconds + claim.published_at.nanos / 1e9 if claim.HasField("published_at") else 0.0


def _best(ranked):
    """A same-claim link beats a conflict link; a conflict link beats a new cluster. Ties go to
    the higher score, then the earliest claim (deterministic)."""
    for wanted in (SAME, CONFLICTING):
        options = [(row, e) for row, e in ranked if e.decision == wanted]
        if options:
            return min(options, key=lambda re_: (-re_[1].score, re_[0].claim_id))
    return None
