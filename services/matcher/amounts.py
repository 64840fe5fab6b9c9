"""When two figures are one figure written twice: rounding in the copy ("almost 25,000" / 24,600), a
bound that holds the other ("at least 14" / 17), a duration in another unit ("72 hours" / "three
days"). The conflict rules (matching.py) read figures that do not agree as a disagreement; the
same-claim features (features.py) read figures that do as a word both statements share.
"""

from __future__ import annotations

from shared.figures import figure_text

from .normalize import AT_LEAST, MatchForm

# Two quantities within this relative distance are the same figure (rounding in the copy).
NUMBER_TOLERANCE = 0.005
# A rounded figure ("about 25,000") and a precise one (24,600) within this relative distance agree.
ROUNDING_TOLERANCE = 0.05
# ... when the rounded figure drops at least two digits of a whole number, or the decimals of one.
ROUNDING_MIN_STEP = 100.0
# Percentages below this on a quarter step are read as rates set in quarter points (rounds_to).
QUARTER_STEP_BELOW = 10.0
SHARES = frozenset(("percent", "pp"))
# A bound holds figures within this factor of it: "at least 14" / "17" is one toll, "at least 14" /
# "140" two.
BOUND_MAX_RATIO = 3.0
# Lengths of time in hours: one duration written in two units is one figure ("a 72-hour strike" /
# "a three-day strike"). Months and years vary in length and are more often ages or dates: left out.
DURATION_HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0}
DURATION_TOLERANCE = 0.1


def granularity(x: float) -> float:
    """The precision a figure is written to: 25000 -> 1000, 71 -> 1, 71.4 -> 0.1."""
    if x != int(x):
        return 10.0 ** -len(f"{x:.6f}".rstrip("0").split(".")[1])
    g, n = 1.0, int(abs(x))
    while n and n % 10 == 0:
        g *= 10
        n //= 10
    return g


def rounds_to(precise: float, rounded: float, unit: str = "", marked: bool = False) -> bool:
    """Whether `rounded` is `precise` written to fewer digits ("71 percent" for 71.4 percent,
    "25,000" for 24,600): within half its last digit, and within ROUNDING_TOLERANCE of it, so "10
    dead" never rounds "12 dead" nor "30 injured" "31 injured". A figure its writer marks as rounded
    (`marked`: "nearly 50%", "approximately 45,000", "nearly a third") rounds by as much as
    ROUNDING_TOLERANCE, whatever its digits: "nearly 50%" is 48%, "approximately 45,000" 44,100,
    "nearly a third" 32%. A small percentage on a quarter step is a level set in quarters, not
    rounded to a whole one: "held rates at 5.25%" / "at 5%" differ."""
    diff = abs(precise - rounded)
    if marked:
        return diff <= ROUNDING_TOLERANCE * max(abs(precise), abs(rounded))
    g = granularity(rounded)
    if g <= granularity(precise) or (g < ROUNDING_MIN_STEP and precise == int(precise)):
        return False  # "30 injured" is not a rounding of "31 injured"; "71 percent" is of "71.4"
    if unit in SHARES and (precise * 4) % 2 == 1 and precise < QUARTER_STEP_BELOW:
        return False  # 5.25, 5.75: a rate set in quarter points (not a move of 12.75%: "nearly 13%")
    return diff <= g / 2 and diff <= ROUNDING_TOLERANCE * max(abs(precise), abs(rounded))


def close(x: float, y: float, unit: str = "", x_marked: bool = False, y_marked: bool = False) -> bool:
    """One figure written twice: equal up to rounding in the copy or to fewer digits (x_marked,
    y_marked: that figure is written as rounded, rounds_to)."""
    return (abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y)) or rounds_to(x, y, unit, y_marked)
            or rounds_to(y, x, unit, x_marked))


def agree(x: float, x_bound: str, y: float, y_bound: str, unit: str = "", x_marked: bool = False,
          y_marked: bool = False) -> bool:
    """Two figures of one thing agree when one is the other written again (close), or when a bound
    holds the other, within BOUND_MAX_RATIO: "at least 14" / "17", "as many as 300" / "250", "at least 14"
    / "at most 20"; two bounds the same way do ("more than 40" / "at least 30")."""
    if close(x, y, unit, x_marked, y_marked):
        return True
    if x_bound and x_bound == y_bound:
        return max(x, y) <= BOUND_MAX_RATIO * min(x, y)
    if not x_bound:
        x, x_bound, y, y_bound = y, y_bound, x, x_bound
    if not x_bound:
        return False
    low, high = (x, y) if x_bound == AT_LEAST else (y, x)
    return low <= high <= BOUND_MAX_RATIO * low


def unit_family(unit: str) -> str:
    return "duration" if unit in DURATION_HOURS else unit


def durations_agree(unit_a: str, value_a: float, unit_b: str, value_b: float) -> bool:
    """One length of time in two units, within the rounding a writer of the larger unit allows (half
    that unit, and DURATION_TOLERANCE of the length): "nearly two weeks" / "13 days" and "about 3
    hours" / "170 minutes" agree, "48 hours" / "three days" and "36 hours" / "two days" do not."""
    hours_a, hours_b = value_a * DURATION_HOURS[unit_a], value_b * DURATION_HOURS[unit_b]
    diff = abs(hours_a - hours_b)
    return diff <= max(DURATION_HOURS[unit_a], DURATION_HOURS[unit_b]) / 2 and diff <= DURATION_TOLERANCE * max(
        hours_a, hours_b)


def figures_written_twice(a: MatchForm, b: MatchForm) -> dict[str, set[str]]:
    """Figure words of `a` (as the bag spells them) that `b` gives written another way, each with the
    figure words of `b` it agrees with (a symmetric relation: for b and a, see written_back): of one unit (a bare count is a unit of its own) and equal up
    to rounding in the copy, or one a rounding of the other that its writer marks as rounded ("almost
    25,000" / 24,600; an unmarked "$3 billion" is no rounding of "$2.91 billion"), or one duration
    in two units (durations_agree). Looser agreement (a bound, an unmarked rounding) keeps two
    figures from conflicting but is no evidence that they are one. Figures both spell alike are left
    out: they are a shared word already."""
    if not a.numbers or not b.numbers:
        return {}
    found: dict[str, set[str]] = {}
    rounded = a.rounded or b.rounded
    for number_a in a.numbers:
        unit_a, _, x = number_a
        for number_b in b.numbers:
            unit_b, _, y = number_b
            if x == y:
                continue  # one spelling (this runs for every candidate pair: the common case first)
            if unit_a == unit_b:
                same = abs(x - y) <= NUMBER_TOLERANCE * max(abs(x), abs(y)) or rounded and (
                    number_a in a.rounded or number_b in b.rounded) and rounds_to(x, y, unit_a, marked=True)
            else:
                same = unit_a in DURATION_HOURS and unit_b in DURATION_HOURS and durations_agree(unit_a, x, unit_b, y)
            if same and (text_a := figure_text(x)) != (text_b := figure_text(y)):
                found.setdefault(text_a, set()).add(text_b)
    return found


def written_back(found: dict[str, set[str]]) -> dict[str, set[str]]:
    """figures_written_twice(b, a) from figures_written_twice(a, b): the relation is symmetric."""
    back: dict[str, set[str]] = {}
    for text_a, texts_b in found.items():
        for text_b in texts_b:
            back.setdefault(text_b, set()).add(text_a)
    return back
